import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import type { ChatEntry } from '@/features/coach/use-onboarding-chat';
import { RevealText } from '@/features/coach/reveal-text';
import { radius, spacing, useTheme } from '@/theme';

import { TypingIndicator } from '@/features/coach/typing-indicator';

interface ChatMessageProps {
  entry: ChatEntry;
  reducedMotion: boolean;
}

/** The coach's mark: a small breath circle, as on the home screen. */
function CoachMark() {
  const theme = useTheme();
  return (
    <View style={[styles.mark, { backgroundColor: theme.breathGlow }]}>
      <View style={[styles.markCore, { backgroundColor: theme.breath }]} />
    </View>
  );
}

export function ChatMessage({ entry, reducedMotion }: ChatMessageProps) {
  const theme = useTheme();

  if (entry.kind === 'person') {
    return (
      <View style={[styles.row, styles.personRow]} testID="chat-person">
        <View style={[styles.bubble, styles.personBubble, { backgroundColor: theme.primary }]}>
          <AppText style={{ color: theme.onPrimary }}>{entry.text}</AppText>
        </View>
      </View>
    );
  }

  if (entry.kind === 'safetyNote') {
    return (
      <View
        testID="safety-note"
        accessibilityRole="summary"
        style={[styles.card, { backgroundColor: theme.surfaceMuted, borderColor: theme.border }]}
      >
        <AppText variant="label" tone="primary">
          A note on safety
        </AppText>
        <AppText>{entry.text}</AppText>
      </View>
    );
  }

  if (entry.kind === 'crisis') {
    return (
      <View
        testID="crisis-help"
        accessibilityRole="alert"
        style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.primary }]}
      >
        <AppText variant="heading">You don’t have to face this alone</AppText>
        <RevealText text={entry.text} instant={reducedMotion} />
      </View>
    );
  }

  const typing = entry.streaming === true && entry.text === '';
  return (
    <View style={styles.row} testID="chat-coach">
      <CoachMark />
      <View
        style={[
          styles.bubble,
          styles.coachBubble,
          { backgroundColor: theme.surface, borderColor: theme.border },
        ]}
      >
        {typing ? (
          <TypingIndicator reducedMotion={reducedMotion} />
        ) : (
          <RevealText
            text={entry.text}
            instant={reducedMotion}
            accessibilityLiveRegion={entry.streaming ? 'none' : 'polite'}
          />
        )}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'flex-end', gap: spacing.sm },
  personRow: { justifyContent: 'flex-end' },
  bubble: {
    maxWidth: '82%',
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm + 2,
    borderRadius: radius.lg,
  },
  coachBubble: {
    flexShrink: 1,
    borderBottomLeftRadius: 6,
    borderWidth: StyleSheet.hairlineWidth * 2,
  },
  personBubble: { borderBottomRightRadius: 6 },
  mark: {
    width: 28,
    height: 28,
    borderRadius: 14,
    alignItems: 'center',
    justifyContent: 'center',
    marginBottom: 2,
  },
  markCore: { width: 14, height: 14, borderRadius: 7 },
  card: {
    borderRadius: radius.md,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.md,
    gap: spacing.xs,
    marginLeft: 28 + spacing.sm,
  },
});
