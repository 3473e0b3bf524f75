// The per-second samples as one uPlot chart: CPU on a % axis, memory on an MB axis, counts on a third;
// the .NET series only when the session has them. Memory events are drawn as marked vertical lines. When the stacks
// carry seconds, dragging across the chart selects a range of seconds (without zooming) for the stacks to keep.
import uPlot from "uplot";
import { el } from "./dom";
import { drawMarks } from "./marks";
import type { ProfileSession, Sample } from "./types";

interface SeriesSpec {
  label: string;
  scale: "%" | "MB" | "count";
  color: string;
  value: (s: Sample) => number | undefined;
}

const specs: SeriesSpec[] = [
  { label: "CPU %", scale: "%", color: "#d9480f", value: (s) => s.cpu_pct },
  { label: "Resident MB", scale: "MB", color: "#1971c2", value: (s) => s.heap_mb },
  { label: "GC heap MB", scale: "MB", color: "#5c7cfa", value: (s) => s.gc_heap_mb },
  { label: "Threads", scale: "count", color: "#2f9e44", value: (s) => s.threads },
  { label: "FDs", scale: "count", color: "#868e96", value: (s) => s.fds },
  { label: "GCs", scale: "count", color: "#ae3ec9", value: (s) => (s.gen0_gcs ?? 0) + (s.gen1_gcs ?? 0) + (s.gen2_gcs ?? 0) || (s.gen0_gcs === undefined ? undefined : 0) },
  { label: "Thread-pool queue", scale: "count", color: "#f08c00", value: (s) => s.threadpool_queue_length },
];

export interface Timeline {
  /** Fits the chart to the container's width. */
  fit(): void;
  /** Removes the drawn selection (the range was cleared elsewhere). */
  clearSelection(): void;
}

/** Seconds [from, to] (whole seconds from the start, inclusive) a drag selected. */
export type SelectSeconds = (from: number, to: number) => void;

/** Renders into container; with `onSelect`, a drag across the chart selects seconds instead of zooming. */
export function renderTimeline(container: HTMLElement, session: ProfileSession, title: string, onSelect: SelectSeconds | null): Timeline {
  container.replaceChildren();
  const samples = session.samples ?? [];
  if (samples.length < 2) {
    container.append(el("p", { class: "muted" }, "No per-second samples in this session."));
    return { fit: () => {}, clearSelection: () => {} };
  }
  const start = session.meta.start_ts || samples[0].ts;
  const present = specs.filter((spec) => samples.some((s) => spec.value(s) !== undefined));
  const data: uPlot.AlignedData = [
    samples.map((s) => (s.ts - start) / 1000),
    ...present.map((spec) => samples.map((s) => spec.value(s) ?? null)),
  ];
  const events = (session.memory_events ?? []).map((e) => ({ x: (e.ts - start) / 1000, label: e.type }));
  const width = () => Math.max(300, container.clientWidth);
  const plot = new uPlot(
    {
      title,
      width: width(),
      height: 240,
      scales: { x: { time: false } },
      series: [{ label: "s" }, ...present.map((spec) => ({ label: spec.label, scale: spec.scale, stroke: spec.color, width: 1.5, spanGaps: true }))],
      axes: [
        { label: "seconds" },
        { scale: "%", label: "CPU %" },
        ...(present.some((s) => s.scale === "MB") ? [{ scale: "MB", side: 1 as const, label: "MB", grid: { show: false } }] : []),
        { scale: "count", side: 1 as const, label: "count", grid: { show: false } },
      ],
      ...(onSelect ? { cursor: { drag: { x: true, y: false, setScale: false } } } : {}),
      hooks: {
        draw: [(u: uPlot) => void drawMarks(u, events)],
        ...(onSelect ? { setSelect: [(u: uPlot) => selected(u, onSelect)] } : {}),
      },
    },
    data,
    container,
  );
  if (onSelect) container.append(el("p", { class: "muted hint" }, "Drag across the chart to see only those seconds' stacks."));
  return {
    fit: () => plot.setSize({ width: width(), height: 240 }),
    clearSelection: () => plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false),
  };
}

// A sample's second s covers [s, s + 1): every second the selection touches is kept.
function selected(u: uPlot, onSelect: SelectSeconds): void {
  if (u.select.width < 2) return;
  const a = u.posToVal(u.select.left, "x");
  const b = u.posToVal(u.select.left + u.select.width, "x");
  const from = Math.max(0, Math.floor(a));
  onSelect(from, Math.max(from, Math.ceil(b) - 1));
}
