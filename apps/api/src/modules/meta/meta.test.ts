import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import type { App } from '../../app';
import { DATABASE_KINDS, type TestDatabase } from '../../testing/databases';
import { startTestApp, stopTestApp } from '../../testing/test-app';
import { isTimeZone, zonedTime } from './meta.service';

describe('zonedTime', () => {
  it.each([
    // Paris, winter and summer time.
    ['2025-01-15T12:00:00.000Z', 'Europe/Paris', '2025-01-15T13:00:00.000+01:00', '+01:00'],
    ['2025-07-15T12:00:00.000Z', 'Europe/Paris', '2025-07-15T14:00:00.000+02:00', '+02:00'],
    // Spring forward in Paris: 02:00 local does not exist, 01:59:59.999 is followed by 03:00.
    ['2025-03-30T00:59:59.999Z', 'Europe/Paris', '2025-03-30T01:59:59.999+01:00', '+01:00'],
    ['2025-03-30T01:00:00.000Z', 'Europe/Paris', '2025-03-30T03:00:00.000+02:00', '+02:00'],
    // Fall back in New York: 01:30 local happens twice, told apart by the offset.
    ['2025-11-02T05:30:00.000Z', 'America/New_York', '2025-11-02T01:30:00.000-04:00', '-04:00'],
    ['2025-11-02T06:30:00.000Z', 'America/New_York', '2025-11-02T01:30:00.000-05:00', '-05:00'],
    // Quarter-hour offset, date line, midnight, and UTC itself.
    ['2025-06-01T00:00:00.000Z', 'Asia/Kathmandu', '2025-06-01T05:45:00.000+05:45', '+05:45'],
    ['2025-12-31T11:00:00.000Z', 'Pacific/Kiritimati', '2026-01-01T01:00:00.000+14:00', '+14:00'],
    ['2025-05-04T22:00:00.000Z', 'Europe/Berlin', '2025-05-05T00:00:00.000+02:00', '+02:00'],
    ['2025-05-04T22:00:00.000Z', 'UTC', '2025-05-04T22:00:00.000+00:00', '+00:00'],
  ])('%s in %s is %s', (instant, timeZone, localTime, utcOffset) => {
    expect(zonedTime(new Date(instant), timeZone)).toEqual({
      timeZone,
      localTime,
      utcTime: instant,
      utcOffset,
    });
  });

  it('keeps the zone name it was given, even where ICU knows an older alias', () => {
    const instant = new Date('2025-01-01T00:00:00Z');
    expect(zonedTime(instant, 'Asia/Kolkata')).toMatchObject({
      timeZone: 'Asia/Kolkata',
      utcOffset: '+05:30',
    });
    expect(zonedTime(instant, 'Europe/Kyiv').timeZone).toBe('Europe/Kyiv');
  });

  it('round-trips: the local time with its offset is the same instant', () => {
    const instant = new Date('2025-10-26T00:30:00.000Z');
    const { localTime } = zonedTime(instant, 'Europe/London');
    expect(new Date(localTime).getTime()).toBe(instant.getTime());
  });
});

describe('isTimeZone', () => {
  it.each(['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])(
    'accepts %s',
    (zone) => expect(isTimeZone(zone)).toBe(true),
  );
  it.each(['Mars/Olympus', 'Europe/Atlantis', 'Paris', ''])('rejects %j', (zone) =>
    expect(isTimeZone(zone)).toBe(false),
  );
});

describe.each(DATABASE_KINDS)('/v1 meta routes on %s', (kind) => {
  let store: TestDatabase;
  let app: App;

  beforeAll(async () => {
    ({ app, store } = await startTestApp(kind));
  });

  afterAll(() => stopTestApp({ app, store }));

  it('GET /v1/meta names the API, its version and its database', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/meta' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      name: 'Exhale API',
      version: packageJson.version,
      database: kind,
      docs: '/docs',
      openapi: '/openapi.json',
    });
  });

  it('GET /v1/time?tz=Asia/Kathmandu tells the server time there', async () => {
    const before = Date.now();
    const response = await app.inject({ method: 'GET', url: '/v1/time?tz=Asia/Kathmandu' });
    const after = Date.now();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ timeZone: 'Asia/Kathmandu', utcOffset: '+05:45' });
    expect(body.localTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+05:45$/);
    const instant = new Date(body.utcTime).getTime();
    expect(instant).toBeGreaterThanOrEqual(before);
    expect(instant).toBeLessThanOrEqual(after);
    expect(new Date(body.localTime).getTime()).toBe(instant);
  });

  it('GET /v1/time defaults to UTC', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/time' });
    expect(response.json()).toMatchObject({ timeZone: 'UTC', utcOffset: '+00:00' });
  });

  it('GET /v1/time with an unknown zone is a 400 listing the field', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/time?tz=Europe/Atlantis' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'query.tz', message: 'must be an IANA time zone such as Europe/Paris' }],
    });
  });
});
