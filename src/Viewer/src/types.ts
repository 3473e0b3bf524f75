// The shapes the page reads: the session RustScope writes (docs/session.md) and `compare --json`'s result.
// Only what the page uses is typed; every field beyond the required ones may be missing.

export interface Payload {
  title: string;
  base: ProfileSession;
  head: ProfileSession | null;
  comparison: ComparisonResult | null;
}

export interface ProfileSession {
  schema_version: number;
  meta: Meta;
  summary: Summary;
  samples?: Sample[];
  functions?: FunctionProfile[];
  memory_events?: MemoryEvent[];
  stacks?: StackProfile;
  /** Stacks of threads that were waiting when sampled, apart from the CPU stacks. */
  wait_stacks?: StackProfile;
  allocations?: AllocationSite[];
  /** `run --track-alloc`: the C allocator's totals and sites. */
  native_allocations?: NativeAllocationProfile;
  warnings?: string[];
}

export interface Meta {
  project: string;
  start_ts: number;
  end_ts?: number;
  target_binary: string;
  args?: string[];
  pid?: number;
  exit_code?: number;
  termination?: string;
  tool_version?: string;
  sampling_hz?: number;
  host?: { os: string; cores: number; kernel?: string; cpu?: string; runtime?: string };
  git?: { sha: string; branch?: string };
}

export interface Summary {
  duration_s: number;
  cpu_s?: number;
  cpu_pct_mean: number;
  cpu_pct_max: number;
  peak_rss_mb: number;
  peak_threads: number;
  peak_fds: number;
  event_count: number;
  processes?: ProcessPeaks[];
}

export interface ProcessPeaks {
  pid: number;
  ppid?: number;
  name: string;
  first_seen_s?: number;
  last_seen_s?: number;
  cpu_pct_max?: number;
  peak_rss_mb?: number;
  peak_threads?: number;
  peak_fds?: number;
}

export interface Sample {
  ts: number;
  cpu_pct: number;
  heap_mb: number;
  threads: number;
  fds?: number;
  gc_heap_mb?: number;
  gen0_gcs?: number;
  gen1_gcs?: number;
  gen2_gcs?: number;
  threadpool_queue_length?: number;
}

export interface Latency {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface FunctionProfile {
  name: string;
  module?: string;
  calls?: number;
  self_pct?: number;
  total_pct?: number;
  wait_pct?: number;
  latency_ns?: Latency;
  alloc_bytes_per_call?: number;
  outliers?: number;
  recent_outliers?: number[];
  source?: "sampled" | "instrumented";
}

export interface MemoryEvent {
  ts: number;
  type: string;
  location: string;
  delta_mb?: number;
  cpu_pct?: number;
}

export interface StackFrame {
  name: string;
  module?: string;
}

export interface StackProfile {
  unit?: string;
  frames: StackFrame[];
  /** pid, tid and second (whole seconds from meta.start_ts) where the source kept them. */
  samples: { stack: number[]; weight: number; pid?: number; tid?: number; second?: number }[];
  threads?: StackThread[];
}

export interface StackThread {
  pid: number;
  tid: number;
  name?: string;
}

export interface AllocationSite {
  type: string;
  bytes: number;
  count: number;
  stack?: StackFrame[];
}

export interface NativeAllocationProfile {
  allocated_bytes: number;
  allocations: number;
  frees: number;
  peak_live_bytes: number;
  leaked_bytes: number;
  leaked_blocks: number;
  dropped: number;
  processes: number;
  sites: NativeAllocationSite[];
}

export interface NativeAllocationSite {
  function: string;
  module?: string;
  location?: string;
  bytes: number;
  count: number;
  leaked_bytes?: number;
  leaked_blocks?: number;
  peak_live_bytes?: number;
  /** Root first. */
  stack?: StackFrame[];
}

export interface ComparisonResult {
  baseline?: string;
  head: string;
  alpha: number;
  targets: { name: string; metrics: MetricResult[] }[];
  warnings?: string[];
}

export interface MetricResult {
  kind: string;
  subject?: string;
  metric: string;
  unit: string;
  verdict: string;
  reason?: string;
  baseline_value?: number | null;
  head_value?: number | null;
  change?: number | null;
  change_ci_low?: number | null;
  change_ci_high?: number | null;
  p_value?: number | null;
}

/** The trend page's payload (TrendReport in RustScope.Reporters): one or more metrics' histories and change points. */
export interface TrendPayload {
  title: string;
  trends: MetricTrend[];
}

export interface MetricTrend {
  metric: string;
  unit: string;
  target: string | null;
  points: { commit: string; time: string; value: number; runs: number }[];
  change_points: ChangePoint[];
}

/** One step: `index` is the first point of the new level; non-finite numbers arrive as null. */
export interface ChangePoint {
  index: number;
  commit: string;
  before: number;
  after: number;
  relative_change: number | null;
  relative_change_low: number | null;
  relative_change_high: number | null;
  p_value: number;
}
