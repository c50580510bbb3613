#!/usr/bin/env node
'use strict';
// The `dala` command runs the TypeScript sources through tsx, so `npx dala` works right after
// `npm ci` with no build step. Packaged apps run the same code from their bundle.
require('tsx/cjs/api').register();
const { runCli } = require('../database/cli/main.ts');

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dala: unexpected failure: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
