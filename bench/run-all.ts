// `npm run bench`: prints the figures the Foundation targets are judged by. Not a test.
import { runBundleBench } from './bundle';
import { runPacerBench } from './pacer';

const seconds = Number(process.env.PACER_SECONDS ?? 180);
const bundleOk = await runBundleBench();
const pacerOk = await runPacerBench(seconds);
console.log(
  `\nbench: bundle ${bundleOk ? 'within budget' : 'over budget'}, pacer ${pacerOk ? 'within target' : 'off target'}`,
);
