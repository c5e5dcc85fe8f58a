DROP INDEX "mql_records_mql_at_idx";--> statement-breakpoint
CREATE INDEX "mql_records_funnel_idx" ON "mql_records" USING btree ("mql_at","status","accepted_at","sql_at","opportunity_at","won_at","lost_at","rejected_at","first_touch_at","source","region","segment","campaign_id","assigned_rep_id","model_version_id");--> statement-breakpoint
-- The planner keeps no statistics on an expression unless asked, and without them it takes a
-- GROUP BY MQL month for one group per record (lib/analytics/cohort-month.ts has the expression).
CREATE STATISTICS IF NOT EXISTS "mql_records_mql_month_stats" ON (date_trunc('month', "mql_at" at time zone 'UTC')) FROM "mql_records";--> statement-breakpoint
ANALYZE "mql_records";
