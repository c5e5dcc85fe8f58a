CREATE TYPE "public"."scoring_run_phase" AS ENUM('computing', 'writing', 'designating');--> statement-breakpoint
DROP TABLE "scoring_run_results" CASCADE;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD COLUMN "phase" "scoring_run_phase";--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD COLUMN "candidate_mqls" integer;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD COLUMN "processed_candidates" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring_runs" DROP COLUMN "processed_contacts";