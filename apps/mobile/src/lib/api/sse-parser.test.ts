import { createSseParser } from './sse-parser';

describe('createSseParser', () => {
  it('reads named events and skips comment lines', () => {
    const parser = createSseParser();
    expect(
      parser.push(': coach\n\nevent: delta\ndata: {"text":"Hi"}\n\nevent: done\ndata: {}\n\n'),
    ).toEqual([
      { event: 'delta', data: '{"text":"Hi"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('completes an event only at its blank line, however the text is split', () => {
    const text = 'event: delta\r\ndata: {"text":"a"}\r\n\r\nevent: done\ndata: 1\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = createSseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events).toEqual([
        { event: 'delta', data: '{"text":"a"}' },
        { event: 'done', data: '1' },
      ]);
    }
  });

  it('joins data lines, names unnamed events "message", and drops an unfinished one', () => {
    const parser = createSseParser();
    expect(parser.push('data: one\ndata:two\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
    expect(parser.push('event: done\ndata: {"half"')).toEqual([]);
    parser.end();
    expect(parser.push('\n\n')).toEqual([]);
  });
});
