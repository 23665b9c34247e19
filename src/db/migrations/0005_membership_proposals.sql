CREATE TABLE "membership_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" text NOT NULL,
	"institution_id" text NOT NULL,
	"joined_on" date NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_by_user_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership_proposals" ADD CONSTRAINT "membership_proposals_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_proposals" ADD CONSTRAINT "membership_proposals_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_proposals" ADD CONSTRAINT "membership_proposals_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_proposals" ADD CONSTRAINT "membership_proposals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_proposals_open_key" ON "membership_proposals" USING btree ("consortium_id","institution_id") WHERE "membership_proposals"."status" = 'proposed';--> statement-breakpoint
CREATE INDEX "membership_proposals_institution_idx" ON "membership_proposals" USING btree ("institution_id");