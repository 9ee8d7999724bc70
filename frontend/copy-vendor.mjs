// Copies files that are served as they are (htmx) from node_modules into the
// built static folder, so nothing is ever loaded from a CDN.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, "../src/quaestio/web/static/dist");
mkdirSync(out, { recursive: true });
copyFileSync(resolve(here, "node_modules/htmx.org/dist/htmx.min.js"), resolve(out, "htmx.min.js"));
writeFileSync(resolve(out, "BUILT"), `${new Date().toISOString()}\n`);
