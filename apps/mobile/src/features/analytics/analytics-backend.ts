/** What the app needs of an analytics SDK; PostHog in the app, a recorder in tests. */
export interface AnalyticsBackend {
  capture(name: string, properties: Record<string, unknown>, options: { timestamp: Date }): void;
  flush(): Promise<void>;
  /** Stops sending and drops anything queued. */
  shutdown(): Promise<void>;
}

export interface BackendConfig {
  apiKey: string;
  host: string;
  /** A random id made on this device; never tied to a name, e-mail or account. */
  anonymousId: string;
}

export type CreateBackend = (config: BackendConfig) => Promise<AnalyticsBackend>;
