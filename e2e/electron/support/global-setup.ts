import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureElectronNativeBinding, NATIVE_BINDING_ENV } from '../../../scripts/electron-native.mjs';
import { electronBinaryPath } from '../../../scripts/ensure-deps.mjs';

/**
 * What the Electron specs launch. `checkout`: this repository's out/ bundles in node_modules'
 * Electron, with better-sqlite3 built for Electron passed in DALA_SQLITE_NATIVE_BINDING.
 * `packaged`: an unfused packaged app named by DALA_ELECTRON_APP (npm run dist:e2e).
 * `missing`: no Electron binary here; every spec is skipped.
 */
export type ElectronTarget =
  | { kind: 'checkout'; executable: string; appDir: string; env: Record<string, string> }
  | { kind: 'packaged'; executable: string; env: Record<string, string> }
  | { kind: 'missing'; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dalaElectron: ElectronTarget;
  }
}

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const BUNDLES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Why `require('electron')` gives no binary, in one line (its own message when it throws). */
function whyElectronIsMissing(): string {
  const result = spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: projectRoot, encoding: 'utf8' });
  const message = `${result.stderr ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /^(Error|Electron)/.test(l));
  return result.status === 0 ? 'the Electron binary that require("electron") names does not exist' : `require('electron') throws${message ? ` (${message.replace(/^Error:\s*/, '')})` : ''}`;
}

export function resolveElectronTarget(): ElectronTarget {
  const packaged = process.env.DALA_ELECTRON_APP;
  if (packaged) {
    const executable = path.resolve(projectRoot, packaged);
    if (!fs.existsSync(executable)) throw new Error(`DALA_ELECTRON_APP names ${executable}, which does not exist (build it with npm run dist:e2e).`);
    return { kind: 'packaged', executable, env: {} };
  }
  const executable = electronBinaryPath();
  if (!executable) return { kind: 'missing', reason: `the Electron binary is not installed here: ${whyElectronIsMissing()}` };
  const missingBundles = BUNDLES.filter((file) => !fs.existsSync(path.join(projectRoot, file)));
  if (missingBundles.length > 0) throw new Error(`The app is not built (${missingBundles.join(', ')} missing): run npm run test:electron, which builds it first.`);
  // Builds (once per Electron version) or reuses node_modules/.dala-electron/<version>/better_sqlite3.node.
  const nativeBinding = ensureElectronNativeBinding({ electronBinary: executable, log: (line) => console.log(line) });
  return { kind: 'checkout', executable, appDir: projectRoot, env: { [NATIVE_BINDING_ENV]: nativeBinding } };
}

/** Runs once per `vitest run`: the one loud line when the suite cannot run here. */
export default function setup(project: TestProject): void {
  const target = resolveElectronTarget();
  if (target.kind === 'missing') {
    console.warn(
      `\n\u26a0\ufe0f  ELECTRON E2E SUITE SKIPPED: ${target.reason}. Run it on a machine with internet access: \`npm ci\` (without ELECTRON_SKIP_BINARY_DOWNLOAD), then \`npm run test:electron\`.\n`,
    );
  }
  project.provide('dalaElectron', target);
}
