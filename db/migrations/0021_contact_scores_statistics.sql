-- The carried sums are read row by row, never searched: statistics on their elements would cost
-- every ANALYZE of contact_scores (each scoring run's, autovacuum's) for nothing.
ALTER TABLE "contact_scores" ALTER COLUMN "rule_occurrences" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "contact_scores" ALTER COLUMN "action_last_at" SET STATISTICS 0;
