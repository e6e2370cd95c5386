CREATE TABLE "crl_cache" (
	"url" text PRIMARY KEY NOT NULL,
	"issuer_dn" text,
	"issuer_name" text,
	"this_update" timestamp with time zone,
	"next_update" timestamp with time zone,
	"serials" jsonb,
	"fetched_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
