// Vite build of the Otklik web app: builds to apps/web/dist (served by `otklik serve`), and in dev proxies the API,
// the socket and the health check to the server on 127.0.0.1:3000 so the browser sees one origin, as in production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/trpc': { target: server, changeOrigin: false },
      '/api': { target: server, changeOrigin: false },
      '/healthz': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
    },
  },
});
