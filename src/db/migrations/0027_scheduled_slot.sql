ALTER TABLE "jobs" ADD COLUMN "slot" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_kind_slot_idx" ON "jobs" USING btree ("kind","slot");