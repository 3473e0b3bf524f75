// Bundles the page into the two files the C# report embeds: dist/viewer.js (one IIFE) and dist/viewer.css.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning", absWorkingDir: root };

await build({
  ...common,
  entryPoints: ["src/main.ts"],
  outfile: "dist/viewer.js",
  format: "iife",
  target: "es2022",
  platform: "browser",
});
await build({ ...common, entryPoints: ["src/viewer.css"], outfile: "dist/viewer.css" });
