// Collapsed ("folded") stacks, one `root;caller;leaf weight` line per stack, as flamegraph.pl, inferno and
// `rustscope export --format collapsed` write them; read into a session with only stacks.
import type { ProfileSession, StackFrame } from "./types";

export function parseCollapsed(text: string, fileName: string): ProfileSession {
  const frames: StackFrame[] = [];
  const index = new Map<string, number>();
  const samples: { stack: number[]; weight: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(.*\S)\s+(\d+(?:\.\d+)?)$/.exec(line);
    if (!m) throw new Error(`${fileName}:${i + 1}: expected "frame;frame;… weight", got "${line.slice(0, 80)}"`);
    const stack = m[1].split(";").map((name) => {
      let id = index.get(name);
      if (id === undefined) {
        id = frames.length;
        index.set(name, id);
        frames.push({ name });
      }
      return id;
    });
    samples.push({ stack, weight: Number(m[2]) });
  }
  if (samples.length === 0) throw new Error(`${fileName}: no stacks found`);
  return {
    schema_version: 1,
    meta: { project: fileName, start_ts: 0, target_binary: fileName },
    summary: { duration_s: 0, cpu_pct_mean: 0, cpu_pct_max: 0, peak_rss_mb: 0, peak_threads: 0, peak_fds: 0, event_count: 0 },
    stacks: { unit: "samples", frames, samples },
  };
}
