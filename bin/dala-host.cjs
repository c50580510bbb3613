#!/usr/bin/env node
'use strict';
// The browser host: serves the built renderer and the same handlers as the Electron shell on
// 127.0.0.1, for machines where the Electron binary cannot be installed. Runs the TypeScript
// sources through tsx like bin/dala.cjs. Usage: dala-host [--port N] [--data-dir DIR]
const path = require('node:path');
require('tsx/cjs/api').register();
const { runHost, processStopSignal } = require('../host/main.ts');

const io = { stdout: process.stdout, stderr: process.stderr, stopSignal: processStopSignal() };
runHost(process.argv.slice(2), io, { root: path.resolve(__dirname, '..') }).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`dala-host: unexpected failure: ${error && error.message ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
