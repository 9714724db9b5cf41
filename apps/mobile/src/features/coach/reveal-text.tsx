import { useEffect, useState } from 'react';

import { AppText, type AppTextProps } from '@/components/app-text';

/** A new word every this often while the coach's text is ahead of what is shown. */
export const REVEAL_TICK_MS = 35;
// However long the reply, it is all shown within about this many ticks (~0.7 s).
const MAX_TICKS = 20;

function words(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

type RevealTextProps = Omit<AppTextProps, 'children'> & {
  text: string;
  /** Shown whole at once (reduced motion, or text that was already read). */
  instant?: boolean;
};

/**
 * Coach text that appears word by word as it arrives, a little behind the stream so
 * bursts of words read as an even flow. Screen readers get the whole text once it is
 * there rather than every word.
 */
export function RevealText({ text, instant = false, ...rest }: RevealTextProps) {
  const all = words(text);
  const total = all.length;
  const [shown, setShown] = useState(instant ? total : 0);
  const [previous, setPrevious] = useState(text);
  if (previous !== text) {
    setPrevious(text);
    // Text that restarted (the coach retried, or fell back) is revealed from the start.
    if (!text.startsWith(previous)) setShown(0);
  }
  const visible = Math.min(shown, total);

  useEffect(() => {
    if (instant || visible >= total) return;
    const step = Math.max(1, Math.ceil(total / MAX_TICKS));
    const timer = setTimeout(() => setShown(Math.min(total, visible + step)), REVEAL_TICK_MS);
    return () => clearTimeout(timer);
  }, [instant, visible, total]);

  return (
    <AppText accessibilityLabel={text} {...rest}>
      {instant ? text : all.slice(0, visible).join('')}
    </AppText>
  );
}
