import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';

/**
 * Stops accepting connections, waits for in-flight requests (new requests on kept-alive
 * connections get 503 meanwhile), then closes the database. Requests still running after
 * `timeoutMs` are cut off. Resolves true when everything finished in time.
 */
export async function drainAndClose(
  app: FastifyInstance,
  db: Pick<Database, 'close'>,
  timeoutMs: number,
): Promise<boolean> {
  const closing = app.close().then(() => true);
  const drained = await Promise.race([closing, delay(timeoutMs, false, { ref: false })]);
  if (!drained) {
    app.log.warn(
      { timeoutMs },
      'requests still running after the shutdown timeout: cutting them off',
    );
    app.server.closeAllConnections();
    await closing;
  }
  await db.close();
  return drained;
}
