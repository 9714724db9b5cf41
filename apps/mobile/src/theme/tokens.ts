export const spacing = {
  xs: 4,
  sm: 8,
  md: 16,
  lg: 24,
  xl: 32,
  xxl: 48,
} as const;

export const radius = {
  md: 14,
  lg: 22,
  pill: 999,
} as const;

/** Content never stretches wider than this on a desktop browser: a comfortable reading column. */
export const maxContentWidth = 560;

export const typography = {
  display: { fontSize: 32, lineHeight: 40, fontWeight: '600' },
  title: { fontSize: 24, lineHeight: 32, fontWeight: '600' },
  heading: { fontSize: 18, lineHeight: 26, fontWeight: '600' },
  body: { fontSize: 17, lineHeight: 26, fontWeight: '400' },
  label: { fontSize: 15, lineHeight: 22, fontWeight: '500' },
  caption: { fontSize: 14, lineHeight: 20, fontWeight: '400' },
} as const;
