import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { radius, spacing, useTheme } from '@/theme';

import { TypingIndicator } from './typing-indicator';
import { RevealText } from './reveal-text';

export interface CoachMessageCardProps {
  /** The coach's words so far; null while it is still writing (a typing indicator). */
  text: string | null;
  reducedMotion: boolean;
  /** The card's id; its text is `${testID}-text`. */
  testID: string;
}

/** A message from the coach outside the chat: its mark, "From your coach", the words. */
export function CoachMessageCard({ text, reducedMotion, testID }: CoachMessageCardProps) {
  const theme = useTheme();
  return (
    <View style={[styles.card, { backgroundColor: theme.surfaceMuted }]} testID={testID}>
      <View style={styles.header}>
        <View style={[styles.mark, { backgroundColor: theme.breathGlow }]}>
          <View style={[styles.markCore, { backgroundColor: theme.breath }]} />
        </View>
        <AppText variant="label" tone="primary">
          From your coach
        </AppText>
      </View>
      {text === null ? (
        <TypingIndicator reducedMotion={reducedMotion} />
      ) : (
        <RevealText text={text} instant={reducedMotion} testID={`${testID}-text`} />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  card: { borderRadius: radius.lg, padding: spacing.lg, gap: spacing.sm },
  header: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  mark: { width: 28, height: 28, borderRadius: 14, alignItems: 'center', justifyContent: 'center' },
  markCore: { width: 14, height: 14, borderRadius: 7 },
});
