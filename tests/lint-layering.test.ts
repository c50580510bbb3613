import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule of DESIGN.md as ESLint enforces it (eslint-rules/layering.mjs): snippets linted
// as if they sat in each layer, then the real tree.
const root = path.resolve(__dirname, '..');
const overrideConfigFile = path.join(root, 'eslint.config.mjs');
// Only the layering rule: the snippets are not meant to pass the other rules (unused imports...).
const ruleFilter = ({ ruleId }: { ruleId: string }) => ruleId === 'dala/layering';
const eslint = new ESLint({ cwd: root, overrideConfigFile, ruleFilter });

async function layeringMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  // A snippet that does not parse would report nothing from the rule: fail loudly instead.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'dala/layering').map((m) => m.message);
}

/** Per layer of DESIGN.md: imports from its "never imports" column, and some it may make. */
const LAYERS: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'electron/common/x.ts',
    forbidden: [
      "import fs from 'node:fs';",
      "import { readFileSync } from 'fs';",
      "import type { BrowserWindow } from 'electron';",
      "import Database from 'better-sqlite3';",
      "export * from '../../database/open';",
      "export { openDatabase } from '../../database/open';",
      "import { App } from '../../renderer/src/App';",
      "import fake from '../test-support/fake-electron';",
    ],
    allowed: [
      "import { z } from 'zod';",
      "import badges from '../../resources/content/badges.json';",
      "export * from './content/index';",
    ],
  },
  {
    file: 'database/x.ts',
    forbidden: [
      "const e = require('electron');",
      "import electron = require('electron');",
      "import type { App } from 'electron';",
      "import { App } from '../renderer/src/App';",
      "import { startServer } from '../host/server';",
      "import { merge } from '../hub/merge';",
      // drizzle-kit is for database/drizzle.config.ts only.
      "import { defineConfig } from 'drizzle-kit';",
      "import { render } from '@testing-library/react';",
    ],
    allowed: [
      "import Database from 'better-sqlite3';\nimport { eq } from 'drizzle-orm';\nimport fs from 'node:fs';\nimport { z } from 'zod';",
      "import pkg from '../package.json';",
      "import { jsonObject } from '../electron/common/dto';",
      "import badges from '../resources/content/badges.json';",
      // database/jobs/job-runner.ts: a worker's eval source mentioning tsx is a string, not an import.
      "new Worker(`require('tsx/cjs/api').register(); require('./job-worker.ts');`, { eval: true });",
    ],
  },
  {
    file: 'electron/main/x.ts',
    forbidden: [
      "import '../../renderer/src/main';",
      "const server = await import('../../host/server');",
      "type App = typeof import('../../renderer/src/App');",
      "import { createFakeMain } from '../test-support/fake-electron';",
      "import Database from 'better-sqlite3';",
    ],
    allowed: [
      "import { app } from 'electron';\nimport { openDatabase } from '../../database/open';",
      "import path from 'node:path';\nimport { z } from 'zod';",
      "import type { DalaApi } from '../common/contract';",
    ],
  },
  {
    file: 'electron/preload/x.ts',
    forbidden: [
      "import fs from 'node:fs';",
      "import { openDatabase } from '../../database/open';",
      "export { App } from '../../renderer/src/App';",
      "import { z } from 'zod';",
    ],
    allowed: ["import { contextBridge, ipcRenderer } from 'electron';\nimport type { DalaApi } from '../common/contract';"],
  },
  {
    file: 'host/x.ts',
    forbidden: ["import { app } from 'electron';", "import { App } from '../renderer/src/App';", "const s = require('../renderer/src/store');"],
    allowed: ["import http from 'node:http';\nimport { openDatabase } from '../database/open';\nimport { jsonObject } from '../electron/common/dto';\nimport { z } from 'zod';"],
  },
  {
    file: 'hub/x.ts',
    forbidden: [
      "import { app } from 'electron';",
      "import { App } from '../renderer/src/App';",
      "import Database from 'better-sqlite3';",
      "import { openDatabase } from '../database/open';",
    ],
    allowed: [
      "import pg from 'pg';\nimport client from 'prom-client';\nimport crypto from 'node:crypto';\nimport { jsonObject } from '../electron/common/dto';\nimport { printJson } from '../command-line/output';",
    ],
  },
  {
    file: 'command-line/x.ts',
    forbidden: [
      "import Database from 'better-sqlite3';",
      "import pg from 'pg';",
      "import { openDatabase } from '../database/open';",
      "import { startHubServer } from '../hub/server/hub-server';",
      "import { app } from 'electron';",
    ],
    allowed: ["import { parseArgs } from 'node:util';\nimport { z } from 'zod';\nimport { invalidInputFromZod } from '../electron/common/errors';"],
  },
  {
    file: 'renderer/src/x.ts',
    forbidden: [
      "import fs from 'node:fs';",
      "const path = require('path');",
      "import { ipcRenderer } from 'electron';",
      "const db = await import('../../database/open');",
      "export * from '../../database/open';",
      "import Database from 'better-sqlite3';",
      "import { render } from '@testing-library/react';",
      "import { startServer } from '../../host/server';",
    ],
    allowed: [
      "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { create } from 'zustand';",
      "import type { DalaApi } from '../../electron/common/contract';",
      "import badges from '../../resources/content/badges.json';",
      "import badge from '../../resources/content/icons/badge.svg?raw';\nimport appIcon from '../../resources/icons/icon.svg?raw';",
      // Vite globs are not imports the layering speaks of (the files are still resources/).
      "const files = import.meta.glob('../../resources/content/icons/*.svg');",
    ],
  },
];

describe('layering rule (DESIGN.md), per layer', () => {
  const forbidden = LAYERS.flatMap(({ file, forbidden }) => forbidden.map((code) => [file, code]));
  const allowed = LAYERS.flatMap(({ file, allowed }) => allowed.map((code) => [file, code]));

  it.each(forbidden)('reports %s doing %s', async (file, code) => {
    expect(await layeringMessages(file, code)).toHaveLength(1);
  });

  it.each(allowed)('allows %s doing %s', async (file, code) => {
    expect(await layeringMessages(file, code)).toEqual([]);
  });

  it('lets only the drizzle-kit config use drizzle-kit', async () => {
    expect(await layeringMessages('database/drizzle.config.ts', "import { defineConfig } from 'drizzle-kit';")).toEqual([]);
    expect(await layeringMessages('database/transfer/envelope/age-module.ts', "export const load = () => import('age-encryption');")).toEqual([]);
    expect(await layeringMessages('database/transfer/restore.ts', "export const load = () => import('age-encryption');")).not.toEqual([]);
  });

  it('says which layer and which target', async () => {
    expect(await layeringMessages('renderer/src/x.ts', "import { a } from '../../database/open';")).toEqual([
      'Layering: "../../database/open" is not allowed here (renderer may not reach database/open); see DESIGN.md "Layering".',
    ]);
  });

  it('ignores files outside every layer', async () => {
    expect(await layeringMessages('scripts/x.ts', "import { app } from 'electron';\nimport { App } from '../renderer/src/App';")).toEqual([]);
  });
});

describe('test files', () => {
  it('may use test tooling, tests/support and (main, preload) electron/test-support', async () => {
    const tooling = "import { render } from '@testing-library/react';\nimport { it } from 'vitest';\nimport fc from 'fast-check';\nimport { writeTempFile } from '../../tests/support/temp-file';";
    expect(await layeringMessages('renderer/src/x.test.tsx', tooling)).toEqual([]);
    expect(await layeringMessages('renderer/src/test-support/x.ts', tooling)).toEqual([]);
    expect(await layeringMessages('database/x.test.ts', "import fs from 'node:fs';")).toEqual([]);
    expect(await layeringMessages('database/x.test.ts', "import { tempDir } from '../tests/support/temp';")).toEqual([]);
    expect(await layeringMessages('electron/main/x.test.ts', "const { createFakeMain } = await import('../test-support/fake-electron');")).toEqual([]);
    expect(await layeringMessages('electron/preload/x.test.ts', "import { createFakeRenderer } from '../test-support/fake-electron';")).toEqual([]);
  });

  it('renderer tests reach Node only through tests/support', async () => {
    for (const file of ['renderer/src/x.test.tsx', 'renderer/src/test-support/x.ts']) {
      expect(await layeringMessages(file, "import fs from 'node:fs';")).toEqual(['Layering: "node:fs" is not allowed here (renderer may not use Node builtins (node:fs)); see DESIGN.md "Layering".']);
    }
  });

  it('still may not cross layers', async () => {
    expect(await layeringMessages('renderer/src/x.test.tsx', "import { openDatabase } from '../../database/open';")).toHaveLength(1);
    expect(await layeringMessages('electron/common/x.test.ts', "import { createFakeMain } from '../test-support/fake-electron';")).toHaveLength(1);
    expect(await layeringMessages('host/x.test.ts', "import { app } from 'electron';")).toHaveLength(1);
  });
});

describe('the real tree', () => {
  // Parsing every file is most of the time here (about 10 s on 2 cores): give it room under load.
  it('has no import across a forbidden layer boundary', { timeout: 90_000 }, async () => {
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
    // The ignores must not have hidden a layer: each of the main ones has real files linted.
    for (const folder of ['electron/common', 'electron/main', 'electron/preload', 'database', 'host', 'renderer']) {
      const files = results.filter((r) => path.relative(root, r.filePath).startsWith(`${folder}${path.sep}`));
      expect(files.length, folder).toBeGreaterThan(2);
    }
  });
});
