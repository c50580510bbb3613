// `npm start [-- --browser] [--port N] [--data-dir DIR]`: installs what is missing, builds the app
// when its sources are newer than the bundles in out/, then runs it: in Electron where the binary
// exists, otherwise (or with --browser) in the browser host on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureElectronNativeBinding, NATIVE_BINDING_ENV } from './electron-native.mjs';
import { electronBinaryPath, ensureDependencies, root } from './ensure-deps.mjs';
import freshness from './bundle-freshness.cjs';

const { bundlesAreStale, buildBundles } = freshness;

const USAGE = 'npm start -- [--browser] [--port N] [--data-dir DIR]';

/** --browser is ours; everything else goes to the app (Electron may also get a .dalaprofile path). */
function parseStartArguments(argv) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { browser: { type: 'boolean' }, port: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    const forwarded = [];
    if (values.port !== undefined) forwarded.push('--port', values.port);
    if (values['data-dir'] !== undefined) forwarded.push('--data-dir', values['data-dir']);
    return { browser: values.browser === true, forwarded, positionals };
  } catch (error) {
    console.error(`npm start: ${error.message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s+/g, ' ').trim()}. Usage: ${USAGE}`);
    process.exit(2);
  }
}

function buildIfStale() {
  if (!bundlesAreStale(root)) return;
  console.log('Building the app…');
  const failure = buildBundles(root, spawnSync);
  if (failure) {
    console.error(`npm start: ${failure}`);
    process.exit(1);
  }
}

/** Runs a child with the terminal, passes Ctrl-C / SIGTERM on, and exits with its code. */
function runChild(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: process.cwd(), stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`npm start: could not start ${path.basename(command)} (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await ensureDependencies();
const { browser, forwarded, positionals } = parseStartArguments(process.argv.slice(2));
buildIfStale();
const host = () => runChild(process.execPath, [path.join(root, 'bin', 'dala-host.cjs'), ...forwarded, ...positionals]);
if (browser) {
  host();
} else {
  const electron = electronBinaryPath();
  // Electron needs better-sqlite3 built for its own ABI; node_modules keeps the Node build for the
  // CLI and tests, so the Electron build is made beside it and passed in an environment variable.
  let nativeBinding;
  if (electron) {
    try {
      nativeBinding = ensureElectronNativeBinding({ electronBinary: electron });
    } catch (error) {
      console.error(error.message);
      console.log('The database module for Electron could not be prepared, so DALA starts in the browser host instead (open the address below).');
    }
  }
  if (electron && nativeBinding) {
    runChild(electron, [root, ...forwarded, ...positionals], { ...process.env, [NATIVE_BINDING_ENV]: nativeBinding });
  } else if (electron) {
    host();
  } else {
    console.log('Electron is not installed on this machine, so DALA starts in the browser host instead (open the address below).');
    host();
  }
}
