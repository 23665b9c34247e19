CREATE TABLE "implementation_report_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"decided_on" date NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_report_reminders" (
	"project_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"days_before" integer NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "implementation_report_reminders_project_id_fiscal_year_days_before_pk" PRIMARY KEY("project_id","fiscal_year","days_before")
);
--> statement-breakpoint
CREATE TABLE "implementation_report_versions" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"cut_off" date NOT NULL,
	"figures" jsonb NOT NULL,
	"narrative" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_on" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "implementation_report_versions_report_id_version_pk" PRIMARY KEY("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "implementation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"cut_off" date,
	"cut_off_set_by" uuid,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_on" date,
	"received_on" date,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "isced_field" text;--> statement-breakpoint
ALTER TABLE "implementation_report_decisions" ADD CONSTRAINT "implementation_report_decisions_report_id_implementation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."implementation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_report_decisions" ADD CONSTRAINT "implementation_report_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_report_reminders" ADD CONSTRAINT "implementation_report_reminders_project_id_project_applications_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_report_versions" ADD CONSTRAINT "implementation_report_versions_report_id_implementation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."implementation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_report_versions" ADD CONSTRAINT "implementation_report_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD CONSTRAINT "implementation_reports_project_id_project_applications_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD CONSTRAINT "implementation_reports_cut_off_set_by_users_id_fk" FOREIGN KEY ("cut_off_set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD CONSTRAINT "implementation_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_reports_once" ON "implementation_reports" USING btree ("project_id","fiscal_year");