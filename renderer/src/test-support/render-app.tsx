import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { App } from '../App';
import { createInProcessApi, type InProcessApi } from '../../../tests/support/in-process-api';
import { createAppStore, type AppStore } from '../store/app-store';
import { StoreProvider } from '../store/store-context';

export interface RenderedWithStore extends RenderResult {
  store: AppStore;
  backend: InProcessApi;
}

/** Renders a component with a store wired to a real database in a temp dir. */
export async function renderWithStore(ui: ReactElement, backend?: InProcessApi): Promise<RenderedWithStore> {
  const realBackend = backend ?? (await createInProcessApi());
  const store = createAppStore(realBackend.api, realBackend.files);
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, backend: realBackend };
}

/** The whole app, started as main.tsx starts it: who is signed in, then the picker's classes and names. */
export async function startApp(backend?: InProcessApi): Promise<RenderedWithStore> {
  const rendered = await renderWithStore(<App />, backend);
  await act(() => rendered.store.getState().startSession());
  return rendered;
}
