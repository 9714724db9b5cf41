import { COACH_LIMITS } from '@exhale/core/coach';
import { useState } from 'react';
import { Pressable, StyleSheet, TextInput, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { radius, spacing, typography, useTheme } from '@/theme';

interface MessageComposerProps {
  disabled: boolean;
  placeholder: string;
  onSend: (text: string) => void;
}

/** Free text for any question, for whoever would rather say it in their own words. */
export function MessageComposer({ disabled, placeholder, onSend }: MessageComposerProps) {
  const theme = useTheme();
  const [text, setText] = useState('');
  const empty = text.trim() === '';

  const send = () => {
    if (disabled || empty) return;
    onSend(text);
    setText('');
  };

  return (
    <View style={[styles.row, { backgroundColor: theme.surface, borderColor: theme.border }]}>
      <TextInput
        testID="chat-input"
        accessibilityLabel="Your reply"
        value={text}
        onChangeText={setText}
        onSubmitEditing={send}
        placeholder={placeholder}
        placeholderTextColor={theme.textMuted}
        maxLength={COACH_LIMITS.maxMessageChars}
        returnKeyType="send"
        submitBehavior="submit"
        style={[styles.input, { color: theme.text }]}
      />
      <Pressable
        testID="chat-send"
        accessibilityRole="button"
        accessibilityLabel="Send"
        accessibilityState={{ disabled: disabled || empty }}
        disabled={disabled || empty}
        onPress={send}
        style={({ pressed }) => [
          styles.send,
          { backgroundColor: pressed ? theme.primaryPressed : theme.primary },
          (disabled || empty) && styles.sendIdle,
        ]}
      >
        <AppText variant="label" style={{ color: theme.onPrimary }}>
          Send
        </AppText>
      </Pressable>
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.pill,
    paddingLeft: spacing.md,
    paddingRight: spacing.xs + 2,
    paddingVertical: spacing.xs + 2,
    gap: spacing.sm,
  },
  input: { ...typography.body, flex: 1, minHeight: 40, paddingVertical: spacing.xs },
  send: {
    borderRadius: radius.pill,
    paddingHorizontal: spacing.md,
    minHeight: 40,
    justifyContent: 'center',
  },
  sendIdle: { opacity: 0.45 },
});
