ALTER TABLE "auth_sessions" ADD COLUMN "certificate_serial" text;--> statement-breakpoint
CREATE INDEX "auth_sessions_certificate_serial_index" ON "auth_sessions" USING btree ("certificate_serial");