export { palette, type ColorScheme, type Palette } from './colors';
export { maxContentWidth, radius, spacing, typography } from './tokens';
export { useColorSchemeName, useTheme } from './use-theme';
