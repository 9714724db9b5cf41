ALTER TABLE "practitioners" ADD COLUMN "min_price_currency" text;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "session_minutes" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
UPDATE "practitioners" p SET
  "min_price_currency" = (SELECT st."currency" FROM "session_types" st WHERE st."practitioner_id" = p."id" AND st."active" ORDER BY st."price_cents" LIMIT 1),
  "session_minutes" = array(SELECT DISTINCT st."duration_minutes" FROM "session_types" st WHERE st."practitioner_id" = p."id" AND st."active" ORDER BY 1);
