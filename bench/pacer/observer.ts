/**
 * Runs inside the page (serialised by Playwright): records, on the page's own clock, every
 * change of the phase label and every turn of the breathing circle (its fullest and
 * smallest frames), the
 * moment the app started its session clock (a User Timing mark), and the frame cadence.
 * A MutationObserver fires in the microtask after the DOM changes, so the time recorded is
 * the time the change was made, not the next frame of a polling loop.
 */
export function installPacerObserver(startMark: string): void {
  interface Recorder {
    sessionStartedAt: number | null;
    labels: { at: number; writtenAt: number; text: string }[];
    reversals: { at: number; writtenAt: number; direction: 'grow' | 'shrink' }[];
    frames: number[];
  }
  const recorder: Recorder = { sessionStartedAt: null, labels: [], reversals: [], frames: [] };
  (window as unknown as { __pacer: Recorder }).__pacer = recorder;

  let lastLabel = '';
  let lastScale: number | null = null;
  let lastScaleAt = 0;
  let lastScaleWrittenAt = 0;
  let direction: 'grow' | 'shrink' | null = null;

  // The inline style holds the number the app wrote at full precision; the computed style
  // rounds it, which would hide the first, tiny step of an eased reversal.
  const scaleOf = (element: HTMLElement): number | null => {
    const inline = element.style.transform.match(/scale\(([^)]+)\)/);
    if (inline) return Number(inline[1]);
    const matrix = getComputedStyle(element).transform.match(/matrix\(([^,]+),\s*([^,]+)/);
    return matrix ? Math.hypot(Number(matrix[1]), Number(matrix[2])) : null;
  };

  /** `frame`: the display frame that will draw what changed, when that is known. */
  const inspect = (frame: number | null) => {
    const now = performance.now();
    const at = frame ?? now;
    if (recorder.sessionStartedAt === null) {
      const mark = performance.getEntriesByName(startMark, 'mark').at(-1);
      if (mark) recorder.sessionStartedAt = mark.startTime;
    }
    const label = document.querySelector('[data-testid="phase-label"]')?.textContent?.trim() ?? '';
    if (label && label !== lastLabel) {
      recorder.labels.push({ at, writtenAt: now, text: label });
      lastLabel = label;
    }
    const circle = document.querySelector<HTMLElement>('[data-testid="breath-circle"]');
    const scale = circle ? scaleOf(circle) : null;
    if (scale !== null && lastScale !== null && scale !== lastScale) {
      const next = scale > lastScale ? 'grow' : 'shrink';
      if (next !== direction) {
        // The turn is the extreme frame: the last one drawn before the scale went back.
        if (direction !== null) {
          recorder.reversals.push({
            at: lastScaleAt,
            writtenAt: lastScaleWrittenAt,
            direction: next,
          });
        }
        direction = next;
      }
    }
    if (scale !== null && scale !== lastScale) {
      lastScale = scale;
      lastScaleAt = at;
      lastScaleWrittenAt = now;
    }
  };

  const observer = new MutationObserver(() => inspect(null));
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class'],
  });

  // A change made inside a frame callback is drawn in that frame: wrap the page's frame
  // callbacks and collect their DOM changes as each returns, stamped with the frame's time.
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    requestFrame((time) => {
      try {
        callback(time);
      } finally {
        if (observer.takeRecords().length > 0) inspect(time);
      }
    });

  const frame = (time: number) => {
    recorder.frames.push(time);
    if (recorder.frames.length < 20_000) requestFrame(frame);
  };
  requestFrame(frame);
}
