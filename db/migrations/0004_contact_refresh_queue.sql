CREATE TABLE "contact_refresh_queue" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "contacts_owner_idx";--> statement-breakpoint
ALTER TABLE "contact_refresh_queue" ADD CONSTRAINT "contact_refresh_queue_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_refresh_queue_queued_idx" ON "contact_refresh_queue" USING btree ("queued_at");--> statement-breakpoint
CREATE INDEX "contacts_owner_idx" ON "contacts" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);