CREATE TABLE "mobility_import_rows" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"student_name" text,
	"student_number" text,
	"home_ref" text,
	"host_ref" text,
	"start_date" text,
	"end_date" text,
	"level" text,
	"field" text,
	"credits" text,
	"grade" text,
	"agreement_ref" text,
	"status" text,
	CONSTRAINT "mobility_import_rows_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "student_number" text;--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "credits_earned" double precision;--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "import_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "mobilities_import_key" ON "mobilities" USING btree ("import_key");