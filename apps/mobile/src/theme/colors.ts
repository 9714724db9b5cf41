/**
 * Exhale's palette: a soft sky blue for calm surfaces and a muted teal for the breath
 * itself. Text pairs keep at least 4.5:1 contrast on their background in both schemes.
 */
export const palette = {
  light: {
    background: '#F3F7FA',
    surface: '#FFFFFF',
    surfaceMuted: '#E7F0F5',
    border: '#D5E3EC',
    text: '#16303F',
    textMuted: '#4E6575',
    primary: '#1F6F7A',
    primaryPressed: '#185A63',
    onPrimary: '#FFFFFF',
    breath: '#5FB7B2',
    breathGlow: '#CDEBE8',
    onBreath: '#0E3B44',
    track: '#DCE9F0',
    success: '#2E7D5B',
  },
  dark: {
    background: '#0C1820',
    surface: '#13232D',
    surfaceMuted: '#1A2F3B',
    border: '#24404F',
    text: '#E4EFF4',
    textMuted: '#9AB3C1',
    primary: '#7CCFCB',
    primaryPressed: '#A1DEDB',
    onPrimary: '#0B2A2E',
    breath: '#4FA7A3',
    breathGlow: '#173A40',
    onBreath: '#04181C',
    track: '#1E3644',
    success: '#7FD1A8',
  },
} as const;

export type ColorScheme = keyof typeof palette;
export type Palette = { [K in keyof (typeof palette)['light']]: string };
