import type { PickedFile } from './data-file.types';

/** Web: the export downloads as a file, named for the day it was made. */
export async function saveExportFile(name: string, json: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // After the click has started the download; revoking at once can cancel it in Safari.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Web: the browser's file chooser, then the chosen file's text. */
export function pickImportFile(): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/json,.json';
    input.style.display = 'none';
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        input.remove();
        if (!file) {
          resolve({ kind: 'cancelled' });
          return;
        }
        file.text().then((text) => resolve({ kind: 'picked', name: file.name, text }), reject);
      },
      { once: true },
    );
    input.addEventListener(
      'cancel',
      () => {
        input.remove();
        resolve({ kind: 'cancelled' });
      },
      { once: true },
    );
    document.body.appendChild(input);
    input.click();
  });
}
