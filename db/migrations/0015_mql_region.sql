ALTER TABLE "mql_records" ADD COLUMN "region" text;--> statement-breakpoint
UPDATE "mql_records" SET "region" = "contacts"."region" FROM "contacts" WHERE "contacts"."id" = "mql_records"."contact_id";
