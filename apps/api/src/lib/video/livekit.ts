import type { Env } from '../../env';
import { ServiceUnavailable } from '../errors';

/** `livekit-server --dev` accepts this key pair; used only outside production. */
const DEVELOPMENT_KEY = { apiKey: 'devkey', apiSecret: 'secret', url: 'ws://localhost:7880' };

export interface VideoGrant {
  url: string;
  room: string;
  token: string;
  expiresAt: string;
}

type VideoEnv = Pick<Env, 'NODE_ENV' | 'LIVEKIT_URL' | 'LIVEKIT_API_KEY' | 'LIVEKIT_API_SECRET'>;

/** The room of one booking: only tokens minted for its two participants open it. */
export const bookingRoom = (bookingId: string) => `booking-${bookingId}`;

export async function videoAccessToken(
  env: VideoEnv,
  input: { bookingId: string; identity: string; name: string; validForMs: number },
): Promise<VideoGrant> {
  const configured = env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET;
  if (!configured && env.NODE_ENV === 'production') {
    throw new ServiceUnavailable('Video calls are not configured on this server.', {
      code: 'video_unconfigured',
    });
  }
  const apiKey = env.LIVEKIT_API_KEY ?? DEVELOPMENT_KEY.apiKey;
  const apiSecret = env.LIVEKIT_API_SECRET ?? DEVELOPMENT_KEY.apiSecret;
  const ttlSeconds = Math.max(1, Math.ceil(input.validForMs / 1000));
  // Loaded on first use: the SDK costs a couple of seconds of boot time otherwise.
  const { AccessToken } = await import('livekit-server-sdk');
  const token = new AccessToken(apiKey, apiSecret, {
    identity: input.identity,
    name: input.name,
    ttl: ttlSeconds,
  });
  const room = bookingRoom(input.bookingId);
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, roomCreate: false });
  return {
    url: env.LIVEKIT_URL ?? DEVELOPMENT_KEY.url,
    room,
    token: await token.toJwt(),
    expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
  };
}
