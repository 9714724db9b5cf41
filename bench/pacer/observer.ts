/**
 * Runs inside the page (serialised by Playwright): records, on the page's own clock, every
 * change of the phase label and every reversal of the breathing circle's scale.
 * A MutationObserver fires in the microtask after the DOM changes, so the time recorded is
 * the time the change was made, not the next frame of a polling loop.
 */
export function installPacerObserver(): void {
  interface Recorder {
    sessionStartedAt: number | null;
    labels: { at: number; text: string }[];
    reversals: { at: number; direction: 'grow' | 'shrink' }[];
  }
  const recorder: Recorder = { sessionStartedAt: null, labels: [], reversals: [] };
  (window as unknown as { __pacer: Recorder }).__pacer = recorder;

  let lastLabel = '';
  let lastScale: number | null = null;
  let direction: 'grow' | 'shrink' | null = null;

  const scaleOf = (element: Element): number | null => {
    const transform = getComputedStyle(element).transform;
    if (!transform || transform === 'none') return null;
    const match = transform.match(/matrix\(([^,]+),\s*([^,]+)/);
    if (!match) return null;
    return Math.hypot(Number(match[1]), Number(match[2]));
  };

  const inspect = () => {
    const now = performance.now();
    const root = document.querySelector('[data-session-started-at]');
    if (root && recorder.sessionStartedAt === null) {
      recorder.sessionStartedAt =
        Number(root.getAttribute('data-session-started-at')) - performance.timeOrigin;
    }
    const label = document.querySelector('[data-testid="phase-label"]')?.textContent?.trim() ?? '';
    if (label && label !== lastLabel) {
      recorder.labels.push({ at: now, text: label });
      lastLabel = label;
    }
    const circle = document.querySelector('[data-testid="breath-circle"]');
    const scale = circle ? scaleOf(circle) : null;
    if (scale !== null && lastScale !== null && scale !== lastScale) {
      const next = scale > lastScale ? 'grow' : 'shrink';
      if (next !== direction) {
        if (direction !== null) recorder.reversals.push({ at: now, direction: next });
        direction = next;
      }
    }
    if (scale !== null) lastScale = scale;
  };

  new MutationObserver(inspect).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'data-session-started-at'],
  });
}
