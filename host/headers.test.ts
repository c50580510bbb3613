import { META_CONTENT_SECURITY_POLICY } from '../electron/common/content-security-policy';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { apiRequest, rawRequest, useTempHosts, type RawResponse } from './test-support/host-fixture';

const hosts = useTempHosts();
const projectRoot = path.resolve(__dirname, '..');

describe('security headers', () => {
  it('the CSP is the one in the meta tag of renderer/index.html', () => {
    const html = fs.readFileSync(path.join(projectRoot, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CONTENT_SECURITY_POLICY)).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('every kind of response carries CSP, nosniff, no-referrer and DENY', async () => {
    const { host } = await hosts.start();
    const responses: Array<[string, RawResponse]> = [
      ['page', await rawRequest(host.port, { path: '/' })],
      ['asset', await rawRequest(host.port, { path: '/assets/app.js' })],
      ['missing file', await rawRequest(host.port, { path: '/missing' })],
      ['traversal', await rawRequest(host.port, { path: '/../secret.txt' })],
      ['page method', await rawRequest(host.port, { method: 'DELETE', path: '/' })],
      ['api ok', await apiRequest(host, 'listLearners', {})],
      ['api typed error', await apiRequest(host, 'getLearnerProfile', { learnerId: 'ghost' })],
      ['api no token', await apiRequest(host, 'listLearners', {}, { headers: { Authorization: '' } })],
      ['wrong host', await apiRequest(host, 'listLearners', {}, { headers: { Host: 'evil.example' } })],
      ['bad json', await apiRequest(host, 'listLearners', undefined, { body: '{' })],
      ['too large', await apiRequest(host, 'listLearners', undefined, { body: 'x'.repeat(1024 * 1024 + 1) })],
      ['options', await rawRequest(host.port, { method: 'OPTIONS', path: '/api/listLearners' })],
      ['unknown channel', await apiRequest(host, 'nope', {})],
    ];
    for (const [what, response] of responses) {
      expect(response.headers['content-security-policy'], what).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options'], what).toBe('nosniff');
      expect(response.headers['referrer-policy'], what).toBe('no-referrer');
      expect(response.headers['x-frame-options'], what).toBe('DENY');
    }
  });

  it('API answers, successful or not, are never cached', async () => {
    const { host } = await hosts.start();
    const responses = [
      await apiRequest(host, 'listLearners', {}),
      await apiRequest(host, 'getLearnerProfile', { learnerId: 'ghost' }),
      await apiRequest(host, 'listLearners', {}, { headers: { Authorization: '' } }),
      await apiRequest(host, 'nope', {}),
    ];
    for (const response of responses) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });
});
