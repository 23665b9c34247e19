CREATE TABLE "program_rule_versions" (
	"program_id" text NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_rule_versions_program_id_version_pk" PRIMARY KEY("program_id","version")
);
--> statement-breakpoint
CREATE TABLE "project_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"home_consortium_id" text,
	"partner_consortium_id" text,
	"representative_id" text,
	"responsible_user_id" uuid,
	"content" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"outcome" text,
	"outcome_on" date,
	"support" jsonb,
	"invented" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_rule_versions" ADD CONSTRAINT "program_rule_versions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_applications_program_idx" ON "project_applications" USING btree ("program_id");