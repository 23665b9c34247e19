CREATE TABLE "advisory_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisory_id" uuid NOT NULL,
	"mobility_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "country_advisories" ADD COLUMN "until_date" date;--> statement-breakpoint
ALTER TABLE "advisory_overrides" ADD CONSTRAINT "advisory_overrides_advisory_id_country_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."country_advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_overrides" ADD CONSTRAINT "advisory_overrides_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advisory_overrides_once" ON "advisory_overrides" USING btree ("advisory_id","mobility_id");