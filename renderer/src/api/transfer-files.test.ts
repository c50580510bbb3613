// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DalaApi } from '../../../electron/common/contract';
import type { TransferFileView } from '../../../electron/common/transfer-views';
import { clickDownload, createDesktopTransferFiles, createHostTransferFiles } from './transfer-files';

const VIEW: TransferFileView = { fileId: 'f-1', fileName: 'Chloé 1.dalaprofile', sizeBytes: 5, passphraseProtected: false, compressed: false };

/** Plays the browser's XMLHttpRequest: records the request, and answers as the test says. */
class FakeRequest {
  static last: FakeRequest | undefined;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeRequest.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  answer(status: number, body: string) {
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }
}

const sent = () => {
  if (!FakeRequest.last) throw new Error('nothing was sent');
  return FakeRequest.last;
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeRequest.last = undefined;
  delete window.dalaFiles;
});

describe('the browser host’s upload', () => {
  it('streams the File itself with the token and its URI-encoded name, reports progress, and answers its view', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    const file = new File(['hello'], 'Chloé 1.dalaprofile');
    const progress: Array<[number, number]> = [];
    const answer = createHostTransferFiles('tok-1').receive(file, (s, t) => progress.push([s, t]));
    const request = sent();
    expect([request.method, request.url]).toEqual(['POST', '/api/files']);
    expect(request.headers).toEqual({ Authorization: 'Bearer tok-1', 'Content-Type': 'application/octet-stream', 'X-Dala-File-Name': 'Chlo%C3%A9%201.dalaprofile' });
    expect(request.body).toBe(file);
    request.upload.onprogress?.({ loaded: 2, total: 5, lengthComputable: true });
    request.answer(200, JSON.stringify({ ok: true, value: VIEW }));
    expect(await answer).toEqual({ ok: true, value: VIEW });
    expect(progress).toEqual([[2, 5]]);
  });

  it('passes on the host’s refusal, and words a refusal or an answer it cannot read itself', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    const files = createHostTransferFiles(null);
    const file = new File(['x'], 'big.json');
    let answer = files.receive(file);
    expect(sent().headers.Authorization).toBeUndefined();
    sent().answer(413, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The file is larger than 10 bytes.' } }));
    expect(await answer).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The file is larger than 10 bytes.' } });

    answer = files.receive(file);
    sent().answer(413, '<html>too large</html>');
    expect(await answer).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The file is too large for DALA.' } });

    // An answer of the wrong shape is not trusted as a file.
    answer = files.receive(file);
    sent().answer(200, JSON.stringify({ ok: true, value: { fileId: 7 } }));
    expect((await answer).ok).toBe(false);

    answer = files.receive(file);
    sent().onerror?.();
    const failed = await answer;
    expect(failed.ok === false && failed.error.code).toBe('storage');
  });
});

describe('the desktop app', () => {
  it('names a dropped file by its path (the preload’s), and refuses a file with none', async () => {
    const openDroppedFile = vi.fn(async () => ({ ok: true as const, value: VIEW }));
    const files = createDesktopTransferFiles({ openDroppedFile } as unknown as DalaApi);
    expect(files.nativeDialogs).toBe(true);
    const file = new File(['x'], 'Ann.dalaprofile');

    const none = await files.receive(file);
    expect(none.ok === false && none.error.code).toBe('invalid_input');
    expect(openDroppedFile).not.toHaveBeenCalled();

    window.dalaFiles = { pathForFile: (f) => `/home/teacher/${f.name}` };
    expect(await files.receive(file)).toEqual({ ok: true, value: VIEW });
    expect(openDroppedFile).toHaveBeenCalledWith({ path: '/home/teacher/Ann.dalaprofile' });
  });
});

describe('a download', () => {
  it('follows the one-time address with a hidden <a download>, which then goes', async () => {
    const clicked: Array<{ href: string; download: string; hidden: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download, hidden: this.hidden });
    });
    await clickDownload('/files/f-1?key=abc', 'Ann.dalaprofile');
    expect(clicked).toEqual([{ href: '/files/f-1?key=abc', download: 'Ann.dalaprofile', hidden: true }]);
    expect(document.querySelector('a')).toBeNull();
  });
});
