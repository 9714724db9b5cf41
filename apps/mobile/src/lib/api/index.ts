export { apiBaseUrl } from './api-base-url';
export {
  COACH_TIMEOUTS,
  CoachUnavailableError,
  createCoachClient,
  type CoachClient,
  type CoachClientOptions,
  type CoachUnavailableReason,
  type FetchLike,
  type ResponseLike,
  type StreamHandlers,
} from './coach-client';
export { deviceId, newDeviceId } from './device-id';
export { streamingFetch } from './streaming-fetch';
