import type { ReactNode } from 'react';
import { Pressable, StyleSheet, Switch, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { radius, spacing, useTheme } from '@/theme';

export function SettingsSection({
  title,
  children,
  testID,
}: {
  title: string;
  children: ReactNode;
  testID?: string;
}) {
  const theme = useTheme();
  return (
    <View style={styles.section} testID={testID}>
      <AppText variant="label" tone="muted" accessibilityRole="header" style={styles.sectionTitle}>
        {title}
      </AppText>
      <View style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.border }]}>
        {children}
      </View>
    </View>
  );
}

export function SettingRow({
  label,
  description,
  children,
  first = false,
}: {
  label: string;
  description?: ReactNode;
  children?: ReactNode;
  first?: boolean;
}) {
  const theme = useTheme();
  return (
    <View
      style={[
        styles.row,
        !first && { borderTopColor: theme.border, borderTopWidth: StyleSheet.hairlineWidth },
      ]}
    >
      <View style={styles.rowText}>
        <AppText variant="label">{label}</AppText>
        {typeof description === 'string' ? (
          <AppText variant="caption" tone="muted">
            {description}
          </AppText>
        ) : (
          description
        )}
      </View>
      {children}
    </View>
  );
}

export function ToggleRow({
  label,
  description,
  value,
  onChange,
  disabled,
  testID,
  first,
}: {
  label: string;
  description?: string;
  value: boolean;
  onChange: (value: boolean) => void;
  disabled?: boolean;
  testID?: string;
  first?: boolean;
}) {
  const theme = useTheme();
  return (
    <SettingRow label={label} description={description} first={first}>
      <Switch
        testID={testID}
        value={value}
        onValueChange={onChange}
        disabled={disabled}
        accessibilityLabel={label}
        accessibilityState={{ checked: value, disabled: !!disabled }}
        trackColor={{ false: theme.track, true: theme.breath }}
        thumbColor={value ? theme.primary : theme.surface}
        {...{ activeThumbColor: theme.primary }}
      />
    </SettingRow>
  );
}

export function Choices<T extends string>({
  options,
  value,
  onChange,
  label,
  disabled,
  testIDPrefix,
}: {
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  label: string;
  disabled?: boolean;
  testIDPrefix?: string;
}) {
  const theme = useTheme();
  return (
    <View style={styles.choices} accessibilityRole="radiogroup" accessibilityLabel={label}>
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <Pressable
            key={option.value}
            testID={testIDPrefix ? `${testIDPrefix}-${option.value}` : undefined}
            accessibilityRole="radio"
            accessibilityState={{ checked: selected, disabled: !!disabled }}
            accessibilityLabel={option.label}
            disabled={disabled}
            onPress={() => onChange(option.value)}
            style={({ pressed }) => [
              styles.choice,
              {
                borderColor: selected ? theme.primary : theme.border,
                backgroundColor: selected
                  ? theme.breathGlow
                  : pressed
                    ? theme.surfaceMuted
                    : theme.surface,
              },
            ]}
          >
            <AppText variant="label" style={{ color: selected ? theme.onBreath : theme.text }}>
              {option.label}
            </AppText>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  section: { gap: spacing.sm },
  sectionTitle: { letterSpacing: 1, textTransform: 'uppercase', fontSize: 13 },
  card: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    paddingHorizontal: spacing.md,
  },
  row: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: spacing.md,
    paddingVertical: spacing.md,
  },
  rowText: { flex: 1, minWidth: 200, gap: 2 },
  choices: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm, paddingBottom: spacing.md },
  choice: {
    minHeight: 40,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    borderRadius: 999,
    borderWidth: StyleSheet.hairlineWidth * 2,
    justifyContent: 'center',
  },
});
