// Builds the web app only when its inputs changed since the last build, so `npm start`
// is fast after the first run and never serves a stale bundle.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { repoRoot } from './paths.mjs';

const mobileDir = join(repoRoot, 'apps/mobile');
export const webDistDir = join(mobileDir, 'dist');
const stampFile = join(webDistDir, '.build-stamp');

const inputs = [
  'apps/mobile/src',
  'apps/mobile/assets',
  'apps/mobile/app.json',
  'apps/mobile/package.json',
  'apps/mobile/metro.config.js',
  'apps/mobile/metro',
  'apps/mobile/public',
  'apps/mobile/babel.config.js',
  'apps/mobile/tsconfig.json',
  'packages/core/src',
  'packages/core/package.json',
  'package-lock.json',
];

function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (
      entry.name === 'node_modules' ||
      entry.name.endsWith('.test.ts') ||
      entry.name.endsWith('.test.tsx')
    )
      continue;
    yield* filesUnder(join(path, entry.name));
  }
}

export function webInputsHash() {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of filesUnder(join(repoRoot, input))) {
      hash.update(relative(repoRoot, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

export function isWebBuildFresh() {
  return (
    existsSync(join(webDistDir, 'index.html')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8').trim() === webInputsHash()
  );
}

export function ensureWebBuild({ log = console.log } = {}) {
  if (isWebBuildFresh()) return false;
  log('Building the web app (first run or sources changed; about a minute)…');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build:web', '-w', '@exhale/mobile', '--silent'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1', CI: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`The web build failed (exit ${result.status}); see the output above.`);
  }
  precompress(webDistDir);
  writeFileSync(stampFile, webInputsHash() + '\n');
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return true;
}

const compressible = new Set(['.js', '.css', '.html', '.json', '.wasm', '.svg', '.map', '.txt']);

/** Writes .br and .gz beside each text asset once, so the server never compresses per request. */
function precompress(dir) {
  for (const file of filesUnder(dir)) {
    if (!compressible.has(extname(file))) continue;
    const body = readFileSync(file);
    if (body.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}
