import { preferredTimeSchema, safetyAnswersSchema } from '@exhale/core/coach/contracts';

import { InvalidProfileError, type FieldIssue } from './errors';
import type { SqlDriver } from './sql-driver';
import {
  PROFILE_EXPERIENCES,
  PROFILE_GOALS,
  type Profile,
  type ProfileExperience,
  type ProfileGoal,
  type ProfileRepository,
} from './types';

interface ProfileRow {
  name: string | null;
  experience: ProfileExperience | null;
  goal: ProfileGoal | null;
  safety: string | null;
  preferred_time: string | null;
  onboarded_at: string | null;
  updated_at: string;
}

// The JSON columns are parsed through the same contracts that checked them on the way
// in; a value that no longer parses reads as unanswered rather than breaking the app.
function parseJsonColumn<T>(
  text: string | null,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T | null {
  if (text === null) return null;
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return choices.some((choice) => choice === value);
}

// The profile can come from a language model's reading of free text, so its values are
// checked at run time, not only by the compiler.
function checkProfile(profile: Omit<Profile, 'updatedAt'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (profile.name !== null && typeof profile.name !== 'string') {
    issues.push({ path: 'name', message: 'must be a string or null' });
  }
  if (profile.experience !== null && !isOneOf(PROFILE_EXPERIENCES, profile.experience)) {
    issues.push({
      path: 'experience',
      message: `must be one of ${PROFILE_EXPERIENCES.join(', ')} or null`,
    });
  }
  if (profile.goal !== null && !isOneOf(PROFILE_GOALS, profile.goal)) {
    issues.push({ path: 'goal', message: `must be one of ${PROFILE_GOALS.join(', ')} or null` });
  }
  for (const [path, schema] of [
    ['safety', safetyAnswersSchema],
    ['preferredTime', preferredTimeSchema],
  ] as const) {
    const value = profile[path];
    if (value === null) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message });
      }
    }
  }
  if (profile.onboardedAt !== null && Number.isNaN(Date.parse(profile.onboardedAt))) {
    issues.push({ path: 'onboardedAt', message: 'must be an ISO instant or null' });
  }
  return issues;
}

export function createProfileRepository(
  driver: SqlDriver,
  deps: { now: () => Date },
): ProfileRepository {
  return {
    async get() {
      const row = await driver.first<ProfileRow>(
        `SELECT name, experience, goal, safety, preferred_time, onboarded_at, updated_at
         FROM profile WHERE id = 1`,
      );
      if (!row) return null;
      return {
        name: row.name,
        experience: row.experience,
        goal: row.goal,
        safety: parseJsonColumn(row.safety, safetyAnswersSchema),
        preferredTime: parseJsonColumn(row.preferred_time, preferredTimeSchema),
        onboardedAt: row.onboarded_at,
        updatedAt: row.updated_at,
      };
    },

    async save(profile) {
      const issues = checkProfile(profile);
      if (issues.length > 0) throw new InvalidProfileError(issues);
      const saved: Profile = {
        name: profile.name,
        experience: profile.experience,
        goal: profile.goal,
        safety: profile.safety,
        preferredTime: profile.preferredTime,
        onboardedAt: profile.onboardedAt,
        updatedAt: deps.now().toISOString(),
      };
      await driver.run(
        `INSERT INTO profile (id, name, experience, goal, safety, preferred_time, onboarded_at,
           updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, experience = excluded.experience,
           goal = excluded.goal, safety = excluded.safety,
           preferred_time = excluded.preferred_time, onboarded_at = excluded.onboarded_at,
           updated_at = excluded.updated_at`,
        [
          saved.name,
          saved.experience,
          saved.goal,
          saved.safety === null ? null : JSON.stringify(saved.safety),
          saved.preferredTime === null ? null : JSON.stringify(saved.preferredTime),
          saved.onboardedAt,
          saved.updatedAt,
        ],
      );
      return saved;
    },
  };
}
