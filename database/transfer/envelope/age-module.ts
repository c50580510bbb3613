/**
 * `age-encryption` is published as ES modules only; the main process bundle is CommonJS, so it is
 * loaded with a dynamic import, once.
 */
type AgeModule = typeof import('age-encryption');

let loading: Promise<AgeModule> | undefined;

export function loadAge(): Promise<AgeModule> {
  loading ??= import('age-encryption');
  return loading;
}
