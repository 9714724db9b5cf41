import type { BadgeDefinition, EarnedBadge } from '@exhale/core/progress';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { BadgeIcon } from '@/features/progress/badge-icon';
import { dayText } from '@/features/progress/format';
import { radius, spacing, useTheme } from '@/theme';

import { SectionCard } from './section-card';

/** Every badge in the table: earned ones with their date, locked ones with how to earn. */
export function BadgesGrid({
  table,
  earned,
}: {
  table: readonly BadgeDefinition[];
  earned: EarnedBadge[];
}) {
  const theme = useTheme();
  const byId = new Map(earned.map((badge) => [badge.id, badge]));
  const count = table.filter((badge) => byId.has(badge.id)).length;
  return (
    <SectionCard title="Badges" caption={`${count} of ${table.length} earned`} testID="badges-grid">
      <View style={styles.grid}>
        {table.map((badge) => {
          const got = byId.get(badge.id);
          return (
            <View
              key={badge.id}
              testID={got ? `badge-earned-${badge.id}` : `badge-locked-${badge.id}`}
              accessible
              accessibilityLabel={
                got
                  ? `${badge.title}, earned ${dayText(got.earnedAt)}`
                  : `${badge.title}, not earned yet. ${badge.description}`
              }
              style={[
                styles.tile,
                {
                  backgroundColor: got ? theme.surface : theme.background,
                  borderColor: got ? theme.breath : theme.border,
                },
              ]}
            >
              <BadgeIcon icon={badge.icon} earned={got !== undefined} size={48} />
              <AppText variant="label" style={styles.center} numberOfLines={2}>
                {badge.title}
              </AppText>
              <AppText variant="caption" tone="muted" style={styles.center}>
                {got ? `Earned ${dayText(got.earnedAt)}` : badge.description}
              </AppText>
            </View>
          );
        })}
      </View>
    </SectionCard>
  );
}

const styles = StyleSheet.create({
  grid: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  tile: {
    flexBasis: '31%',
    flexGrow: 1,
    minWidth: 96,
    alignItems: 'center',
    gap: spacing.xs,
    padding: spacing.sm,
    borderRadius: radius.md,
    borderWidth: StyleSheet.hairlineWidth * 2,
  },
  center: { textAlign: 'center' },
});
