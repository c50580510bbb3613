import fs from 'node:fs';
import path from 'node:path';

/**
 * The layering rule of DESIGN.md as data: which modules each folder may import. Relative imports
 * are resolved to the project folder they land in; bare imports are matched by package name.
 */
export interface Layer {
  folder: string;
  /** Project folders (relative imports) this layer may reach, besides itself. */
  folders: string[];
  /** Packages allowed; `node:` means every node:* builtin. */
  packages: string[];
}

export const LAYERS: Layer[] = [
  { folder: 'electron/common', folders: ['resources/content'], packages: ['zod'] },
  // tsx: only to start the job worker from TypeScript source when no bundle exists (host, tests).
  { folder: 'database', folders: ['electron/common', 'resources/content', 'package.json'], packages: ['node:', 'better-sqlite3', 'drizzle-orm', 'drizzle-kit', 'zod', 'tsx'] },
  { folder: 'electron/main', folders: ['electron/common', 'database', 'electron/test-support'], packages: ['electron', 'node:', 'zod'] },
  { folder: 'electron/preload', folders: ['electron/common', 'electron/test-support'], packages: ['electron'] },
  { folder: 'host', folders: ['electron/common', 'database'], packages: ['node:', 'zod'] },
  {
    folder: 'renderer',
    folders: ['electron/common', 'resources/content', 'resources/images'],
    packages: ['react', 'react-dom', 'zustand'],
  },
];

const TEST_PACKAGES = ['vitest', 'node:', 'fast-check', 'better-sqlite3', 'tsx', '@testing-library/react', '@testing-library/dom', '@testing-library/user-event'];

const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])require\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]/g;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (spec) found.push(spec);
  }
  return found;
}

function packageName(spec: string): string {
  if (spec.startsWith('node:')) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** Violations in one file, as `file: imports "spec"` lines. */
export function layeringViolations(root: string, file: string, source: string): string[] {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const layer = LAYERS.find((l) => rel.startsWith(`${l.folder}/`));
  if (!layer) return [];
  // Tests run in Node under vitest whatever layer they check; their folder rules still hold,
  // except that they may use the shared fixtures in tests/support (a real database in a temp dir).
  const isTest = /\.test\.tsx?$/.test(rel) || rel.includes('/test-support/');
  const allowedFolders = [layer.folder, ...layer.folders, ...(isTest ? ['tests/support'] : [])];
  const allowedPackages = isTest ? [...layer.packages, ...TEST_PACKAGES] : layer.packages;
  const violations: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      if (!allowedFolders.some((f) => target === f || target.startsWith(`${f}/`))) violations.push(`${rel}: imports "${spec}" (${layer.folder} may not reach ${target})`);
    } else if (!allowedPackages.includes(packageName(spec))) {
      violations.push(`${rel}: imports "${spec}" (${layer.folder} may not use ${packageName(spec)})`);
    }
  }
  return violations;
}

export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}
