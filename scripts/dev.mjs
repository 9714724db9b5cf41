// `npm run dev`: the API in watch mode and the Expo dev server (web, iOS, Android) side by side.
import { spawn } from 'node:child_process';

import { repoRoot } from './lib/paths.mjs';

const children = [
  spawn('npm', ['run', 'dev', '-w', '@exhale/api'], { cwd: repoRoot, stdio: 'inherit' }),
  spawn('npm', ['run', 'start', '-w', '@exhale/mobile'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, EXPO_NO_TELEMETRY: '1' },
  }),
];
const stopAll = (signal) => children.forEach((child) => child.kill(signal));
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    process.exitCode = code ?? 0;
  });
}
