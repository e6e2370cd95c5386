CREATE TABLE "registry"."rp_drn_refusals" (
	"iin" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry"."persons" ADD COLUMN "birth_country" text DEFAULT 'KZ' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry"."production_orders" ADD COLUMN "iin" text;--> statement-breakpoint
ALTER TABLE "registry"."production_orders" ADD COLUMN "refusal_reason" text;--> statement-breakpoint
ALTER TABLE "registry"."production_orders" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "registry"."production_orders" ADD COLUMN "ordered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registry"."production_orders" ADD COLUMN "ready_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "id_card_applications" ADD COLUMN "production_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "id_card_applications" ADD COLUMN "birth_country" text;--> statement-breakpoint
ALTER TABLE "id_card_applications" DROP COLUMN "ready_at";