// The functions table: sampled self/total shares from the current view joined with the [Profile] figures by name.
// Sorting re-renders only the first rows; a 50,000-function profile would otherwise build 50,000 rows.
import { el } from "./dom";
import { bytes, nanos, num, pct } from "./format";
import type { FrameTable } from "./frames";
import type { CallTree } from "./tree";
import type { FunctionProfile } from "./types";

export interface FunctionRow {
  name: string;
  self?: number;
  total?: number;
  calls?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  alloc?: number;
  outliers?: number;
  /** Differential reports: the change of the total share against base, in share (0.01 = 1 point). */
  change?: number;
  /** The CPU view of a session with waiting stacks: the share of the waiting samples through the function. */
  wait?: number;
  /** Whether the flamegraph has the function, so a click can zoom to it. */
  drawn: boolean;
}

type Key = "self" | "total" | "change" | "wait" | "calls" | "p50" | "p95" | "p99" | "alloc" | "outliers";

const columns: { key: Key | "name"; label: string; show: (r: FunctionRow) => string }[] = [
  { key: "name", label: "Function", show: (r) => r.name },
  { key: "self", label: "Self", show: (r) => (r.self === undefined ? "—" : pct(r.self)) },
  { key: "total", label: "Total", show: (r) => (r.total === undefined ? "—" : pct(r.total)) },
  { key: "change", label: "Δ total", show: (r) => (r.change === undefined ? "—" : `${r.change >= 0 ? "+" : ""}${num(r.change * 100, 2)} pts`) },
  { key: "wait", label: "Waiting", show: (r) => (r.wait === undefined ? "—" : pct(r.wait)) },
  { key: "calls", label: "Calls", show: (r) => num(r.calls, 0) },
  { key: "p50", label: "p50", show: (r) => nanos(r.p50) },
  { key: "p95", label: "p95", show: (r) => nanos(r.p95) },
  { key: "p99", label: "p99", show: (r) => nanos(r.p99) },
  { key: "alloc", label: "Alloc/call", show: (r) => bytes(r.alloc) },
  { key: "outliers", label: "Outliers", show: (r) => num(r.outliers, 0) },
];

const shownRows = 300;

/**
 * Rows for the current view; with `base`, each function's change of total share against it; with `wait` (the waiting
 * stacks beside a CPU view), each function's share of the waiting samples. `whole` when the view is all of the
 * session's CPU or allocation stacks, so the session's own shares may fill in where stacks are missing.
 */
export function functionRows(tree: CallTree | null, table: FrameTable, functions: FunctionProfile[], base: CallTree | null, whole: boolean, wait: CallTree | null = null): FunctionRow[] {
  const rows = new Map<string, FunctionRow>();
  if (tree) {
    const weight = tree.weight || 1;
    const baseWeight = base?.weight || 1;
    for (let f = 0; f < tree.frameTotal.length; f++) {
      if (tree.frameTotal[f] <= 0) continue;
      const change = base ? tree.frameTotal[f] / weight - base.frameTotal[f] / baseWeight : undefined;
      rows.set(table.names[f], { name: table.names[f], self: tree.frameSelf[f] / weight, total: tree.frameTotal[f] / weight, change, drawn: true });
    }
  }
  if (wait && wait.weight > 0) {
    for (let f = 0; f < wait.frameTotal.length; f++) {
      if (wait.frameTotal[f] <= 0) continue;
      const name = table.names[f];
      const row = rows.get(name) ?? { name, drawn: false };
      row.wait = wait.frameTotal[f] / wait.weight;
      rows.set(name, row);
    }
  }
  for (const fn of functions) {
    const frame = table.resolve(fn.name);
    const row = rows.get(fn.name) ?? (frame === undefined ? undefined : rows.get(table.names[frame])) ?? { name: fn.name, drawn: false };
    // Sampled entries repeat what the stacks say; their shares only fill in when there are no stacks.
    if (whole) {
      row.self ??= fn.self_pct === undefined ? undefined : fn.self_pct / 100;
      row.total ??= fn.total_pct === undefined ? undefined : fn.total_pct / 100;
    }
    row.calls = fn.calls ?? row.calls;
    row.p50 = fn.latency_ns?.p50;
    row.p95 = fn.latency_ns?.p95;
    row.p99 = fn.latency_ns?.p99;
    row.alloc = fn.alloc_bytes_per_call;
    row.outliers = fn.outliers;
    rows.set(row.name, row);
  }
  return [...rows.values()];
}

export class FunctionsTable {
  private rows: FunctionRow[] = [];
  private key: Key = "self";
  private readonly table = el("table", { "data-testid": "functions", class: "functions" });
  private readonly note = el("p", { class: "muted" });

  constructor(container: HTMLElement, private readonly onSelect: (name: string) => void, private readonly onFocus: (name: string) => void) {
    container.replaceChildren(this.table, this.note);
  }

  update(rows: FunctionRow[]): void {
    this.rows = rows;
    this.render();
  }

  private sortBy(key: Key): void {
    this.key = key;
    this.render();
  }

  private render(): void {
    const key = this.key;
    const shown = columns.filter((c) => (c.key !== "change" && c.key !== "wait") || this.rows.some((r) => r[c.key as "change" | "wait"] !== undefined));
    const sorted = [...this.rows].sort((a, b) => (b[key] ?? -1) - (a[key] ?? -1) || a.name.localeCompare(b.name)).slice(0, shownRows);
    const head = el("tr", {}, ...shown.map((c) => {
      if (c.key === "name") return el("th", {}, c.label);
      const sortKey = c.key;
      const th = el("th", { class: "sortable num", "aria-sort": sortKey === key ? "descending" : "none", title: `Sort by ${c.label}` }, c.label);
      th.addEventListener("click", () => this.sortBy(sortKey));
      return th;
    }), el("th"));
    const body = el("tbody");
    for (const row of sorted) {
      const tr = el("tr", { class: row.drawn ? "drawn" : "" }, ...shown.map((c) => el("td", { class: c.key === "name" ? "name" : "num" }, c.show(row))));
      const focus = el("button", { type: "button", class: "small", title: "Show only the stacks through this function" }, "Focus");
      focus.disabled = !row.drawn;
      focus.addEventListener("click", (e) => {
        e.stopPropagation();
        this.onFocus(row.name);
      });
      tr.append(el("td", {}, focus));
      tr.addEventListener("click", () => this.onSelect(row.name));
      body.append(tr);
    }
    this.table.replaceChildren(el("thead", {}, head), body);
    this.note.textContent = this.rows.length > shownRows ? `The first ${shownRows} of ${num(this.rows.length, 0)} functions.` : "";
  }
}
