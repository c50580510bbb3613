// Types for scripts/electron-native.mjs, for the TypeScript that imports it (the Electron e2e setup).
/** The environment variable the Electron main process reads: DALA_SQLITE_NATIVE_BINDING. */
export const NATIVE_BINDING_ENV: 'DALA_SQLITE_NATIVE_BINDING';
export function electronVersion(): string;
export function electronNativeBindingPath(version?: string): string;
export function ensureElectronNativeBinding(options?: { electronBinary?: string; log?: (line: string) => void }): string;
