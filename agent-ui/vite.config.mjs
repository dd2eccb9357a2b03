import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Build of the officer console. The NestJS server serves `agent-ui/dist` under `/agent/`; in development
 * `vite --config agent-ui/vite.config.mjs` proxies the API and the socket to the server on port 3000.
 * Vite 8 transforms JSX itself (no React plugin, see /work/shared/TOOLCHAIN.md).
 */
const agentUiRoot = fileURLToPath(new URL('.', import.meta.url));
const serverUrl = 'http://localhost:3000';

export default defineConfig({
  root: agentUiRoot,
  base: '/agent/',
  // The DSFR favicons, served from the package rather than copied into the repository.
  publicDir: fileURLToPath(new URL('../node_modules/@codegouvfr/react-dsfr/favicon', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      onLog(level, log, handler) {
        // react-dsfr marks its modules "use client" for Next.js; the directive means nothing in this SPA.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        handler(level, log);
      },
    },
  },
  server: {
    proxy: {
      '/agent/socket.io': { target: serverUrl, ws: true },
      '/api': { target: serverUrl },
    },
  },
});
