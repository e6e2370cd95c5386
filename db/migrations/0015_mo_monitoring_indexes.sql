CREATE INDEX "applications_pilot_created" ON "applications" USING btree ("pilot","created_at");--> statement-breakpoint
CREATE INDEX "registry_calls_at" ON "registry_calls" USING btree ("at");