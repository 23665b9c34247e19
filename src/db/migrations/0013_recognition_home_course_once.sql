ALTER TABLE "recognition_decisions" ADD COLUMN "student_user_id" uuid;--> statement-breakpoint
ALTER TABLE "recognition_decisions" ADD COLUMN "home_institution_id" text;--> statement-breakpoint
ALTER TABLE "recognition_decisions" ADD COLUMN "home_course_code" text;--> statement-breakpoint
ALTER TABLE "recognition_decisions" ADD COLUMN "repeat_reason" text;--> statement-breakpoint
-- R7: the home course each existing decision credited, for the student of its mobility. When a
-- course was already credited twice, only the earliest decision is filled in: the later ones stay
-- readable in "decision" and the service still sees them.
UPDATE "recognition_decisions" AS d SET
  "student_user_id" = m."student_user_id",
  "home_institution_id" = d."decision"->>'homeInstitutionId',
  "home_course_code" = d."decision"->>'homeCourseCode'
FROM "mobilities" AS m
WHERE m."id" = d."mobility_id"
  AND d."decision"->>'outcome' <> 'none'
  AND coalesce(d."decision"->>'homeCourseCode', '') <> ''
  AND NOT EXISTS (
    SELECT 1 FROM "recognition_decisions" AS e
    JOIN "mobilities" AS n ON n."id" = e."mobility_id"
    WHERE (n."student_user_id" = m."student_user_id" OR n."id" = m."id")
      AND e."decision"->>'homeInstitutionId' = d."decision"->>'homeInstitutionId'
      AND e."decision"->>'homeCourseCode' = d."decision"->>'homeCourseCode'
      AND e."decision"->>'outcome' <> 'none'
      AND (e."decided_at", e."id") < (d."decided_at", d."id")
  );--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_home_course_once" ON "recognition_decisions" USING btree ("student_user_id","home_institution_id","home_course_code") WHERE "recognition_decisions"."repeat_reason" is null;