import type { ChannelResult, DalaApi } from '../../../electron/common/contract';
import { ipcErrorSchema } from '../../../electron/common/errors';
import type { TransferFileView } from '../../../electron/common/transfer-views';

declare global {
  interface Window {
    /** The desktop app's preload: where a dropped file is on disk (webUtils.getPathForFile). */
    dalaFiles?: { pathForFile(file: File): string };
  }
}

/** How much of a file has reached the app so far (bytes). */
export type ReceiveProgress = (sentBytes: number, totalBytes: number) => void;

/**
 * How files get to and from the main process, which does all the reading and writing: the window
 * never holds a file's content. Injected into the store beside the `api`.
 */
export interface TransferFileTransport {
  /** The desktop app: "Choose file" opens the main process's own dialog (chooseTransferFile) and saving shows its save dialog. */
  nativeDialogs: boolean;
  /** Hands a chosen or dropped file to the main process; its id is what the channels take. */
  receive(file: File, onProgress?: ReceiveProgress): Promise<ChannelResult<TransferFileView>>;
  /** The browser host's answer to saveTransferFile: fetch that one-time address as a download. */
  download(url: string, fileName: string): Promise<void>;
}

const failure = (code: 'storage' | 'invalid_input', message: string): ChannelResult<never> => ({ ok: false, error: { code, message } });

/** Follows `href` as a download named `fileName` with a hidden `<a download>`: the browser saves it, the page stays. */
export function followDownloadLink(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}

/** The browser host's one-time, same-origin download address, followed as a download. */
export async function clickDownload(url: string, fileName: string): Promise<void> {
  followDownloadLink(url, fileName);
}

/** The desktop app: a dropped file is named by its path (only the main process opens it). */
export function createDesktopTransferFiles(api: DalaApi): TransferFileTransport {
  return {
    nativeDialogs: true,
    receive: async (file) => {
      const path = window.dalaFiles?.pathForFile(file) ?? '';
      // A file made in the page (not from the disk) has no path.
      if (!path) return failure('invalid_input', `“${file.name}” cannot be opened from here. Use the Choose button instead.`);
      return api.openDroppedFile({ path });
    },
    download: clickDownload,
  };
}

/** The browser host's answer to an upload: the channels' `{ok, value | error}`, checked, since the page trusts nothing it did not make. */
function uploadAnswer(status: number, body: string): ChannelResult<TransferFileView> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed) {
    const answer = parsed as { ok: unknown; value?: unknown; error?: unknown };
    const error = ipcErrorSchema.safeParse(answer.error);
    if (answer.ok === false && error.success) return { ok: false, error: error.data };
    const value = answer.value as Partial<TransferFileView> | undefined;
    if (answer.ok === true && typeof value?.fileId === 'string' && typeof value.fileName === 'string') return { ok: true, value: value as TransferFileView };
  }
  return status === 413 ? failure('invalid_input', 'The file is too large for DALA.') : failure('storage', `DALA did not accept the file (HTTP ${status}).`);
}

/**
 * The browser host: the file is streamed from the disk to `POST /api/files` (the browser reads it
 * in pieces; the page never holds it). XMLHttpRequest rather than fetch, because only it reports
 * how much has been sent, for the progress bar of a large backup.
 */
export function createHostTransferFiles(token: string | null): TransferFileTransport {
  return {
    nativeDialogs: false,
    receive: (file, onProgress) =>
      new Promise((resolve) => {
        const request = new XMLHttpRequest();
        request.open('POST', '/api/files');
        if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
        request.setRequestHeader('Content-Type', 'application/octet-stream');
        // Headers are Latin-1 only: the host decodes the name.
        request.setRequestHeader('X-Dala-File-Name', encodeURIComponent(file.name));
        request.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
        request.onload = () => resolve(uploadAnswer(request.status, request.responseText));
        request.onerror = () => resolve(failure('storage', 'The file could not be sent to DALA. Check that DALA is still running, then try again.'));
        request.onabort = request.onerror;
        request.send(file);
      }),
    download: clickDownload,
  };
}
