// What was profiled and the whole-session figures; with a head session, base and head side by side.
import { el } from "./dom";
import { num } from "./format";
import type { ProfileSession } from "./types";

type Row = [string, (s: ProfileSession) => string];

const rows: Row[] = [
  ["Project", (s) => s.meta.project],
  ["Command", (s) => [s.meta.target_binary, ...(s.meta.args ?? [])].join(" ")],
  ["Started", (s) => (s.meta.start_ts > 0 ? new Date(s.meta.start_ts).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "—")],
  ["Host", (s) => (s.meta.host ? [s.meta.host.os, `${s.meta.host.cores} cores`, s.meta.host.cpu, s.meta.host.runtime].filter(Boolean).join(", ") : "—")],
  ["Git", (s) => (s.meta.git ? `${s.meta.git.sha.slice(0, 12)}${s.meta.git.branch ? ` (${s.meta.git.branch})` : ""}` : "—")],
  ["Exit", (s) => `${s.meta.exit_code ?? "—"}${s.meta.termination ? `, ${s.meta.termination}` : ""}`],
  ["Duration", (s) => `${num(s.summary.duration_s, 2)} s`],
  ["CPU time", (s) => (s.summary.cpu_s === undefined ? "—" : `${num(s.summary.cpu_s, 2)} s`)],
  ["CPU mean / max", (s) => `${num(s.summary.cpu_pct_mean)} % / ${num(s.summary.cpu_pct_max)} %`],
  ["Peak resident", (s) => `${num(s.summary.peak_rss_mb)} MB`],
  ["Peak threads / FDs", (s) => `${num(s.summary.peak_threads, 0)} / ${num(s.summary.peak_fds, 0)}`],
  ["Events", (s) => num(s.summary.event_count, 0)],
  ["RustScope", (s) => `${s.meta.tool_version ?? "—"}${s.meta.sampling_hz ? `, ${num(s.meta.sampling_hz)} Hz` : ""}`],
];

export function renderOverview(container: HTMLElement, base: ProfileSession, head: ProfileSession | null): void {
  const sides = head ? [base, head] : [base];
  const table = el("table", { class: "meta" });
  if (head) table.append(el("thead", {}, el("tr", {}, el("th"), el("th", {}, "base"), el("th", {}, "head"))));
  const body = el("tbody");
  for (const [label, value] of rows) body.append(el("tr", {}, el("th", { scope: "row" }, label), ...sides.map((s) => el("td", {}, value(s)))));
  table.append(body);
  container.replaceChildren(table);

  for (const [i, s] of sides.entries()) {
    const title = head ? ` (${i === 0 ? "base" : "head"})` : "";
    const processes = s.summary.processes ?? [];
    if (processes.length > 0) container.append(el("h3", {}, `Processes${title}`), processTable(s));
    const warnings = s.warnings ?? [];
    if (warnings.length > 0) container.append(el("h3", {}, `Warnings${title}`), el("ul", { class: "warnings" }, ...warnings.map((w) => el("li", {}, w))));
  }
}

function processTable(s: ProfileSession): HTMLTableElement {
  const head = el("tr", {}, ...["PID", "Parent", "Name", "Seen (s)", "CPU max %", "Peak MB", "Threads", "FDs"].map((h) => el("th", {}, h)));
  const body = el("tbody");
  for (const p of s.summary.processes ?? []) {
    const seen = p.first_seen_s === undefined ? "—" : `${num(p.first_seen_s, 2)}–${num(p.last_seen_s, 2)}`;
    body.append(el("tr", {}, ...[String(p.pid), p.ppid === undefined ? "—" : String(p.ppid), p.name, seen, num(p.cpu_pct_max), num(p.peak_rss_mb), num(p.peak_threads, 0), num(p.peak_fds, 0)].map((v) => el("td", {}, v))));
  }
  return el("table", { class: "processes" }, el("thead", {}, head), body);
}
