CREATE TABLE "residence_applications" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"applicant_locale" text DEFAULT 'kk' NOT NULL,
	"cadastral_number" text,
	"stay_from" date,
	"stay_until" date,
	"astana" jsonb,
	"arrival_form" jsonb,
	"con_intake" jsonb,
	"signature_id" uuid,
	"refusal_code" text,
	"refusal_details" jsonb,
	"certificate_number" text,
	"registered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "residence_applications_certificate_number_unique" UNIQUE("certificate_number")
);
--> statement-breakpoint
CREATE TABLE "residence_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"owner_iin" text NOT NULL,
	"share_milli" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"signature_id" uuid,
	"decline_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "residence_applications" ADD CONSTRAINT "residence_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_applications" ADD CONSTRAINT "residence_applications_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_consents" ADD CONSTRAINT "residence_consents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_consents" ADD CONSTRAINT "residence_consents_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "residence_applications_one_open" ON "residence_applications" USING btree ("iin","kind") WHERE "residence_applications"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "residence_applications_cadastral_number_index" ON "residence_applications" USING btree ("cadastral_number");--> statement-breakpoint
CREATE UNIQUE INDEX "residence_consents_application_id_owner_iin_index" ON "residence_consents" USING btree ("application_id","owner_iin");--> statement-breakpoint
CREATE INDEX "residence_consents_owner_iin_status_requested_at_index" ON "residence_consents" USING btree ("owner_iin","status","requested_at");--> statement-breakpoint
CREATE INDEX "residence_consents_open" ON "residence_consents" USING btree ("expires_at") WHERE "residence_consents"."status" = 'requested';