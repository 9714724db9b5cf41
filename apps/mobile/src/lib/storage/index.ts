export { createStorage, type CreateStorageOptions } from './create-storage';
export {
  DatabaseNewerThanAppError,
  InvalidProfileError,
  InvalidSessionRecordError,
  MigrationFailedError,
  TransactionAlreadyActiveError,
  type FieldIssue,
} from './errors';
export { createExpoSqliteDriver } from './expo-sqlite-driver';
export { MIGRATIONS, migrate, type Migration, type MigrationResult } from './migrations';
export { openSharedStorage, openStorage } from './open-storage';
export type { SqlDriver, SqlValue } from './sql-driver';
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
  type SessionsRepository,
  type SettingsRepository,
  type Storage,
  type StorageWarning,
} from './types';
