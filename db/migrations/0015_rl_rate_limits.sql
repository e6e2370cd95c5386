CREATE TABLE "rate_limit_refusals" (
	"action" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"bucket" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"audited_at" timestamp with time zone,
	CONSTRAINT "rate_limit_refusals_action_window_start_bucket_pk" PRIMARY KEY("action","window_start","bucket")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "payments_pending_created" ON "payments" USING btree ("created_at") WHERE "payments"."status" = 'pending';