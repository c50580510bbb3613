import { describe, expect, it } from 'vitest';
import { UsageError } from '../database/cli/arguments';
import { DEFAULT_PORT, parseHostArguments } from './arguments';
import { hasValidToken, isAllowedHost, isAllowedOrigin, isJsonContentType } from './request-guards';

const TOKEN = 'ab'.repeat(32);

describe('request guards', () => {
  it('accepts exactly 127.0.0.1:<port> and localhost:<port> as Host', () => {
    expect(isAllowedHost('127.0.0.1:4317', 4317)).toBe(true);
    expect(isAllowedHost('localhost:4317', 4317)).toBe(true);
    for (const bad of [undefined, '', '127.0.0.1', 'localhost', '127.0.0.1:4318', 'LOCALHOST:4317', 'evil.example:4317', '127.0.0.1:4317.evil', ' 127.0.0.1:4317', '[::1]:4317', '0.0.0.0:4317']) {
      expect(isAllowedHost(bad, 4317), String(bad)).toBe(false);
    }
  });

  it('accepts no Origin or the host\'s own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 4317)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4317', 4317)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4317', 4317)).toBe(true);
    for (const bad of ['null', 'http://evil.example', 'http://127.0.0.1:4318', 'https://127.0.0.1:4317', 'file://']) expect(isAllowedOrigin(bad, 4317), bad).toBe(false);
  });

  it('needs "Bearer <token>" exactly', () => {
    expect(hasValidToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const bad of [undefined, '', 'Bearer', 'Bearer ', `bearer${TOKEN}`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} `, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Bearer  ${TOKEN}`]) {
      expect(hasValidToken(bad, TOKEN), String(bad)).toBe(false);
    }
  });

  it('takes JSON content types only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    for (const bad of [undefined, '', 'text/plain', 'application/jsonp', 'text/json', 'application/x-www-form-urlencoded']) expect(isJsonContentType(bad), String(bad)).toBe(false);
  });
});

describe('dala-host arguments', () => {
  it('defaults to port 4317 (with fallback) and the usual data folder', () => {
    expect(parseHostArguments([])).toEqual({ port: DEFAULT_PORT, portGiven: false, dataDir: undefined, help: false });
    expect(DEFAULT_PORT).toBe(4317);
  });

  it('takes --port N (0 = any free port) and --data-dir DIR in either form', () => {
    expect(parseHostArguments(['--port', '0', '--data-dir', '/tmp/x'])).toEqual({ port: 0, portGiven: true, dataDir: '/tmp/x', help: false });
    expect(parseHostArguments(['--port=8080', '--data-dir=lab'])).toMatchObject({ port: 8080, portGiven: true, dataDir: 'lab' });
    expect(parseHostArguments(['--help']).help).toBe(true);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '65536'], /--port must be at most 65535/],
    [['--port', '-1'], /--port/],
    [['--port'], /--port/],
    [['--data-dir='], /--data-dir needs a folder/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['serve'], /Unexpected argument 'serve'/],
  ])('%j is a one-line usage error', (argv, message) => {
    let thrown: unknown;
    try {
      parseHostArguments(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).toMatch(/Usage: dala-host/);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
