/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the Vite server forwards /api to query-service (VIGIL_QUERY_SERVICE_URL), as the
// web-ui service does in production, so the browser always talks to one origin.
const queryService = process.env.VIGIL_QUERY_SERVICE_URL ?? 'http://localhost:8013';
const alertService = process.env.VIGIL_ALERT_SERVICE_URL ?? 'http://localhost:8014';

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api/v1/alerting': { target: alertService },
      '/api': { target: queryService },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
