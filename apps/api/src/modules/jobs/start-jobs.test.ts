import { setTimeout as delay } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, bookings } from '../../db/schema';
import type { PushSender } from '../../lib/push/push-sender';
import {
  DATABASE_KINDS,
  openTestDatabase,
  withPostgresClient,
  type TestDatabase,
} from '../../testing/databases';
import { seedDirectory } from '../../testing/marketplace';
import type { Job } from './job';
import { bookingValues, MEMBER_ID, silentLog } from './jobs.test-support';
import { MARKETPLACE_JOBS } from './marketplace-jobs';
import { jobQueueSchema, startJobs } from './start-jobs';

const NOW = Date.parse('2025-06-02T06:00:00Z');

// No booking here has tokens, so nothing is ever pushed.
const noPush: PushSender = {
  send: async () => {
    throw new Error('nothing should be pushed in this test');
  },
  receipts: async () => {
    throw new Error('nothing was pushed in this test');
  },
};

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await delay(100);
    value = await read();
  }
  return value;
}

describe.each(DATABASE_KINDS)('startJobs on %s', (kind) => {
  let store: TestDatabase;

  beforeAll(async () => {
    store = await openTestDatabase(kind);
    await seedDirectory(store.db.db, 1, NOW);
    await store.db.db.insert(accounts).values({ id: MEMBER_ID });
  });
  afterAll(async () => {
    if (store?.db.kind === 'postgres') {
      const schema = jobQueueSchema(store.db);
      await withPostgresClient((client) =>
        client.query(`drop schema if exists "${schema}" cascade`),
      );
    }
    await store?.dispose();
  });

  it(`runs the handlers ${kind === 'postgres' ? 'through pg-boss' : 'in process'} and stops cleanly`, async () => {
    const [hold] = await store.db.db
      .insert(bookings)
      .values(
        bookingValues({
          start: NOW + 24 * 60 * 60_000,
          status: 'held',
          holdExpiresAt: new Date(NOW - 1),
        }),
      )
      .returning({ id: bookings.id });
    // Beside the real jobs, one that defers another with data, as reminders defer receipts.
    const received: unknown[] = [];
    let deferredOnce = false;
    const probes: Job[] = [
      {
        name: 'probe-defer',
        schedule: { everySeconds: 60, cron: '* * * * *' },
        run: async (ctx) => {
          if (!deferredOnce) await ctx.defer('probe-deferred', { hello: 'later' }, 0);
          deferredOnce = true;
          return {};
        },
      },
      {
        name: 'probe-deferred',
        run: async (_ctx, data) => {
          received.push(data);
          return {};
        },
      },
    ];
    const jobs = await startJobs({
      database: store.db,
      env: store.env,
      log: silentLog,
      payments: null,
      push: noPush,
      now: () => NOW,
      jobs: [...MARKETPLACE_JOBS, ...probes],
      pollingIntervalSeconds: 0.5,
    });
    try {
      expect(jobs.kind).toBe(kind === 'postgres' ? 'pg-boss' : 'in-process');
      const status = await eventually(
        async () =>
          (await store.db.db.select().from(bookings).where(eq(bookings.id, hold!.id)))[0]!.status,
        (value) => value === 'expired',
      );
      expect(status).toBe('expired');
      expect(
        await eventually(
          async () => received,
          (value) => value.length > 0,
        ),
      ).toEqual([{ hello: 'later' }]);
      expect(await jobs.queueDepth()).toBeGreaterThanOrEqual(0);
    } finally {
      await jobs.stop();
    }
    if (kind === 'postgres') {
      // The run went through pg-boss's own tables, in a schema beside the test's.
      const schema = jobQueueSchema(store.db);
      const states = await eventually(
        () =>
          withPostgresClient(async (client) => {
            const { rows } = await client.query<{ name: string; state: string }>(
              `select name, state from "${schema}".job where name = 'expire-holds'`,
            );
            return rows;
          }),
        (rows) => rows.some((row) => row.state === 'completed'),
      );
      expect(states.map((row) => row.state)).toContain('completed');
      const { rows: schedules } = await withPostgresClient((client) =>
        client.query<{ name: string; cron: string }>(
          `select name, cron from "${schema}".schedule order by name`,
        ),
      );
      expect(schedules).toEqual(
        expect.arrayContaining([
          { name: 'expire-holds', cron: '* * * * *' },
          { name: 'booking-reminders', cron: '* * * * *' },
          { name: 'reconcile-payments', cron: '* * * * *' },
        ]),
      );
    }
  });
  it('waits for a running job when stopped', async () => {
    let started = false;
    let finished = false;
    const slow: Job = {
      name: 'probe-slow',
      schedule: { everySeconds: 60, cron: '* * * * *' },
      run: async () => {
        started = true;
        await delay(1000);
        finished = true;
        return {};
      },
    };
    const jobs = await startJobs({
      database: store.db,
      env: store.env,
      log: silentLog,
      payments: null,
      push: noPush,
      now: () => NOW,
      jobs: [slow],
      pollingIntervalSeconds: 0.5,
    });
    expect(await eventually(async () => started, Boolean)).toBe(true);
    await jobs.stop();
    expect(finished).toBe(true);
  });
});
