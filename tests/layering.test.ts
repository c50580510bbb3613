import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, layeringViolations, sourceFiles } from './layering';

const root = path.resolve(__dirname, '..');

describe('layering rule (DESIGN.md)', () => {
  it('no source file imports across a forbidden layer boundary', () => {
    const violations = LAYERS.flatMap((layer) =>
      sourceFiles(path.join(root, layer.folder)).flatMap((file) => layeringViolations(root, file, fs.readFileSync(file, 'utf8'))),
    );
    expect(violations).toEqual([]);
  });

  it('checks a real number of files in every layer', () => {
    for (const layer of LAYERS.filter((l) => ['electron/common', 'database', 'renderer'].includes(l.folder))) {
      expect(sourceFiles(path.join(root, layer.folder)).length, layer.folder).toBeGreaterThan(2);
    }
  });

  it.each([
    ['renderer/src/x.ts', "import fs from 'node:fs';"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../database/open';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['electron/common/x.ts', "import Database from 'better-sqlite3';"],
    ['electron/common/x.ts', "export { a } from '../../database/api';"],
    ['database/x.ts', "const e = require('electron');"],
    ['database/x.ts', "import { App } from '../renderer/src/App';"],
    ['host/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { z } from 'zod';"],
    ['electron/main/x.ts', "import '../../renderer/src/main';"],
    ['electron/main/x.ts', "const m = await import('../../host/server');"],
  ])('reports %s doing %s', (file, source) => {
    expect(layeringViolations(root, path.join(root, file), source)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/x.ts', "import type { DalaApi } from '../../electron/common/contract';"],
    ['database/x.ts', "import Database from 'better-sqlite3';\nimport { eq } from 'drizzle-orm';"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { openDatabase } from '../../database/open';"],
    ['electron/common/x.ts', "import badges from '../../resources/content/badges.json';"],
  ])('allows %s doing %s', (file, source) => {
    expect(layeringViolations(root, path.join(root, file), source)).toEqual([]);
  });
});

describe('test files', () => {
  it('may use test tooling but not cross layers', () => {
    expect(layeringViolations(root, path.join(root, 'renderer/src/x.test.tsx'), "import { render } from '@testing-library/react';\nimport fs from 'node:fs';")).toEqual([]);
    expect(layeringViolations(root, path.join(root, 'renderer/src/x.test.tsx'), "import { openDatabase } from '../../database/open';")).toHaveLength(1);
    expect(layeringViolations(root, path.join(root, 'renderer/src/x.ts'), "import { render } from '@testing-library/react';")).toHaveLength(1);
  });
});
