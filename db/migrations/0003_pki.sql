CREATE TABLE "certificates" (
	"serial" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"iin" text NOT NULL,
	"bin" text,
	"purpose" text NOT NULL,
	"cert_pem" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demo_key_files" (
	"certificate_serial" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"pkcs12" "bytea" NOT NULL,
	"password" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demo_pki_authorities" (
	"name" text PRIMARY KEY NOT NULL,
	"cert_pem" text NOT NULL,
	"key_pkcs8" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eds_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nonce" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "eds_challenges_nonce_unique" UNIQUE("nonce")
);
--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "party_role" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "document_number" text NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "document" text NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_key_files" ADD CONSTRAINT "demo_key_files_certificate_serial_certificates_serial_fk" FOREIGN KEY ("certificate_serial") REFERENCES "public"."certificates"("serial") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_key_files" ADD CONSTRAINT "demo_key_files_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_iin_index" ON "certificates" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "certificates_user_id_index" ON "certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "demo_key_files_user_id_index" ON "demo_key_files" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "eds_challenges_expires_at_index" ON "eds_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "signatures_document_number_verify_code_index" ON "signatures" USING btree ("document_number","verify_code");