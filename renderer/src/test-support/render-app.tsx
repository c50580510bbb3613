import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
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
  const store = createAppStore(realBackend.api);
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, backend: realBackend };
}
