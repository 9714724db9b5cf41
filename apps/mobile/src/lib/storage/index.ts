// Only what screens need on their first render: the SQLite side (drivers, migrations,
// repositories) is imported by path, so the web bundle can load it after the first screen.
export {
  DatabaseNewerThanAppError,
  InvalidProfileError,
  InvalidSessionRecordError,
  MigrationFailedError,
  SessionNotFoundError,
  TransactionAlreadyActiveError,
  type FieldIssue,
} from './errors';
export { ImportRejectedError, InvalidBadgeError, type ImportRejection } from './data-errors';
export type {
  BadgesRepository,
  DataRepository,
  ExportFile,
  ImportSummary,
  ProgressHistory,
} from './data-types';
export {
  StorageProvider,
  useSessions,
  useStorage,
  useStorageError,
  type StorageProviderProps,
  type UseSessionsResult,
} from './storage-provider';
export {
  PROFILE_EXPERIENCES,
  PROFILE_GOALS,
  type ListSessionsOptions,
  type Profile,
  type ProfileExperience,
  type ProfileGoal,
  type ProfileRepository,
  type SessionReflection,
  type SessionsRepository,
  type SettingsRepository,
  type Storage,
  type StorageWarning,
} from './types';
