/** One notification to one device. */
export interface PushMessage {
  /** An Expo push token, `ExponentPushToken[…]`. */
  to: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
}

/** Expo's answer for one message, in the order the messages were given. */
export type PushTicket =
  | { status: 'ok'; id: string }
  | {
      status: 'error';
      message: string;
      /** Expo's reason, e.g. `DeviceNotRegistered`: that token will never work again. */
      error: string | null;
    };

/** What became of a message once Apple or Google answered; `error` as in tickets. */
export type PushReceipt =
  { status: 'ok' } | { status: 'error'; message: string; error: string | null };

export interface PushSender {
  /** Throws when the push service cannot be reached or refuses the whole request. */
  send(messages: PushMessage[]): Promise<PushTicket[]>;
  /**
   * Receipts by ticket id, for tickets answered `ok`. Ids without a receipt yet (or any
   * more: Expo keeps them a day) are missing from the answer.
   */
  receipts(ticketIds: string[]): Promise<Record<string, PushReceipt>>;
}
