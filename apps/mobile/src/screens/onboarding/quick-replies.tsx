import type { Chip } from '@exhale/core/coach';
import { useState } from 'react';
import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { radius, spacing, useTheme } from '@/theme';

interface QuickRepliesProps {
  chips: Chip[];
  multiSelect: boolean;
  disabled: boolean;
  onSend: (value: string, label: string) => void;
}

// In a multi-select list this chip ("Rather not say") stands alone.
const EXCLUSIVE = 'skip';

function QuickReply({
  chip,
  selected,
  checkable,
  disabled,
  onPress,
}: {
  chip: Chip;
  selected: boolean;
  checkable: boolean;
  disabled: boolean;
  onPress: () => void;
}) {
  const theme = useTheme();
  return (
    <Pressable
      testID={`chip-${chip.value}`}
      accessibilityRole={checkable ? 'checkbox' : 'button'}
      accessibilityState={checkable ? { checked: selected, disabled } : { disabled }}
      accessibilityLabel={chip.label}
      disabled={disabled}
      onPress={onPress}
      style={({ pressed }) => [
        styles.chip,
        {
          borderColor: selected ? theme.primary : theme.border,
          backgroundColor: selected ? theme.primary : pressed ? theme.surfaceMuted : theme.surface,
        },
        disabled && styles.disabled,
      ]}
    >
      <AppText variant="label" style={{ color: selected ? theme.onPrimary : theme.primary }}>
        {checkable && selected ? `✓ ${chip.label}` : chip.label}
      </AppText>
    </Pressable>
  );
}

/**
 * The answers offered for the question: one tap sends a single choice; with multiSelect
 * the person ticks any number and sends them together.
 */
export function QuickReplies({ chips, multiSelect, disabled, onSend }: QuickRepliesProps) {
  const [selected, setSelected] = useState<string[]>([]);
  const [forChips, setForChips] = useState(chips);
  if (forChips !== chips) {
    setForChips(chips);
    setSelected([]); // a new question starts with nothing ticked
  }
  if (chips.length === 0) return null;

  const toggle = (value: string) =>
    setSelected((current) =>
      current.includes(value)
        ? current.filter((v) => v !== value)
        : value === EXCLUSIVE
          ? [value]
          : [...current.filter((v) => v !== EXCLUSIVE), value],
    );

  const sendSelected = () => {
    const picked = chips.filter((chip) => selected.includes(chip.value));
    if (picked.length === 0) return;
    onSend(picked.map((c) => c.value).join(', '), picked.map((c) => c.label).join(', '));
  };

  return (
    <View style={styles.wrap} testID="quick-replies">
      <View style={styles.chips}>
        {chips.map((chip) => (
          <QuickReply
            key={chip.value}
            chip={chip}
            checkable={multiSelect}
            selected={selected.includes(chip.value)}
            disabled={disabled}
            onPress={() => (multiSelect ? toggle(chip.value) : onSend(chip.value, chip.label))}
          />
        ))}
      </View>
      {multiSelect ? (
        <Button
          testID="chips-send"
          label={selected.length === 0 ? 'Pick any that apply' : 'Continue'}
          disabled={disabled || selected.length === 0}
          onPress={sendSelected}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { gap: spacing.sm + 4 },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  chip: {
    borderWidth: 1.5,
    borderRadius: radius.pill,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    minHeight: 40,
    justifyContent: 'center',
  },
  disabled: { opacity: 0.5 },
});
