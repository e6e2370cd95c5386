CREATE TABLE "domestic_manufacturers" (
	"bin" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vehicle_applications" ADD COLUMN "unpaid_fines" jsonb;