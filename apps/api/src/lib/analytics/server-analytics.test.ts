import { gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { SERVER_EVENT_SCHEMAS, createServerAnalytics, type ServerEvent } from './server-analytics';

const EVERY_EVENT: ServerEvent[] = [
  {
    name: 'coach_replied',
    properties: { kind: 'feedback', source: 'scripted', fallback_reason: 'first_token_timeout' },
  },
  { name: 'coach_limited', properties: { limit: 'device' } },
  { name: 'booking_created', properties: { minutes: 50 } },
  { name: 'booking_cancelled', properties: { refund: 'partial' } },
];

async function bodyText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  const bytes = Buffer.from(
    body instanceof Uint8Array ? body : new Uint8Array(await (body as Blob).arrayBuffer()),
  );
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString() : bytes.toString();
}

describe('server analytics', () => {
  it('is off without a key: nothing is created or sent', async () => {
    const requests: string[] = [];
    const analytics = createServerAnalytics({
      apiKey: undefined,
      host: 'https://posthog.example',
      fetch: async (url) => {
        requests.push(url);
        return { status: 200, text: async () => '{}', json: async () => ({}) };
      },
    });
    for (const event of EVERY_EVENT) analytics.capture(event);
    await analytics.shutdown();

    expect(analytics.enabled).toBe(false);
    expect(requests).toEqual([]);
  });

  it('sends every listed event with only its listed properties, under one service id', async () => {
    const bodies: {
      batch: { event: string; distinct_id: string; properties: Record<string, unknown> }[];
    }[] = [];
    const warnings: string[] = [];
    const analytics = createServerAnalytics({
      apiKey: 'phc_test',
      host: 'https://posthog.example',
      warn: (message) => warnings.push(message),
      fetch: async (url, options) => {
        if (new URL(url).pathname.startsWith('/batch')) {
          bodies.push(JSON.parse(await bodyText(options.body)));
        }
        return { status: 200, text: async () => '{}', json: async () => ({}) };
      },
    });

    for (const event of EVERY_EVENT) analytics.capture(event);
    // A caller bug: an e-mail where a choice belongs, and an extra field. Both dropped.
    analytics.capture({
      name: 'coach_limited',
      properties: { limit: 'ana@example.com' as 'ip' },
    });
    analytics.capture({
      name: 'booking_created',
      properties: { minutes: 50, email: 'ana@example.com' } as never,
    });
    await analytics.shutdown();

    const events = bodies.flatMap((body) => body.batch);
    expect(events.map((event) => event.event).sort()).toEqual(
      Object.keys(SERVER_EVENT_SCHEMAS).sort(),
    );
    expect(warnings).toHaveLength(2);
    for (const event of events) {
      expect(JSON.stringify(event)).not.toMatch(/@|ana/i);
      expect(event.distinct_id).toBe('exhale-api');
      expect(event.properties.$process_person_profile).toBe(false);
      expect(event.properties.$geoip_disable).toBe(true);
      const ours = Object.keys(event.properties).filter((key) => !key.startsWith('$'));
      const listed = Object.keys(
        (
          SERVER_EVENT_SCHEMAS[event.event as keyof typeof SERVER_EVENT_SCHEMAS] as {
            shape: object;
          }
        ).shape,
      );
      expect(ours.sort()).toEqual(listed.sort());
    }
  });
});
