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
  // Start of the current display frame. This script's frame callback is registered before
  // the app's, so it runs first in every frame; a change the app writes in its own frame
  // callback is drawn in that frame.
  let frameStart = -Infinity;
  const frameOf = (now: number) => (now - frameStart < 1000 / 60 ? frameStart : now);
  let direction: 'grow' | 'shrink' | null = null;

  // The inline style holds the number the app wrote at full precision; the computed style
  // rounds it, which would hide the first, tiny step of an eased reversal.
  const scaleOf = (element: HTMLElement): number | null => {
    const inline = element.style.transform.match(/scale\(([^)]+)\)/);
    if (inline) return Number(inline[1]);
    const matrix = getComputedStyle(element).transform.match(/matrix\(([^,]+),\s*([^,]+)/);
    return matrix ? Math.hypot(Number(matrix[1]), Number(matrix[2])) : null;
  };

  const inspect = () => {
    const now = performance.now();
    if (recorder.sessionStartedAt === null) {
      const mark = performance.getEntriesByName(startMark, 'mark').at(-1);
      if (mark) recorder.sessionStartedAt = mark.startTime;
    }
    const label = document.querySelector('[data-testid="phase-label"]')?.textContent?.trim() ?? '';
    if (label && label !== lastLabel) {
      recorder.labels.push({ at: frameOf(now), writtenAt: now, text: label });
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
      lastScaleAt = frameOf(now);
      lastScaleWrittenAt = now;
    }
  };

  new MutationObserver(inspect).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class'],
  });

  const frame = (time: number) => {
    frameStart = time;
    recorder.frames.push(time);
    if (recorder.frames.length < 20_000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
