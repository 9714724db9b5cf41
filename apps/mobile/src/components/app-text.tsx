import { Text, type TextProps } from 'react-native';

import { typography, useTheme } from '@/theme';

type Variant = keyof typeof typography;
type Tone = 'default' | 'muted' | 'primary';

export type AppTextProps = TextProps & { variant?: Variant; tone?: Tone };

export function AppText({ variant = 'body', tone = 'default', style, ...rest }: AppTextProps) {
  const theme = useTheme();
  const color =
    tone === 'muted' ? theme.textMuted : tone === 'primary' ? theme.primary : theme.text;
  return <Text style={[typography[variant], { color }, style]} {...rest} />;
}
