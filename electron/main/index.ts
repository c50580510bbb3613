import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { runCliProcess } from '../../database/cli/entry';
import { openDatabase } from '../../database/open';
import { launchApp } from './app-lifecycle';
import { cliArguments, runAsCli } from './cli-mode';

// The Electron main process: the app (app-lifecycle.ts), or the `dala` command line with --cli.
const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  void runAsCli(app, cliArgs, runCliProcess);
} else {
  launchApp(
    { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell },
    { argv: process.argv, env: process.env, cwd: process.cwd(), platform: process.platform, mainDir: __dirname, openDatabase },
  );
}
