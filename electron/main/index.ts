import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { openDatabase } from '../../database/open';
import { launchApp } from './app-lifecycle';

// The Electron main process: all logic lives in app-lifecycle.ts and the modules it wires up.
launchApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell },
  { argv: process.argv, env: process.env, cwd: process.cwd(), platform: process.platform, mainDir: __dirname, openDatabase },
);
