import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Stripe-compatible server for tests and benchmarks: the real `stripe` SDK talks to
 * it over real HTTP (form-encoded requests, JSON answers, Stripe's error shape). It covers
 * what the marketplace calls (PaymentIntents created and retrieved, refunds, Connect accounts
 * and account links),
 * replays answers for a repeated Idempotency-Key as Stripe does, and keeps every request.
 */

export type StripeRequest = {
  method: string;
  path: string;
  /** Form fields as sent, nested keys flattened the way Stripe encodes them (`a[b]`). */
  form: Record<string, string>;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
};

export type LocalStripeServer = {
  /** Give this to STRIPE_API_BASE. */
  baseUrl: string;
  requests: StripeRequest[];
  /** Sets what a PaymentIntent looks like from now on (created here or not), as a payment page would. */
  setIntent(intentId: string, state: Partial<IntentState> & Pick<IntentState, 'status'>): void;
  /** The next `times` requests to `path` answer this HTTP status with a Stripe error. */
  failNext(path: string, status: number, times?: number): void;
  close(): Promise<void>;
};

type IntentState = {
  amount: number;
  currency: string;
  status: string;
  last_payment_error: { code: string } | null;
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

function metadataOf(form: Record<string, string>) {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match) metadata[match[1]!] = value;
  }
  return metadata;
}

function noSuch(object: string) {
  return {
    status: 404,
    body: {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such ${object}`,
      },
    },
  };
}

function answer(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  response.end(JSON.stringify(body));
}

export async function startLocalStripeServer(): Promise<LocalStripeServer> {
  const requests: StripeRequest[] = [];
  const replays = new Map<string, { status: number; body: unknown }>();
  const intents = new Map<string, IntentState>();
  const failures = new Map<string, { status: number; times: number }>();

  function handle(request: StripeRequest): { status: number; body: unknown } {
    const failure = failures.get(request.path);
    if (failure) {
      failure.times -= 1;
      if (failure.times === 0) failures.delete(request.path);
      return {
        status: failure.status,
        body: { error: { type: 'api_error', message: 'Local Stripe was told to fail.' } },
      };
    }
    const { form } = request;
    if (request.path === '/v1/payment_intents') {
      const intentId = id('pi');
      const amount = Number(form.amount);
      intents.set(intentId, {
        amount,
        currency: form.currency ?? 'eur',
        status: 'requires_payment_method',
        last_payment_error: null,
      });
      return {
        status: 200,
        body: {
          id: intentId,
          object: 'payment_intent',
          amount,
          currency: form.currency,
          status: 'requires_payment_method',
          client_secret: `${intentId}_secret_${randomBytes(8).toString('hex')}`,
          application_fee_amount: form.application_fee_amount
            ? Number(form.application_fee_amount)
            : null,
          transfer_data: form['transfer_data[destination]']
            ? { destination: form['transfer_data[destination]'] }
            : null,
          metadata: metadataOf(form),
          livemode: false,
        },
      };
    }
    const retrieved = /^\/v1\/payment_intents\/([^/]+)$/.exec(request.path);
    if (retrieved && request.method === 'GET') {
      const intent = intents.get(retrieved[1]!);
      if (!intent) return noSuch('payment_intent');
      return {
        status: 200,
        body: { id: retrieved[1], object: 'payment_intent', livemode: false, ...intent },
      };
    }
    if (request.path === '/v1/refunds') {
      const intent = intents.get(form.payment_intent ?? '');
      if (!intent) return noSuch('payment_intent');
      return {
        status: 200,
        body: {
          id: id('re'),
          object: 'refund',
          amount: form.amount ? Number(form.amount) : intent.amount,
          payment_intent: form.payment_intent,
          status: 'succeeded',
          metadata: metadataOf(form),
        },
      };
    }
    if (request.path === '/v1/accounts') {
      return { status: 200, body: { id: id('acct'), object: 'account', type: form.type } };
    }
    if (request.path === '/v1/account_links') {
      return {
        status: 200,
        body: {
          object: 'account_link',
          url: `https://connect.stripe.test/setup/${form.account}`,
          expires_at: Math.floor(Date.now() / 1000) + 300,
        },
      };
    }
    return {
      status: 404,
      body: {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${request.method}: ${request.path})`,
        },
      },
    };
  }

  const server = createServer((incoming, response) => {
    void (async () => {
      const form = await readForm(incoming);
      const request: StripeRequest = {
        method: incoming.method ?? 'GET',
        path: (incoming.url ?? '/').split('?')[0]!,
        form,
        idempotencyKey: incoming.headers['idempotency-key'] as string | undefined,
        authorization: incoming.headers.authorization,
      };
      requests.push(request);
      const replayKey = request.idempotencyKey && `${request.path} ${request.idempotencyKey}`;
      const replay = replayKey ? replays.get(replayKey) : undefined;
      if (replay) return answer(response, replay.status, replay.body);
      const result = handle(request);
      if (replayKey && result.status < 500) replays.set(replayKey, result);
      answer(response, result.status, result.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setIntent: (intentId, state) => {
      const known = intents.get(intentId);
      intents.set(intentId, {
        amount: known?.amount ?? 0,
        currency: known?.currency ?? 'eur',
        last_payment_error: null,
        ...state,
      });
    },
    failNext: (path, status, times = 1) => failures.set(path, { status, times }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
