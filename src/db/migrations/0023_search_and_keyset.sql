CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "mobilities_home_idx";--> statement-breakpoint
DROP INDEX "mobilities_host_idx";--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(regexp_replace(normalize(id || ' ' || name || ' ' || coalesce(names->>'ja', '') || ' ' || coalesce(names->>'en', '') || ' ' || coalesce(names->>'ru', '') || ' ' || coalesce(names->>'fr', '') || ' ' || city, NFKD), '[\u0300-\u036f\s]', '', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "mobilities" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(regexp_replace(normalize(student_name, NFKD), '[\u0300-\u036f\s]', '', 'g'))) STORED;--> statement-breakpoint
CREATE INDEX "institutions_search_idx" ON "institutions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "institutions_name_idx" ON "institutions" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "mobilities_start_idx" ON "mobilities" USING btree ("start_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mobilities_agreement_idx" ON "mobilities" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "mobilities_search_idx" ON "mobilities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "mobilities_home_idx" ON "mobilities" USING btree ("home_id","start_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mobilities_host_idx" ON "mobilities" USING btree ("host_id","start_date" DESC NULLS LAST,"id" DESC NULLS LAST);