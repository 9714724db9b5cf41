import { z } from 'zod';
import type { SessionPlan, SessionState } from '../breathing/timeline';

// A shape check rather than Intl: runtimes ship different time-zone data (Hermes, older
// ICU), and a record from a device that knew a zone must still load on one that does not.
const IANA_TIME_ZONE = /^[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)*$/;

const isoInstant = z.iso.datetime({ offset: true });

/** How calm the person felt, 1 (not at all) to 5 (very). */
export const calmRatingSchema = z.int().min(1).max(5);

/** A private note stays on the device; the cap keeps exports and screens sane. */
export const SESSION_NOTE_MAX_CHARS = 2000;
export const sessionNoteSchema = z.string().max(SESSION_NOTE_MAX_CHARS);

/** A practice session as stored on the device, exported and imported. */
export const sessionRecordSchema = z
  .object({
    id: z.string().min(1),
    patternId: z.string().min(1),
    startedAt: isoInstant,
    endedAt: isoInstant,
    timeZone: z
      .string()
      .regex(IANA_TIME_ZONE, 'timeZone must be an IANA zone such as Europe/Paris'),
    breathsCompleted: z.int().min(0),
    totalBreaths: z.int().min(1),
    activeMs: z.int().min(0),
    status: z.enum(['completed', 'partial']),
    // The person's reflection: rated before the clock starts and after it ends, both
    // optional (a rating can be skipped), kept with the session for the calm trend.
    calmBefore: calmRatingSchema.optional(),
    calmAfter: calmRatingSchema.optional(),
    note: sessionNoteSchema.optional(),
  })
  .superRefine(
    (record, ctx) => {
      if (record.breathsCompleted > record.totalBreaths) {
        ctx.addIssue({
          code: 'custom',
          path: ['breathsCompleted'],
          message: 'breathsCompleted must not exceed totalBreaths',
        });
      }
      if (record.status === 'completed' && record.breathsCompleted !== record.totalBreaths) {
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message: 'a completed session must have every breath completed',
        });
      }
      // Compared as instants: the strings may carry different offsets.
      if (Date.parse(record.endedAt) < Date.parse(record.startedAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['endedAt'],
          message: 'endedAt must not be before startedAt',
        });
      }
    },
    // Cross-field rules on fields that already failed (a datetime without an offset)
    // would only add misleading issues, so they run on otherwise valid records only.
    { when: (payload) => payload.issues.length === 0 },
  );

export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/**
 * Turns the state a session ended in into the record to store. `activeMs` is the
 * session's own elapsed time (paused time excluded, capped at the plan's length).
 * @throws ZodError when the arguments cannot make a valid record (e.g. endedAt < startedAt).
 */
export function sessionRecordFromState(args: {
  id: string;
  plan: SessionPlan;
  state: SessionState;
  startedAt: Date;
  endedAt: Date;
  timeZone: string;
  /** The calm rating given before the session started, when the person gave one. */
  calmBefore?: number;
}): SessionRecord {
  const { id, plan, state, startedAt, endedAt, timeZone, calmBefore } = args;
  return sessionRecordSchema.parse({
    id,
    patternId: plan.pattern.id,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    timeZone,
    breathsCompleted: state.breathsCompleted,
    totalBreaths: state.totalBreaths,
    activeMs: state.elapsedMs,
    status: state.done ? 'completed' : 'partial',
    ...(calmBefore === undefined ? {} : { calmBefore }),
  });
}
