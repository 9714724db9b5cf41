import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { spacing } from '@/theme';

import { CalmRating } from './calm-rating';

interface CalmBeforeProps {
  patternName: string;
  /** The rating, or null when skipped: the session starts either way. */
  onReady: (calmBefore: number | null) => void;
}

/** Before the clock starts: how calm the person feels now, to compare with afterwards. */
export function CalmBefore({ patternName, onReady }: CalmBeforeProps) {
  const [rating, setRating] = useState<number | null>(null);
  return (
    <Screen contentStyle={styles.content} testID="calm-before">
      <View style={styles.body}>
        <AppText variant="label" tone="primary" style={styles.center}>
          {patternName}
        </AppText>
        <AppText variant="title" accessibilityRole="header" style={styles.center}>
          Before you begin, how calm do you feel right now?
        </AppText>
        <AppText tone="muted" style={styles.center}>
          There is no right answer. You will be asked again at the end, so you can notice the
          difference.
        </AppText>
        <View style={styles.rating}>
          <CalmRating value={rating} onChange={setRating} testID="calm-before-rating" />
        </View>
      </View>
      <View style={styles.footer}>
        <Button
          testID="calm-before-start"
          label="Start breathing"
          disabled={rating === null}
          onPress={() => onReady(rating)}
        />
        <Button
          testID="calm-before-skip"
          label="Skip and start"
          variant="secondary"
          onPress={() => onReady(null)}
        />
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { justifyContent: 'space-between' },
  body: { flex: 1, justifyContent: 'center', gap: spacing.md },
  center: { textAlign: 'center' },
  rating: { marginTop: spacing.lg, alignSelf: 'center', width: '100%', maxWidth: 360 },
  footer: { gap: spacing.sm + 4 },
});
