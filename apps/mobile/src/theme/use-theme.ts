import { useColorScheme } from 'react-native';

import { palette, type ColorScheme, type Palette } from './colors';

export function useColorSchemeName(): ColorScheme {
  return useColorScheme() === 'dark' ? 'dark' : 'light';
}

export function useTheme(): Palette {
  return palette[useColorSchemeName()];
}
