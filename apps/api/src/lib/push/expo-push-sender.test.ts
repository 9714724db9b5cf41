import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalExpoPushServer, type LocalExpoPushServer } from './local-expo-push-server';
import type { PushSender } from './push-sender';

describe('Expo push sender (real expo-server-sdk, local Expo push server)', () => {
  let server: LocalExpoPushServer;
  let sender: PushSender;

  beforeAll(async () => {
    server = await startLocalExpoPushServer();
    // The SDK reads its base URL when first imported, which the sender does on first send.
    process.env.EXPO_BASE_URL = server.baseUrl;
    const { createExpoPushSender } = await import('./expo-push-sender');
    sender = createExpoPushSender({ accessToken: 'expo-access-token', timeoutMs: 2000 });
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
});
