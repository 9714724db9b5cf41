import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const EVENT_STREAM = 'text/event-stream';

export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes(EVENT_STREAM);
}

/** One Server-Sent Event. JSON data never holds a raw newline, so one `data:` line suffices. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Sends events as they are produced. Sent through Fastify (not a hijacked socket) so the
 * request id header, hooks and request logging all still apply.
 */
export function sendEventStream(reply: FastifyReply, events: AsyncIterable<string>) {
  return (
    reply
      .status(200)
      .header('content-type', `${EVENT_STREAM}; charset=utf-8`)
      .header('cache-control', 'no-cache, no-transform')
      // Proxies such as nginx would otherwise buffer the stream and defeat it.
      .header('x-accel-buffering', 'no')
      .send(Readable.from(events, { objectMode: false }))
  );
}

/** Aborts when the client disconnects before the response has been written in full. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
