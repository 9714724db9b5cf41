import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'http';
import type { AddressInfo } from 'net';

import type { FetchLike, ResponseLike } from './coach-client';

// Test support only. A real HTTP server on a free local port, and a fetch that reaches it
// over real sockets with a streamed body (Node's http module; Jest's React Native
// environment has no streaming fetch of its own).

export interface CapturedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: CapturedRequest, response: ServerResponse) => void;

export interface TestServer {
  url: string;
  requests: CapturedRequest[];
  /** What the next requests get; by default a 404. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const requests: CapturedRequest[] = [];
  let handler: Handler = (_request, response) => {
    response.statusCode = 404;
    response.end();
  };
  const open = new Set<ServerResponse>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const captured = {
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(captured);
      open.add(response);
      response.on('close', () => open.delete(response));
      handler(captured, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise((resolve) => {
        open.forEach((response) => response.destroy());
        server.close(() => resolve());
      }),
  };
}

/** Server-Sent Events headers, as the API sends them. */
export function eventStream(response: ServerResponse) {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
}

export const sseEvent = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** fetch over Node's http module, with the body as a web ReadableStream. */
export const nodeFetch: FetchLike = (url, init) =>
  new Promise<ResponseLike>((resolve, reject) => {
    let fail: ((error: Error) => void) | null = null;
    const outgoing = httpRequest(url, { method: init.method, headers: init.headers }, (res) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          fail = (error) => controller.error(error);
          res.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
          res.on('end', () => controller.close());
          res.on('error', (error) => controller.error(error));
        },
        cancel() {
          res.destroy();
        },
      });
      const status = res.statusCode ?? 0;
      resolve({
        ok: status >= 200 && status < 300,
        status,
        headers: {
          get: (name) => {
            const value = res.headers[name.toLowerCase()];
            return typeof value === 'string' ? value : null;
          },
        },
        body,
        async text() {
          const reader = body.getReader();
          const decoder = new TextDecoder();
          let text = '';
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return text + decoder.decode();
            text += decoder.decode(value, { stream: true });
          }
        },
      });
    });
    outgoing.on('error', reject);
    init.signal.addEventListener('abort', () => {
      const error = new Error('The request was aborted');
      fail?.(error);
      outgoing.destroy(error);
    });
    outgoing.end(init.body);
  });
