// `npx tsx bench/marketplace/index.ts`: directory throughput with 10,000 practitioners on the
// real Postgres (the real endpoint against a bare Fastify + pg handler running the same SQL),
// and a booking race (1,000 concurrent holds over 100 slots). Prints figures; not a test.
import { Agent, request as httpRequest } from 'node:http';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../apps/api/src/app';
import { openDatabase } from '../../apps/api/src/db/client';
import { runMigrations } from '../../apps/api/src/db/migrate';
import { demoPractitioner } from '../../apps/api/src/db/seed/demo-practitioners';
import { seedDemoData } from '../../apps/api/src/db/seed/seed-demo-data';
import { loadEnv } from '../../apps/api/src/env';
import { listDirectory } from '../../apps/api/src/modules/practitioners/practitioners.repository';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PRACTITIONERS = Number(process.env.BENCH_PRACTITIONERS ?? 10_000);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const NOW = Date.parse('2025-06-02T06:00:00Z');

type Load = { requests: number; rps: number; p50: number; p99: number; errors: number };

/** CONNECTIONS keep-alive clients requesting `path` back to back for SECONDS. */
async function load(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = httpRequest({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else errors += 1;
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

const fmt = (l: Load) =>
  `${l.rps.toFixed(0).padStart(6)} req/s  p50 ${l.p50.toFixed(1).padStart(5)} ms  p99 ${l.p99.toFixed(1).padStart(6)} ms  (${l.requests} ok, ${l.errors} errors)`;

const admin = new pg.Client({ connectionString: DATABASE_URL });
await admin.connect();
const schema = `exhale_bench_${Date.now()}`;
await admin.query('create extension if not exists btree_gist');
await admin.query(`create schema "${schema}"`);
const env = loadEnv({
  DATABASE_URL,
  LOG_LEVEL: 'silent',
  // Development mode: payments go to the development provider, which confirms at once.
  NODE_ENV: 'development',
  SUPABASE_JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
});
const database = await openDatabase(env, { schema });

try {
  await runMigrations(database);
  let started = performance.now();
  await seedDemoData(database.db, PRACTITIONERS, NOW);
  console.log(
    `seeded ${PRACTITIONERS} practitioners in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await admin.query(`analyze "${schema}".practitioners; analyze "${schema}".session_types`);

  const app = buildApp({ env, db: database, marketplace: { now: () => NOW } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.address() as { port: number }).port;

  // The same SQL as the endpoint, with no auth, validation, serialization schema or logging.
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    options: `-c search_path=${schema},public`,
    max: 10,
  });
  const bare = Fastify({ logger: false });
  const plain = listDirectory(database.db, { sort: 'next_availability', limit: 21 }).toSQL();
  const filtered = listDirectory(database.db, {
    sort: 'next_availability',
    limit: 21,
    specialty: 'sleep',
    language: 'en',
    maxPriceCents: 6000,
  }).toSQL();
  bare.get('/plain', async () => (await pool.query(plain.sql, plain.params)).rows);
  bare.get('/filtered', async () => (await pool.query(filtered.sql, filtered.params)).rows);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;

  console.log(`\ndirectory, ${CONNECTIONS} connections, ${SECONDS} s each`);
  const rows: [string, Load, Load][] = [];
  for (const [name, appPath, barePath] of [
    ['plain list', '/v1/practitioners', '/plain'],
    ['filtered', '/v1/practitioners?specialty=sleep&language=en&maxPrice=6000', '/filtered'],
  ] as const) {
    await load(appPort, appPath); // warm-up, not counted
    const real = await load(appPort, appPath);
    const baseline = await load(barePort, barePath);
    rows.push([name, real, baseline]);
    console.log(`  ${name.padEnd(11)} endpoint ${fmt(real)}`);
    console.log(`  ${''.padEnd(11)} bare     ${fmt(baseline)}`);
    console.log(
      `  ${''.padEnd(11)} ratio    ${((real.rps / baseline.rps) * 100).toFixed(0)}% of bare throughput (target ≥ 90%, p99 < 50 ms)`,
    );
  }
  await bare.close();
  await pool.end();

  // Booking race: 1,000 concurrent holds over 100 slots (10 per slot) of 100 practitioners.
  const sign = await import('jose').then(
    ({ SignJWT }) =>
      (sub: string) =>
        new SignJWT({ email: `${sub}@bench.example` })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(sub)
          .setAudience('authenticated')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(env.SUPABASE_JWT_SECRET)),
  );
  const members = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      sign(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    ),
  );
  const targets: { sessionTypeId: string; start: string }[] = [];
  for (let i = 0; targets.length < 100; i += 1) {
    const demo = demoPractitioner(i);
    if (demo.practitioner.status !== 'verified') continue;
    const slots = await app.inject({
      url: `/v1/practitioners/${demo.practitioner.id}/slots?from=2025-06-03T00:00:00Z&to=2025-06-10T00:00:00Z`,
    });
    const first = slots.json<{ sessionTypeId: string; slots: { start: string }[] }>();
    if (first.slots[0])
      targets.push({ sessionTypeId: first.sessionTypeId, start: first.slots[0].start });
  }
  const agent = new Agent({ keepAlive: true, maxSockets: 100 });
  const hold = (i: number) =>
    new Promise<number>((resolve) => {
      const target = targets[i % targets.length]!;
      const body = JSON.stringify(target);
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: appPort,
          path: '/v1/bookings',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${members[i % members.length]}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  started = performance.now();
  const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => hold(i)));
  const raceMs = performance.now() - started;
  agent.destroy();
  const { rows: live } = await admin.query(
    `select count(*)::int as holds, count(distinct (practitioner_id, starts_at))::int as slots from "${schema}".bookings where status in ('held', 'confirmed')`,
  );
  const created = statuses.filter((s) => s === 201).length;
  const conflicts = statuses.filter((s) => s === 409).length;
  console.log(
    `\nbooking race: 1000 concurrent holds over 100 slots in ${(raceMs / 1000).toFixed(2)} s (target < 2 s): ` +
      `${created} created, ${conflicts} × 409, ${1000 - created - conflicts} other; ` +
      `live bookings in the table: ${live[0].holds} on ${live[0].slots} distinct slots`,
  );
  await app.close();
} finally {
  await database.close();
  await admin.query(`drop schema "${schema}" cascade`);
  await admin.end();
}
