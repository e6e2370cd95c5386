CREATE TABLE "machinery_applications" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_iin" text,
	"owner_bin" text,
	"representative_iin" text,
	"power_of_attorney_number" text,
	"power_of_attorney_valid_until" date,
	"phone" text,
	"machine_kind" text NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"year" integer NOT NULL,
	"serial_number" text NOT NULL,
	"engine_number" text,
	"body_number" text,
	"register_id" text,
	"checklist_ticks" text[] DEFAULT '{}'::text[] NOT NULL,
	"missing_items" text[],
	"operator_signature_id" uuid,
	"reviewer_signature_id" uuid,
	"decided_by_user_id" uuid,
	"plate" text,
	"technical_passport" jsonb,
	"refusal_reason_code" text,
	"refusal_comment" text,
	"issued_document_serial" text,
	"issued_plate_serial" text,
	"issued_by_user_id" uuid,
	"issued_at" timestamp with time zone,
	CONSTRAINT "machinery_applications_owner" CHECK (("machinery_applications"."owner_kind" = 'person' and "machinery_applications"."owner_iin" is not null and "machinery_applications"."owner_bin" is null) or ("machinery_applications"."owner_kind" = 'organisation' and "machinery_applications"."owner_bin" is not null and "machinery_applications"."owner_iin" is null)),
	CONSTRAINT "machinery_applications_representative" CHECK (("machinery_applications"."representative_iin" is null) = ("machinery_applications"."power_of_attorney_number" is null) and ("machinery_applications"."representative_iin" is null) = ("machinery_applications"."power_of_attorney_valid_until" is null))
);
--> statement-breakpoint
CREATE TABLE "machinery_checklists" (
	"id" serial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"item_code" text NOT NULL,
	"position" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"applies_to" text DEFAULT 'all' NOT NULL,
	CONSTRAINT "machinery_checklists_action_item_code_unique" UNIQUE("action","item_code")
);
--> statement-breakpoint
CREATE TABLE "machinery_refusal_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"position" integer NOT NULL,
	"legal_basis_kk" text NOT NULL,
	"legal_basis_ru" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD CONSTRAINT "machinery_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD CONSTRAINT "machinery_applications_operator_signature_id_signatures_id_fk" FOREIGN KEY ("operator_signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD CONSTRAINT "machinery_applications_reviewer_signature_id_signatures_id_fk" FOREIGN KEY ("reviewer_signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD CONSTRAINT "machinery_applications_refusal_reason_code_machinery_refusal_reasons_code_fk" FOREIGN KEY ("refusal_reason_code") REFERENCES "public"."machinery_refusal_reasons"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "machinery_applications_owner_iin_index" ON "machinery_applications" USING btree ("owner_iin");--> statement-breakpoint
CREATE INDEX "machinery_applications_owner_bin_index" ON "machinery_applications" USING btree ("owner_bin");--> statement-breakpoint
CREATE INDEX "machinery_applications_representative_iin_index" ON "machinery_applications" USING btree ("representative_iin");--> statement-breakpoint
CREATE INDEX "machinery_applications_serial_number_index" ON "machinery_applications" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "machinery_applications_plate_index" ON "machinery_applications" USING btree ("plate");--> statement-breakpoint
CREATE INDEX "machinery_checklists_action_position_index" ON "machinery_checklists" USING btree ("action","position");--> statement-breakpoint
CREATE INDEX "applications_machinery_akimat_received" ON "applications" USING btree ("akimat_id","status","submitted_at","id") WHERE "applications"."pilot" = 'machinery';