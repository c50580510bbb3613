// Types for Vite's import.meta.glob and `?raw` imports (renderer/tsconfig.json lists no global types).
/// <reference types="vite/client" />
