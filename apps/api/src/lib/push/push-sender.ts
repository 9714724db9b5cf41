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

export interface PushSender {
  /** Throws when the push service cannot be reached or refuses the whole request. */
  send(messages: PushMessage[]): Promise<PushTicket[]>;
}
