// Builds the browser bundles into the Python package's static folder, with fixed
// file names so the Jinja templates can reference them without a manifest.
import { resolve } from "node:path";
import { defineConfig } from "vite";

const out = resolve(import.meta.dirname, "../src/quaestio/web/static/dist");

export default defineConfig({
  base: "/static/dist/",
  publicDir: false,
  build: {
    outDir: out,
    emptyOutDir: true,
    target: "es2020",
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, "src/app.ts"),
        map: resolve(import.meta.dirname, "src/map.ts"),
        timeline: resolve(import.meta.dirname, "src/timeline.ts"),
        matrix: resolve(import.meta.dirname, "src/matrix.ts"),
      },
      output: {
        entryFileNames: "[name].js",
        chunkFileNames: "chunk-[name].js",
        assetFileNames: "[name][extname]",
      },
    },
  },
});
