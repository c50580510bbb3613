#!/usr/bin/env node
'use strict';
// `npm run bench`: runs bench/run.ts through tsx, like bin/dala.cjs runs the CLI.
require('tsx/cjs/api').register();
require('./run.ts').cli();
