CREATE TABLE "agreement_signatures" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"party" text NOT NULL,
	"signatory" text NOT NULL,
	"signed_on" date NOT NULL,
	"signed_by" uuid,
	CONSTRAINT "agreement_signatures_agreement_id_version_party_pk" PRIMARY KEY("agreement_id","version","party")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_versions_agreement_id_version_pk" PRIMARY KEY("agreement_id","version")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_a_type" text NOT NULL,
	"party_a_id" text NOT NULL,
	"party_b_type" text NOT NULL,
	"party_b_id" text NOT NULL,
	"program_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"invented" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liaison_offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" text NOT NULL,
	"consortium_id" text,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"department" text,
	"person" text,
	"contact" text,
	"opened_on" date
);
--> statement-breakpoint
CREATE TABLE "mobilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid,
	"home_id" text NOT NULL,
	"host_id" text NOT NULL,
	"student_name" text NOT NULL,
	"level" text NOT NULL,
	"start_date" date NOT NULL,
	"months" double precision NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"invented" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" text NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consortia" ADD COLUMN "responsible_person" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "invented" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "rules" jsonb;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_offices" ADD CONSTRAINT "liaison_offices_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_offices" ADD CONSTRAINT "liaison_offices_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_home_id_institutions_id_fk" FOREIGN KEY ("home_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_host_id_institutions_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_party_a_idx" ON "agreements" USING btree ("party_a_id");--> statement-breakpoint
CREATE INDEX "agreements_party_b_idx" ON "agreements" USING btree ("party_b_id");--> statement-breakpoint
CREATE INDEX "mobilities_home_idx" ON "mobilities" USING btree ("home_id");--> statement-breakpoint
CREATE INDEX "mobilities_host_idx" ON "mobilities" USING btree ("host_id");--> statement-breakpoint
CREATE INDEX "org_units_institution_idx" ON "org_units" USING btree ("institution_id");