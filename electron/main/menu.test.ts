import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../common/contract';
import { buildMenuTemplate, type MenuActions } from './menu';

function actions(): MenuActions & { sent: string[] } {
  const sent: string[] = [];
  return { sent, sendMenuCommand: (c) => sent.push(c), openDataFolder: vi.fn(), showAbout: vi.fn() };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has the usual menus per platform', () => {
    const mac = buildMenuTemplate(actions(), 'darwin', { isPackaged: true });
    const win = buildMenuTemplate(actions(), 'win32', { isPackaged: true });
    expect(mac.map((m) => m.role ?? m.label)).toEqual(['appMenu', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(win.map((m) => m.role ?? m.label)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(flatten(mac).some((i) => i.role === 'close')).toBe(true);
    expect(flatten(win).some((i) => i.role === 'quit')).toBe(true);
  });

  it('has the app’s own items with their shortcuts, each sending its menu command', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate(a, 'linux', { isPackaged: true }));
    const byLabel = (label: string) => items.find((i) => i.label === label);
    expect(byLabel('New learner')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('Import profile…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('Export profile…')?.accelerator).toBe('CmdOrCtrl+E');
    for (const label of ['New learner', 'Import profile…', 'Export profile…', 'Back up…', 'Restore…', 'Educator tools']) click(byLabel(label));
    expect(a.sent).toEqual(['newLearner', 'importProfile', 'exportProfile', 'backup', 'restore', 'educatorTools']);
    expect([...a.sent].sort()).toEqual([...MENU_COMMANDS].sort());
    click(byLabel('Open data folder'));
    expect(a.openDataFolder).toHaveBeenCalledOnce();
    click(byLabel('About DALA Learner Profile'));
    expect(a.showAbout).toHaveBeenCalledOnce();
  });

  it('offers developer tools only in unpackaged builds', () => {
    const has = (isPackaged: boolean) => flatten(buildMenuTemplate(actions(), 'linux', { isPackaged })).some((i) => i.role === 'toggleDevTools');
    expect(has(true)).toBe(false);
    expect(has(false)).toBe(true);
    expect(flatten(buildMenuTemplate(actions(), 'linux', { isPackaged: true })).some((i) => i.role === 'viewMenu')).toBe(false);
  });
});
