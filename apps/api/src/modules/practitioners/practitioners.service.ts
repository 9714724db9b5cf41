import { computeSlots, zonedIso, type Slot } from '@exhale/core/booking';
import type { AppDatabase } from '../../db/client';
import { NotFound } from '../../lib/errors';
import type { Caller } from '../../lib/auth/auth';
import {
  findPractitioner,
  findSessionType,
  listDirectory,
  practitionerDetails,
  setNextAvailable,
  staleAvailability,
  type DirectoryCursor,
  type DirectoryFilters,
} from './practitioners.repository';
import { loadSchedule } from './schedule.repository';

const DAY_MS = 86_400_000;
const NEXT_SLOT_SEARCH_MS = 7 * DAY_MS;

export function encodeCursor(cursor: DirectoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): DirectoryCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [sort, key, id] = value as unknown[];
    if (sort !== 'next_availability' && sort !== 'price' && sort !== 'rating') return null;
    if (typeof key !== 'string' || key.length === 0 || key.length > 40) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { sort, key, id };
  } catch {
    return null;
  }
}

export async function directoryPage(db: AppDatabase, filters: DirectoryFilters) {
  // One extra row says whether another page exists without a count query.
  const rows = await listDirectory(db, { ...filters, limit: filters.limit + 1 });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > filters.limit && last
      ? encodeCursor({ sort: filters.sort, key: last.sortKey, id: last.id })
      : null;
  return { items: page, nextCursor };
}

/** Whether the caller may see a practitioner who is not (or no longer) listed. */
function mayViewUnlisted(caller: Caller | null, accountId: string) {
  return caller?.role === 'admin' || caller?.accountId === accountId;
}

export async function listedPractitioner(db: AppDatabase, id: string, caller: Caller | null) {
  const practitioner = await findPractitioner(db, id);
  if (
    !practitioner ||
    (practitioner.status !== 'verified' && !mayViewUnlisted(caller, practitioner.accountId))
  ) {
    throw new NotFound('No listed practitioner has this id.', { code: 'practitioner_not_found' });
  }
  return practitioner;
}

export async function practitionerProfile(
  db: AppDatabase,
  id: string,
  caller: Caller | null,
  timeZone: string,
  now: number,
) {
  const practitioner = await listedPractitioner(db, id, caller);
  const details = await practitionerDetails(db, id);
  const shortest = details.sessionTypes[0];
  const nextSlots = shortest
    ? (await slotsFor(db, id, shortest.durationMinutes, now, now + 14 * DAY_MS, now)).slice(0, 6)
    : [];
  return {
    practitioner,
    ...details,
    nextSlots: nextSlots.map((slot) => presentSlot(slot, timeZone)),
  };
}

export async function slotsFor(
  db: AppDatabase,
  practitionerId: string,
  durationMinutes: number,
  from: number,
  to: number,
  now: number,
): Promise<Slot[]> {
  const schedule = await loadSchedule(db, practitionerId, from, to, now);
  if (!schedule) return [];
  return computeSlots(schedule.policy, {
    durationMinutes,
    timeOff: schedule.timeOff,
    busy: schedule.busy,
    now,
    from,
    to,
  });
}

export function presentSlot(slot: Slot, timeZone: string) {
  return {
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
    localStart: zonedIso(slot.start, timeZone),
    localEnd: zonedIso(slot.end, timeZone),
  };
}

export async function practitionerSlots(
  db: AppDatabase,
  input: {
    practitionerId: string;
    sessionTypeId?: string;
    from: number;
    to: number;
    timeZone: string;
    caller: Caller | null;
    now: number;
  },
) {
  await listedPractitioner(db, input.practitionerId, input.caller);
  const sessionType = await findSessionType(db, input.practitionerId, input.sessionTypeId);
  if (!sessionType) {
    throw new NotFound('This practitioner offers no such session.', {
      code: 'session_type_not_found',
    });
  }
  const slots = await slotsFor(
    db,
    input.practitionerId,
    sessionType.durationMinutes,
    input.from,
    input.to,
    input.now,
  );
  return {
    sessionTypeId: sessionType.id,
    durationMinutes: sessionType.durationMinutes,
    timeZone: input.timeZone,
    slots: slots.map((slot) => presentSlot(slot, input.timeZone)),
  };
}

/**
 * Recomputes the cached "next open slot" the directory filters and sorts on, for the
 * shortest session the practitioner offers. Called after anything that changes their
 * slots, and by the refresh job as time passes.
 */
export async function refreshNextAvailability(
  db: AppDatabase,
  practitionerId: string,
  now: number,
) {
  const practitioner = await findPractitioner(db, practitionerId);
  // The cached lengths are ascending: the first is the shortest session offered.
  const shortest = practitioner?.sessionMinutes[0];
  let next: Date | null = null;
  if (practitioner && shortest !== undefined) {
    const horizonEnd = now + practitioner.horizonDays * DAY_MS + 1;
    // Most practitioners have an open slot within days: search a week at a time rather than
    // computing every slot of a two-month horizon to keep the first.
    for (let from = now; from < horizonEnd && !next; from += NEXT_SLOT_SEARCH_MS) {
      const to = Math.min(horizonEnd, from + NEXT_SLOT_SEARCH_MS);
      const [first] = await slotsFor(db, practitionerId, shortest, from, to, now);
      if (first) next = new Date(first.start);
    }
  }
  await setNextAvailable(db, practitionerId, next);
  return next;
}

export async function refreshStaleAvailability(db: AppDatabase, now: number, batch = 200) {
  const stale = await staleAvailability(db, new Date(now), batch);
  for (const { id } of stale) await refreshNextAvailability(db, id, now);
  return stale.length;
}
