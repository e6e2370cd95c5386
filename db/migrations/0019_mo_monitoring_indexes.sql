CREATE INDEX "applications_pilot_created" ON "applications" USING btree ("pilot","created_at");--> statement-breakpoint
CREATE INDEX "applications_awaiting_deadline" ON "applications" USING btree ("pilot","status","deadline_at","region_code","akimat_id") WHERE "applications"."deadline_at" is not null;--> statement-breakpoint
CREATE INDEX "registry_calls_at" ON "registry_calls" USING btree ("at");