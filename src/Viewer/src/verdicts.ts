// The comparison's verdicts, one row per metric, as `rustscope compare` judged them.
import { el } from "./dom";
import { num, pct } from "./format";
import type { ComparisonResult, MetricResult } from "./types";

const columns = ["Target", "Subject", "Metric", "Verdict", "Base", "Head", "Change", "CI", "p", "Why"];

export function renderVerdicts(container: HTMLElement, comparison: ComparisonResult): void {
  const body = el("tbody");
  for (const target of comparison.targets) {
    for (const m of target.metrics) {
      body.append(el("tr", { class: `verdict-${m.verdict}` },
        el("td", {}, target.name),
        el("td", {}, m.subject ?? m.kind),
        el("td", {}, m.metric),
        el("td", { class: "verdict" }, m.verdict.replace(/_/g, " ")),
        el("td", { class: "num" }, value(m.baseline_value, m)),
        el("td", { class: "num" }, value(m.head_value, m)),
        el("td", { class: "num" }, change(m.change)),
        el("td", { class: "num" }, m.change_ci_low == null || m.change_ci_high == null ? "—" : `${change(m.change_ci_low)} … ${change(m.change_ci_high)}`),
        el("td", { class: "num" }, m.p_value == null ? "—" : m.p_value.toPrecision(2)),
        el("td", {}, m.reason ?? "")));
    }
  }
  const table = el("table", { "data-testid": "verdicts", class: "verdicts" }, el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", {}, c)))), body);
  container.replaceChildren(table);
  for (const w of comparison.warnings ?? []) container.append(el("p", { class: "warning" }, w));
}

function value(v: number | null | undefined, m: MetricResult): string {
  return v == null ? "—" : `${num(v, Math.abs(v) >= 100 ? 0 : 3)} ${m.unit}`;
}

function change(c: number | null | undefined): string {
  return c == null ? "—" : `${c > 0 ? "+" : ""}${pct(c)}`;
}
