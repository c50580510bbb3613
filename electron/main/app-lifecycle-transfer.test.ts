import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcEvent } from '../common/channels';
import { FakeEvent } from '../test-support/fake-electron';
import { learnerCount, useLaunchedApps } from '../test-support/launch-fixture';

/** The main process's part in transfers: files the OS opened, payload limits over IPC, jobs on quit. */
const { startReady } = useLaunchedApps();

describe('transfers in the main process', () => {
  it('previews a .dalaprofile from a second launch by the id the window got; the path is handed out once', async () => {
    const { fake, dataDir } = await startReady({ asAdmin: true });
    const window = fake.windows[0]!;
    const contents = window.webContents;
    window.webContents.emit('did-finish-load');
    const invoke = (channel: Parameters<typeof ipcChannel>[0], payload: unknown) => fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel(channel), payload);
    const created = (await invoke('createLearnerProfile', { displayName: 'Ann' })) as { value: { id: string } };
    const exported = (await invoke('exportLearnerProfile', { learnerId: created.value.id })) as { ok: true; value: { content: string } };
    const folder = path.join(dataDir, 'Desktop');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'Ann.dalaprofile'), exported.value.content);

    fake.app.emit('second-instance', new FakeEvent(), ['/opt/DALA/dala', 'Ann.dalaprofile'], folder, {});
    const opened = contents.sent.find((m) => m.channel === ipcEvent('profileFileOpened'))!.args[0] as { fileId: string };
    const preview = await invoke('previewProfileImport', { fileId: opened.fileId });
    expect(preview).toMatchObject({ ok: true, value: { fileName: 'Ann.dalaprofile', existingLearners: 1, preview: { summary: '0 new, 0 updated, 0 conflicts' } } });
    expect(await invoke('previewProfileImport', { fileId: opened.fileId })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'fileId' } });
    expect(await invoke('previewProfileImport', { fileId: 'made-up' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses an oversize payload over IPC before it reaches a handler', async () => {
    const { fake, launched } = await startReady({ asAdmin: true });
    const contents = fake.windows[0]!.webContents;
    const result = await fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('createLearnerProfile'), { displayName: 'x'.repeat(2_000_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than/) } });
    expect(learnerCount(launched.database())).toBe(0);
  });

  it('stops running jobs on will-quit, before the database closes', async () => {
    const { fake, launched } = await startReady({ asAdmin: true });
    const contents = fake.windows[0]!.webContents;
    const invoke = (channel: Parameters<typeof ipcChannel>[0], payload: unknown) => fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel(channel), payload);
    const started = (await invoke('startBackup', {})) as { ok: true; value: { jobId: string } };
    expect(await invoke('getJobStatus', { jobId: started.value.jobId })).toMatchObject({ ok: true, value: { kind: 'backup' } });
    const database = launched.database()!;
    fake.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(database.sqlite.open).toBe(false));
    // Quitting closed the job runner (its worker is stopped) before the database; later calls are refused.
    expect(await invoke('getJobStatus', { jobId: started.value.jobId })).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/closing/) } });
  });
});
