import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Where the NestJS server listens during development (`npm run start`). */
const serverOrigin = 'http://localhost:3000';

/**
 * Citizen chat page. `vite build --config web/vite.config.mjs` writes `web/dist/`, which the NestJS server serves;
 * `vite --config web/vite.config.mjs` proxies the socket and the API to the local server.
 * Vite 8 transforms JSX itself (oxc), so no React plugin is needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-dsfr marks components "use client" for Next.js; the directive means nothing in this single-page app.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
  server: {
    proxy: {
      '/socket.io': { target: serverOrigin, ws: true },
      '/api': { target: serverOrigin },
    },
  },
});
