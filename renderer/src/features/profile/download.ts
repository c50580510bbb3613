import { followDownloadLink } from '../../api/transfer-files';

/**
 * Saves text as a file through the browser's own download: a Blob, an object URL and a temporary
 * `<a download>`. Works in Chromium (the browser host) and in Electron, which shows its save dialog.
 */
export function downloadTextFile(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  try {
    followDownloadLink(url, fileName);
  } finally {
    // The download has taken its copy by the time the click returns; free the memory soon after.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}
