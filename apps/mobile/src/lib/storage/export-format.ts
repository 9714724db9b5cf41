import { sessionRecordSchema } from '@exhale/core';
import { preferredTimeSchema, safetyAnswersSchema } from '@exhale/core/coach/contracts';
import { z } from 'zod';

import { isStoredCalendarDay } from './calendar-day';
import { PROFILE_EXPERIENCES, PROFILE_GOALS } from './types';

/** Written at the top of every export, so a foreign JSON file is told apart at once. */
export const EXPORT_FORMAT = 'exhale-export';
/** Bumped when the file's shape changes; older files keep importing. */
export const EXPORT_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: true });

const exportedProfileSchema = z.strictObject({
  name: z.string().max(200).nullable(),
  experience: z.enum(PROFILE_EXPERIENCES).nullable(),
  goal: z.enum(PROFILE_GOALS).nullable(),
  safety: safetyAnswersSchema.nullable(),
  preferredTime: preferredTimeSchema.nullable(),
  onboardedAt: isoInstant.nullable(),
  updatedAt: isoInstant,
});

const exportedBadgeSchema = z.strictObject({
  id: z.string().min(1),
  earnedAt: z.string().refine(isStoredCalendarDay, 'must be a day such as 2025-03-10'),
  sessionId: z.string().min(1).optional(),
});

/**
 * Everything the app keeps on the device, as one JSON document. Strict objects: a file
 * with fields this version does not know is refused rather than half-imported.
 */
export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoInstant,
  profile: exportedProfileSchema.nullable(),
  settings: z.record(z.string().min(1), z.json()),
  sessions: z.array(sessionRecordSchema),
  badges: z.array(exportedBadgeSchema),
});

export type ExportFile = z.infer<typeof exportFileSchema>;

/** What an import changed, for the message shown after it. */
export interface ImportSummary {
  sessionsAdded: number;
  /** Sessions already on the device (same id): kept, gaps in their reflection filled. */
  sessionsAlreadyHere: number;
  badgesAdded: number;
  profileRestored: boolean;
  settingsRestored: number;
}
