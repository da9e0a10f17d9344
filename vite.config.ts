import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// The renderer is a plain static bundle: Electron loads it from file:// and the web bridge serves it from
// a loopback server, so every asset URL must be relative (base './').
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    // Electron 41 ships a current Chromium: keep modern CSS such as light-dark() native instead of
    // lowering it to fallbacks that ignore Mantine's color-scheme switch
    target: 'chrome128',
    cssTarget: 'chrome128',
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    // one bundle loaded from disk (Electron) or loopback: splitting would only add requests, so no size warning
    chunkSizeWarningLimit: 2048,
    emptyOutDir: true,
  },
  // the dev server must reach shared/, which lives outside the renderer root
  server: { fs: { allow: [projectRoot] } },
});
