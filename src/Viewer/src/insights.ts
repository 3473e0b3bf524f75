// Heuristics over one session that point at where to look first. Each insight says why it fired (the figure
// and the threshold it crossed) and names the frame to open when there is one.
import type { FrameTable, StackSet, Weight } from "./frames";
import { bytes, nanos, num, pct, weight as formatWeight } from "./format";
import type { CallTree } from "./tree";
import type { ProfileSession } from "./types";

export interface Insight {
  kind: "hot-self" | "recursion" | "alloc-path" | "gc-pressure" | "threadpool-starvation" | "memory-spike" | "profile-outliers" | "diff-slower" | "diff-faster" | "wait-hot";
  title: string;
  why: string;
  /** The function to zoom to, with the weight its figure is in. */
  frame?: string;
  weight?: Weight;
  /** Points at the timeline instead of a frame. */
  timeline?: boolean;
}

export interface Weighed {
  set: StackSet;
  tree: CallTree;
}

const hotShare = 0.05;
const recursionDepth = 8;
const allocPerCall = 1024;
const heapGrowth = { ratio: 1.5, mb: 10 };
const queueLength = 10;

/** `wait`: the waiting stacks with runtime and framework frames merged into their callers. */
export function findInsights(session: ProfileSession, table: FrameTable, cpu: Weighed | null, alloc: Weighed | null, baseCpu: CallTree | null, wait: Weighed | null): Insight[] {
  return [
    ...(baseCpu && cpu ? diffFrames(cpu.tree, baseCpu, table) : []),
    ...(cpu ? hottest(cpu, table) : []),
    ...(wait ? mostWaiting(wait, cpu, table) : []),
    ...(cpu ? recursion(cpu, table) : []),
    ...(alloc ? allocationPaths(alloc, table) : []),
    ...heavyAllocators(session),
    ...gcPressure(session),
    ...threadPool(session),
    ...memorySpikes(session),
    ...outliers(session),
  ];
}

function hottest({ set, tree }: Weighed, table: FrameTable): Insight[] {
  const frames = Array.from(tree.frameSelf.keys()).filter((f) => tree.frameSelf[f] / tree.weight >= hotShare);
  frames.sort((a, b) => tree.frameSelf[b] - tree.frameSelf[a]);
  return frames.slice(0, 3).map((f) => ({
    kind: "hot-self",
    title: `${table.names[f]} is hot in its own code`,
    why: `${pct(tree.frameSelf[f] / tree.weight)} of ${set.unit} have it on top of the stack (self; ${pct(tree.frameTotal[f] / tree.weight)} pass through it), above the ${pct(hotShare, 0)} mark.`,
    frame: table.names[f],
    weight: "cpu",
  }));
}

function mostWaiting({ tree }: Weighed, cpu: Weighed | null, table: FrameTable): Insight[] {
  const f = tree.hottest();
  if (f < 0 || tree.frameSelf[f] / tree.weight < hotShare) return [];
  const running = cpu ? cpu.set.total : 0;
  const share = running + tree.weight > 0 ? tree.weight / (running + tree.weight) : 0;
  return [{
    kind: "wait-hot",
    title: `Most waiting: ${table.names[f]}`,
    why: `${pct(tree.frameSelf[f] / tree.weight)} of the waiting samples wait in it or in the runtime code it calls (framework frames merged into their callers); threads were waiting in ${pct(share)} of all samples.`,
    frame: table.names[f],
    weight: "wait",
  }];
}

function recursion({ set }: Weighed, table: FrameTable): Insight[] {
  const counts = new Int32Array(table.size);
  const deepest = new Int32Array(table.size);
  const weightDeep = new Float64Array(table.size);
  for (let s = 0; s + 1 < set.offsets.length; s++) {
    const from = set.offsets[s], to = set.offsets[s + 1];
    for (let i = from; i < to; i++) counts[set.frames[i]]++;
    for (let i = from; i < to; i++) {
      const f = set.frames[i];
      const c = counts[f];
      if (c === 0) continue;
      if (c >= recursionDepth) weightDeep[f] += set.weights[s];
      if (c > deepest[f]) deepest[f] = c;
      counts[f] = 0;
    }
  }
  const frames = Array.from(deepest.keys()).filter((f) => deepest[f] >= recursionDepth).sort((a, b) => weightDeep[b] - weightDeep[a]);
  return frames.slice(0, 3).map((f) => ({
    kind: "recursion",
    title: `Deep recursion in ${table.names[f]}`,
    why: `It appears ${deepest[f]} times on one stack (${recursionDepth} or more counts as deep); stacks that deep hold ${pct(weightDeep[f] / set.total)} of ${set.unit}.`,
    frame: table.names[f],
    weight: "cpu",
  }));
}

function allocationPaths({ set, tree }: Weighed, table: FrameTable): Insight[] {
  // The heaviest node by its own (not its callees') bytes ends the heaviest allocating path.
  const own = Float64Array.from(tree.total);
  for (let n = 1; n < tree.count; n++) own[tree.parent[n]] -= tree.total[n];
  const nodes = Array.from({ length: tree.count - 1 }, (_, i) => i + 1).sort((a, b) => own[b] - own[a]).slice(0, 2);
  return nodes
    .filter((n) => own[n] / tree.weight >= hotShare)
    .map((n) => {
      const path = tree.pathOf(n).map((f) => table.names[f]);
      return {
        kind: "alloc-path",
        title: `Allocation-heavy path ending in ${path[path.length - 1]}`,
        why: `${path.slice(-3).join(" → ")} allocates ${formatWeight(own[n], set.unit)}, ${pct(own[n] / tree.weight)} of the sampled bytes (above ${pct(hotShare, 0)}).`,
        frame: path[path.length - 1],
        weight: "alloc",
      };
    });
}

function heavyAllocators(session: ProfileSession): Insight[] {
  return (session.functions ?? [])
    .filter((f) => f.source === "instrumented" && (f.alloc_bytes_per_call ?? 0) >= allocPerCall)
    .sort((a, b) => (b.alloc_bytes_per_call ?? 0) - (a.alloc_bytes_per_call ?? 0))
    .slice(0, 3)
    .map((f) => ({
      kind: "alloc-path",
      title: `${f.name} allocates ${bytes(f.alloc_bytes_per_call)} per call`,
      why: `[Profile] measured ${bytes(f.alloc_bytes_per_call)} allocated per call over ${num(f.calls, 0)} calls (${bytes(allocPerCall)} or more is flagged).`,
      frame: f.name,
    }));
}

function gcPressure(session: ProfileSession): Insight[] {
  const samples = session.samples ?? [];
  const found: Insight[] = [];
  const gen2 = samples.reduce((sum, s) => sum + (s.gen2_gcs ?? 0), 0);
  if (gen2 > 0) {
    const all = samples.reduce((sum, s) => sum + (s.gen0_gcs ?? 0) + (s.gen1_gcs ?? 0) + (s.gen2_gcs ?? 0), 0);
    found.push({
      kind: "gc-pressure",
      title: `${num(gen2, 0)} gen 2 collections`,
      why: `Full (gen 2) collections stop the world and walk the whole heap; ${num(gen2, 0)} of ${num(all, 0)} collections over ${num(samples.length, 0)} s were gen 2.`,
      timeline: true,
    });
  }
  const heaps = samples.filter((s) => s.gc_heap_mb !== undefined).map((s) => s.gc_heap_mb!);
  if (heaps.length >= 2) {
    const first = heaps[0], last = heaps[heaps.length - 1];
    if (last - first >= heapGrowth.mb && last >= first * heapGrowth.ratio) {
      found.push({
        kind: "gc-pressure",
        title: `GC heap grew from ${num(first)} MB to ${num(last)} MB`,
        why: `The managed heap ended ${num(last / Math.max(first, 0.001), 1)}× its first reading (flagged above ${heapGrowth.ratio}× and +${heapGrowth.mb} MB): objects outlive collections, or something holds on to them.`,
        timeline: true,
      });
    }
  }
  return found;
}

function threadPool(session: ProfileSession): Insight[] {
  const queue = (session.samples ?? []).filter((s) => s.threadpool_queue_length !== undefined).map((s) => s.threadpool_queue_length!);
  if (queue.length < 3) return [];
  const max = Math.max(...queue);
  const third = Math.max(1, Math.floor(queue.length / 3));
  const early = mean(queue.slice(0, third));
  const late = mean(queue.slice(-third));
  if (max < queueLength || late <= early) return [];
  return [{
    kind: "threadpool-starvation",
    title: `Thread-pool queue grew to ${num(max, 0)} items`,
    why: `Work items waited longer and longer (mean ${num(early)} in the first third, ${num(late)} in the last; flagged from ${queueLength}): blocking calls on pool threads starve it.`,
    timeline: true,
  }];
}

function memorySpikes(session: ProfileSession): Insight[] {
  const events = (session.memory_events ?? []).filter((e) => e.type !== "cpu_spike");
  const instrumented = (session.functions ?? []).filter((f) => (f.recent_outliers?.length ?? 0) > 0);
  const start = session.meta.start_ts;
  return events.slice(0, 5).map((e) => {
    // Only [Profile] outlier timestamps tie a function to a moment; sampled stacks carry no time.
    const near = instrumented.filter((f) => f.recent_outliers!.some((ts) => Math.abs(ts - e.ts) <= 1000)).map((f) => f.name);
    return {
      kind: "memory-spike",
      title: `Memory ${e.type} ${e.delta_mb !== undefined ? `+${num(e.delta_mb)} MB ` : ""}at ${num((e.ts - start) / 1000)} s`,
      why: `${e.location}.${near.length > 0 ? ` Slow [Profile] calls within 1 s: ${near.slice(0, 3).join(", ")}.` : " No function timing is known around it."}`,
      frame: near[0],
      timeline: near.length === 0,
    };
  });
}

function outliers(session: ProfileSession): Insight[] {
  return (session.functions ?? [])
    .filter((f) => (f.outliers ?? 0) > 0)
    .sort((a, b) => (b.outliers ?? 0) - (a.outliers ?? 0))
    .slice(0, 3)
    .map((f) => ({
      kind: "profile-outliers",
      title: `${f.name}: ${num(f.outliers, 0)} outlier calls`,
      why: `[Profile] flagged ${num(f.outliers, 0)} of ${num(f.calls, 0)} calls as far above the running mean (p50 ${nanos(f.latency_ns?.p50)}, p99 ${nanos(f.latency_ns?.p99)}, max ${nanos(f.latency_ns?.max)}).`,
      frame: f.name,
    }));
}

function diffFrames(head: CallTree, base: CallTree, table: FrameTable): Insight[] {
  const change = (f: number) => head.frameTotal[f] / (head.weight || 1) - (f < base.frameTotal.length ? base.frameTotal[f] / (base.weight || 1) : 0);
  const frames = Array.from(head.frameTotal.keys()).filter((f) => Math.abs(change(f)) >= 0.02);
  frames.sort((a, b) => Math.abs(change(b)) - Math.abs(change(a)));
  return frames.slice(0, 3).map((f) => {
    const d = change(f);
    return {
      kind: d > 0 ? "diff-slower" : "diff-faster",
      title: `${table.names[f]} ${d > 0 ? "takes a bigger" : "takes a smaller"} share in head`,
      why: `Its inclusive share went from ${pct(head.frameTotal[f] / (head.weight || 1) - d)} to ${pct(head.frameTotal[f] / (head.weight || 1))} (${d > 0 ? "+" : ""}${num(d * 100, 1)} points; 2 points or more is flagged).`,
      frame: table.names[f],
      weight: "cpu",
    };
  });
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
