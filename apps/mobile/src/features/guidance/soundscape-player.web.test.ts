import { FADE_MS } from './soundscape-mixer';
import type * as WebPlayer from './soundscape-player.web';
import { SOUNDSCAPE_ASSETS } from './soundscapes';

// Jest has no Web Audio: a small fake AudioContext records what the web player schedules.
// The player module keeps one AudioContext per page, so each test loads a fresh copy.
class FakeParam {
  value = 1;
  events: [string, number, number][] = [];
  cancelScheduledValues(at: number) {
    this.events.push(['cancel', 0, at]);
  }
  setValueAtTime(value: number, at: number) {
    this.events.push(['set', value, at]);
    this.value = value;
  }
  linearRampToValueAtTime(value: number, at: number) {
    this.events.push(['ramp', value, at]);
  }
}

class FakeSource {
  buffer: unknown = null;
  loop = false;
  started: [number, number] | null = null;
  stopped = false;
  connect = jest.fn();
  disconnect = jest.fn();
  start(when: number, offset: number) {
    this.started = [when, offset];
  }
  stop() {
    this.stopped = true;
  }
}

class FakeContext {
  static instances: FakeContext[] = [];
  state: 'suspended' | 'running' = 'running';
  currentTime = 10;
  destination = {};
  gains: { gain: FakeParam; connect: jest.Mock; disconnect: jest.Mock }[] = [];
  sources: FakeSource[] = [];
  resume = jest.fn(() => {
    if (this.allowResume) this.state = 'running';
    return this.allowResume ? Promise.resolve() : Promise.reject(new Error('not allowed'));
  });
  allowResume = true;
  constructor() {
    FakeContext.instances.push(this);
  }
  createGain() {
    const gain = { gain: new FakeParam(), connect: jest.fn(), disconnect: jest.fn() };
    this.gains.push(gain);
    return gain;
  }
  createBufferSource() {
    const source = new FakeSource();
    this.sources.push(source);
    return source;
  }
  decodeAudioData = jest.fn(async () => ({ duration: 20 }));
}

let player: typeof WebPlayer;
// The React Native test environment's window is not an event target; the browser's is.
const listeners = new Map<string, Set<() => void>>();
Object.assign(window, {
  addEventListener: (name: string, listener: () => void) => {
    listeners.set(name, (listeners.get(name) ?? new Set()).add(listener));
  },
  removeEventListener: (name: string, listener: () => void) => {
    listeners.get(name)?.delete(listener);
  },
});
function tap() {
  listeners.get('pointerdown')?.forEach((listener) => listener());
}

/** A fresh copy of the module: it keeps one AudioContext per page. */
function loadPlayer() {
  jest.isolateModules(() => {
    player = jest.requireActual<typeof WebPlayer>('./soundscape-player.web');
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  FakeContext.instances = [];
  (globalThis as Record<string, unknown>).AudioContext = FakeContext;
  globalThis.fetch = jest.fn(async () => ({
    ok: true,
    status: 200,
    arrayBuffer: async () => new ArrayBuffer(8),
  })) as unknown as typeof fetch;
  loadPlayer();
});
afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as Record<string, unknown>).AudioContext;
});

async function loaded() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('the web soundscape player', () => {
  it('loops the decoded WAV gaplessly in an AudioBufferSourceNode and fades its gain in', async () => {
    const mixer = player.createSoundscapePlayer();
    mixer.update({ kind: 'ocean', volume: 0.5, playing: true });
    await loaded();
    const [context] = FakeContext.instances;
    expect(fetch).toHaveBeenCalledWith(String(SOUNDSCAPE_ASSETS.ocean));
    const [source] = context!.sources;
    expect(source!.loop).toBe(true);
    expect(source!.started).toEqual([0, 0]);
    expect(context!.gains[0]!.gain.events).toContainEqual(['ramp', 0.5, 10 + FADE_MS / 1000]);
  });

  it('fades out, then stops the source, and resumes where it left off', async () => {
    const mixer = player.createSoundscapePlayer();
    mixer.update({ kind: 'rain', volume: 0.5, playing: true });
    await loaded();
    const [context] = FakeContext.instances;
    const gain = context!.gains[0]!.gain;

    context!.currentTime = 17; // 7 s into the loop
    mixer.update({ kind: 'rain', volume: 0.5, playing: false });
    expect(gain.events).toContainEqual(['ramp', 0, 17 + FADE_MS / 1000]);
    expect(context!.sources[0]!.stopped).toBe(false);
    context!.currentTime = 17 + FADE_MS / 1000;
    jest.advanceTimersByTime(FADE_MS);
    expect(context!.sources[0]!.stopped).toBe(true);

    context!.currentTime = 30;
    mixer.update({ kind: 'rain', volume: 0.5, playing: true });
    expect(context!.sources[1]!.started![1]).toBeCloseTo(7 + FADE_MS / 1000);
    expect(gain.events.at(-1)).toEqual(['ramp', 0.5, 30 + FADE_MS / 1000]);
  });

  it('plays silently, without throwing, where there is no Web Audio', () => {
    delete (globalThis as Record<string, unknown>).AudioContext;
    loadPlayer();
    const mixer = player.createSoundscapePlayer();
    expect(() => {
      mixer.update({ kind: 'ocean', volume: 0.5, playing: true });
      mixer.update({ kind: 'ocean', volume: 0.5, playing: false });
      jest.advanceTimersByTime(FADE_MS);
      mixer.release();
      jest.advanceTimersByTime(FADE_MS);
    }).not.toThrow();
  });

  it('waits quietly for a tap when the browser keeps the audio suspended', async () => {
    const mixer = player.createSoundscapePlayer();
    mixer.update({ kind: 'silence', volume: 0.5, playing: true }); // nothing to load yet
    mixer.update({ kind: 'drone', volume: 0.5, playing: true });
    const [context] = FakeContext.instances;
    context!.state = 'suspended';
    context!.allowResume = false;
    await loaded();
    expect(context!.resume).toHaveBeenCalledTimes(1);

    context!.allowResume = true;
    tap();
    await loaded();
    expect(context!.resume).toHaveBeenCalledTimes(2);
    expect(context!.state).toBe('running');
    tap();
    expect(context!.resume).toHaveBeenCalledTimes(2); // the listener is gone
  });
});
