import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console is served by the gateway at `/` (npm start) or by its own image; it calls /graphql on the same origin.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  // `vite` dev server: API calls go to a platform started with `npm start`.
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } } },
});
