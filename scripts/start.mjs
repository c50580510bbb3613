// `npm start`: installs what is missing, then runs the app's main job on the default database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';

await ensureDependencies();
const args = process.argv.slice(2);
const dala = (...words) => spawnSync(process.execPath, [path.join(root, 'bin', 'dala.cjs'), ...args, ...words], { cwd: process.cwd(), stdio: 'inherit' });
const status = dala('db', 'migrate');
if (status.status !== 0) process.exit(status.status ?? 1);
const result = dala('db', 'status');
console.log(`
Use the command line on this database with: npx dala [--data-dir DIR] COMMAND   (npx dala --help lists them)
  npx dala learners create --name "Ada"     npx dala seed --learners 5     npx dala stats     npx dala verify`);
process.exit(result.status ?? 0);
