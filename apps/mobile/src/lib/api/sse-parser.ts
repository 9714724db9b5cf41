/** One Server-Sent Event: its name ("message" when the server gave none) and its data. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * An incremental Server-Sent Events parser (the WHATWG "event stream" rules, minus the
 * `id` and `retry` fields nobody here uses): feed it text as it arrives, in chunks split
 * anywhere, and it returns the events each chunk completed. Comment lines (": coach")
 * are skipped.
 */
export function createSseParser() {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  const dispatch = (out: ServerSentEvent[]) => {
    if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  };

  const line = (text: string, out: ServerSentEvent[]) => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk: string): ServerSentEvent[] {
      const out: ServerSentEvent[] = [];
      buffer += chunk;
      // A line ends at \n, \r\n or \r; a \r at the very end may be half of a \r\n.
      const lineEnd = /\r\n|\n|\r(?!$)/g;
      let start = 0;
      for (let match = lineEnd.exec(buffer); match !== null; match = lineEnd.exec(buffer)) {
        line(buffer.slice(start, match.index), out);
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
      return out;
    },
    /** The stream ended: an event without its closing blank line is discarded, per spec. */
    end(): void {
      buffer = '';
      event = '';
      data = [];
    },
  };
}
