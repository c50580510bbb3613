#!/usr/bin/env node
'use strict';
// The browser host: serves the built renderer and the same handlers as the Electron shell on
// 127.0.0.1, for machines where the Electron binary cannot be installed. Runs from its bundle
// (out/main/host.js). Usage: dala-host [--port N] [--data-dir DIR]
const path = require('node:path');

const root = path.resolve(__dirname, '..');
let host;
try {
  host = require(path.join(root, 'out', 'main', 'host.js'));
} catch (error) {
  process.stderr.write(`dala-host: the app is not built (${error && error.code ? error.code : 'missing'}): run "npm run build" (npm start does it for you).\n`);
  process.exit(1);
}
host.runHostProcess(process.argv.slice(2), root).then((code) => process.exit(code));
