// ESLint flat config: the recommended JS and TypeScript rules (syntax only, no type-aware linting,
// so `npm run lint` stays fast) plus the project's layering rule (eslint-rules/layering.mjs).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import dala from './eslint-rules/layering.mjs';

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    'out/',
    'dist/',
    'coverage/',
    'test-results/',
    'database/migrations/',
    'e2e/artifacts/',
    'bench/results/',
    'resources/icons/',
    '**/*.json',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    languageOptions: { globals: globals.node },
    plugins: { dala },
    rules: {
      'dala/layering': 'error',
      // House rule: no `any`.
      '@typescript-eslint/no-explicit-any': 'error',
      // The few control-character regexes here are deliberate: they strip or refuse \u0000-\u001f in names.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The renderer runs in a sandboxed browser page; its tests run in Node with jsdom.
    files: ['renderer/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/**/test-support/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/**/test-support/**', 'e2e/**'],
    // e2e: page.evaluate() callbacks run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // CommonJS entry points (bin/, bench/): require() is how they load modules.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
]);
