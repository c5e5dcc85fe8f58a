CREATE TYPE "public"."scoring_run_reason" AS ENUM('publish', 'daily', 'manual');--> statement-breakpoint
CREATE TYPE "public"."scoring_run_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
-- Unlogged: a run's working rows, rebuilt by running it again after a crash.
CREATE UNLOGGED TABLE "scoring_run_results" (
	"run_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"contact_id" uuid NOT NULL,
	"fit" double precision NOT NULL,
	"engagement" double precision NOT NULL,
	"fit_threshold" double precision NOT NULL,
	"engagement_threshold" double precision NOT NULL,
	"segment" text,
	"meets_thresholds" boolean NOT NULL,
	"qualifying_action" text,
	CONSTRAINT "scoring_run_results_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "scoring_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_version_id" uuid NOT NULL,
	"reason" "scoring_run_reason" NOT NULL,
	"status" "scoring_run_status" DEFAULT 'queued' NOT NULL,
	"scored_at" timestamp with time zone,
	"total_contacts" integer,
	"processed_contacts" integer DEFAULT 0 NOT NULL,
	"changed_contacts" integer DEFAULT 0 NOT NULL,
	"designated_mqls" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD CONSTRAINT "scoring_runs_model_version_id_scoring_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."scoring_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD CONSTRAINT "scoring_runs_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scoring_runs_created_idx" ON "scoring_runs" USING btree ("created_at" DESC NULLS LAST);