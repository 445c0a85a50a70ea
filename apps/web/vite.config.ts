// Vite build of the Otklik web app: builds to apps/web/dist (served by `otklik serve`), and in dev proxies the API,
// the socket and the health check to the server on 127.0.0.1:3000 so the browser sees one origin, as in production.
// Source maps only in development: a production build publishes no map of the source.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';
const devOrigins = new Set(['http://127.0.0.1:5173', 'http://localhost:5173']);

/** The server accepts state changes only from its own origin: the dev server's page speaks for it. Any other origin
 *  is passed on as it is (and refused by the server). */
const asServerOrigin = {
  target: server,
  changeOrigin: false,
  configure(proxy: {
    on(
      event: string,
      fn: (req: { getHeader(n: string): unknown; setHeader(n: string, v: string): void }) => void,
    ): void;
  }) {
    const rewrite = (proxyReq: { getHeader(n: string): unknown; setHeader(n: string, v: string): void }) => {
      const origin = proxyReq.getHeader('origin');
      if (typeof origin === 'string' && devOrigins.has(origin)) proxyReq.setHeader('origin', server);
    };
    proxy.on('proxyReq', rewrite);
    proxy.on('proxyReqWs', rewrite);
  },
};

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: mode === 'development', chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/trpc': asServerOrigin,
      '/api': asServerOrigin,
      '/healthz': { target: server, changeOrigin: false },
      '/socket.io': { ...asServerOrigin, ws: true },
    },
  },
}));
