import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgv, dataDirOverride, profileFilesFromArgv } from './command-line';
import { createProfileFileInbox, MAX_REMEMBERED_FILES, type ProfileFileOpened } from './profile-files';

const abs = (...parts: string[]) => path.resolve(path.sep, ...parts);

describe('command line', () => {
  it('reads --data-dir DIR and --data-dir=DIR', () => {
    expect(dataDirFromArgv(['electron', '.', '--data-dir', '/d'])).toBe('/d');
    expect(dataDirFromArgv(['app', '--data-dir=/e'])).toBe('/e');
    expect(dataDirFromArgv(['app', '--data-dir'])).toBeUndefined();
    expect(dataDirFromArgv(['app', '--data-dir', '--other'])).toBeUndefined();
    expect(dataDirFromArgv(['app'])).toBeUndefined();
  });

  it('lets --data-dir win over DALA_DATA_DIR, and makes it absolute', () => {
    const cwd = abs('work');
    expect(dataDirOverride(['app', '--data-dir', 'flag'], { DALA_DATA_DIR: abs('env') }, cwd)).toBe(path.join(cwd, 'flag'));
    expect(dataDirOverride(['app'], { DALA_DATA_DIR: abs('env') }, cwd)).toBe(abs('env'));
    expect(dataDirOverride(['app'], { DALA_DATA_DIR: '' }, cwd)).toBeUndefined();
    expect(dataDirOverride(['app'], {}, cwd)).toBeUndefined();
  });

  it('finds .dalaprofile paths, never switches or the --data-dir value', () => {
    const cwd = abs('home', 'ann');
    const argv = ['/opt/DALA/dala', '--allow-file-access', '--data-dir', 'x.dalaprofile', 'Ann.DALAPROFILE', abs('f', 'b.dalaprofile'), 'notes.txt', '--flag=y.dalaprofile'];
    expect(profileFilesFromArgv(argv, cwd)).toEqual([path.join(cwd, 'Ann.DALAPROFILE'), abs('f', 'b.dalaprofile')]);
  });

  it('turns file:// URLs (Linux desktop entries with %U) into local paths', () => {
    const file = abs('home', 'ann', 'Zoë O.dalaprofile');
    expect(profileFilesFromArgv(['/opt/DALA/dala', pathToFileURL(file).href], abs('tmp'))).toEqual([file]);
    expect(profileFilesFromArgv(['/opt/DALA/dala', 'file://%zz/bad.dalaprofile'], abs('tmp'))).toEqual([]);
  });
});

describe('profile file inbox', () => {
  function inbox() {
    const announced: ProfileFileOpened[] = [];
    let n = 0;
    const box = createProfileFileInbox({ announce: (p) => announced.push(p), newId: () => `id-${++n}` });
    return { box, announced };
  }

  it('queues files until the window has loaded, then announces id and base name only', () => {
    const { box, announced } = inbox();
    expect(box.remember(abs('home', 'ann', 'Ann.dalaprofile'))).toBe('id-1');
    expect(announced).toEqual([]);
    box.windowReady();
    expect(announced).toEqual([{ fileId: 'id-1', fileName: 'Ann.dalaprofile' }]);
    box.remember(abs('b', 'Bo.dalaprofile'));
    expect(announced).toEqual([
      { fileId: 'id-1', fileName: 'Ann.dalaprofile' },
      { fileId: 'id-2', fileName: 'Bo.dalaprofile' },
    ]);
    expect(JSON.stringify(announced)).not.toContain(path.sep + 'home');
  });

  it('hands out each path once, by id', () => {
    const { box } = inbox();
    const id = box.remember(abs('x', 'A.dalaprofile'))!;
    expect(box.takeProfileFilePath(id)).toBe(abs('x', 'A.dalaprofile'));
    expect(box.takeProfileFilePath(id)).toBeUndefined();
    expect(box.takeProfileFilePath('made-up')).toBeUndefined();
  });

  it('ignores anything that is not an absolute .dalaprofile path', () => {
    const { box } = inbox();
    expect(box.remember('relative.dalaprofile')).toBeUndefined();
    expect(box.remember(abs('x', 'notes.txt'))).toBeUndefined();
  });

  it('queues again when the window is gone, and forgets the oldest beyond the limit', () => {
    const { box, announced } = inbox();
    box.windowReady();
    box.windowNotReady();
    for (let i = 0; i < MAX_REMEMBERED_FILES + 5; i++) box.remember(abs('x', `${i}.dalaprofile`));
    expect(announced).toEqual([]);
    expect(box.takeProfileFilePath('id-1')).toBeUndefined();
    box.windowReady();
    expect(announced).toHaveLength(MAX_REMEMBERED_FILES);
    expect(announced[0]?.fileName).toBe('5.dalaprofile');
  });
});
