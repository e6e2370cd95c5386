CREATE TABLE "fee_exemptions" (
	"status" text NOT NULL,
	"fee_code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "id_card_applications" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"consent_id" text NOT NULL,
	"current_card_number" text NOT NULL,
	"current_card_issued_on" date NOT NULL,
	"current_card_expires_on" date NOT NULL,
	"registration_point_id" integer,
	"phone" text,
	"email" text,
	"photo_file_id" uuid,
	"signature_file_id" uuid,
	"face_matched" boolean,
	"signature_id" uuid,
	"rp_drn_ticket" text,
	"exempt_status" text,
	"annul_reason" text,
	"annul_comment" text,
	"decided_by_user_id" uuid,
	"production_order_id" text,
	"ready_at" timestamp with time zone,
	"new_card_number" text,
	"issued_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "id_card_applications" ADD CONSTRAINT "id_card_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_card_applications" ADD CONSTRAINT "id_card_applications_registration_point_id_registration_points_id_fk" FOREIGN KEY ("registration_point_id") REFERENCES "public"."registration_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fee_exemptions_status_fee_code_index" ON "fee_exemptions" USING btree ("status","fee_code");--> statement-breakpoint
CREATE UNIQUE INDEX "id_card_applications_one_open" ON "id_card_applications" USING btree ("iin") WHERE "id_card_applications"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "id_card_applications_rp_drn_ticket_index" ON "id_card_applications" USING btree ("rp_drn_ticket");