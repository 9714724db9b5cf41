import type { SessionRecord } from '@exhale/core';
import type { PreferredTime, SafetyAnswers } from '@exhale/core/coach';

import type { BadgesRepository, DataRepository, ProgressHistory } from './data-types';

export const PROFILE_EXPERIENCES = ['beginner', 'some', 'regular'] as const;
export const PROFILE_GOALS = ['stress', 'sleep', 'focus', 'energy'] as const;

export type ProfileExperience = (typeof PROFILE_EXPERIENCES)[number];
export type ProfileGoal = (typeof PROFILE_GOALS)[number];

export interface Profile {
  name: string | null;
  experience: ProfileExperience | null;
  goal: ProfileGoal | null;
  /** The safety screen's answers; any `true` keeps the person on gentle patterns. */
  safety: SafetyAnswers | null;
  /** When the person likes to practise; the daily reminder follows it. */
  preferredTime: PreferredTime | null;
  /** ISO instant the welcome chat was finished; null until then (first launch shows it). */
  onboardedAt: string | null;
  /** ISO instant of the last save. */
  updatedAt: string;
}

/** The person's reflection on a session; `null` clears a field, a missing key keeps it. */
export interface SessionReflection {
  calmBefore?: number | null;
  calmAfter?: number | null;
  note?: string | null;
}

export interface ListSessionsOptions {
  /** At most this many sessions (a non-negative integer); all of them when omitted. */
  limit?: number;
  /** Only sessions that started strictly before this ISO instant (for paging). */
  before?: string;
}

export interface SessionsRepository {
  /**
   * Validates with sessionRecordSchema, then inserts; adding an id that is already stored
   * replaces that session's fields instead of duplicating it.
   * @throws InvalidSessionRecordError (nothing written) when the record is invalid.
   */
  add(record: SessionRecord): Promise<void>;
  /** Newest first, by start instant (offsets taken into account). */
  list(options?: ListSessionsOptions): Promise<SessionRecord[]>;
  get(id: string): Promise<SessionRecord | null>;
  count(): Promise<number>;
  /**
   * Sets the calm ratings and the private note of a stored session.
   * @throws InvalidSessionRecordError (nothing written) when a value is out of range.
   * @throws SessionNotFoundError when no session has that id.
   */
  saveReflection(id: string, reflection: SessionReflection): Promise<SessionRecord>;
  /**
   * Every session, oldest first, as just the fields progress reads, with the calm ratings:
   * the lean query behind the progress screen (no per-row validation).
   */
  progressHistory(): Promise<ProgressHistory>;
}

export interface ProfileRepository {
  get(): Promise<Profile | null>;
  /** @throws InvalidProfileError (nothing written) when a value is outside its choices. */
  save(profile: Omit<Profile, 'updatedAt'>): Promise<Profile>;
}

/** Small app settings stored as JSON. */
export interface SettingsRepository {
  /** The stored value, or `fallback` when the key has never been set. */
  get<T>(key: string, fallback: T): Promise<T>;
  /** @throws TypeError when `value` has no JSON form (undefined, a function…). */
  set<T>(key: string, value: T): Promise<void>;
}

export interface Storage {
  sessions: SessionsRepository;
  profile: ProfileRepository;
  settings: SettingsRepository;
  badges: BadgesRepository;
  data: DataRepository;
  close(): Promise<void>;
}

/** Something read back from the database that could not be used, and was skipped. */
export interface StorageWarning {
  code: 'corrupt_session_row';
  message: string;
  /** The row's primary key. */
  id: string;
}
