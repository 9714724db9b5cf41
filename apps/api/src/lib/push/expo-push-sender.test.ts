import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalExpoPushServer, type LocalExpoPushServer } from './local-expo-push-server';
// A type only: the module itself is imported once EXPO_BASE_URL is set.
import type { createExpoPushSender } from './expo-push-sender';
import type { PushSender } from './push-sender';

describe('Expo push sender (real expo-server-sdk, local Expo push server)', () => {
  let server: LocalExpoPushServer;
  let sender: PushSender;
  let createSender: typeof createExpoPushSender;

  beforeAll(async () => {
    server = await startLocalExpoPushServer();
    // The SDK reads its base URL when first imported, which the sender does on first send.
    process.env.EXPO_BASE_URL = server.baseUrl;
    ({ createExpoPushSender: createSender } = await import('./expo-push-sender'));
    sender = createSender({ accessToken: 'expo-access-token', timeoutMs: 2000 });
  });
  afterAll(async () => {
    delete process.env.EXPO_BASE_URL;
    await server?.close();
  });

  it('sends each message and answers one ticket per message, in order', async () => {
    server.deadTokens.add('ExponentPushToken[dead]');
    const tickets = await sender.send([
      { to: 'ExponentPushToken[alive]', title: 'Hello', body: 'First', data: { a: 1 } },
      { to: 'ExponentPushToken[dead]', title: 'Hello', body: 'Second' },
    ]);
    expect(tickets[0]).toMatchObject({ status: 'ok', id: expect.any(String) });
    expect(tickets[1]).toEqual({
      status: 'error',
      message: expect.stringContaining('not a registered'),
      error: 'DeviceNotRegistered',
    });
    expect(server.messages).toEqual([
      expect.objectContaining({
        to: 'ExponentPushToken[alive]',
        title: 'Hello',
        body: 'First',
        data: { a: 1 },
      }),
    ]);
    expect(server.authorizations).toEqual(['Bearer expo-access-token']);
  });

  it('sends nothing for no messages, and throws when the service fails', async () => {
    const before = server.authorizations.length;
    expect(await sender.send([])).toEqual([]);
    expect(server.authorizations).toHaveLength(before);
    server.failNext(503);
    await expect(
      sender.send([{ to: 'ExponentPushToken[alive]', title: 'x', body: 'y' }]),
    ).rejects.toThrow(/Local Expo was told to fail/);
  });

  it('gives up on a push service that does not answer within the timeout', async () => {
    server.hangNext();
    const started = Date.now();
    await expect(
      createSender({ timeoutMs: 300 }).send([
        { to: 'ExponentPushToken[alive]', title: 'x', body: 'y' },
      ]),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
