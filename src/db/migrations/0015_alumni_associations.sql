CREATE TABLE "alumni_associations" (
	"id" text PRIMARY KEY NOT NULL,
	"institution_id" text NOT NULL,
	"program_id" text,
	"names" jsonb NOT NULL,
	"founded_on" date,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"invented" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alumni_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" text NOT NULL,
	"kind" text DEFAULT 'general_conference' NOT NULL,
	"number" integer,
	"held_on" date NOT NULL,
	"title" jsonb NOT NULL,
	"minutes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"event_id" uuid,
	"invented" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alumni_mentees" (
	"user_id" uuid NOT NULL,
	"mobility_id" uuid NOT NULL,
	"field_of_study" text,
	"opted_in" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alumni_mentees_user_id_mobility_id_pk" PRIMARY KEY("user_id","mobility_id")
);
--> statement-breakpoint
CREATE TABLE "alumni_officers" (
	"association_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "alumni_officers_association_id_user_id_pk" PRIMARY KEY("association_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "alumni_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" text NOT NULL,
	"mobility_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"home_id" text NOT NULL,
	"host_id" text NOT NULL,
	"direction" text NOT NULL,
	"year" integer NOT NULL,
	"program_id" text,
	"field_of_study" text,
	"current_position" text,
	"contact" text,
	"degree_at_host" boolean,
	"works_in_japan_russia" boolean,
	"outcome_note" text,
	"consent" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"mentor_opt_in" boolean DEFAULT false NOT NULL,
	"invented" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alumni_associations" ADD CONSTRAINT "alumni_associations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_associations" ADD CONSTRAINT "alumni_associations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_meetings" ADD CONSTRAINT "alumni_meetings_association_id_alumni_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."alumni_associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_mentees" ADD CONSTRAINT "alumni_mentees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_mentees" ADD CONSTRAINT "alumni_mentees_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_officers" ADD CONSTRAINT "alumni_officers_association_id_alumni_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."alumni_associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_officers" ADD CONSTRAINT "alumni_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_records" ADD CONSTRAINT "alumni_records_association_id_alumni_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."alumni_associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_records" ADD CONSTRAINT "alumni_records_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_records" ADD CONSTRAINT "alumni_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alumni_meetings_association_idx" ON "alumni_meetings" USING btree ("association_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "alumni_records_mobility_once" ON "alumni_records" USING btree ("association_id","mobility_id");--> statement-breakpoint
CREATE INDEX "alumni_records_user_idx" ON "alumni_records" USING btree ("user_id");