import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// A key/value table owned by the API itself (schema version notes, feature switches).
// It is also the smallest table that proves migrations run on both drivers.
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------
// Practitioner marketplace

/** A Postgres range written in its text form, e.g. `["2025-06-02 10:00:00+00","…")`. */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

export const accountRole = pgEnum('account_role', ['member', 'practitioner', 'admin']);
export const practitionerStatus = pgEnum('practitioner_status', [
  'applied',
  'verified',
  'rejected',
  'suspended',
]);
export const certificationStatus = pgEnum('certification_status', [
  'pending',
  'verified',
  'rejected',
]);
export const bookingStatus = pgEnum('booking_status', [
  'held',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
  // An unpaid hold whose ten minutes ran out: kept for the audit trail, blocks nothing.
  'expired',
]);
export const cancelledBy = pgEnum('cancelled_by', ['member', 'practitioner', 'admin', 'system']);
export const paymentStatus = pgEnum('payment_status', [
  'requires_payment',
  'succeeded',
  'failed',
  'refunded',
  'partially_refunded',
  'disputed',
]);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One per Supabase user, keyed by its id (the token's `sub`). */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  email: text('email'),
  displayName: text('display_name'),
  role: accountRole('role').notNull().default('member'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .unique()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    status: practitionerStatus('status').notNull().default('applied'),
    displayName: text('display_name').notNull(),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    photoUrl: text('photo_url'),
    timeZone: text('time_zone').notNull(),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'`),
    specialties: text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'`),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(720),
    horizonDays: integer('horizon_days').notNull().default(60),
    stripeAccountId: text('stripe_account_id'),
    // Kept current by the service so the directory can filter and sort with indexes
    // instead of computing every practitioner's slots per request.
    minPriceCents: integer('min_price_cents'),
    /** Currency of the cheapest active session type (cached with min_price_cents). */
    minPriceCurrency: text('min_price_currency'),
    /** Distinct lengths of the active session types, ascending (cached with min_price_cents). */
    sessionMinutes: integer('session_minutes')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    nextAvailableAt: timestamp('next_available_at', { withTimezone: true }),
    ratingCount: integer('rating_count').notNull().default(0),
    ratingAverage: doublePrecision('rating_average'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The directory's three sorts, as the exact expressions listDirectory orders by. The
    // columns after id only carry what the filters and the sort key read, so that a page's
    // ids come from an index-only scan (Drizzle cannot write INCLUDE; trailing key columns
    // after the unique id never change the order).
    index('practitioners_listed_next_idx')
      .on(
        sql`coalesce(${t.nextAvailableAt}, 'infinity'::timestamptz)`,
        t.id,
        t.specialties,
        t.languages,
        t.nextAvailableAt,
        t.minPriceCents,
      )
      .where(sql`${t.status} = 'verified'`),
    index('practitioners_listed_price_idx')
      .on(
        sql`coalesce(${t.minPriceCents}, 2147483647)`,
        t.id,
        t.specialties,
        t.languages,
        t.nextAvailableAt,
        t.minPriceCents,
      )
      .where(sql`${t.status} = 'verified'`),
    index('practitioners_listed_rating_idx')
      .on(
        sql`(-coalesce(${t.ratingAverage}, 0))`,
        t.id,
        t.specialties,
        t.languages,
        t.nextAvailableAt,
        t.minPriceCents,
        t.ratingAverage,
      )
      .where(sql`${t.status} = 'verified'`),
    index('practitioners_specialties_idx').using('gin', t.specialties),
    index('practitioners_languages_idx').using('gin', t.languages),
    index('practitioners_search_idx').using(
      'gin',
      sql`to_tsvector('simple', ${t.displayName} || ' ' || ${t.headline} || ' ' || ${t.bio})`,
    ),
    check(
      'practitioners_buffers_check',
      sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`,
    ),
  ],
);

export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    year: integer('year').notNull(),
    evidenceUrl: text('evidence_url'),
    status: certificationStatus('status').notNull().default('pending'),
    verifiedBy: uuid('verified_by').references(() => accounts.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('certifications_practitioner_idx').on(t.practitionerId)],
);

export const sessionTypes = pgTable(
  'session_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull().default('eur'),
    cancellationWindowHours: integer('cancellation_window_hours').notNull().default(24),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('session_types_practitioner_idx').on(t.practitionerId),
    check('session_types_duration_check', sql`${t.durationMinutes} between 10 and 240`),
    check('session_types_price_check', sql`${t.priceCents} >= 0`),
  ],
);

/** Weekly windows on the practitioner's wall clock (ISO weekday, minutes from midnight). */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [
    index('availability_rules_practitioner_idx').on(t.practitionerId),
    check('availability_rules_weekday_check', sql`${t.weekday} between 1 and 7`),
    check(
      'availability_rules_minutes_check',
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`,
    ),
  ],
);

export const timeOff = pgTable(
  'time_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (t) => [
    index('time_off_practitioner_idx').on(t.practitionerId, t.startsAt),
    check('time_off_range_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/**
 * `during` is the session; `blocked` is the session widened by the practitioner's buffers
 * at booking time. The exclusion constraint in the migration refuses two held or
 * confirmed bookings of one practitioner whose `blocked` ranges overlap.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    // Null once the member deleted their account: the booking stays for the practitioner's
    // records and the payment trail, without saying who it was.
    memberId: uuid('member_id').references(() => accounts.id, { onDelete: 'set null' }),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => sessionTypes.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    during: tstzrange('during').notNull(),
    blocked: tstzrange('blocked').notNull(),
    status: bookingStatus('status').notNull().default('held'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    memberTimeZone: text('member_time_zone').notNull().default('UTC'),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    platformFeeCents: integer('platform_fee_cents').notNull(),
    cancellationWindowHours: integer('cancellation_window_hours').notNull(),
    cancelledBy: cancelledBy('cancelled_by'),
    cancelReason: text('cancel_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    remindersSent: text('reminders_sent')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bookings_member_idx').on(t.memberId, t.startsAt),
    index('bookings_practitioner_idx').on(t.practitionerId, t.startsAt),
    index('bookings_held_expiry_idx')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} = 'held'`),
    check('bookings_range_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    provider: text('provider').notNull(),
    providerPaymentId: text('provider_payment_id').notNull().unique(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    platformFeeCents: integer('platform_fee_cents').notNull(),
    status: paymentStatus('status').notNull().default('requires_payment'),
    refundedCents: integer('refunded_cents').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('payments_booking_idx').on(t.bookingId)],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    providerRefundId: text('provider_refund_id').notNull().unique(),
    amountCents: integer('amount_cents').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId)],
);

/** Webhook events already applied, so a repeated delivery changes nothing. */
export const processedWebhookEvents = pgTable('processed_webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .unique()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => accounts.id, { onDelete: 'set null' }),
    rating: smallint('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('reviews_practitioner_idx').on(t.practitionerId, t.createdAt),
    check('reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

export const pushTokens = pgTable(
  'push_tokens',
  {
    token: text('token').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('push_tokens_account_idx').on(t.accountId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
