import { createVoice, type SpeechEngine } from './voice-controller';

function fakeEngine() {
  const spoken: { text: string; rate: number; done: () => void }[] = [];
  const engine: SpeechEngine & { stop: jest.Mock } = {
    speak: (text, { rate, onDone }) => spoken.push({ text, rate, done: onDone }),
    stop: jest.fn(),
  };
  return { engine, spoken };
}

describe('createVoice', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  it('speaks a cue at the given rate, and the next one once the first has finished', () => {
    const { engine, spoken } = fakeEngine();
    const voice = createVoice(engine, clock);
    voice.cue('Breathe in', 0.9);
    spoken[0]!.done();
    now = 5_000;
    voice.cue('Breathe out', 0.9);
    expect(spoken.map(({ text, rate }) => [text, rate])).toEqual([
      ['Breathe in', 0.9],
      ['Breathe out', 0.9],
    ]);
  });

  it('drops a cue while something is still being said, rather than saying it late', () => {
    const { engine, spoken } = fakeEngine();
    const voice = createVoice(engine, clock);
    voice.say('Notice your shoulders. Let them soften and drop.', 0.9);
    now = 1_000;
    voice.cue('Breathe out', 0.9);
    expect(spoken.map((s) => s.text)).toEqual(['Notice your shoulders. Let them soften and drop.']);
    expect(engine.stop).not.toHaveBeenCalled();
  });

  it('lets a check-in cut off a cue that is still being said', () => {
    const { engine, spoken } = fakeEngine();
    const voice = createVoice(engine, clock);
    voice.cue('Breathe in', 1);
    voice.say('Check your jaw. Let it loosen.', 1);
    expect(engine.stop).toHaveBeenCalledTimes(1);
    expect(spoken.map((s) => s.text)).toEqual(['Breathe in', 'Check your jaw. Let it loosen.']);
  });

  it('does not stay silent forever when the engine never reports the end', () => {
    const { engine, spoken } = fakeEngine();
    const voice = createVoice(engine, clock);
    voice.cue('Breathe in', 1);
    now = 1_500;
    voice.cue('Breathe out', 1); // still "speaking": dropped
    now = 10_000;
    voice.cue('Breathe in', 1);
    expect(spoken.map((s) => s.text)).toEqual(['Breathe in', 'Breathe in']);
  });

  it('stops the engine and ignores the end of an utterance it cut off', () => {
    const { engine, spoken } = fakeEngine();
    const voice = createVoice(engine, clock);
    voice.cue('Breathe in', 1);
    voice.stop();
    expect(engine.stop).toHaveBeenCalledTimes(1);
    voice.say('Let your hands rest, heavy and loose.', 1);
    spoken[0]!.done(); // the stopped one reports in late
    voice.cue('Breathe out', 1);
    expect(spoken.map((s) => s.text)).toEqual([
      'Breathe in',
      'Let your hands rest, heavy and loose.',
    ]);
  });
});
