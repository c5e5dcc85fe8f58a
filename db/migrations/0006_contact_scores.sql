CREATE TABLE "contact_scores" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"fit_score" real DEFAULT 0 NOT NULL,
	"engagement_score" real DEFAULT 0 NOT NULL,
	"model_version_id" uuid,
	"scored_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
INSERT INTO "contact_scores" ("contact_id", "fit_score", "engagement_score", "model_version_id", "scored_at", "last_activity_at", "unsubscribed_at")
SELECT "id", "fit_score", "engagement_score", "score_model_version_id", "scored_at", "last_activity_at", "unsubscribed_at" FROM "contacts";--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_score_model_version_id_scoring_model_versions_id_fk";
--> statement-breakpoint
DROP INDEX "contacts_fit_idx";--> statement-breakpoint
DROP INDEX "contacts_engagement_idx";--> statement-breakpoint
DROP INDEX "contacts_activity_idx";--> statement-breakpoint
ALTER TABLE "contact_scores" ADD CONSTRAINT "contact_scores_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_scores" ADD CONSTRAINT "contact_scores_model_version_id_scoring_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."scoring_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_scores_fit_idx" ON "contact_scores" USING btree ("fit_score" DESC NULLS LAST,"contact_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_scores_engagement_idx" ON "contact_scores" USING btree ("engagement_score" DESC NULLS LAST,"contact_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_scores_activity_idx" ON "contact_scores" USING btree ("last_activity_at" DESC NULLS LAST,"contact_id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "fit_score";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "engagement_score";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "score_model_version_id";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "scored_at";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "last_activity_at";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "unsubscribed_at";--> statement-breakpoint
-- Every contact has its scores row from the moment it exists, whichever way it was inserted
-- (an upsert, COPY, a test): one statement-level insert per inserting statement.
CREATE FUNCTION "contacts_create_scores"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "contact_scores" ("contact_id") SELECT "id" FROM "inserted_contacts" ON CONFLICT ("contact_id") DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "contacts_create_scores" AFTER INSERT ON "contacts" REFERENCING NEW TABLE AS "inserted_contacts"
  FOR EACH STATEMENT EXECUTE FUNCTION "contacts_create_scores"();
