import type { SessionRecord } from '@exhale/core';
import { act, renderHook, waitFor } from '@testing-library/react-native';
import type { ReactNode } from 'react';

import { createBetterSqliteDriver } from './better-sqlite-driver';
import { createStorage } from './create-storage';
import { StorageProvider, useSessions, useStorage, useStorageError } from './storage-provider';
import type { Storage } from './types';

function session(id: string, startedAt: string): SessionRecord {
  const endedAt = new Date(Date.parse(startedAt) + 180_000).toISOString();
  return {
    id,
    patternId: 'coherent-5-5',
    startedAt,
    endedAt,
    timeZone: 'UTC',
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
  };
}

function wrapperFor(open: () => Promise<Storage>) {
  return function Wrapper({ children }: { children: ReactNode }) {
    // A new function on every render, as an inline prop would be.
    return <StorageProvider open={() => open()}>{children}</StorageProvider>;
  };
}

describe('StorageProvider', () => {
  let storage: Storage;
  let open: jest.Mock<Promise<Storage>, []>;

  beforeEach(async () => {
    storage = await createStorage(createBetterSqliteDriver());
    open = jest.fn(async () => storage);
  });

  afterEach(async () => {
    await storage.close();
  });

  it('gives null while opening, then the storage, opening it once', async () => {
    const { result, rerender } = renderHook(() => useStorage(), { wrapper: wrapperFor(open) });

    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).toBe(storage));
    rerender({});
    rerender({});
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('lists sessions newest first and reloads on demand', async () => {
    await storage.sessions.add(session('older', '2025-03-09T07:00:00.000Z'));
    const { result } = renderHook(() => useSessions(), { wrapper: wrapperFor(open) });

    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.sessions.map((s) => s.id)).toEqual(['older']);

    await storage.sessions.add(session('newer', '2025-03-10T07:00:00.000Z'));
    await act(() => result.current.reload());

    expect(result.current.sessions.map((s) => s.id)).toEqual(['newer', 'older']);
    expect(result.current.error).toBeNull();
  });

  it('honours a limit', async () => {
    for (const day of ['07', '08', '09']) {
      await storage.sessions.add(session(`day-${day}`, `2025-03-${day}T07:00:00.000Z`));
    }
    const { result } = renderHook(() => useSessions({ limit: 2 }), { wrapper: wrapperFor(open) });

    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.sessions.map((s) => s.id)).toEqual(['day-09', 'day-08']);
  });

  it('reports a failed read and keeps the hook usable', async () => {
    const { result } = renderHook(() => useSessions(), { wrapper: wrapperFor(open) });
    await waitFor(() => expect(result.current.loading).toBe(false));

    await storage.close();
    await act(() => result.current.reload());

    expect(result.current.loading).toBe(false);
    expect(result.current.error?.message).toMatch(/not open/);
  });

  it('keeps the latest read when an earlier one finishes after it', async () => {
    // Real SQLite answers in order, so a stand-in Storage decides when each read finishes.
    const reads: ((sessions: SessionRecord[]) => void)[] = [];
    const list = jest.fn(() => new Promise<SessionRecord[]>((resolve) => reads.push(resolve)));
    const slow = { ...storage, sessions: { ...storage.sessions, list } };
    const { result } = renderHook(() => useSessions(), {
      wrapper: wrapperFor(async () => slow),
    });
    await waitFor(() => expect(reads).toHaveLength(1));

    let reloaded!: Promise<void>;
    act(() => {
      reloaded = result.current.reload();
    });
    await act(async () => {
      reads[1]!([session('fresh', '2025-03-10T07:00:00.000Z')]);
      await reloaded;
    });
    await act(async () => reads[0]!([session('stale', '2025-03-09T07:00:00.000Z')]));

    expect(result.current.sessions.map((s) => s.id)).toEqual(['fresh']);
    expect(result.current.loading).toBe(false);
  });

  it('reports a failure to open instead of loading forever', async () => {
    const failure = new Error('Storage migration 1 (x) failed: disk I/O error');
    const failing = jest.fn(async (): Promise<Storage> => {
      throw failure;
    });
    const { result } = renderHook(
      () => ({ storage: useStorage(), openError: useStorageError(), sessions: useSessions() }),
      { wrapper: wrapperFor(failing) },
    );

    await waitFor(() => expect(result.current.openError).toBe(failure));
    expect(result.current.storage).toBeNull();
    expect(result.current.sessions).toMatchObject({ loading: false, error: failure, sessions: [] });
  });
});
