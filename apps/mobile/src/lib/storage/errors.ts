export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `startedAt`; empty for the whole value. */
  path: string;
  message: string;
}

function describe(issues: FieldIssue[]): string {
  return issues.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join('; ');
}

/** `add` was given something that is not a valid SessionRecord; nothing was written. */
export class InvalidSessionRecordError extends Error {
  readonly code = 'invalid_session_record';
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(`Invalid session record: ${describe(issues)}`);
    this.name = 'InvalidSessionRecordError';
    this.issues = issues;
  }
}

/** `profile.save` was given values outside the profile's choices; nothing was written. */
export class InvalidProfileError extends Error {
  readonly code = 'invalid_profile';
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(`Invalid profile: ${describe(issues)}`);
    this.name = 'InvalidProfileError';
    this.issues = issues;
  }
}

/** `saveReflection` named a session that is not stored (deleted, or never saved). */
export class SessionNotFoundError extends Error {
  readonly code = 'session_not_found';
  readonly id: string;

  constructor(id: string) {
    super(`No stored session has the id "${id}".`);
    this.name = 'SessionNotFoundError';
    this.id = id;
  }
}

/** A migration threw; its transaction was rolled back and user_version left as it was. */
export class MigrationFailedError extends Error {
  readonly code = 'migration_failed';
  readonly version: number;

  constructor(version: number, name: string, cause: unknown) {
    const reason =
      typeof cause === 'object' && cause !== null && 'message' in cause
        ? String(cause.message)
        : String(cause);
    super(`Storage migration ${version} (${name}) failed: ${reason}`, { cause });
    this.name = 'MigrationFailedError';
    this.version = version;
  }
}

/**
 * The database was written by a newer build of the app (e.g. an older web bundle still
 * cached in a tab). Opening it with an older schema could lose data, so it is refused.
 */
export class DatabaseNewerThanAppError extends Error {
  readonly code = 'database_newer_than_app';
  readonly databaseVersion: number;
  readonly appVersion: number;

  constructor(databaseVersion: number, appVersion: number) {
    super(
      `The on-device database is at schema version ${databaseVersion}, but this build of the app only knows up to ${appVersion}. Update the app.`,
    );
    this.name = 'DatabaseNewerThanAppError';
    this.databaseVersion = databaseVersion;
    this.appVersion = appVersion;
  }
}

/** A transaction was started while another one was still open on the same connection. */
export class TransactionAlreadyActiveError extends Error {
  readonly code = 'transaction_already_active';

  constructor() {
    super('A storage transaction is already open on this connection; transactions do not nest.');
    this.name = 'TransactionAlreadyActiveError';
  }
}
