// `npm run bench`: prints the figures the targets are judged by. Not a test.
import { runBundleBench } from './bundle';
import { runCoachBench } from './coach';
import { runMarketplaceBench } from './marketplace';
import { runPacerBench } from './pacer';
import { runProgressBench } from './progress';

const seconds = Number(process.env.PACER_SECONDS ?? 180);
const results = {
  bundle: await runBundleBench(),
  progress: await runProgressBench(),
  coach: await runCoachBench(),
  pacer: await runPacerBench(seconds),
  // Last: seeding and dropping 10,000 practitioners leaves Postgres busy on the same cores.
  marketplace: await runMarketplaceBench(),
};
console.log(
  '\nbench: ' +
    Object.entries(results)
      .map(
        ([name, ok]) => `${name} ${ok === 'skipped' ? 'skipped' : ok ? 'on target' : 'OFF TARGET'}`,
      )
      .join(', '),
);
