import { DarkTheme, DefaultTheme, Stack, ThemeProvider, type Theme } from 'expo-router';
import { StatusBar } from 'expo-status-bar';

import { AppStartTasks } from '@/features/privacy/app-start-tasks';
import { StorageProvider } from '@/lib/storage';
import { palette, useColorSchemeName } from '@/theme';

function navigationTheme(scheme: 'light' | 'dark'): Theme {
  const base = scheme === 'dark' ? DarkTheme : DefaultTheme;
  const colors = palette[scheme];
  return {
    ...base,
    colors: {
      ...base.colors,
      primary: colors.primary,
      background: colors.background,
      card: colors.surface,
      text: colors.text,
      border: colors.border,
    },
  };
}

export default function RootLayout() {
  const scheme = useColorSchemeName();
  return (
    <ThemeProvider value={navigationTheme(scheme)}>
      <StorageProvider>
        <AppStartTasks />
        <Stack
          screenOptions={{
            headerShown: false,
            contentStyle: { backgroundColor: palette[scheme].background },
          }}
        >
          <Stack.Screen name="index" options={{ title: 'Exhale' }} />
          <Stack.Screen name="onboarding" options={{ title: 'Welcome · Exhale' }} />
          <Stack.Screen
            name="introduction"
            options={{ title: 'First Breath · Exhale', animation: 'fade' }}
          />
          <Stack.Screen
            name="session"
            options={{ title: 'First Breath · Exhale', gestureEnabled: false, animation: 'fade' }}
          />
          <Stack.Screen
            name="session-complete"
            options={{ title: 'Session complete · Exhale', animation: 'fade' }}
          />
          <Stack.Screen name="progress" options={{ title: 'Your progress · Exhale' }} />
          <Stack.Screen name="settings" options={{ title: 'Settings · Exhale' }} />
        </Stack>
      </StorageProvider>
      <StatusBar style={scheme === 'dark' ? 'light' : 'dark'} />
    </ThemeProvider>
  );
}
