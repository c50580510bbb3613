import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDalaApi, createDalaEvents } from './bridge';
import { createDalaFiles } from './dropped-files';

// The sandboxed preload: exposes the contract's functions and event subscribers, never ipcRenderer,
// and the path of a dropped file (never its content), which the window passes to openDroppedFile.
contextBridge.exposeInMainWorld('dala', createDalaApi(ipcRenderer));
contextBridge.exposeInMainWorld('dalaEvents', createDalaEvents(ipcRenderer));
contextBridge.exposeInMainWorld('dalaFiles', createDalaFiles(webUtils));
