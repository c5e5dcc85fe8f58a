CREATE TABLE "mql_reassignments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mql_reassignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mql_record_id" uuid NOT NULL,
	"field" text NOT NULL,
	"from_user_id" uuid,
	"to_user_id" uuid,
	"reassigned_by_id" uuid,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "qualified_by_id" uuid;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "sales_rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "sales_rejected_by_id" uuid;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "sales_rejection_reason" text;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "sales_rejection_note" text;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "sales_rejection_outcome" text;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "last_action_by_id" uuid;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "last_action" text;--> statement-breakpoint
ALTER TABLE "mql_records" ADD COLUMN "last_action_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mql_reassignments" ADD CONSTRAINT "mql_reassignments_mql_record_id_mql_records_id_fk" FOREIGN KEY ("mql_record_id") REFERENCES "public"."mql_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mql_reassignments" ADD CONSTRAINT "mql_reassignments_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mql_reassignments" ADD CONSTRAINT "mql_reassignments_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mql_reassignments" ADD CONSTRAINT "mql_reassignments_reassigned_by_id_users_id_fk" FOREIGN KEY ("reassigned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mql_reassignments_record_idx" ON "mql_reassignments" USING btree ("mql_record_id","at");--> statement-breakpoint
ALTER TABLE "mql_records" ADD CONSTRAINT "mql_records_qualified_by_id_users_id_fk" FOREIGN KEY ("qualified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mql_records" ADD CONSTRAINT "mql_records_sales_rejected_by_id_users_id_fk" FOREIGN KEY ("sales_rejected_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mql_records" ADD CONSTRAINT "mql_records_last_action_by_id_users_id_fk" FOREIGN KEY ("last_action_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;