CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_centre_id" integer NOT NULL,
	"day" date NOT NULL,
	"service" text NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"application_id" uuid,
	"iin" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_at" timestamp with time zone,
	CONSTRAINT "queue_tickets_service_centre_id_day_service_seq_unique" UNIQUE("service_centre_id","day","service","seq")
);
--> statement-breakpoint
CREATE TABLE "vehicle_applications" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"vin" text NOT NULL,
	"dealer_bin" text NOT NULL,
	"dealer_name_kk" text NOT NULL,
	"dealer_name_ru" text NOT NULL,
	"vehicle" jsonb,
	"customs_declaration" text,
	"buyer_iin" text,
	"buyer_name_kk" jsonb,
	"buyer_name_ru" jsonb,
	"contract" jsonb,
	"pickup_centre_id" integer,
	"plate_type" text,
	"phone" text,
	"phone_source" text,
	"plate_number" text,
	"srts_number" text,
	"srts_order_id" text,
	"dealer_signature_id" uuid,
	"buyer_signature_id" uuid,
	"decline_reason" text,
	"refusal_code" text,
	"refusal_params" jsonb,
	"expires_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"vin_released_at" timestamp with time zone,
	"srts_blank_serial" text,
	"issued_at" timestamp with time zone,
	CONSTRAINT "vehicle_applications_plate_number_unique" UNIQUE("plate_number"),
	CONSTRAINT "vehicle_applications_srts_number_unique" UNIQUE("srts_number")
);
--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "applicant_iin" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_service_centre_id_service_centres_id_fk" FOREIGN KEY ("service_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_applications" ADD CONSTRAINT "vehicle_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_applications" ADD CONSTRAINT "vehicle_applications_pickup_centre_id_service_centres_id_fk" FOREIGN KEY ("pickup_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "queue_tickets_service_centre_id_day_status_seq_index" ON "queue_tickets" USING btree ("service_centre_id","day","status","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_applications_open_vin" ON "vehicle_applications" USING btree ("vin") WHERE "vehicle_applications"."vin_released_at" is null;--> statement-breakpoint
CREATE INDEX "vehicle_applications_buyer_iin_index" ON "vehicle_applications" USING btree ("buyer_iin");--> statement-breakpoint
CREATE INDEX "vehicle_applications_expires_at_index" ON "vehicle_applications" USING btree ("expires_at");