import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { result, type BenchResult } from './report';

/** Every JavaScript file the renderer ships (out/renderer/**\/*.js), gzipped at the default level, summed. */
export function measureRendererBundle(rendererDir: string): BenchResult {
  const files = (fs.readdirSync(rendererDir, { recursive: true }) as string[]).filter((f) => /\.m?js$/.test(f));
  if (files.length === 0) throw new Error(`no JavaScript in ${rendererDir}`);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(rendererDir, file));
    raw += bytes.length;
    gzipped += zlib.gzipSync(bytes).length;
  }
  const KB = 1024;
  return { ...result(`renderer JavaScript, gzipped (${files.length} file${files.length === 1 ? '' : 's'}, ${Math.round(raw / KB)} KB before gzip)`, gzipped / KB, null, 'KB', { kind: 'at-most', limit: 250 }) };
}
