ALTER TABLE "contact_scores" ADD COLUMN "sums_version_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "sums_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "rule_occurrences" double precision[];--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "action_last_at" timestamp with time zone[];--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "earliest_counted_at" timestamp with time zone;