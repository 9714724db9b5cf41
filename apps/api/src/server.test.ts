import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_WEB_BUILD_DIR } from './testing/databases';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const RUNNING_LINE = /^Exhale is running at (http:\/\/\S+)$/m;

type Exit = { code: number | null; signal: NodeJS.Signals | null };

function startServer(env: Record<string, string>) {
  // One process (no tsx CLI wrapper), so the signal reaches the server itself.
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server.ts'],
    { cwd: API_DIR, env: { PATH: process.env.PATH ?? '', ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    waitForUrl: () =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const url = RUNNING_LINE.exec(stdout)?.[1];
          if (url) resolve(url);
        };
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`server exited early:\n${stdout}\n${stderr}`)));
        check();
      }),
  };
}

describe('src/server.ts as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'exhale-server-'));
  const running: ChildProcessWithoutNullStreams[] = [];

  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots on a free port, prints one URL line, serves, and exits 0 on SIGTERM', async () => {
    const server = startServer({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PGLITE_DATA_DIR: join(dataDir, 'pglite'),
      WEB_DIST_DIR: NO_WEB_BUILD_DIR,
      // Seeding is tested on its own; here it would only slow the boot being timed.
      SEED_DEMO_DATA: 'false',
    });
    running.push(server.child);

    const url = await server.waitForUrl();
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    const { stdout } = server.output();
    expect(stdout.split('\n').filter((line) => line.includes('http://'))).toEqual([
      `Exhale is running at ${url}`,
    ]);

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${url}/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output().stderr).toBe('');
  });

  it('refuses to start on a bad environment, listing every problem', async () => {
    const server = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    running.push(server.child);
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output().stderr).toBe(
      [
        'Exhale cannot start. Invalid environment:',
        '  - PORT: must be a whole number from 0 to 65535',
        '  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
        '',
      ].join('\n'),
    );
  });
});
