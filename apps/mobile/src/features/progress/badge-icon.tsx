import Svg, { Circle, Path } from 'react-native-svg';

import { useTheme } from '@/theme';

// Simple line glyphs on a 24-unit grid, one per icon hint in core's BADGES table; an
// unknown hint (a badge from a newer version) falls back to the medal.
const GLYPHS: Record<string, string[]> = {
  sprout: [
    'M12 20v-8',
    'M12 12c0-3.5-2.5-6-6.5-6 0 3.5 2.5 6 6.5 6Z',
    'M12 14c0-3 2.2-5.5 6-5.5 0 3-2.2 5.5-6 5.5Z',
  ],
  flame: [
    'M12 21c-3.6 0-6-2.5-6-5.6 0-3.4 2.6-5 3.6-8.4.9 1.6 1.4 2.6 1.4 4 1.5-1 2.6-3 2.6-5.5 2.7 2.2 4.4 5.6 4.4 9.2 0 3.6-2.4 6.3-6 6.3Z',
  ],
  medal: ['M8 3l2.5 6', 'M16 3l-2.5 6', 'M12 21a5 5 0 1 0 0-10 5 5 0 0 0 0 10Z', 'M12 14v4'],
  trophy: [
    'M8 4h8v5a4 4 0 0 1-8 0V4Z',
    'M8 6H5a3 3 0 0 0 3 3',
    'M16 6h3a3 3 0 0 1-3 3',
    'M12 13v4',
    'M8.5 20h7',
  ],
  sunrise: [
    'M3 18h18',
    'M7 18a5 5 0 0 1 10 0',
    'M12 6v3',
    'M5.6 10.6l1.8 1.4',
    'M18.4 10.6 16.6 12',
  ],
  moon: ['M19 14.5A7.5 7.5 0 0 1 9.5 5 7.5 7.5 0 1 0 19 14.5Z'],
  compass: [
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z',
    'M15.5 8.5 13.3 13.3 8.5 15.5l2.2-4.8 4.8-2.2Z',
  ],
  'calendar-check': ['M5 6h14v14H5z', 'M5 10h14', 'M9 4v4', 'M15 4v4', 'M9.5 15l2 2 3.5-3.5'],
};

export function BadgeIcon({
  icon,
  earned,
  size = 56,
}: {
  icon: string;
  earned: boolean;
  size?: number;
}) {
  const theme = useTheme();
  const paths = GLYPHS[icon] ?? GLYPHS.medal ?? [];
  // primary reads on the glow in both schemes (onBreath is near-black, lost in dark mode).
  const stroke = earned ? theme.primary : theme.textMuted;
  return (
    <Svg width={size} height={size} viewBox="0 0 56 56" accessible={false}>
      <Circle
        cx={28}
        cy={28}
        r={27}
        fill={earned ? theme.breathGlow : theme.surfaceMuted}
        stroke={earned ? theme.breath : theme.border}
        strokeWidth={2}
        strokeDasharray={earned ? undefined : '4 4'}
      />
      {paths.map((d) => (
        <Path
          key={d}
          d={d}
          transform="translate(14 14) scale(1.1667)"
          fill="none"
          stroke={stroke}
          strokeWidth={1.6}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </Svg>
  );
}
