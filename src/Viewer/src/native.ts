// The native allocations of `run --track-alloc`: totals, and the top sites by bytes, by calls and by leaked bytes.
// Function names and paths come from the profiled program: they reach the page as text only (el, never markup).
import { el } from "./dom";
import { bytes, num } from "./format";
import type { NativeAllocationProfile, NativeAllocationSite, ProfileSession } from "./types";

const shownSites = 20;

interface Table {
  testid: string;
  title: string;
  rank: (s: NativeAllocationSite) => number;
}

const tables: Table[] = [
  { testid: "native-by-bytes", title: "Top sites by bytes allocated", rank: (s) => s.bytes },
  { testid: "native-by-count", title: "Top sites by allocation calls", rank: (s) => s.count },
  { testid: "native-leaks", title: "Leaks: blocks never freed, by bytes", rank: (s) => s.leaked_bytes ?? 0 },
];

/** Fills `container` with each side's native allocations; returns false when no side has any. */
export function renderNative(container: HTMLElement, sides: { label: string; session: ProfileSession }[]): boolean {
  const shown = sides.filter((s) => s.session.native_allocations);
  container.replaceChildren(...shown.flatMap(({ label, session }) => sideOf(label, session.native_allocations!)));
  return shown.length > 0;
}

function sideOf(label: string, native: NativeAllocationProfile): HTMLElement[] {
  const title = label ? ` (${label})` : "";
  const summary = el("p", { "data-testid": "native-summary" },
    `${bytes(native.allocated_bytes)} in ${num(native.allocations, 0)} allocations, ${num(native.frees, 0)} frees; `,
    `peak live ${bytes(native.peak_live_bytes)}; leaked ${bytes(native.leaked_bytes)} in ${num(native.leaked_blocks, 0)} blocks; `,
    `${num(native.processes, 0)} program ${native.processes === 1 ? "image" : "images"}.`);
  const parts: HTMLElement[] = [el("h3", {}, `Totals${title}`), summary];
  if (native.dropped > 0) {
    parts.push(el("p", { class: "error", "data-testid": "native-dropped" },
      `${num(native.dropped, 0)} dropped events (the shim drops rather than block when the pipe to RustScope is full): totals, live bytes and leaks are incomplete.`));
  }
  for (const table of tables) {
    const sites = native.sites.filter((s) => table.rank(s) > 0).sort((a, b) => table.rank(b) - table.rank(a)).slice(0, shownSites);
    parts.push(el("h3", {}, `${table.title}${title}`));
    parts.push(sites.length > 0 ? siteTable(table.testid, sites) : el("p", { class: "muted", "data-testid": table.testid }, "None."));
  }
  return parts;
}

function siteTable(testid: string, sites: NativeAllocationSite[]): HTMLTableElement {
  const head = el("tr", {}, ...["Function", "Module", "Location", "Bytes", "Calls", "Leaked", "At peak"].map((h) => el("th", {}, h)));
  const body = el("tbody");
  for (const s of sites) {
    const cells = [s.function, s.module ?? "—", s.location ?? "—", bytes(s.bytes), num(s.count, 0), bytes(s.leaked_bytes ?? 0), bytes(s.peak_live_bytes ?? 0)];
    body.append(el("tr", { title: (s.stack ?? []).map((f) => f.name).join(" › ") }, ...cells.map((v, i) => el("td", i === 0 ? { class: "name" } : {}, v))));
  }
  return el("table", { class: "functions", "data-testid": testid }, el("thead", {}, head), body);
}
