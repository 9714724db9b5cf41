// `npm run soundscapes -w @exhale/mobile`: writes the session's background loops from the
// seeded synthesiser in the app's source. Nothing is downloaded; the output is the same
// bytes on every run (a test checks the committed files against it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  SYNTH_KINDS,
  soundscapeWav,
} from '../../apps/mobile/src/features/guidance/soundscape-synth';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'apps', 'mobile', 'assets', 'sounds');
mkdirSync(outDir, { recursive: true });

for (const kind of SYNTH_KINDS) {
  const started = performance.now();
  const bytes = soundscapeWav(kind);
  const file = join(outDir, `${kind}.wav`);
  writeFileSync(file, bytes);
  const ms = Math.round(performance.now() - started);
  console.log(`${relative(root, file)}  ${(bytes.length / 1024).toFixed(0)} KiB  (${ms} ms)`);
}
