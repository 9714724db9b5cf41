import type { Expo, ExpoPushMessage, ExpoPushReceipt, ExpoPushTicket } from 'expo-server-sdk';
import { Agent } from 'undici';
import type { PushMessage, PushReceipt, PushSender, PushTicket } from './push-sender';

export type ExpoPushSenderOptions = {
  /** Needed only when the Expo project enforces push security. */
  accessToken?: string;
  /** Connect, headers and body timeouts of each request to the push service. */
  timeoutMs?: number;
};

const toExpoMessage = (message: PushMessage): ExpoPushMessage => ({
  to: message.to,
  title: message.title,
  body: message.body,
  data: message.data,
  sound: 'default',
  priority: 'high',
});

const toTicket = (ticket: ExpoPushTicket): PushTicket =>
  ticket.status === 'ok'
    ? { status: 'ok', id: ticket.id }
    : { status: 'error', message: ticket.message, error: ticket.details?.error ?? null };

const toReceipt = (receipt: ExpoPushReceipt): PushReceipt =>
  receipt.status === 'ok'
    ? { status: 'ok' }
    : { status: 'error', message: receipt.message, error: receipt.details?.error ?? null };

/**
 * Expo's push service through expo-server-sdk, loaded on first send (it is not needed to
 * boot). The SDK sends to `EXPO_BASE_URL` when that is set, which is how the tests point it
 * at a local server speaking Expo's push API.
 */
export function createExpoPushSender(options: ExpoPushSenderOptions = {}): PushSender {
  const { accessToken, timeoutMs = 10_000 } = options;
  let client: Promise<Expo> | undefined;
  const load = () =>
    (client ??= import('expo-server-sdk').then(
      ({ Expo: ExpoClient }) =>
        new ExpoClient({
          accessToken,
          httpAgent: new Agent({
            connectTimeout: timeoutMs,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
          }),
        }),
    ));
  return {
    async send(messages) {
      if (messages.length === 0) return [];
      const expo = await load();
      const tickets: PushTicket[] = [];
      for (const chunk of expo.chunkPushNotifications(messages.map(toExpoMessage))) {
        tickets.push(...(await expo.sendPushNotificationsAsync(chunk)).map(toTicket));
      }
      return tickets;
    },
    async receipts(ticketIds) {
      if (ticketIds.length === 0) return {};
      const expo = await load();
      const receipts: Record<string, PushReceipt> = {};
      for (const chunk of expo.chunkPushNotificationReceiptIds(ticketIds)) {
        const answer = await expo.getPushNotificationReceiptsAsync(chunk);
        for (const [id, receipt] of Object.entries(answer)) receipts[id] = toReceipt(receipt);
      }
      return receipts;
    },
  };
}
