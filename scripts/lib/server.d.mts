import type { ChildProcess } from 'node:child_process';

export const API_NODE_FLAGS: readonly string[];

export function spawnApi(
  env?: Record<string, string>,
  options?: { stdio?: 'pipe' | 'inherit' },
): ChildProcess;
export function startApi(
  env?: Record<string, string>,
  options?: { timeoutMs?: number; echo?: boolean },
): Promise<{ url: string; logs: () => string; stop: () => Promise<number | null> }>;
