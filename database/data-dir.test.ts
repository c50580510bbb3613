import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, electronUserDataDir, resolveDataDir } from './data-dir';

describe('electronUserDataDir', () => {
  it('uses XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(electronUserDataDir({ platform: 'linux', env: {}, homedir: '/home/ada' })).toBe('/home/ada/.config/DALA Learner Profile');
    expect(electronUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/ada' })).toBe('/cfg/DALA Learner Profile');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored, as Electron does.
    expect(electronUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, homedir: '/home/ada' })).toBe('/home/ada/.config/DALA Learner Profile');
  });

  it('uses %APPDATA% on Windows and Application Support on macOS', () => {
    expect(electronUserDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, homedir: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\DALA Learner Profile',
    );
    expect(electronUserDataDir({ platform: 'win32', env: {}, homedir: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\DALA Learner Profile');
    expect(electronUserDataDir({ platform: 'darwin', env: {}, homedir: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/DALA Learner Profile');
  });
});

describe('resolveDataDir', () => {
  const p = { platform: 'linux' as const, env: { DALA_DATA_DIR: '/srv/dala' }, homedir: '/home/ada' };

  it('prefers --data-dir, then DALA_DATA_DIR, then the OS default', () => {
    expect(resolveDataDir('/flag/dir', p)).toBe('/flag/dir');
    expect(resolveDataDir(undefined, p)).toBe('/srv/dala');
    expect(resolveDataDir(undefined, { ...p, env: {} })).toBe('/home/ada/.config/DALA Learner Profile');
  });

  it('makes a relative folder absolute and names the file dala.db', () => {
    expect(resolveDataDir('lab-data', p)).toBe(path.resolve('lab-data'));
    expect(databasePath('/srv/dala')).toBe(path.join('/srv/dala', 'dala.db'));
  });
});
