CREATE SCHEMA "registry";
--> statement-breakpoint
CREATE TABLE "akimats" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"district_id" integer,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note_kk" text DEFAULT '' NOT NULL,
	"note_ru" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	CONSTRAINT "districts_region_code_name_ru_unique" UNIQUE("region_code","name_ru")
);
--> statement-breakpoint
CREATE TABLE "fees" (
	"code" text PRIMARY KEY NOT NULL,
	"pilot" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"mrp_milli" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mrp_values" (
	"year" integer PRIMARY KEY NOT NULL,
	"value_tenge" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oked_allowed" (
	"code" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_settings" (
	"pilot" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"region_codes" text[] NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plate_pool" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"plate_type" text NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'free' NOT NULL,
	"application_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plate_pool_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "plate_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"for_legal_entity" boolean DEFAULT false NOT NULL,
	"offered_online" boolean DEFAULT true NOT NULL,
	"fee_code" text
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"district_id" integer,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"address_kk" text NOT NULL,
	"address_ru" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_centres" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"region_code" text NOT NULL,
	"district_id" integer,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"address_kk" text NOT NULL,
	"address_ru" text NOT NULL,
	"hours_kk" text NOT NULL,
	"hours_ru" text NOT NULL,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_centres_region_code_number_unique" UNIQUE("region_code","number")
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"user_version" integer NOT NULL,
	"method" text NOT NULL,
	"is_staff" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"region_code" text,
	"akimat_id" integer,
	"service_centre_id" integer,
	"registration_point_id" integer,
	"dealer_bin" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","region_code","akimat_id","service_centre_id","registration_point_id","dealer_bin")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"iin" text NOT NULL,
	"surname" text NOT NULL,
	"given_name" text NOT NULL,
	"patronymic" text,
	"locale" text DEFAULT 'kk' NOT NULL,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"persona_kk" text,
	"persona_ru" text,
	"persona_order" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_iin_unique" UNIQUE("iin")
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"actor_role" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_numbers" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "application_numbers_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "application_parties" (
	"application_id" uuid NOT NULL,
	"iin" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "application_parties_application_id_iin_role_pk" PRIMARY KEY("application_id","iin","role")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"pilot" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"applicant_iin" text NOT NULL,
	"applicant_user_id" uuid,
	"region_code" text,
	"akimat_id" integer,
	"service_centre_id" integer,
	"registration_point_id" integer,
	"dealer_bin" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "applications_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "revoked_certificates" (
	"serial" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"purpose" text NOT NULL,
	"signer_iin" text NOT NULL,
	"signer_bin" text,
	"certificate_pem" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"cms" text NOT NULL,
	"data_sha256" text NOT NULL,
	"verify_code" text NOT NULL,
	"valid" boolean NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"event_id" text PRIMARY KEY NOT NULL,
	"payment_id" uuid,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"payer_iin" text NOT NULL,
	"lines" jsonb NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"purpose_key" text NOT NULL,
	"gateway_invoice_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payments_gateway_invoice_id_unique" UNIQUE("gateway_invoice_id")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_payment_id_unique" UNIQUE("payment_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_id" bigint,
	"recipient_iin" text NOT NULL,
	"application_id" uuid,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_outbox_id_unique" UNIQUE("outbox_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_id" bigint,
	"phone" text NOT NULL,
	"locale" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"gateway_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_messages_outbox_id_unique" UNIQUE("outbox_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"actor_scope" text,
	"actor_org" text,
	"action" text NOT NULL,
	"application_id" uuid,
	"subject_iin" text,
	"ip" "inet",
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_iin" text,
	"application_id" uuid,
	"purpose" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage" text NOT NULL,
	"content" "bytea",
	"path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"system" text NOT NULL,
	"operation" text NOT NULL,
	"outcome" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"application_id" text
);
--> statement-breakpoint
CREATE TABLE "registry_faults" (
	"system" text PRIMARY KEY NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"error_rate" real DEFAULT 0 NOT NULL,
	"outage_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."births" (
	"child_iin" text PRIMARY KEY NOT NULL,
	"mother_iin" text,
	"father_iin" text,
	"act_number" text NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."businesses" (
	"bin" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"okeds" text[] NOT NULL,
	"director_iin" text NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."civil_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"kind" text NOT NULL,
	"changed_on" date NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."consent_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry"."customs_payments" (
	"vin" text PRIMARY KEY NOT NULL,
	"paid" boolean NOT NULL,
	"declaration_number" text
);
--> statement-breakpoint
CREATE TABLE "registry"."fines" (
	"id" serial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"article_kk" text NOT NULL,
	"article_ru" text NOT NULL,
	"issued_on" date NOT NULL,
	"paid" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."gateway_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_ref" text NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"description_kk" text NOT NULL,
	"description_ru" text NOT NULL,
	"return_url" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry"."guardianships" (
	"iin" text PRIMARY KEY NOT NULL,
	"incapable" boolean NOT NULL,
	"guardian_iin" text,
	"basis_kk" text,
	"basis_ru" text
);
--> statement-breakpoint
CREATE TABLE "registry"."machines" (
	"serial_number" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"year" integer NOT NULL,
	"owner_iin" text,
	"plate" text,
	"registered_region_code" text
);
--> statement-breakpoint
CREATE TABLE "registry"."marriages" (
	"id" serial PRIMARY KEY NOT NULL,
	"spouse1_iin" text NOT NULL,
	"spouse2_iin" text NOT NULL,
	"act_number" text NOT NULL,
	"registered_on" date NOT NULL,
	"dissolved_on" date
);
--> statement-breakpoint
CREATE TABLE "registry"."mobile_numbers" (
	"iin" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."persons" (
	"iin" text PRIMARY KEY NOT NULL,
	"surname_kk" text NOT NULL,
	"surname_ru" text NOT NULL,
	"given_name_kk" text NOT NULL,
	"given_name_ru" text NOT NULL,
	"patronymic_kk" text,
	"patronymic_ru" text,
	"surname_lat" text NOT NULL,
	"given_name_lat" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"citizenship" text DEFAULT 'KZ' NOT NULL,
	"capable" boolean DEFAULT true NOT NULL,
	"deceased" boolean DEFAULT false NOT NULL,
	"region_code" text,
	"address_kk" text,
	"address_ru" text,
	"cadastral_number" text,
	"doc_type" text DEFAULT 'id_card' NOT NULL,
	"doc_number" text NOT NULL,
	"doc_issued_on" date NOT NULL,
	"doc_expires_on" date NOT NULL,
	"liveness_ok" boolean DEFAULT true NOT NULL,
	"face_match_ok" boolean DEFAULT true NOT NULL,
	"photo_seed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."production_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."properties" (
	"cadastral_number" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"address_kk" text NOT NULL,
	"address_ru" text NOT NULL,
	"kind" text NOT NULL,
	"total_area_m2" numeric(8, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."property_owners" (
	"cadastral_number" text NOT NULL,
	"iin" text NOT NULL,
	"share_milli" integer NOT NULL,
	CONSTRAINT "property_owners_cadastral_number_iin_pk" PRIMARY KEY("cadastral_number","iin")
);
--> statement-breakpoint
CREATE TABLE "registry"."recycling_fees" (
	"vin" text PRIMARY KEY NOT NULL,
	"paid" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."sale_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"seller_bin" text NOT NULL,
	"buyer_iin" text NOT NULL,
	"vin" text NOT NULL,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"price_tiyn" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."sms_gateway" (
	"id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."social_statuses" (
	"iin" text NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "social_statuses_iin_status_pk" PRIMARY KEY("iin","status")
);
--> statement-breakpoint
CREATE TABLE "registry"."students" (
	"id" serial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"source" text NOT NULL,
	"institution_kk" text NOT NULL,
	"institution_ru" text NOT NULL,
	"region_code" text NOT NULL,
	"full_time" boolean NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."temporary_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"cadastral_number" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."vehicle_passports" (
	"vin" text PRIMARY KEY NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"colour_kk" text NOT NULL,
	"colour_ru" text NOT NULL,
	"engine" text NOT NULL,
	"body_number" text NOT NULL,
	"mass_kg" integer NOT NULL,
	"manufacturer_bin" text,
	"status" text DEFAULT 'active' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "akimats" ADD CONSTRAINT "akimats_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akimats" ADD CONSTRAINT "akimats_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plate_pool" ADD CONSTRAINT "plate_pool_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plate_pool" ADD CONSTRAINT "plate_pool_plate_type_plate_types_code_fk" FOREIGN KEY ("plate_type") REFERENCES "public"."plate_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plate_types" ADD CONSTRAINT "plate_types_fee_code_fees_code_fk" FOREIGN KEY ("fee_code") REFERENCES "public"."fees"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_points" ADD CONSTRAINT "registration_points_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_points" ADD CONSTRAINT "registration_points_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_centres" ADD CONSTRAINT "service_centres_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_centres" ADD CONSTRAINT "service_centres_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_akimat_id_akimats_id_fk" FOREIGN KEY ("akimat_id") REFERENCES "public"."akimats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_service_centre_id_service_centres_id_fk" FOREIGN KEY ("service_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_registration_point_id_registration_points_id_fk" FOREIGN KEY ("registration_point_id") REFERENCES "public"."registration_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_parties" ADD CONSTRAINT "application_parties_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_callbacks" ADD CONSTRAINT "payment_callbacks_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "akimats_region_code_index" ON "akimats" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "plate_pool_region_code_plate_type_status_id_index" ON "plate_pool" USING btree ("region_code","plate_type","status","id");--> statement-breakpoint
CREATE INDEX "registration_points_region_code_index" ON "registration_points" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "service_centres_region_code_index" ON "service_centres" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_id_index" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_roles_user_id_index" ON "user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_events_application_id_at_index" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_parties_iin_index" ON "application_parties" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "applications_region_queue" ON "applications" USING btree ("pilot","region_code","status","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_akimat_queue" ON "applications" USING btree ("pilot","akimat_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_centre_queue" ON "applications" USING btree ("pilot","service_centre_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_dealer" ON "applications" USING btree ("dealer_bin","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_applicant" ON "applications" USING btree ("applicant_iin","created_at","id");--> statement-breakpoint
CREATE INDEX "signatures_application_id_index" ON "signatures" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "payments_application_id_index" ON "payments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "payments_payer_iin_created_at_index" ON "payments" USING btree ("payer_iin","created_at");--> statement-breakpoint
CREATE INDEX "payments_purpose_key_index" ON "payments" USING btree ("purpose_key");--> statement-breakpoint
CREATE INDEX "notifications_recipient_iin_created_at_index" ON "notifications" USING btree ("recipient_iin","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending" ON "outbox" USING btree ("id") WHERE processed_at is null;--> statement-breakpoint
CREATE INDEX "sms_messages_created_at_index" ON "sms_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_iin_at_index" ON "audit_events" USING btree ("subject_iin","at");--> statement-breakpoint
CREATE INDEX "audit_events_application_id_index" ON "audit_events" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_index" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "files_application_id_index" ON "files" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "registry_calls_system_at_index" ON "registry_calls" USING btree ("system","at");--> statement-breakpoint
CREATE INDEX "registry_calls_application_id_index" ON "registry_calls" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "births_mother_iin_index" ON "registry"."births" USING btree ("mother_iin");--> statement-breakpoint
CREATE INDEX "births_father_iin_index" ON "registry"."births" USING btree ("father_iin");--> statement-breakpoint
CREATE INDEX "civil_changes_iin_index" ON "registry"."civil_changes" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "consent_requests_iin_index" ON "registry"."consent_requests" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "fines_iin_index" ON "registry"."fines" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "marriages_spouse1_iin_index" ON "registry"."marriages" USING btree ("spouse1_iin");--> statement-breakpoint
CREATE INDEX "marriages_spouse2_iin_index" ON "registry"."marriages" USING btree ("spouse2_iin");--> statement-breakpoint
CREATE INDEX "persons_cadastral_number_index" ON "registry"."persons" USING btree ("cadastral_number");--> statement-breakpoint
CREATE INDEX "property_owners_iin_index" ON "registry"."property_owners" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "sale_contracts_seller_bin_buyer_iin_vin_index" ON "registry"."sale_contracts" USING btree ("seller_bin","buyer_iin","vin");--> statement-breakpoint
CREATE INDEX "students_iin_index" ON "registry"."students" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "temporary_registrations_cadastral_number_index" ON "registry"."temporary_registrations" USING btree ("cadastral_number");