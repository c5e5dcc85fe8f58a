ALTER TABLE "contact_scores" ADD COLUMN "sums_version_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "sums_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "rule_occurrences" double precision[];--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "action_last_at" timestamp with time zone[];--> statement-breakpoint
ALTER TABLE "contact_scores" ADD COLUMN "earliest_counted_at" timestamp with time zone;--> statement-breakpoint
-- While a scoring run builds its copy of contact_scores, a trigger with this function records
-- each contact whose live row is written in the run's own table (the trigger's argument), so the
-- swap re-applies only those (lib/scoring/swap-contact-scores.ts).
CREATE FUNCTION "contact_scores_record_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO %I (contact_id) VALUES ($1)', TG_ARGV[0])
    USING CASE WHEN TG_OP = 'DELETE' THEN OLD.contact_id ELSE NEW.contact_id END;
  RETURN NULL;
END
$$;
