import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible server (`POST /v1/chat/completions`, streaming and not) for
 * tests and benchmarks: the real `openai` SDK talks to it over real HTTP. Each request is
 * answered by a script, and every request body is kept so tests can inspect what left the API.
 */

export type ChatRequestBody = {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: unknown;
  store?: boolean;
  max_tokens?: number;
  [key: string]: unknown;
};

export type LocalAnswer = {
  /** The assistant's text. */
  content: string;
  /** Wait this long before the first content chunk (streaming) or the response (not). */
  firstTokenDelayMs?: number;
  /** Streaming: wait this long between content chunks. */
  chunkDelayMs?: number;
  /** Answer with this HTTP error status instead. */
  status?: number;
};

export type LocalServerScript = (request: ChatRequestBody, index: number) => LocalAnswer;

export type LocalOpenAiServer = {
  /** The base URL to give the SDK, ending in `/v1`. */
  baseUrl: string;
  /** Parsed bodies of every chat completion request received, in order. */
  requests: ChatRequestBody[];
  /** The same bodies exactly as they arrived on the wire. */
  rawBodies: string[];
  /** Indexes of requests whose client hung up before the answer was complete. */
  cancelled: number[];
  /** The usage reported for each answered request, as sent in its `usage` field. */
  usages: ReturnType<typeof localUsage>[];
  /** Replaces the script for the requests that follow. */
  setScript(script: LocalServerScript): void;
  close(): Promise<void>;
};

/** Usage as OpenAI reports it, counted the cheap way: about four characters a token. */
export function localUsage(request: ChatRequestBody, content: string) {
  // Chat formatting costs a few tokens a message; a response format is part of the prompt.
  const promptChars =
    request.messages.reduce((sum, message) => sum + message.content.length + 16, 0) +
    (request.response_format ? JSON.stringify(request.response_format).length : 0);
  const promptTokens = Math.ceil(promptChars / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** Splits text the way a tokenizer roughly would: a word with its trailing space. */
export function tokenPieces(content: string): string[] {
  return content.match(/\s*\S+\s*/g) ?? [content];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export async function startLocalOpenAiServer(
  initialScript: LocalServerScript,
): Promise<LocalOpenAiServer> {
  let script = initialScript;
  const requests: ChatRequestBody[] = [];
  const rawBodies: string[] = [];
  const cancelled: number[] = [];
  const usages: ReturnType<typeof localUsage>[] = [];
  let created = 0;

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request' } }));
      return;
    }
    const raw = await readBody(request);
    const body = JSON.parse(raw) as ChatRequestBody;
    const index = requests.length;
    requests.push(body);
    rawBodies.push(raw);
    const scripted = script(body, index);
    const closed = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) cancelled.push(index);
      closed.abort();
    });

    if (scripted.status) {
      response.writeHead(scripted.status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { message: 'Scripted failure', type: 'server_error' } }),
      );
      return;
    }

    const id = `chatcmpl-local-${index}`;
    const base = { id, created: (created += 1), model: body.model };
    const usage = localUsage(body, scripted.content);
    usages.push(usage);

    if (!body.stream) {
      await sleep(scripted.firstTokenDelayMs ?? 0, closed.signal);
      if (closed.signal.aborted) return;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: scripted.content, refusal: null },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage,
        }),
      );
      return;
    }

    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (chunk: object) =>
      response.write(
        `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', ...chunk })}\n\n`,
      );
    send({
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    await sleep(scripted.firstTokenDelayMs ?? 0, closed.signal);
    if (closed.signal.aborted) return;
    for (const [i, piece] of tokenPieces(scripted.content).entries()) {
      if (i > 0) await sleep(scripted.chunkDelayMs ?? 0, closed.signal);
      if (closed.signal.aborted) return;
      send({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    }
    send({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    if (body.stream_options?.include_usage) send({ choices: [], usage });
    response.end('data: [DONE]\n\n');
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    rawBodies,
    cancelled,
    usages,
    setScript: (next) => {
      script = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
