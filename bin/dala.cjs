#!/usr/bin/env node
'use strict';
// The `dala` command: runs the CLI from its bundle (out/main/cli.js, built by `npm run build`), with
// production dependencies only; `dala hub …` runs the school hub's bundle (out/main/hub.js) instead.
// In a checkout it builds first when the sources are newer.
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
let freshness;
try {
  freshness = require('../scripts/bundle-freshness.cjs');
} catch {
  // An installed copy without scripts/: the bundle is all there is.
}
if (freshness && freshness.bundlesAreStale(root)) {
  process.stderr.write('dala: building the app first (its sources changed)…\n');
  const failure = freshness.buildBundles(root, spawnSync);
  if (failure) {
    process.stderr.write(`dala: ${failure}\n`);
    process.exit(1);
  }
}
const argv = process.argv.slice(2);
const isHub = argv[0] === 'hub';
const bundle = isHub ? 'hub.js' : 'cli.js';
let cli;
try {
  cli = require(path.join(root, 'out', 'main', bundle));
} catch (error) {
  process.stderr.write(`dala: the command line is not built (${error && error.code ? error.code : 'missing'}): run "npm run build".\n`);
  process.exit(1);
}
(isHub ? cli.runHubCliProcess(argv.slice(1)) : cli.runCliProcess(argv)).then((code) => {
  process.exitCode = code;
});
