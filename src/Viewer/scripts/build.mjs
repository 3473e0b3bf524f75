// Bundles the page into the two files the C# report embeds: dist/viewer.js (one IIFE) and dist/viewer.css.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
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

// The report inlines both files in <script> and <style>: these sequences would end or unbalance the element early.
for (const [file, bad] of [["dist/viewer.js", /<\/script|<!--|<script/i], ["dist/viewer.css", /<\/style/i]]) {
  if (bad.test(readFileSync(join(root, file), "utf8"))) throw new Error(`${file} contains ${bad}, which would break the inlined report`);
}
