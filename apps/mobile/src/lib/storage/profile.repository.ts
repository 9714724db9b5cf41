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
  updated_at: string;
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
  return issues;
}

export function createProfileRepository(
  driver: SqlDriver,
  deps: { now: () => Date },
): ProfileRepository {
  return {
    async get() {
      const row = await driver.first<ProfileRow>(
        'SELECT name, experience, goal, updated_at FROM profile WHERE id = 1',
      );
      if (!row) return null;
      return {
        name: row.name,
        experience: row.experience,
        goal: row.goal,
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
        updatedAt: deps.now().toISOString(),
      };
      await driver.run(
        `INSERT INTO profile (id, name, experience, goal, updated_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, experience = excluded.experience,
           goal = excluded.goal, updated_at = excluded.updated_at`,
        [saved.name, saved.experience, saved.goal, saved.updatedAt],
      );
      return saved;
    },
  };
}
