import { gunzipSync } from 'node:zlib';

/** The text inside gzip data (a compressed backup a renderer test saved). */
export function gunzipText(bytes: Uint8Array): string {
  return gunzipSync(bytes).toString('utf8');
}
