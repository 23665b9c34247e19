ALTER TABLE "project_applications" ADD COLUMN "checks" jsonb;--> statement-breakpoint
ALTER TABLE "project_applications" ADD COLUMN "recheck" jsonb;