// `npm run security:scan` (and a step of `npm test`): Electronegativity, Doyensec's static checker
// for Electron misconfigurations, over the app's own sources (electron/ and renderer/, TypeScript
// and HTML; tests and test helpers left out). Offline: its two network calls (fresh translations,
// Electron's release list) are replaced by a stub, and the release-list check is not run.
//
// The step fails on:
//   - a finding above INFORMATIONAL that is not explained, or a source file it could not parse;
//   - an `eng-disable` comment without a reason. Electronegativity's own inline switch
//     (`// eng-disable CHECK_ID` on the flagged line, or on line 1 for the whole file) is allowed
//     only with a justification after a colon: `// eng-disable CHECK_ID: why this is safe`;
//   - an entry of the allow-list (e2e/electronegativity-allow.json) that no longer matches a
//     finding, or has no real justification. The allow-list is for findings where a comment
//     cannot sit next to the code (an HTML meta tag owned by the renderer, package.json): each
//     entry names the check, the file, text of the flagged line, and why it is safe.
//
//   node scripts/electronegativity.mjs [--root DIR] [--allow FILE]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED_DIRS = ['electron', 'renderer'];
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|html?)$/i;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'test-support', '__tests__', 'dist', 'out']);
// Downloads Electron's release list from GitHub: meaningless offline, and Electron is pinned.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const MIN_JUSTIFICATION = 30;

function parseArgs(argv) {
  const options = { root: projectRoot, allow: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root' && argv[i + 1]) options.root = path.resolve(argv[++i]);
    else if (arg === '--allow' && argv[i + 1]) options.allow = path.resolve(argv[++i]);
    else {
      console.error(`electronegativity: unknown argument ${arg}. Usage: node scripts/electronegativity.mjs [--root DIR] [--allow FILE]`);
      process.exit(2);
    }
  }
  options.allow ??= path.join(options.root, 'e2e', 'electronegativity-allow.json');
  return options;
}

function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(path.relative(root, full));
      }
    }
  };
  for (const dir of SCANNED_DIRS) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return files.sort();
}

/** Keeps Electronegativity off the network: `got` rejects at once. */
function stubNetwork(require) {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: Electronegativity runs without the network in DALA'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] };
}

/** Runs Electronegativity on a staged copy holding only the scanned files (and package.json). */
async function runScan(root, files) {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  stubNetwork(require);
  process.env.LANG = 'en-US';
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-electronegativity-'));
  try {
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(stage, file));
    }
    if (fs.existsSync(path.join(root, 'package.json'))) fs.copyFileSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
    const run = require('@doyensec/electronegativity');
    const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    const quietLog = console.log;
    // Its translation loader prints a line when (as always here) it cannot download translations.
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args);
    };
    let result;
    try {
      result = await run({ input: stage, customScan: [], excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [], electronVersionOverride: electronVersion }, false);
    } finally {
      console.log = quietLog;
    }
    const relative = (file) => (file === 'N/A' ? file : path.relative(stage, file).split(path.sep).join('/'));
    return {
      checks: result.globalChecks + result.atomicChecks,
      electronVersion,
      errors: result.errors.map((e) => ({ ...e, file: relative(e.file) })),
      issues: result.issues.map((i) => ({ id: i.id, file: relative(i.file), line: i.location?.line ?? 0, severity: i.severity.name, value: i.severity.value, sample: i.sample ?? '', description: i.description, url: i.shortenedURL })),
    };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

function loadAllowList(file) {
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data.allow)) throw new Error(`${file}: expected {"allow": [...]}`);
  return data.allow;
}

/** `eng-disable` comments in the scanned sources; each must give a reason after a colon. */
function bareDisables(root, files) {
  const problems = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable\b(.*)$/i.exec(line);
      if (!match) return;
      const reason = /^[\w \t,]*:(.*)$/.exec(match[1] ?? '')?.[1]?.replace(/\*\/|-->/g, '').trim() ?? '';
      if (reason.length < MIN_JUSTIFICATION) problems.push(`${file}:${index + 1}: eng-disable without a reason (write "eng-disable CHECK_ID: why it is safe", ${MIN_JUSTIFICATION}+ characters)`);
    });
  }
  return problems;
}

export function evaluate(scan, allowList) {
  const problems = [];
  const used = new Set();
  const explained = [];
  for (const [index, entry] of allowList.entries()) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.line !== 'string' || typeof entry.justification !== 'string') {
      problems.push(`allow-list entry ${index + 1}: needs "check", "file", "line" (text of the flagged line) and "justification"`);
    } else if (entry.justification.trim().length < MIN_JUSTIFICATION) {
      problems.push(`allow-list entry ${index + 1} (${entry.check} in ${entry.file}): the justification is too short to explain anything`);
    }
  }
  for (const issue of scan.issues) {
    if (issue.value <= 0) continue; // INFORMATIONAL
    const index = allowList.findIndex((e) => e.check === issue.id && e.file === issue.file && typeof e.line === 'string' && issue.sample.includes(e.line) && (e.justification ?? '').trim().length >= MIN_JUSTIFICATION);
    if (index === -1) {
      problems.push(`${issue.severity} ${issue.id} ${issue.file}:${issue.line}: ${issue.description} (${issue.url})\n      ${issue.sample.slice(0, 200)}`);
    } else {
      used.add(index);
      explained.push(`${issue.severity} ${issue.id} ${issue.file}:${issue.line}: allowed: ${allowList[index].justification}`);
    }
  }
  allowList.forEach((entry, index) => {
    if (!used.has(index)) problems.push(`allow-list entry ${index + 1} (${entry.check} in ${entry.file}) matches no finding any more: remove it`);
  });
  for (const error of scan.errors) {
    if (!error.tolerable) problems.push(`could not parse ${error.file}: ${error.message} (it was not scanned)`);
  }
  return { problems, explained };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = sourceFiles(options.root);
  if (files.length === 0) {
    console.error(`electronegativity: no sources found under ${SCANNED_DIRS.join('/, ')}/ in ${options.root}`);
    process.exit(1);
  }
  const scan = await runScan(options.root, files);
  const allowList = loadAllowList(options.allow);
  const { problems, explained } = evaluate(scan, allowList);
  problems.push(...bareDisables(options.root, files));
  const informational = scan.issues.filter((i) => i.value <= 0);
  console.log(`Electronegativity: ${files.length} files, ${scan.checks} checks, Electron ${scan.electronVersion} (offline; ${EXCLUDED_CHECKS.join(', ')} not run).`);
  for (const issue of informational) console.log(`  info ${issue.id} ${issue.file}:${issue.line}: ${issue.description}`);
  for (const line of explained) console.log(`  ${line}`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} unexplained ${problems.length === 1 ? 'problem' : 'problems'}: fix the code, or justify it next to the code ("// eng-disable CHECK_ID: why") or in ${path.relative(options.root, options.allow)}:`);
    for (const problem of problems) console.log(`  ${problem}`);
    process.exit(1);
  }
  console.log('Electronegativity: nothing above informational is left unexplained.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
