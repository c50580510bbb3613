// Types for scripts/ensure-deps.mjs, for the TypeScript that imports it (the Electron e2e setup).
export const root: string;
export function electronDownloadReachable(): Promise<boolean>;
/** The Electron executable of this checkout, or undefined where the binary is not installed. */
export function electronBinaryPath(): string | undefined;
export function ensureDependencies(): Promise<void>;
