// The trend page (`rustscope history trend --html`): per metric, a uPlot line of its value over commits with each
// change point drawn as a dashed line at the first commit of the new level, and a table of the change points. Commit
// hashes and names come from the history store and go through textContent only (el) or canvas fillText.
import uPlot from "uplot";
import { el } from "./dom";
import { num } from "./format";
import { drawMarks } from "./marks";
import type { MetricTrend, TrendPayload } from "./types";

/** What the trend page's test reads: per chart, the change points drawn and where (canvas pixels). */
export interface TrendState {
  charts: { metric: string; points: number; marked: { index: number; x: number; y: number }[] }[];
}

/** Whether embedded data is a trend page's rather than a profile report's. */
export function isTrendPayload(value: unknown): value is TrendPayload {
  return typeof value === "object" && value !== null && Array.isArray((value as Partial<TrendPayload>).trends);
}

export function renderTrends(root: HTMLElement, payload: TrendPayload): TrendState {
  const state: TrendState = { charts: [] };
  root.append(el("header", {}, el("h1", {}, payload.title)));
  if (payload.trends.length === 0) root.append(el("p", { class: "muted" }, "No metric history to show."));
  const fits: (() => void)[] = [];
  payload.trends.forEach((trend, i) => fits.push(renderTrend(root, trend, i, state)));
  window.addEventListener("resize", () => fits.forEach((fit) => fit()));
  return state;
}

function renderTrend(root: HTMLElement, trend: MetricTrend, ordinal: number, state: TrendState): () => void {
  const heading = trend.target ? `${trend.metric} — ${trend.target}` : trend.metric;
  const chartHost = el("div", { "data-testid": "trend-chart", class: "timeline" });
  const section = el("section", { class: "card", "data-testid": "trend", "data-metric": trend.metric },
    el("h2", {}, `${heading} (${trend.unit})`), chartHost, changeTable(trend));
  root.append(section);
  const chart = { metric: trend.metric, points: trend.points.length, marked: [] as TrendState["charts"][number]["marked"] };
  state.charts.push(chart);
  if (trend.points.length === 0) {
    chartHost.append(el("p", { class: "muted" }, "No commits in this metric's history."));
    return () => {};
  }

  const short = (i: number) => trend.points[i]?.commit.slice(0, 8) ?? "";
  const data: uPlot.AlignedData = [trend.points.map((_, i) => i), trend.points.map((p) => p.value)];
  const width = () => Math.max(300, chartHost.clientWidth);
  const plot = new uPlot(
    {
      width: width(),
      height: 260,
      scales: { x: { time: false } },
      series: [
        { label: "commit", value: (_u, v) => (v === null ? "—" : `${short(v)} (#${v})`) },
        { label: `${trend.metric} (${trend.unit})`, stroke: "#1971c2", width: 1.5, points: { show: true, size: 4 } },
      ],
      axes: [
        { label: "commit", values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? short(t) : "")) },
        { label: trend.unit },
      ],
      hooks: { draw: [(u: uPlot) => drawChangePoints(u, trend, chart.marked)] },
    },
    data,
    chartHost,
  );
  chartHost.dataset.chart = String(ordinal);
  return () => plot.setSize({ width: width(), height: 260 });
}

function changeTable(trend: MetricTrend): HTMLElement {
  if (trend.change_points.length === 0) {
    return el("p", { "data-testid": "change-points", class: "muted" }, "No change point: no step in this history stood out from its noise.");
  }
  const rows = trend.change_points.map((c) =>
    el("tr", { "data-testid": "change-point", "data-index": String(c.index) },
      el("td", { class: "name" }, c.commit),
      el("td", { class: "num" }, `${num(c.before, 3)} → ${num(c.after, 3)}`),
      el("td", { class: "num" }, relative(c.relative_change)),
      el("td", { class: "num" }, `${relative(c.relative_change_low)} … ${relative(c.relative_change_high)}`),
      el("td", { class: "num" }, num(c.p_value, 3))));
  return el("div", { class: "scroll" },
    el("table", { "data-testid": "change-points", class: "functions" },
      el("thead", {}, el("tr", {},
        el("th", {}, "First commit of the new level"), el("th", { class: "num" }, `Before → after (${trend.unit})`),
        el("th", { class: "num" }, "Step"), el("th", { class: "num" }, "95 % interval"), el("th", { class: "num" }, "p"))),
      el("tbody", {}, ...rows)));
}

function relative(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)} %`;
}

// A dashed red line where each new level starts, labelled with the commit and the step; where each was drawn is kept
// (CSS pixels, a third of the way down the line, clear of the label) for the test to sample the canvas there.
function drawChangePoints(u: uPlot, trend: MetricTrend, marked: TrendState["charts"][number]["marked"]): void {
  const marks = trend.change_points.map((c) => ({ x: c.index, label: `${c.commit.slice(0, 8)} ${relative(c.relative_change)}` }));
  const drawn = drawMarks(u, marks, 2);
  marked.length = 0;
  for (const { mark, x, top, bottom } of drawn) {
    marked.push({ index: mark.x, x: x / devicePixelRatio, y: (top + ((bottom - top) * 2) / 3) / devicePixelRatio });
  }
}
