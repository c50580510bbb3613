import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'DALA Learner Profile';
export const DATABASE_FILE_NAME = 'dala.db';

interface Platform {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
}

const currentPlatform = (): Platform => ({ platform: process.platform, env: process.env, homedir: os.homedir() });

/** The folder Electron's `app.getPath('userData')` gives for our product name on each OS. */
export function electronUserDataDir(p: Platform = currentPlatform()): string {
  if (p.platform === 'win32') {
    const appData = p.env.APPDATA || path.win32.join(p.homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (p.platform === 'darwin') return path.posix.join(p.homedir, 'Library', 'Application Support', PRODUCT_NAME);
  const config = p.env.XDG_CONFIG_HOME && path.isAbsolute(p.env.XDG_CONFIG_HOME) ? p.env.XDG_CONFIG_HOME : path.join(p.homedir, '.config');
  return path.join(config, PRODUCT_NAME);
}

/** `--data-dir` wins over `DALA_DATA_DIR`, which wins over the OS default. */
export function resolveDataDir(flag: string | undefined, p: Platform = currentPlatform()): string {
  if (flag) return path.resolve(flag);
  if (p.env.DALA_DATA_DIR) return path.resolve(p.env.DALA_DATA_DIR);
  return electronUserDataDir(p);
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}
