import { sessionRecordFromState, type SessionPlan, type SessionRecord } from '@exhale/core';

import type { SessionOutcome } from './use-breathing-session';

/**
 * Unique enough for one device's history (time plus 48 random bits). Math.random because
 * Hermes has no Web Crypto, and the id is a key, not a secret.
 */
export function newSessionId(at: Date): string {
  const random = Math.floor(Math.random() * 2 ** 48)
    .toString(36)
    .padStart(10, '0');
  return `s-${at.getTime().toString(36)}-${random}`;
}

export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function buildSessionRecord(plan: SessionPlan, outcome: SessionOutcome): SessionRecord {
  return sessionRecordFromState({
    id: newSessionId(outcome.startedAt),
    plan,
    state: outcome.state,
    startedAt: outcome.startedAt,
    endedAt: outcome.endedAt,
    timeZone: deviceTimeZone(),
  });
}
