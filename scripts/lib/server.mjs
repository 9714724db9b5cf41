// Starts the API (which also serves the web build) as a child process and resolves once
// it has printed the URL it listens on.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

import { apiServerEntry, repoRoot } from './paths.mjs';

const readyLine = /running at (https?:\/\/\S+)/;

/**
 * V8 flags the API runs with. A young generation of up to 64 MB per semi-space: at 50
 * concurrent directory requests the default (16 MB) left some processes collecting every
 * 30–50 ms and spending ~1.7× the CPU per request (bench/marketplace, docs/api.md).
 * apps/api's own `start` script passes the same.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];

export function spawnApi(env = {}, { stdio = 'pipe' } = {}) {
  return spawn(process.execPath, [...API_NODE_FLAGS, '--import', 'tsx', apiServerEntry], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
}

export async function startApi(env = {}, { timeoutMs = 60_000, echo = false } = {}) {
  const child = spawnApi(env);
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The API did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (echo) process.stderr.write(text);
      const match = output.match(readyLine);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with code ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    logs: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code;
    },
  };
}
