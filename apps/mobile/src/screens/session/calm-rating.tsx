import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { spacing, typography, useTheme } from '@/theme';

const RATINGS = [1, 2, 3, 4, 5] as const;

interface CalmRatingProps {
  value: number | null;
  onChange: (rating: number) => void;
  /** Distinguishes the "before" and "after" scales for tests and screen readers. */
  testID: string;
  disabled?: boolean;
}

/** How calm the person feels, 1 (not calm) to 5 (very calm): five round choices. */
export function CalmRating({ value, onChange, testID, disabled = false }: CalmRatingProps) {
  const theme = useTheme();
  return (
    <View style={styles.wrap} testID={testID} accessibilityRole="radiogroup">
      <View style={styles.row}>
        {RATINGS.map((rating) => {
          const selected = value === rating;
          return (
            <Pressable
              key={rating}
              testID={`${testID}-${rating}`}
              accessibilityRole="radio"
              accessibilityLabel={`${rating} of 5`}
              accessibilityState={{ checked: selected, disabled }}
              disabled={disabled}
              onPress={() => onChange(rating)}
              style={({ pressed }) => [
                styles.choice,
                {
                  borderColor: selected ? theme.primary : theme.border,
                  backgroundColor: selected
                    ? theme.primary
                    : pressed
                      ? theme.surfaceMuted
                      : theme.surface,
                },
              ]}
            >
              <AppText style={[styles.number, { color: selected ? theme.onPrimary : theme.text }]}>
                {rating}
              </AppText>
            </Pressable>
          );
        })}
      </View>
      <View style={styles.ends} importantForAccessibility="no-hide-descendants">
        <AppText variant="caption" tone="muted">
          Not calm
        </AppText>
        <AppText variant="caption" tone="muted">
          Very calm
        </AppText>
      </View>
    </View>
  );
}

const SIZE = 52;

const styles = StyleSheet.create({
  // Five choices read as one scale, not scattered across a wide card.
  wrap: { gap: spacing.sm, alignSelf: 'center', width: '100%', maxWidth: 360 },
  row: { flexDirection: 'row', justifyContent: 'space-between', gap: spacing.sm },
  choice: {
    width: SIZE,
    height: SIZE,
    borderRadius: SIZE / 2,
    borderWidth: 1.5,
    alignItems: 'center',
    justifyContent: 'center',
  },
  number: { ...typography.heading },
  ends: { flexDirection: 'row', justifyContent: 'space-between' },
});
