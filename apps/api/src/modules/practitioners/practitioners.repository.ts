import { and, asc, desc, eq, fillPlaceholders, sql, type SQL } from 'drizzle-orm';
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

/** Which filters a request uses: the statement's text depends on this alone. */
function shapeOf(filters: DirectoryFilters) {
  return {
    sort: filters.sort,
    specialty: filters.specialty !== undefined,
    language: filters.language !== undefined,
    minPrice: filters.minPriceCents !== undefined,
    maxPrice: filters.maxPriceCents !== undefined,
    minutes: filters.sessionMinutes !== undefined,
    availableBefore: filters.availableBefore !== undefined,
    query: filters.query !== undefined,
    after: filters.after !== undefined,
  };
}
type DirectoryShape = ReturnType<typeof shapeOf>;

const placeholder = (name: keyof ReturnType<typeof directoryValues>) => sql.placeholder(name);

function directoryValues(filters: DirectoryFilters) {
  return {
    specialty: filters.specialty,
    language: filters.language,
    minPrice: filters.minPriceCents,
    maxPrice: filters.maxPriceCents,
    minutes: filters.sessionMinutes,
    availableBefore: filters.availableBefore?.toISOString(),
    query: filters.query,
    queryPattern: filters.query === undefined ? undefined : likePattern(filters.query),
    afterKey: filters.after?.key,
    afterId: filters.after?.id,
    limit: filters.limit,
  };
}

const summaryColumns = {
  id: practitioners.id,
  displayName: practitioners.displayName,
  headline: practitioners.headline,
  photoUrl: practitioners.photoUrl,
  timeZone: practitioners.timeZone,
  languages: practitioners.languages,
  specialties: practitioners.specialties,
  fromPriceCents: practitioners.minPriceCents,
  currency: practitioners.minPriceCurrency,
  sessionMinutes: practitioners.sessionMinutes,
  ratingAverage: practitioners.ratingAverage,
  ratingCount: practitioners.ratingCount,
  nextAvailableAt: practitioners.nextAvailableAt,
};

function buildDirectoryStatement(db: AppDatabase, shape: DirectoryShape) {
  // A literal, not a parameter, so the planner can match the partial sort indexes.
  const conditions: SQL[] = [sql`${practitioners.status} = 'verified'`];
  if (shape.specialty) {
    conditions.push(
      sql`${practitioners.specialties} @> array[${placeholder('specialty')}]::text[]`,
    );
  }
  if (shape.language) {
    conditions.push(sql`${practitioners.languages} @> array[${placeholder('language')}]::text[]`);
  }
  const sessionConditions: SQL[] = [];
  // Some active session costs at most maxPrice exactly when the cheapest one does: with no
  // other condition on the session, the cached minimum (carried in the sort indexes) answers.
  const maxPriceAlone = shape.maxPrice && !shape.minPrice && !shape.minutes;
  if (maxPriceAlone) {
    conditions.push(sql`${practitioners.minPriceCents} <= ${placeholder('maxPrice')}`);
  }
  if (shape.minPrice) sessionConditions.push(sql`st.price_cents >= ${placeholder('minPrice')}`);
  if (shape.maxPrice && !maxPriceAlone) {
    sessionConditions.push(sql`st.price_cents <= ${placeholder('maxPrice')}`);
  }
  // Likewise a length alone is one of the cached distinct lengths.
  const minutesAlone = shape.minutes && !shape.minPrice && !shape.maxPrice;
  if (minutesAlone) {
    conditions.push(
      sql`${practitioners.sessionMinutes} @> array[${placeholder('minutes')}]::integer[]`,
    );
  } else if (shape.minutes) {
    sessionConditions.push(sql`st.duration_minutes = ${placeholder('minutes')}`);
  }
  if (sessionConditions.length > 0) {
    conditions.push(
      sql`exists (select 1 from ${sessionTypes} st where st.practitioner_id = ${PRACTITIONER_ID} and st.active and ${sql.join(sessionConditions, sql` and `)})`,
    );
  }
  if (shape.availableBefore) {
    conditions.push(
      sql`${practitioners.nextAvailableAt} < ${placeholder('availableBefore')}::timestamptz`,
    );
  }
  if (shape.query) {
    conditions.push(
      sql`(${searchDocument} @@ websearch_to_tsquery('simple', ${placeholder('query')}) or ${practitioners.displayName} ilike ${placeholder('queryPattern')})`,
    );
  }
  const { expression: sortKey, type: sortType } = DIRECTORY_SORT_KEYS[shape.sort];
  if (shape.after) {
    conditions.push(
      sql`(${sortKey}, ${practitioners.id}) > (${placeholder('afterKey')}::${sortType}, ${placeholder('afterId')}::uuid)`,
    );
  }

  const filtered =
    shape.specialty ||
    maxPriceAlone ||
    minutesAlone ||
    shape.language ||
    sessionConditions.length > 0 ||
    shape.availableBefore ||
    shape.query;
  if (!filtered) {
    // The page is a range of the sort index: one step.
    return db
      .select({ ...summaryColumns, sortKey: sql<string>`(${sortKey})::text`.as('cursor_key') })
      .from(practitioners)
      .where(and(...conditions))
      .orderBy(asc(sortKey), asc(practitioners.id))
      .limit(placeholder('limit'))
      .toSQL();
  }
  // Filters may skip many rows: the page's ids come from the sort index alone (its trailing
  // columns carry what the filters read, so on a vacuumed table the scan never visits the
  // heap), then only the page's rows are read in full.
  const page = db
    .select({ id: practitioners.id, sortKey: sql`${sortKey}`.as('sort_key') })
    .from(practitioners)
    .where(and(...conditions))
    .orderBy(asc(sortKey), asc(practitioners.id))
    .limit(placeholder('limit'))
    .as('page');
  return (
    db
      // Aliased so that the ORDER BY below reads the typed key, not this text.
      .select({ ...summaryColumns, sortKey: sql<string>`(${page.sortKey})::text`.as('cursor_key') })
      .from(page)
      .innerJoin(practitioners, eq(practitioners.id, page.id))
      .orderBy(asc(page.sortKey), asc(page.id))
      .toSQL()
  );
}

// Building the SQL costs about as much as running it, and there are few shapes, so each
// statement's text is built once (it is the same for both drivers) and kept.
const statements = new Map<string, ReturnType<typeof buildDirectoryStatement>>();

/** The statement listDirectory sends for these filters, with its values in order. */
export function directorySql(db: AppDatabase, filters: DirectoryFilters) {
  const shape = shapeOf(filters);
  const key = JSON.stringify(shape);
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = buildDirectoryStatement(db, shape)));
  return {
    sql: statement.sql,
    params: fillPlaceholders(statement.params, directoryValues(filters)),
  };
}

/** A row as both drivers parse it (timestamptz to Date, arrays to arrays). */
type DirectoryRow = {
  id: string;
  display_name: string;
  headline: string;
  photo_url: string | null;
  time_zone: string;
  languages: string[];
  specialties: string[];
  min_price_cents: number | null;
  min_price_currency: string | null;
  session_minutes: number[];
  rating_average: number | null;
  rating_count: number;
  next_available_at: Date | null;
  cursor_key: string;
};

/** node-postgres' Pool and PGlite both answer this. */
type DriverClient = { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

export async function listDirectory(db: AppDatabase, filters: DirectoryFilters) {
  const { sql: text, params } = directorySql(db, filters);
  // Run by the driver itself: Drizzle's generic row mapper cost about a tenth of the request
  // at 50 connections, and the driver's own parsing already gives these types. An unnamed
  // statement, so Postgres plans each execution for its values (a named one soon switches
  // to a generic plan, which cannot tell a common specialty from a rare one and chose a GIN
  // scan and a sort ten times slower than walking the sort index).
  const { $client } = db as unknown as { $client: DriverClient };
  const { rows } = await $client.query(text, params);
  return (rows as DirectoryRow[]).map((row) => ({
    id: row.id,
    displayName: row.display_name,
    headline: row.headline,
    photoUrl: row.photo_url,
    timeZone: row.time_zone,
    languages: row.languages,
    specialties: row.specialties,
    fromPriceCents: row.min_price_cents,
    currency: row.min_price_currency,
    sessionMinutes: row.session_minutes,
    ratingAverage: row.rating_average,
    ratingCount: row.rating_count,
    nextAvailableAt: row.next_available_at,
    sortKey: row.cursor_key,
  }));
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

/**
 * Recomputes what the directory shows of a practitioner's active session types: the lowest
 * price and its currency, and the distinct lengths (rating is kept by the review writer).
 */
export async function refreshOfferSummary(db: AppDatabase, practitionerId: string) {
  const active = sql`from ${sessionTypes} st where st.practitioner_id = ${practitionerId} and st.active`;
  await db
    .update(practitioners)
    .set({
      minPriceCents: sql`(select min(st.price_cents) ${active})`,
      minPriceCurrency: sql`(select st.currency ${active} order by st.price_cents limit 1)`,
      sessionMinutes: sql`array(select distinct st.duration_minutes ${active} order by 1)`,
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
