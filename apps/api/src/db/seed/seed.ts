import { parseArgs } from 'node:util';
import { loadEnv } from '../../env';
import { openDatabase } from '../client';
import { runMigrations } from '../migrate';
import { seedDemoData } from './seed-demo-data';

// `npm run seed -w @exhale/api -- --practitioners 10000`: demo data for benchmarks.
const { values } = parseArgs({ options: { practitioners: { type: 'string', default: '60' } } });
const count = Number(values.practitioners);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--practitioners must be a whole number from 1 to 1000000');
  process.exit(1);
}
const env = loadEnv();
const database = await openDatabase(env);
await runMigrations(database);
const started = Date.now();
const added = await seedDemoData(database.db, count, Date.now());
console.log(`Seeded ${added} new demo practitioners (of ${count}) in ${Date.now() - started} ms.`);
await database.close();
