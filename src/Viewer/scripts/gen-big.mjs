// A synthetic profile at the size the viewer must stay smooth at: 1,000,000 samples over 50,000 distinct stacks
// (5,000 functions, depth 8–40, some deep recursion), plus allocations, per-second samples and [Profile] data.
// Writes /tmp/rustscope-big.html (and, with --diff, /tmp/rustscope-big-diff.html with a changed head). With --origins
// every stack also says its process, thread (of 4 processes × 16 threads) and second, and a third as many waiting stacks
// come beside them: what the split by thread and time and the waiting view cost.
// With --measure the page logs its timings to the console (chromium --enable-logging=stderr).
import { writeFileSync } from "node:fs";
import { reportHtml } from "./shell.mjs";

const args = new Set(process.argv.slice(2));
const sampleCount = 1_000_000;
const stackCount = 50_000;
const functionCount = 5_000;

let seed = 42;
function random() {
  // mulberry32: deterministic, so two runs measure the same profile.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (n) => Math.floor(random() * n);

function frames() {
  const list = [{ name: "Program.Main", module: "App.dll" }, { name: "<img src=x onerror=alert(1)>", module: "App.dll" }];
  const framework = ["System.Collections.Generic.Dictionary`2.FindValue", "System.Linq.Enumerable.ToList", "System.Text.Json.JsonSerializer.Serialize", "Microsoft.Extensions.Logging.Logger.Log", "malloc", "memcpy", "[unknown]"];
  for (const name of framework) list.push({ name, module: name.startsWith("System") || name.startsWith("Microsoft") ? "System.Private.CoreLib.dll" : name === "[unknown]" ? "" : "libc.so.6" });
  while (list.length < functionCount) list.push({ name: `App.Area${pick(40)}.Service${pick(100)}.Method${list.length}`, module: "App.dll" });
  return list;
}

function stacks(frameCount) {
  // Children of a frame come from a small per-frame set, so stacks share prefixes as real ones do.
  const children = (f, i) => 2 + ((f * 7919 + i * 104729) % (frameCount - 2));
  const seen = new Set();
  const list = [];
  while (list.length < stackCount) {
    const depth = 8 + pick(33);
    const stack = [0];
    const recursive = random() < 0.02;
    while (stack.length < depth) {
      const top = stack[stack.length - 1];
      stack.push(recursive && stack.length > 4 ? top : random() < 0.1 ? 2 + pick(7) : children(top, pick(random() < 0.8 ? 3 : 12)));
    }
    const key = stack.join(",");
    if (!seen.has(key)) {
      seen.add(key);
      list.push(stack);
    }
  }
  // Every stack is seen at least once; the rest of the samples go to a skewed few, as in real profiles.
  const weights = new Array(stackCount).fill(1);
  for (let i = stackCount; i < sampleCount; i++) weights[Math.floor(stackCount * Math.pow(random(), 3))]++;
  return list.map((stack, i) => ({ stack, weight: weights[i] }));
}

function session(project, slower) {
  seed = 42; // head is base with one function slower
  const frameList = frames();
  const samples = stacks(frameList.length);
  if (slower) {
    // A function three levels down the heaviest stack gets three times the samples in head.
    const heaviest = samples.reduce((a, b) => (b.weight > a.weight ? b : a));
    for (const s of samples) if (s.stack.includes(heaviest.stack[3])) s.weight *= 3;
  }
  const start = 1_790_000_000_000;
  const seconds = Array.from({ length: 120 }, (_, i) => ({
    ts: start + i * 1000, cpu_pct: 80 + pick(100), heap_mb: 200 + i * 2 + pick(20), threads: 20 + pick(5), fds: 40 + pick(10),
    gc_heap_mb: 50 + i, gen0_gcs: pick(5), gen1_gcs: pick(2), gen2_gcs: i % 30 === 0 ? 1 : 0, threadpool_queue_length: Math.floor(i / 6),
  }));
  const origins = args.has("--origins");
  if (origins) {
    // Each distinct stack is seen in one thread and one second, as the sampler's per-(stack, thread, second) entries.
    for (const [i, s] of samples.entries()) Object.assign(s, { pid: 100 + (i % 4), tid: 1000 + (i % 64), second: i % 120 });
  }
  const threads = Array.from({ length: 64 }, (_, i) => ({ pid: 100 + (i % 4), tid: 1000 + i, name: `Worker ${i}` }));
  const waiting = samples.filter((_, i) => i % 3 === 0).map((s) => ({ ...s, stack: [...s.stack.slice(0, 6), 2] }));
  return {
    schema_version: 1,
    meta: { project, start_ts: start, end_ts: start + 120_000, target_binary: "/usr/bin/dotnet", args: ["App.dll"], exit_code: 0, termination: "exited", host: { os: "Linux", cores: 2 } },
    summary: { duration_s: 120, cpu_s: 150, cpu_pct_mean: 125, cpu_pct_max: 190, peak_rss_mb: 460, peak_threads: 25, peak_fds: 50, event_count: 1, processes: [{ pid: 100, name: "dotnet", peak_rss_mb: 460 }] },
    samples: seconds,
    functions: [{ name: frameList[10].name, source: "instrumented", calls: 100000, latency_ns: { mean: 900, p50: 500, p95: 3000, p99: 9000, max: 2e6, stdev: 400 }, alloc_bytes_per_call: 2048, outliers: 12, recent_outliers: [start + 60_000] }],
    memory_events: [{ ts: start + 60_000, type: "spike", location: "Memory spike: +12.0 MB", delta_mb: 12 }],
    stacks: { unit: "samples", frames: frameList, samples, ...(origins ? { threads } : {}) },
    ...(origins ? { wait_stacks: { unit: "samples", frames: frameList, samples: waiting, threads } } : {}),
    allocations: Array.from({ length: 100 }, (_, i) => ({ type: "System.Byte[]", bytes: 1e6 / (i + 1), count: 100 - i, stack: samples[i * 7].stack.map((f) => frameList[f]) })),
  };
}

const measure = `<script>
new MutationObserver((_, observer) => {
  const html = document.documentElement;
  if (!html.dataset.ready && !html.dataset.error) return;
  observer.disconnect();
  const ready = Math.round(performance.now());
  const v = window.rustscopeViewer;
  const time = (f) => { const t = performance.now(); f(); return Math.round(performance.now() - t); };
  const marks = Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]));
  const hot = v.state().hottest;
  const zoom = time(() => v.zoomTo(hot));
  const search = time(() => { const s = document.querySelector('[data-testid="search"]'); s.value = "Service1"; s.dispatchEvent(new Event("input")); });
  const icicle = time(() => document.querySelector('[data-testid="view-icicle"]').click());
  const flame = time(() => document.querySelector('[data-testid="view-flame"]').click());
  const hide = time(() => document.querySelector('[data-testid="hide-framework"]').click());
  console.log("RUSTSCOPE-TIMINGS " + JSON.stringify({ ready, marks, error: html.dataset.error ?? null, zoom, search, icicle, flameAgain: flame, hide, state: { ...v.state(), visibleFrames: v.state().visibleFrames.length } }));
}).observe(document.documentElement, { attributes: true });
</script>`;

const extra = args.has("--measure") ? measure : "";
const base = session("big", false);
writeFileSync("/tmp/rustscope-big.html", reportHtml({ title: "1,000,000 samples over 50,000 stacks", base, head: null, comparison: null }, extra));
console.log("wrote /tmp/rustscope-big.html");
if (args.has("--diff")) {
  const head = session("big", true);
  writeFileSync("/tmp/rustscope-big-diff.html", reportHtml({ title: "big, base vs head", base, head, comparison: null }, extra));
  console.log("wrote /tmp/rustscope-big-diff.html");
}
