/** A body check-in, shown and spoken as its breath (1-based) begins. */
export interface PlannedCheckIn {
  breath: number;
  text: string;
}

/** What the coach prepared for one session. */
export interface SessionGuide {
  introduction: string;
  checkIns: PlannedCheckIn[];
  /** Who wrote it: the language model through the API, or the on-device scripted coach. */
  source: 'model' | 'scripted';
}
