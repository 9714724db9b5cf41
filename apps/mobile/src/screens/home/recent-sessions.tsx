import type { SessionRecord } from '@exhale/core';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { sessionDateText, sessionStatusText } from '@/features/session/session-summary';
import { radius, spacing, useTheme } from '@/theme';

type Props = {
  sessions: SessionRecord[];
  loading: boolean;
  error: Error | null;
};

export function RecentSessions({ sessions, loading, error }: Props) {
  const theme = useTheme();

  let body;
  if (error !== null && sessions.length === 0) {
    body = (
      <AppText tone="muted" style={styles.note}>
        Your history could not be read on this device right now.
      </AppText>
    );
  } else if (loading && sessions.length === 0) {
    body = (
      <AppText tone="muted" style={styles.note}>
        Loading your sessions…
      </AppText>
    );
  } else if (sessions.length === 0) {
    body = (
      <AppText tone="muted" style={styles.note} testID="recent-sessions-empty">
        No sessions yet. Your first one will appear here.
      </AppText>
    );
  } else {
    body = sessions.map((session, index) => {
      const date = sessionDateText(session);
      const status = sessionStatusText(session);
      const completed = session.status === 'completed';
      return (
        <View
          key={session.id}
          testID="recent-session"
          accessible
          accessibilityLabel={`${date}, ${status}`}
          style={[
            styles.row,
            index > 0 && { borderTopColor: theme.border, borderTopWidth: StyleSheet.hairlineWidth },
          ]}
        >
          <View style={[styles.dot, { backgroundColor: completed ? theme.breath : theme.track }]} />
          <View style={styles.rowText}>
            <AppText variant="label">{date}</AppText>
            <AppText variant="caption" tone={completed ? 'primary' : 'muted'}>
              {status}
            </AppText>
          </View>
        </View>
      );
    });
  }

  return (
    <View style={styles.section} testID="recent-sessions">
      <AppText variant="heading" accessibilityRole="header">
        Recent sessions
      </AppText>
      <View style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.border }]}>
        {body}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  section: { gap: spacing.sm },
  card: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.xs,
  },
  note: { paddingVertical: spacing.md },
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    paddingVertical: spacing.md - 4,
  },
  dot: { width: 10, height: 10, borderRadius: 5 },
  rowText: { flex: 1, gap: 2 },
});
