import {
  Pressable,
  StyleSheet,
  type PressableProps,
  type StyleProp,
  type ViewStyle,
} from 'react-native';

import { radius, spacing, typography, useTheme } from '@/theme';

import { AppText } from './app-text';

type Variant = 'primary' | 'secondary';

export type ButtonProps = Omit<PressableProps, 'children' | 'style'> & {
  label: string;
  variant?: Variant;
  style?: StyleProp<ViewStyle>;
};

export function Button({ label, variant = 'primary', style, disabled, ...rest }: ButtonProps) {
  const theme = useTheme();
  const primary = variant === 'primary';
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityState={{ disabled: !!disabled }}
      disabled={disabled}
      style={({ pressed }) => [
        styles.base,
        primary
          ? { backgroundColor: pressed ? theme.primaryPressed : theme.primary }
          : {
              backgroundColor: pressed ? theme.surfaceMuted : theme.surface,
              borderColor: theme.border,
              borderWidth: StyleSheet.hairlineWidth * 2,
            },
        disabled && styles.disabled,
        style,
      ]}
      {...rest}
    >
      <AppText
        style={[styles.label, { color: primary ? theme.onPrimary : theme.text }]}
        numberOfLines={1}
      >
        {label}
      </AppText>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: {
    minHeight: 52,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.sm + 6,
    borderRadius: radius.pill,
    alignItems: 'center',
    justifyContent: 'center',
  },
  label: {
    ...typography.label,
    fontSize: 17,
    fontWeight: '600',
  },
  disabled: {
    opacity: 0.5,
  },
});
