import type { SessionRecord } from '@exhale/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

import type { Storage } from './types';

/**
 * SQLite, its web worker and the record schemas load after the first screen: nothing on
 * it needs them before the recent-sessions list, and they are a fifth of the web bundle.
 */
function openAppStorage(): Promise<Storage> {
  return import('./open-storage').then((module) => module.openSharedStorage());
}

interface StorageState {
  storage: Storage | null;
  error: Error | null;
}

const StorageContext = createContext<StorageState>({ storage: null, error: null });

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export interface StorageProviderProps {
  children: ReactNode;
  /**
   * How to get the Storage; read once, on mount. It may be called again after a remount,
   * so it must hand back the same instance (the default opens exhale.db once per app run).
   * Tests pass one that builds Storage on better-sqlite3.
   */
  open?: () => Promise<Storage>;
}

/**
 * Opens storage in an effect, never during render, so static web rendering (which runs
 * in Node, where expo-sqlite has no database) renders the "opening" state. The storage
 * lives as long as the app, so unmounting does not close it.
 */
export function StorageProvider({ children, open = openAppStorage }: StorageProviderProps) {
  const [openOnce] = useState(() => open);
  const [state, setState] = useState<StorageState>({ storage: null, error: null });

  useEffect(() => {
    let current = true;
    openOnce().then(
      (storage) => current && setState({ storage, error: null }),
      (error: unknown) => current && setState({ storage: null, error: toError(error) }),
    );
    return () => {
      current = false;
    };
  }, [openOnce]);

  return <StorageContext.Provider value={state}>{children}</StorageContext.Provider>;
}

/** The open Storage, or null while it is opening (or if opening failed). */
export function useStorage(): Storage | null {
  return useContext(StorageContext).storage;
}

/** Why storage could not be opened (e.g. a migration failed), or null. */
export function useStorageError(): Error | null {
  return useContext(StorageContext).error;
}

export interface UseSessionsResult {
  /** Newest first; the previous list stays while a reload runs. */
  sessions: SessionRecord[];
  loading: boolean;
  /** The failure to open storage or to read the sessions, if any. */
  error: Error | null;
  /** Reads the sessions again, e.g. after one was added elsewhere. */
  reload: () => Promise<void>;
}

export function useSessions(options: { limit?: number } = {}): UseSessionsResult {
  const { storage, error: openError } = useContext(StorageContext);
  const { limit } = options;
  const [state, setState] = useState<Omit<UseSessionsResult, 'reload'>>({
    sessions: [],
    loading: true,
    error: null,
  });
  // Only the latest read may write the state, so a slow earlier read cannot land last.
  const latestRead = useRef(0);

  const reload = useCallback(async () => {
    if (!storage) return;
    const read = ++latestRead.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const sessions = await storage.sessions.list(limit === undefined ? {} : { limit });
      if (read === latestRead.current) setState({ sessions, loading: false, error: null });
    } catch (error) {
      if (read === latestRead.current) {
        setState((previous) => ({ ...previous, loading: false, error: toError(error) }));
      }
    }
  }, [storage, limit]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (openError) return { sessions: [], loading: false, error: openError, reload };
  return { ...state, reload };
}
