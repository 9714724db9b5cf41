import type { FieldIssue } from './errors';

/** A badge to store was malformed (no id, or a date that is not a calendar day). */
export class InvalidBadgeError extends Error {
  readonly code = 'invalid_badge';

  constructor(id: string, problem: string) {
    super(`Invalid badge "${id}": ${problem}`);
    this.name = 'InvalidBadgeError';
  }
}

export type ImportRejection =
  'not_json' | 'not_an_export' | 'newer_version' | 'invalid_content' | 'write_failed';

/**
 * An import file was refused before anything was written (or its write was rolled back).
 * `message` is written for the person choosing the file: what is wrong and what to do.
 */
export class ImportRejectedError extends Error {
  readonly code = 'import_rejected';
  readonly reason: ImportRejection;
  readonly issues: FieldIssue[];

  constructor(reason: ImportRejection, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ImportRejectedError';
    this.reason = reason;
    this.issues = issues;
  }
}
