DROP INDEX "practitioners_listed_next_idx";--> statement-breakpoint
DROP INDEX "practitioners_listed_price_idx";--> statement-breakpoint
DROP INDEX "practitioners_listed_rating_idx";--> statement-breakpoint
CREATE INDEX "practitioners_listed_next_idx" ON "practitioners" USING btree (coalesce("next_available_at", 'infinity'::timestamptz),"id","specialties","languages","next_available_at") WHERE "practitioners"."status" = 'verified';--> statement-breakpoint
CREATE INDEX "practitioners_listed_price_idx" ON "practitioners" USING btree (coalesce("min_price_cents", 2147483647),"id","specialties","languages","next_available_at","min_price_cents") WHERE "practitioners"."status" = 'verified';--> statement-breakpoint
CREATE INDEX "practitioners_listed_rating_idx" ON "practitioners" USING btree ((-coalesce("rating_average", 0)),"id","specialties","languages","next_available_at","rating_average") WHERE "practitioners"."status" = 'verified';