import type { ReactNode } from 'react';
import { ScrollView, StyleSheet, View, type StyleProp, type ViewStyle } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

import { maxContentWidth, spacing, useTheme } from '@/theme';

type ScreenProps = {
  children: ReactNode;
  /** Long content scrolls; a full-screen layout (the session) does not. */
  scroll?: boolean;
  contentStyle?: StyleProp<ViewStyle>;
  testID?: string;
};

/** A themed, safe-area aware page whose content is a centred column on wide screens. */
export function Screen({ children, scroll = false, contentStyle, testID }: ScreenProps) {
  const theme = useTheme();
  const column = <View style={[styles.column, contentStyle]}>{children}</View>;
  return (
    <SafeAreaView style={[styles.root, { backgroundColor: theme.background }]} testID={testID}>
      {scroll ? (
        <ScrollView contentContainerStyle={styles.scrollContent}>{column}</ScrollView>
      ) : (
        <View style={styles.fill}>{column}</View>
      )}
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  fill: { flex: 1, alignItems: 'center' },
  scrollContent: { flexGrow: 1, alignItems: 'center' },
  column: {
    flex: 1,
    width: '100%',
    maxWidth: maxContentWidth,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.xl,
  },
});
