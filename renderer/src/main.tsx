import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveDalaBackend } from './api/dala';
import { App } from './App';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';
import './styles/app.css';

const backend = resolveDalaBackend();
const store = createAppStore(backend.api, backend.files);
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
