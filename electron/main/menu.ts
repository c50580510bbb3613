import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../../database/data-dir';
import type { MenuCommand } from '../common/contract';

export interface MenuActions {
  /** Sends `ipcEvent('menuCommand')` with the command to the focused DALA window. */
  sendMenuCommand(command: MenuCommand): void;
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** Packaged builds have no developer tools item. */
  isPackaged: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

function command(actions: MenuActions, label: string, menuCommand: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = { id: menuCommand, label, click: () => actions.sendMenuCommand(menuCommand) };
  if (accelerator) item.accelerator = accelerator;
  return item;
}

function fileMenu(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions {
  return {
    label: 'File',
    submenu: [
      command(actions, 'New learner', 'newLearner', 'CmdOrCtrl+N'),
      separator,
      command(actions, 'Import profile…', 'importProfile', 'CmdOrCtrl+O'),
      command(actions, 'Export profile…', 'exportProfile', 'CmdOrCtrl+E'),
      separator,
      command(actions, 'Back up…', 'backup'),
      command(actions, 'Restore…', 'restore'),
      separator,
      command(actions, 'Educator tools', 'educatorTools'),
      { id: 'openDataFolder', label: 'Open data folder', click: () => actions.openDataFolder() },
      separator,
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function viewMenu(options: MenuOptions): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'toggleDevTools' }];
  return {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...developer,
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
}

/**
 * The application menu: the platform's usual menus plus DALA's own items. App items only send a
 * command to the window; the renderer decides what to show.
 */
export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform, options: MenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    fileMenu(actions, platform),
    { role: 'editMenu' },
    viewMenu(options),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ id: 'about', label: `About ${PRODUCT_NAME}`, click: () => actions.showAbout() }],
    },
  ];
}
