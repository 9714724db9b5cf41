import * as DocumentPicker from 'expo-document-picker';
import { File, Paths } from 'expo-file-system';
import * as Sharing from 'expo-sharing';

import type { PickedFile } from './data-file.types';

/**
 * Phones: the export is written to the app's cache and handed to the system share sheet,
 * so the person chooses where it goes (Files, Drive, AirDrop, e-mail to themselves).
 * @throws Error when this device has no way to share a file.
 */
export async function saveExportFile(name: string, json: string): Promise<void> {
  if (!(await Sharing.isAvailableAsync())) {
    throw new Error('This device cannot share files, so the export cannot be saved.');
  }
  const file = new File(Paths.cache, name);
  if (file.exists) file.delete();
  file.create();
  file.write(json);
  await Sharing.shareAsync(file.uri, {
    mimeType: 'application/json',
    UTI: 'public.json',
    dialogTitle: 'Save your Exhale data',
  });
}

/** Phones: the system document picker, then the chosen file's text. */
export async function pickImportFile(): Promise<PickedFile> {
  const result = await DocumentPicker.getDocumentAsync({
    type: ['application/json', 'text/plain', '*/*'],
    copyToCacheDirectory: true,
    multiple: false,
  });
  if (result.canceled) return { kind: 'cancelled' };
  const asset = result.assets[0];
  if (!asset) return { kind: 'cancelled' };
  return { kind: 'picked', name: asset.name, text: await new File(asset.uri).text() };
}
