CREATE INDEX "applications_region_deadline" ON "applications" USING btree ("pilot","region_code","status","deadline_at","id");--> statement-breakpoint
CREATE INDEX "applications_region_submitted" ON "applications" USING btree ("pilot","region_code","status","submitted_at","id");--> statement-breakpoint
-- The UMS DP queue keys on the submission and, under review, on the decision deadline: an ID-card application
-- from before either was recorded gets its creation time and a deadline one day later (the exact working-day rule
-- of lib/calendar/deadline.ts applies from now on).
UPDATE "applications" SET "submitted_at" = "created_at" WHERE "pilot" = 'id_card' AND "status" <> 'draft' AND "submitted_at" IS NULL;--> statement-breakpoint
UPDATE "applications" SET "deadline_at" = "submitted_at" + interval '1 day' WHERE "pilot" = 'id_card' AND "status" = 'under_review' AND "deadline_at" IS NULL;
