-- btree_gist lets an exclusion constraint mix equality (practitioner) with range overlap
-- (booking time), which is how the database refuses double bookings.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
