// The layering rule of DESIGN.md ("Layering"), checked over the imports ESLint parses: what each
// project folder may import. Anything a layer does not list is forbidden, so the "never imports"
// column of DESIGN.md follows from the lists below; tests/lint-layering.test.ts checks it does.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: this file's folder's parent, whatever directory ESLint was started in. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Per layer: the project folders (or files) a relative import may land in besides the layer
 * itself, and the packages it may name. `node:` stands for every Node builtin, with or without
 * the prefix. A nested layer (electron/main) is matched before a shorter one would be.
 */
export const LAYERS = [
  { folder: 'electron/common', folders: ['resources/content'], packages: ['zod'] },
  // What the lab machine's `dala` and the hub's `dala hub` share: flag parsing and output.
  { folder: 'command-line', folders: ['electron/common'], packages: ['node:', 'zod'] },
  {
    folder: 'database',
    folders: ['electron/common', 'command-line', 'resources/content', 'package.json'],
    packages: ['node:', 'better-sqlite3', 'drizzle-orm', 'zod'],
    // drizzle-kit is the migration generator: only its config file may know of it. age-encryption
    // is the file envelope's: the rest of database/ goes through database/transfer/envelope/.
    files: {
      'database/drizzle.config.ts': ['drizzle-kit'],
      'database/transfer/envelope/age-module.ts': ['age-encryption'],
      'database/transfer/envelope/scrypt-passphrase.ts': ['age-encryption'],
    },
  },
  { folder: 'electron/main', folders: ['electron/common', 'database'], packages: ['electron', 'node:', 'zod'] },
  { folder: 'electron/preload', folders: ['electron/common'], packages: ['electron'] },
  { folder: 'host', folders: ['electron/common', 'database'], packages: ['node:', 'zod'] },
  { folder: 'hub', folders: ['electron/common', 'command-line'], packages: ['node:', 'pg', 'prom-client', 'zod'] },
  // resources/: every folder there is bundled data or pictures (content JSON, content/icons, icons).
  { folder: 'renderer', folders: ['electron/common', 'resources'], packages: ['react', 'react-dom', 'zustand'] },
];

/**
 * Tests run in Node under vitest whatever layer they check: they may use test tooling and the
 * shared fixtures in tests/support, but their folder rules otherwise still hold.
 */
export const TEST_ALLOWANCES = {
  packages: ['vitest', 'node:', 'fast-check', 'better-sqlite3', '@testing-library/'],
  folders: ['tests/support'],
  // The fake Electron modules for main and preload tests.
  byLayer: { 'electron/main': ['electron/test-support'], 'electron/preload': ['electron/test-support'] },
  // Renderer tests reach Node only through tests/support (real files, real backends), never themselves.
  noNodeIn: ['renderer'],
};

const BUILTINS = new Set(builtinModules);

export function isTestFile(rel) {
  return /\.test\.[cm]?tsx?$/.test(rel) || rel.split('/').includes('test-support');
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function within(target, folder) {
  return target === folder || target.startsWith(`${folder}/`);
}

export function layerOf(rel) {
  return [...LAYERS].sort((a, b) => b.folder.length - a.folder.length).find((l) => within(rel, l.folder));
}

/** `node:` for a builtin, `@scope/` or `@scope/name` for scoped packages, else the first segment. */
function packageName(spec) {
  if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(name, allowed) {
  // An entry ending in "/" allows a whole npm scope (e.g. @testing-library/).
  return allowed.some((a) => (a.endsWith('/') ? name.startsWith(a) : name === a));
}

/**
 * Why `spec`, imported from the project file `rel`, breaks the layering; undefined when allowed
 * or when the file is in no layer. Exported for the rule's own tests.
 */
export function violation(rel, spec) {
  const layer = layerOf(rel);
  if (!layer) return undefined;
  const test = isTestFile(rel);
  // Vite-style queries (`?raw`, `?url`) say how to load a file, not which file.
  const bare = spec.replace(/[?#].*$/, '');
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const target = toPosix(path.relative(ROOT, path.resolve(ROOT, path.dirname(rel), bare)));
    const folders = [layer.folder, ...layer.folders, ...(test ? [...TEST_ALLOWANCES.folders, ...(TEST_ALLOWANCES.byLayer[layer.folder] ?? [])] : [])];
    return folders.some((f) => within(target, f)) ? undefined : `${layer.folder} may not reach ${target || '.'}`;
  }
  const name = packageName(bare);
  const testPackages = TEST_ALLOWANCES.noNodeIn.includes(layer.folder) ? TEST_ALLOWANCES.packages.filter((p) => p !== 'node:') : TEST_ALLOWANCES.packages;
  const packages = [...layer.packages, ...(layer.files?.[rel] ?? []), ...(test ? testPackages : [])];
  if (packageAllowed(name, packages)) return undefined;
  return name === 'node:' ? `${layer.folder} may not use Node builtins (${bare})` : `${layer.folder} may not use ${name}`;
}

/** The string a `require('…')`/`import('…')` argument names, when it is a constant. */
function constantString(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports must respect the layering table of DESIGN.md' },
    schema: [],
    messages: { forbidden: 'Layering: "{{spec}}" is not allowed here ({{why}}); see DESIGN.md "Layering".' },
  },
  create(context) {
    const rel = toPosix(path.relative(ROOT, context.filename));
    if (!layerOf(rel)) return {};
    const check = (node, spec) => {
      if (spec === undefined) return;
      const why = violation(rel, spec);
      if (why) context.report({ node, messageId: 'forbidden', data: { spec, why } });
    };
    return {
      // `import … from`, `import 'x'` and `import type`: type-only imports count the same.
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, constantString(node.source)),
      // `typeof import('x')` / `import('x').T` in a type position.
      TSImportType: (node) => check(node.source, node.source.value),
      TSExternalModuleReference: (node) => check(node.expression, constantString(node.expression)),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) check(node.arguments[0], constantString(node.arguments[0]));
      },
    };
  },
};

export default { meta: { name: 'dala-local' }, rules: { layering: layeringRule } };
