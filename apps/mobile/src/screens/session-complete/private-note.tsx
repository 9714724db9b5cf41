import { SESSION_NOTE_MAX_CHARS } from '@exhale/core';
import { useState } from 'react';
import { StyleSheet, TextInput, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { radius, spacing, typography, useTheme } from '@/theme';

type NoteState = 'editing' | 'saving' | 'saved' | 'failed';

interface PrivateNoteProps {
  /** Stores the note on the device; rejects when it could not. */
  onSave: (note: string | null) => Promise<void>;
  disabled: boolean;
}

/** An optional note for the person alone: kept on this device, never sent anywhere. */
export function PrivateNote({ onSave, disabled }: PrivateNoteProps) {
  const theme = useTheme();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState('');
  const [state, setState] = useState<NoteState>('editing');
  const changed = text.trim() !== saved;

  const save = () => {
    if (!changed || disabled) return;
    const note = text.trim();
    setState('saving');
    onSave(note === '' ? null : note).then(
      () => {
        setSaved(note);
        setState('saved');
      },
      () => setState('failed'),
    );
  };

  return (
    <View style={styles.wrap}>
      <AppText variant="heading" accessibilityRole="header">
        A private note
      </AppText>
      <TextInput
        testID="session-note"
        accessibilityLabel="A private note about this session"
        value={text}
        onChangeText={(next) => {
          setText(next);
          if (state !== 'saving') setState('editing');
        }}
        onBlur={save}
        multiline
        maxLength={SESSION_NOTE_MAX_CHARS}
        placeholder="Anything you noticed? Only you will see this."
        placeholderTextColor={theme.textMuted}
        editable={!disabled}
        style={[
          styles.input,
          { color: theme.text, borderColor: theme.border, backgroundColor: theme.background },
        ]}
      />
      <View style={styles.footer}>
        <AppText
          variant="caption"
          tone="muted"

          accessibilityLiveRegion="polite"
        >
          {state === 'saved' && !changed
            ? 'Note saved on this device.'
            : state === 'failed'
              ? 'The note could not be saved on this device. Please try again.'
              : 'Stays on this device. It is never sent to the coach.'}
        </AppText>
        {changed ? (
          <Button
            testID="save-note"
            label={state === 'saving' ? 'Saving…' : 'Save note'}
            variant="secondary"
            disabled={state === 'saving' || disabled}
            onPress={save}
            style={styles.saveButton}
          />
        ) : null}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { gap: spacing.sm },
  input: {
    ...typography.body,
    minHeight: 96,
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.md,
    padding: spacing.md,
    textAlignVertical: 'top',
  },
  footer: { gap: spacing.sm },
  saveButton: { alignSelf: 'flex-end', minWidth: 140 },
});
