import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { transferFilesDir } from '../../database/transfer/transfer-file-store';
import type { ChannelResult } from '../../electron/common/contract';
import type { TransferFileView } from '../../electron/common/transfer-views';
import type { BrowserHost } from '../server';
import { apiRequest } from './host-fixture';

/** Helpers for the upload and download tests: binary bodies, which the JSON fixture does not handle. */

export interface BinaryResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface UploadRequest {
  /** Sent as X-Dala-File-Name, encodeURIComponent-encoded; undefined sends no name. */
  fileName?: string | undefined;
  headers?: Record<string, string>;
  /** Send the body in chunks without Content-Length. */
  chunked?: boolean;
}

/** One request with node:http; an answer that comes before the whole body was sent still counts. */
export function binaryRequest(port: number, options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean }): Promise<BinaryResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...options.headers };
    if (options.body !== undefined && !options.chunked) headers['Content-Length'] = String(options.body.length);
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const body = options.body;
    if (body === undefined) req.end();
    else if (options.chunked) {
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else req.end(body);
  });
}

/** `POST /api/files` with the right token and content type unless overridden. */
export function uploadRequest(host: BrowserHost, body: Buffer, request: UploadRequest = {}): Promise<BinaryResponse> {
  const headers: Record<string, string> = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream' };
  if (request.fileName !== undefined) headers['X-Dala-File-Name'] = encodeURIComponent(request.fileName);
  return binaryRequest(host.port, { method: 'POST', path: '/api/files', headers: { ...headers, ...request.headers }, body, chunked: request.chunked });
}

/** Uploads a file and returns its view, failing the test on anything but 200 ok. */
export async function upload(host: BrowserHost, fileName: string, body: Buffer): Promise<TransferFileView> {
  const response = await uploadRequest(host, body, { fileName });
  const answer = JSON.parse(response.body.toString('utf8')) as ChannelResult<TransferFileView>;
  if (response.status !== 200 || !answer.ok) throw new Error(`upload failed: ${response.status} ${response.body.toString('utf8')}`);
  return answer.value;
}

/** A channel call that must succeed. */
export async function ok<T>(host: BrowserHost, channel: string, payload: unknown): Promise<T> {
  const response = await apiRequest(host, channel, payload);
  const answer = JSON.parse(response.text) as ChannelResult<T>;
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** `GET <url>` on the host, as a browser's download would. */
export function download(host: BrowserHost, url: string): Promise<BinaryResponse> {
  return binaryRequest(host.port, { method: 'GET', path: url });
}

/** Every file in the transfer store's folders under `<dataDir>/staging/files/`. */
export function stagedFiles(dataDir: string): string[] {
  const parent = transferFilesDir(dataDir);
  if (!fs.existsSync(parent)) return [];
  return fs.readdirSync(parent).flatMap((dir) => fs.readdirSync(path.join(parent, dir)).map((f) => path.join(dir, f)));
}
