import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * For tests: a local server speaking Expo's push API (`POST /--/api/v2/push/send` and
 * `/--/api/v2/push/getReceipts`), so the real expo-server-sdk is exercised over HTTP. It
 * answers one ticket per message, in order, with `DeviceNotRegistered` for tokens marked
 * dead, and keeps every message it accepted. Tokens marked gone are accepted, and their
 * receipts say `DeviceNotRegistered`, as when Apple or Google reject them after the fact.
 */

export type ReceivedPush = {
  to: string;
  title?: string;
  body?: string;
  data?: Record<string, unknown>;
};

export type LocalExpoPushServer = {
  /** Give this to EXPO_BASE_URL before expo-server-sdk is first imported. */
  baseUrl: string;
  messages: ReceivedPush[];
  /** The Authorization header of every request, `null` when absent. */
  authorizations: (string | null)[];
  /** Tokens answered with a `DeviceNotRegistered` ticket. */
  deadTokens: Set<string>;
  /** Tokens whose tickets are `ok` but whose receipts say `DeviceNotRegistered`. */
  goneTokens: Set<string>;
  /** The ticket ids of every receipt request. */
  receiptRequests: string[][];
  /** The next `times` requests fail with this HTTP status and Expo's error shape. */
  failNext(status: number, times?: number): void;
  /** The next request is never answered, like a push service that has hung. */
  hangNext(): void;
  close(): Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const text =
    request.headers['content-encoding'] === 'gzip'
      ? gunzipSync(raw).toString('utf8')
      : raw.toString('utf8');
  return JSON.parse(text) as unknown;
}

export async function startLocalExpoPushServer(): Promise<LocalExpoPushServer> {
  const messages: ReceivedPush[] = [];
  const authorizations: (string | null)[] = [];
  const deadTokens = new Set<string>();
  const goneTokens = new Set<string>();
  const receiptRequests: string[][] = [];
  const ticketTokens = new Map<string, string>();
  let failure: { status: number; times: number } | undefined;
  let hang = false;

  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    void (async () => {
      if (request.method === 'POST' && request.url === '/--/api/v2/push/getReceipts') {
        const { ids } = (await readBody(request)) as { ids: string[] };
        receiptRequests.push(ids);
        const data = Object.fromEntries(
          ids.flatMap((ticketId) => {
            const token = ticketTokens.get(ticketId);
            if (!token) return [];
            if (!goneTokens.has(token)) return [[ticketId, { status: 'ok' }]];
            return [
              [
                ticketId,
                {
                  status: 'error',
                  message: 'The device cannot receive push notifications anymore',
                  details: { error: 'DeviceNotRegistered' },
                },
              ],
            ];
          }),
        );
        return reply(200, { data });
      }
      if (request.method !== 'POST' || request.url !== '/--/api/v2/push/send') {
        return reply(404, { errors: [{ code: 'NOT_FOUND', message: 'Not found.' }] });
      }
      authorizations.push(request.headers.authorization ?? null);
      const body = await readBody(request);
      if (hang) {
        hang = false;
        return;
      }
      if (failure) {
        failure.times -= 1;
        const { status } = failure;
        if (failure.times === 0) failure = undefined;
        return reply(status, {
          errors: [{ code: 'INTERNAL_SERVER_ERROR', message: 'Local Expo was told to fail.' }],
        });
      }
      const batch = (Array.isArray(body) ? body : [body]) as ReceivedPush[];
      const data = batch.map((message) => {
        if (deadTokens.has(message.to)) {
          return {
            status: 'error',
            message: `"${message.to}" is not a registered push notification recipient`,
            details: { error: 'DeviceNotRegistered', expoPushToken: message.to },
          };
        }
        messages.push(message);
        const ticketId = randomBytes(16).toString('hex');
        ticketTokens.set(ticketId, message.to);
        return { status: 'ok', id: ticketId };
      });
      reply(200, { data });
    })().catch((error: unknown) =>
      reply(400, { errors: [{ code: 'BAD', message: String(error) }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    authorizations,
    deadTokens,
    goneTokens,
    receiptRequests,
    failNext: (status, times = 1) => {
      failure = { status, times };
    },
    hangNext: () => {
      hang = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
