import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { accounts, certifications, practitioners, reviews, sessionTypes } from '../../db/schema';

export type DirectorySort = 'next_availability' | 'price' | 'rating';

export interface DirectoryFilters {
  specialty?: string;
  language?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  sessionMinutes?: number;
  /** Only practitioners with an open slot before this instant. */
  availableBefore?: Date;
  query?: string;
  sort: DirectorySort;
  limit: number;
  after?: DirectoryCursor;
}

/** Where the previous page stopped: its last row's sort key and id. */
export interface DirectoryCursor {
  sort: DirectorySort;
  key: string;
  id: string;
}

// Each sort key is an immutable expression with a matching partial index (see schema.ts),
// so a page is an index range scan however deep it is. Missing values sort last, and
// rating is negated so that "best first" is ascending like the others. The cursor carries
// the key as text and casts it back with `type`.
export const DIRECTORY_SORT_KEYS = {
  next_availability: {
    expression: sql`coalesce(${sql.raw('"practitioners"."next_available_at"')}, 'infinity'::timestamptz)`,
    type: sql.raw('timestamptz'),
  },
  price: {
    expression: sql`coalesce(${sql.raw('"practitioners"."min_price_cents"')}, 2147483647)`,
    type: sql.raw('integer'),
  },
  rating: {
    expression: sql`(-coalesce(${sql.raw('"practitioners"."rating_average"')}, 0))`,
    type: sql.raw('double precision'),
  },
} satisfies Record<DirectorySort, { expression: SQL; type: SQL }>;

// Drizzle writes a column inside a selected sql`` without its table name, which a
// correlated subquery over session_types would read as its own column.
const PRACTITIONER_ID = sql.raw('"practitioners"."id"');

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const searchDocument = sql`to_tsvector('simple', ${practitioners.displayName} || ' ' || ${practitioners.headline} || ' ' || ${practitioners.bio})`;

export function listDirectory(db: AppDatabase, filters: DirectoryFilters) {
  // A literal, not a parameter, so the planner can match the partial sort indexes.
  const conditions: SQL[] = [sql`${practitioners.status} = 'verified'`];
  if (filters.specialty) {
    conditions.push(sql`${practitioners.specialties} @> array[${filters.specialty}]::text[]`);
  }
  if (filters.language) {
    conditions.push(sql`${practitioners.languages} @> array[${filters.language}]::text[]`);
  }
  const sessionConditions: SQL[] = [];
  if (filters.minPriceCents !== undefined) {
    sessionConditions.push(sql`st.price_cents >= ${filters.minPriceCents}`);
  }
  if (filters.maxPriceCents !== undefined) {
    sessionConditions.push(sql`st.price_cents <= ${filters.maxPriceCents}`);
  }
  if (filters.sessionMinutes !== undefined) {
    sessionConditions.push(sql`st.duration_minutes = ${filters.sessionMinutes}`);
  }
  if (sessionConditions.length > 0) {
    conditions.push(
      sql`exists (select 1 from ${sessionTypes} st where st.practitioner_id = ${PRACTITIONER_ID} and st.active and ${sql.join(sessionConditions, sql` and `)})`,
    );
  }
  if (filters.availableBefore) {
    conditions.push(
      sql`${practitioners.nextAvailableAt} < ${filters.availableBefore.toISOString()}::timestamptz`,
    );
  }
  if (filters.query) {
    conditions.push(
      sql`(${searchDocument} @@ websearch_to_tsquery('simple', ${filters.query}) or ${practitioners.displayName} ilike ${likePattern(filters.query)})`,
    );
  }
  const { expression: sortKey, type: sortType } = DIRECTORY_SORT_KEYS[filters.sort];
  if (filters.after) {
    conditions.push(
      sql`(${sortKey}, ${practitioners.id}) > (${filters.after.key}::${sortType}, ${filters.after.id}::uuid)`,
    );
  }

  return db
    .select({
      id: practitioners.id,
      displayName: practitioners.displayName,
      headline: practitioners.headline,
      photoUrl: practitioners.photoUrl,
      timeZone: practitioners.timeZone,
      languages: practitioners.languages,
      specialties: practitioners.specialties,
      fromPriceCents: practitioners.minPriceCents,
      currency: sql<
        string | null
      >`(select st.currency from ${sessionTypes} st where st.practitioner_id = ${PRACTITIONER_ID} and st.active order by st.price_cents limit 1)`,
      sessionMinutes: sql<
        number[]
      >`array(select distinct st.duration_minutes from ${sessionTypes} st where st.practitioner_id = ${PRACTITIONER_ID} and st.active order by 1)`,
      ratingAverage: practitioners.ratingAverage,
      ratingCount: practitioners.ratingCount,
      nextAvailableAt: practitioners.nextAvailableAt,
      sortKey: sql<string>`(${sortKey})::text`,
    })
    .from(practitioners)
    .where(and(...conditions))
    .orderBy(asc(sortKey), asc(practitioners.id))
    .limit(filters.limit);
}

export async function findPractitioner(db: AppDatabase, id: string) {
  const [row] = await db.select().from(practitioners).where(eq(practitioners.id, id));
  return row ?? null;
}

export async function findPractitionerByAccount(db: AppDatabase, accountId: string) {
  const [row] = await db.select().from(practitioners).where(eq(practitioners.accountId, accountId));
  return row ?? null;
}

export async function practitionerDetails(db: AppDatabase, id: string) {
  const [certs, types, latestReviews] = await Promise.all([
    db
      .select()
      .from(certifications)
      .where(eq(certifications.practitionerId, id))
      .orderBy(desc(certifications.year)),
    db
      .select()
      .from(sessionTypes)
      .where(and(eq(sessionTypes.practitionerId, id), eq(sessionTypes.active, true)))
      .orderBy(asc(sessionTypes.durationMinutes), asc(sessionTypes.priceCents)),
    db
      .select({
        rating: reviews.rating,
        comment: reviews.comment,
        createdAt: reviews.createdAt,
        authorName: accounts.displayName,
      })
      .from(reviews)
      .leftJoin(accounts, eq(accounts.id, reviews.memberId))
      .where(eq(reviews.practitionerId, id))
      .orderBy(desc(reviews.createdAt))
      .limit(10),
  ]);
  return { certifications: certs, sessionTypes: types, reviews: latestReviews };
}

export async function findSessionType(db: AppDatabase, practitionerId: string, id?: string) {
  const conditions = [
    eq(sessionTypes.practitionerId, practitionerId),
    eq(sessionTypes.active, true),
  ];
  if (id) conditions.push(eq(sessionTypes.id, id));
  const [row] = await db
    .select()
    .from(sessionTypes)
    .where(and(...conditions))
    .orderBy(asc(sessionTypes.durationMinutes), asc(sessionTypes.priceCents))
    .limit(1);
  return row ?? null;
}

/** Recomputes the directory's denormalized price (rating is kept by the review writer). */
export async function refreshMinPrice(db: AppDatabase, practitionerId: string) {
  await db
    .update(practitioners)
    .set({
      minPriceCents: sql`(select min(st.price_cents) from ${sessionTypes} st where st.practitioner_id = ${practitionerId} and st.active)`,
    })
    .where(eq(practitioners.id, practitionerId));
}

export async function setNextAvailable(
  db: AppDatabase,
  practitionerId: string,
  nextAvailableAt: Date | null,
) {
  await db
    .update(practitioners)
    .set({ nextAvailableAt })
    .where(eq(practitioners.id, practitionerId));
}

/** Practitioners whose cached next slot is missing or has passed (the refresh job's work). */
export async function staleAvailability(db: AppDatabase, now: Date, limit: number) {
  return db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(
      and(
        eq(practitioners.status, 'verified'),
        sql`(${practitioners.nextAvailableAt} is null or ${practitioners.nextAvailableAt} < ${now.toISOString()}::timestamptz)`,
      ),
    )
    .limit(limit);
}
