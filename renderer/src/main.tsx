import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveDalaApi } from './api/dala';
import { App } from './App';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';
import './styles/app.css';

const store = createAppStore(resolveDalaApi());
void store.getState().loadLearners();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
