CREATE TABLE "account_scores" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_scores" ADD CONSTRAINT "account_scores_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "account_scores" ("account_id", "score") SELECT "id", "account_score" FROM "accounts" WHERE "account_score" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "account_score";