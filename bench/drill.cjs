#!/usr/bin/env node
'use strict';
// `npm run drill`: runs bench/drill/run.ts through tsx, like bin/dala.cjs runs the CLI.
require('tsx/cjs/api').register();
require('./drill/run.ts').cli();
