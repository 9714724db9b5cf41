import { insertBadges } from './badges.repository';
import { ImportRejectedError } from './data-errors';
import type { FieldIssue } from './errors';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileSchema,
  type ExportFile,
  type ImportSummary,
} from './export-format';
import { instantMs } from './instant';
import type { SqlDriver } from './sql-driver';
import type { BadgesRepository, DataRepository } from './data-types';
import type { ProfileRepository, SessionsRepository } from './types';

const NOTHING_CHANGED = 'Nothing on this device was changed.';

// Import keeps what the device already has for a known id and only fills reflection
// fields it lacks: merging two copies of the same history never duplicates a session
// nor overwrites a rating made since the export.
const MERGE_SESSION = `INSERT INTO sessions (id, pattern_id, started_at, started_at_ms, ended_at,
  time_zone, breaths_completed, total_breaths, active_ms, status, calm_before, calm_after, note,
  created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET
    calm_before = COALESCE(sessions.calm_before, excluded.calm_before),
    calm_after = COALESCE(sessions.calm_after, excluded.calm_after),
    note = COALESCE(sessions.note, excluded.note)`;

function label(path: PropertyKey[]): string {
  const [section, index, ...rest] = path.map(String);
  if (section === 'sessions' && index !== undefined) {
    return `session ${Number(index) + 1}${rest.length ? ` (${rest.join('.')})` : ''}`;
  }
  if (section === 'badges' && index !== undefined) {
    return `badge ${Number(index) + 1}${rest.length ? ` (${rest.join('.')})` : ''}`;
  }
  return path.map(String).join('.') || 'the file';
}

/**
 * Checks an export file's text and returns its content, or throws ImportRejectedError
 * with a message for the person (what is wrong, what to do) before anything is written.
 */
export function parseExportFile(text: string): ExportFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportRejectedError(
      'not_json',
      `This file could not be read as an Exhale export: it is not complete JSON, so it may have been cut short while saving or copying. Export again from the original device and try that file. ${NOTHING_CHANGED}`,
    );
  }
  const header = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (header.format !== EXPORT_FORMAT) {
    throw new ImportRejectedError(
      'not_an_export',
      `This file is not an Exhale export. Choose a file made with Settings → Export my data (its name starts with "exhale-export"). ${NOTHING_CHANGED}`,
    );
  }
  if (typeof header.version === 'number' && header.version > EXPORT_VERSION) {
    throw new ImportRejectedError(
      'newer_version',
      `This export was made by a newer version of Exhale. Update the app, then import it again. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const first = parsed.error.issues[0];
    const where = first ? `${label(first.path)}: ${first.message}` : 'unknown problem';
    const more = issues.length > 1 ? ` and ${issues.length - 1} more problem(s)` : '';
    throw new ImportRejectedError(
      'invalid_content',
      `This Exhale export is damaged and was not imported (${where}${more}). ${NOTHING_CHANGED}`,
      issues,
    );
  }
  return parsed.data;
}

export function createDataRepository(
  driver: SqlDriver,
  repos: {
    sessions: SessionsRepository;
    profile: ProfileRepository;
    badges: BadgesRepository;
  },
  deps: { now: () => Date },
): DataRepository {
  async function readSettings(): Promise<Record<string, ExportFile['settings'][string]>> {
    const rows = await driver.all<{ key: string; value: string }>(
      'SELECT key, value FROM settings ORDER BY key',
    );
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
  }

  return {
    async exportAll() {
      const [profile, settings, sessions, badges] = await Promise.all([
        repos.profile.get(),
        readSettings(),
        repos.sessions.list(),
        repos.badges.list(),
      ]);
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: deps.now().toISOString(),
        profile,
        settings,
        // Oldest first reads naturally in a file.
        sessions: sessions.reverse(),
        badges,
      };
    },

    async importFile(text) {
      const file = parseExportFile(text);
      const stamp = deps.now().toISOString();
      try {
        return await driver.transaction(async (): Promise<ImportSummary> => {
          const existing = new Set(
            (await driver.all<{ id: string }>('SELECT id FROM sessions')).map((row) => row.id),
          );
          let sessionsAdded = 0;
          for (const s of file.sessions) {
            const startedAtMs = instantMs(s.startedAt);
            if (startedAtMs === null) throw new Error(`session ${s.id} has no readable start`);
            await driver.run(MERGE_SESSION, [
              s.id,
              s.patternId,
              s.startedAt,
              startedAtMs,
              s.endedAt,
              s.timeZone,
              s.breathsCompleted,
              s.totalBreaths,
              s.activeMs,
              s.status,
              s.calmBefore ?? null,
              s.calmAfter ?? null,
              s.note ?? null,
              stamp,
            ]);
            if (!existing.has(s.id)) {
              existing.add(s.id);
              sessionsAdded += 1;
            }
          }
          const badgesAdded = (await insertBadges(driver, file.badges, stamp)).length;

          // The newer profile wins: a backup restored onto a device set up since keeps the
          // device's answers, an empty device gets the backup's.
          let profileRestored = false;
          const current = await repos.profile.get();
          const incoming = file.profile;
          if (
            incoming &&
            (!current || Date.parse(incoming.updatedAt) > Date.parse(current.updatedAt))
          ) {
            await driver.run(
              `INSERT INTO profile (id, name, experience, goal, safety, preferred_time,
                 onboarded_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                 experience = excluded.experience, goal = excluded.goal,
                 safety = excluded.safety, preferred_time = excluded.preferred_time,
                 onboarded_at = excluded.onboarded_at, updated_at = excluded.updated_at`,
              [
                incoming.name,
                incoming.experience,
                incoming.goal,
                incoming.safety === null ? null : JSON.stringify(incoming.safety),
                incoming.preferredTime === null ? null : JSON.stringify(incoming.preferredTime),
                incoming.onboardedAt,
                incoming.updatedAt,
              ],
            );
            profileRestored = true;
          }

          // Settings the device has chosen since stay; the backup fills in the rest.
          let settingsRestored = 0;
          for (const [key, value] of Object.entries(file.settings)) {
            const { changes } = await driver.run(
              `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
               ON CONFLICT (key) DO NOTHING`,
              [key, JSON.stringify(value), stamp],
            );
            settingsRestored += changes;
          }

          return {
            sessionsAdded,
            sessionsAlreadyHere: file.sessions.length - sessionsAdded,
            badgesAdded,
            profileRestored,
            settingsRestored,
          };
        });
      } catch (error) {
        throw new ImportRejectedError(
          'write_failed',
          `The export could not be saved on this device, so none of it was imported. Free some space and try again. ${NOTHING_CHANGED}`,
          [{ path: '', message: error instanceof Error ? error.message : String(error) }],
        );
      }
    },

    async deleteAll() {
      await driver.transaction(async () => {
        await driver.exec(
          'DELETE FROM sessions; DELETE FROM badges; DELETE FROM profile; DELETE FROM settings;',
        );
      });
    },

    async deleteSessionsBefore(cutoff) {
      if (!Number.isFinite(cutoff)) {
        throw new RangeError(`deleteSessionsBefore: cutoff must be a time in ms, got ${cutoff}`);
      }
      // Badges live in their own table, so they stay when their sessions go.
      const { changes } = await driver.run('DELETE FROM sessions WHERE started_at_ms < ?', [
        cutoff,
      ]);
      return changes;
    },
  };
}
