CREATE TABLE "registry"."fee_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"payer" text NOT NULL,
	"fee_code" text NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machinery_action_fees" (
	"action" text NOT NULL,
	"fee_code" text NOT NULL,
	CONSTRAINT "machinery_action_fees_action_fee_code_pk" PRIMARY KEY("action","fee_code")
);
--> statement-breakpoint
CREATE TABLE "machinery_plates" (
	"number" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'free' NOT NULL,
	"machine_serial" text,
	"application_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machinery_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"pages" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "machinery_scans_application_id_file_id_unique" UNIQUE("application_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "machinery_transfer_act_items" (
	"act_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "machinery_transfer_act_items_act_id_application_id_pk" PRIMARY KEY("act_id","application_id"),
	CONSTRAINT "machinery_transfer_act_items_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "machinery_transfer_acts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"akimat_id" integer NOT NULL,
	"service_centre_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"canonical" jsonb NOT NULL,
	"formed_by_user_id" uuid NOT NULL,
	"akimat_signature_id" uuid,
	"con_head_signature_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "machinery_transfer_acts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "machinery_applications" DROP CONSTRAINT "machinery_applications_owner";--> statement-breakpoint
ALTER TABLE "queue_tickets" ALTER COLUMN "iin" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ALTER COLUMN "owner_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ALTER COLUMN "machine_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ALTER COLUMN "make" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ALTER COLUMN "model" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ALTER COLUMN "year" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ALTER COLUMN "serial_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "registry"."machines" ADD COLUMN "owner_bin" text;--> statement-breakpoint
ALTER TABLE "registry"."machines" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "registry"."machines" ADD COLUMN "status" text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "queue_ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "identity_document_number" text;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "identified_iin" text;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "biometrics" jsonb;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "fee_check" jsonb;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "applicant_locale" text DEFAULT 'kk' NOT NULL;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "transfer_act_id" uuid;--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD COLUMN "documents_transferred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "machinery_action_fees" ADD CONSTRAINT "machinery_action_fees_fee_code_fees_code_fk" FOREIGN KEY ("fee_code") REFERENCES "public"."fees"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_plates" ADD CONSTRAINT "machinery_plates_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_scans" ADD CONSTRAINT "machinery_scans_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_scans" ADD CONSTRAINT "machinery_scans_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_transfer_act_items" ADD CONSTRAINT "machinery_transfer_act_items_act_id_machinery_transfer_acts_id_fk" FOREIGN KEY ("act_id") REFERENCES "public"."machinery_transfer_acts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_transfer_act_items" ADD CONSTRAINT "machinery_transfer_act_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_transfer_acts" ADD CONSTRAINT "machinery_transfer_acts_akimat_id_akimats_id_fk" FOREIGN KEY ("akimat_id") REFERENCES "public"."akimats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_transfer_acts" ADD CONSTRAINT "machinery_transfer_acts_service_centre_id_service_centres_id_fk" FOREIGN KEY ("service_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_transfer_acts" ADD CONSTRAINT "machinery_transfer_acts_akimat_signature_id_signatures_id_fk" FOREIGN KEY ("akimat_signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machinery_transfer_acts" ADD CONSTRAINT "machinery_transfer_acts_con_head_signature_id_signatures_id_fk" FOREIGN KEY ("con_head_signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_payments_payer_fee_code_paid_at_index" ON "registry"."fee_payments" USING btree ("payer","fee_code","paid_at");--> statement-breakpoint
CREATE INDEX "machinery_plates_region_code_status_number_index" ON "machinery_plates" USING btree ("region_code","status","number");--> statement-breakpoint
CREATE INDEX "machinery_plates_machine_serial_index" ON "machinery_plates" USING btree ("machine_serial");--> statement-breakpoint
CREATE INDEX "machinery_scans_application_id_item_code_index" ON "machinery_scans" USING btree ("application_id","item_code");--> statement-breakpoint
CREATE INDEX "machinery_transfer_acts_akimat_id_created_at_index" ON "machinery_transfer_acts" USING btree ("akimat_id","created_at");--> statement-breakpoint
CREATE INDEX "machinery_transfer_acts_service_centre_id_created_at_index" ON "machinery_transfer_acts" USING btree ("service_centre_id","created_at");--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD CONSTRAINT "machinery_applications_queue_ticket_id_queue_tickets_id_fk" FOREIGN KEY ("queue_ticket_id") REFERENCES "public"."queue_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "machinery_applications_queue_ticket_id_index" ON "machinery_applications" USING btree ("queue_ticket_id");--> statement-breakpoint
CREATE INDEX "machinery_applications_transfer_act_id_index" ON "machinery_applications" USING btree ("transfer_act_id");--> statement-breakpoint
ALTER TABLE "machinery_applications" ADD CONSTRAINT "machinery_applications_owner" CHECK (("machinery_applications"."owner_kind" is null and "machinery_applications"."owner_iin" is null and "machinery_applications"."owner_bin" is null) or ("machinery_applications"."owner_kind" = 'person' and "machinery_applications"."owner_iin" is not null and "machinery_applications"."owner_bin" is null) or ("machinery_applications"."owner_kind" = 'organisation' and "machinery_applications"."owner_bin" is not null and "machinery_applications"."owner_iin" is null));