// Writes a report page the way CONTRACT-22.md fixes it (the C# `rustscope report` writes the same shell), for
// trying the viewer without the .NET build: node scripts/shell.mjs base.json [head.json] [comparison.json] -o out.html
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

export function reportHtml(payload, extraScript = "") {
  const json = JSON.stringify(payload);
  const gzip = json.length > 1_000_000;
  const body = gzip ? gzipSync(Buffer.from(json, "utf8")).toString("base64") : json.replace(/</g, "\\u003c");
  const title = payload.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const css = readFileSync(join(dist, "viewer.css"), "utf8");
  const js = readFileSync(join(dist, "viewer.js"), "utf8");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>RustScope — ${title}</title>
<style>${css}</style></head>
<body><script type="application/json" id="rustscope-data" data-encoding="${gzip ? "gzip-base64" : "json"}">${body}</script>
<script>${js}</script>${extraScript}</body></html>`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.indexOf("-o");
  if (out < 0 || args.length < 3) throw new Error("usage: node scripts/shell.mjs base.json [head.json] [comparison.json] -o out.html");
  const [base, head, comparison] = args.filter((_, i) => i !== out && i !== out + 1).map((f) => JSON.parse(readFileSync(f, "utf8")));
  writeFileSync(args[out + 1], reportHtml({ title: base.meta.project, base, head: head ?? null, comparison: comparison ?? null }));
}
