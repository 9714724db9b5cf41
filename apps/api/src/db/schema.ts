import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// A key/value table owned by the API itself (schema version notes, feature switches).
// It is also the smallest table that proves migrations run on both drivers.
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
