ALTER TABLE "contact_refresh_queue" RENAME TO "contact_refresh_queue_0004";--> statement-breakpoint
ALTER TABLE "contact_refresh_queue_0004" RENAME CONSTRAINT "contact_refresh_queue_pkey" TO "contact_refresh_queue_0004_pkey";--> statement-breakpoint
CREATE TABLE "contact_refresh_queue" (
	"id" bigint PRIMARY KEY NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "contact_refresh_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_ids" uuid[] NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
INSERT INTO "contact_refresh_queue" ("contact_ids") SELECT array_agg("contact_id") FROM "contact_refresh_queue_0004" HAVING count(*) > 0;--> statement-breakpoint
DROP TABLE "contact_refresh_queue_0004";
