CREATE TYPE "public"."backtest_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "backtests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_version_id" uuid NOT NULL,
	"baseline_version_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"from" timestamp with time zone NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"status" "backtest_status" DEFAULT 'queued' NOT NULL,
	"chunks_done" integer DEFAULT 0 NOT NULL,
	"chunks_total" integer NOT NULL,
	"result" jsonb,
	"error" text,
	"requested_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_draft_version_id_scoring_model_versions_id_fk" FOREIGN KEY ("draft_version_id") REFERENCES "public"."scoring_model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_baseline_version_id_scoring_model_versions_id_fk" FOREIGN KEY ("baseline_version_id") REFERENCES "public"."scoring_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backtests_draft_idx" ON "backtests" USING btree ("draft_version_id","created_at" DESC NULLS LAST);