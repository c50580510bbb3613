import { contextBridge, ipcRenderer } from 'electron';
import { createDalaApi, createDalaEvents } from './bridge';

// The sandboxed preload: exposes the contract's functions and event subscribers, never ipcRenderer.
contextBridge.exposeInMainWorld('dala', createDalaApi(ipcRenderer));
contextBridge.exposeInMainWorld('dalaEvents', createDalaEvents(ipcRenderer));
