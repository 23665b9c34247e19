CREATE TABLE "publication_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" text NOT NULL,
	"imported_by" uuid,
	"file_name" text NOT NULL,
	"source_format" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"preview" jsonb NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"invented" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "publication_institutions" (
	"publication_id" uuid NOT NULL,
	"institution_id" text NOT NULL,
	CONSTRAINT "publication_institutions_publication_id_institution_id_pk" PRIMARY KEY("publication_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doi" text,
	"title" text NOT NULL,
	"title_key" text NOT NULL,
	"year" integer NOT NULL,
	"venue" text,
	"type" text NOT NULL,
	"authors" jsonb NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_format" text NOT NULL,
	"imported_by" uuid,
	"batch_id" uuid,
	"invented" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "ror" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "erasmus_code" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "pic" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "orcid" text;--> statement-breakpoint
ALTER TABLE "publication_import_batches" ADD CONSTRAINT "publication_import_batches_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_import_batches" ADD CONSTRAINT "publication_import_batches_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_institutions" ADD CONSTRAINT "publication_institutions_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_institutions" ADD CONSTRAINT "publication_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_batch_id_publication_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."publication_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_import_batches_by_idx" ON "publication_import_batches" USING btree ("imported_by","created_at");--> statement-breakpoint
CREATE INDEX "publication_institutions_institution_idx" ON "publication_institutions" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_doi_key" ON "publications" USING btree ("doi") WHERE "publications"."doi" is not null;--> statement-breakpoint
CREATE INDEX "publications_title_year_idx" ON "publications" USING btree ("title_key","year");--> statement-breakpoint
CREATE INDEX "publications_year_idx" ON "publications" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_ror_key" ON "institutions" USING btree ("ror") WHERE "institutions"."ror" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_erasmus_code_key" ON "institutions" USING btree ("erasmus_code") WHERE "institutions"."erasmus_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_pic_key" ON "institutions" USING btree ("pic") WHERE "institutions"."pic" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_orcid_key" ON "users" USING btree ("orcid") WHERE "users"."orcid" is not null;