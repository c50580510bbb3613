import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveDalaApi } from './api/dala';
import { App } from './App';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';
import './styles/app.css';

const store = createAppStore(resolveDalaApi());
// Who is signed in (a reload carries on as them) and the picker's classes and names.
void store.getState().startSession();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
