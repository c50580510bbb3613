import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROFILE_FILE_EXTENSION = '.dalaprofile';
const DATA_DIR_FLAG = '--data-dir';

/** The value of `--data-dir DIR` or `--data-dir=DIR` (the first one given), if any. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === DATA_DIR_FLAG) {
      const value = argv[i + 1];
      return value && !value.startsWith('-') ? value : undefined;
    }
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return arg.slice(DATA_DIR_FLAG.length + 1) || undefined;
  }
  return undefined;
}

/**
 * The data folder, as an absolute path: `--data-dir` wins over `DALA_DATA_DIR`; undefined means
 * "use Electron's userData folder".
 */
export function dataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const chosen = dataDirFromArgv(argv) ?? (env.DALA_DATA_DIR || undefined);
  return chosen === undefined ? undefined : path.resolve(cwd, chosen);
}

export function isProfileFilePath(arg: string): boolean {
  return !arg.startsWith('-') && arg.toLowerCase().endsWith(PROFILE_FILE_EXTENSION) && arg.length > PROFILE_FILE_EXTENSION.length;
}

/**
 * The `.dalaprofile` files named on a command line (double-click on Windows and Linux, or a
 * second launch), made absolute against the directory that command ran in. Switches and the
 * value of `--data-dir` are never taken for files.
 */
export function profileFilesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === DATA_DIR_FLAG) {
      i++;
      continue;
    }
    if (!isProfileFilePath(arg)) continue;
    // Linux desktop entries with %U (the AppImage's always has it) may pass file:// URLs.
    if (/^file:\/\//i.test(arg)) {
      const local = localPathOfFileUrl(arg);
      if (local !== undefined) files.push(local);
      continue;
    }
    files.push(path.resolve(cwd, arg));
  }
  return files;
}

/** The local path a file:// URL names; undefined for a remote host or a malformed URL. */
function localPathOfFileUrl(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
