// Splitting the stacks by where they were sampled: one process, one thread, a range of seconds. A split is a mask
// over a side's stacks; the call tree skips the stacks it leaves out. In a report with a head the processes and
// threads are matched by name, since pids and tids differ from one run to the next.
import type { StackSet } from "./frames";
import type { ProfileSession } from "./types";

export interface Split {
  /** "" for every process and thread, else the key of one of the choices. */
  origin: string;
  /** First and last second (inclusive, from each session's start), or -1 for the whole run. */
  from: number;
  to: number;
}

export const noSplit: Split = { origin: "", from: -1, to: -1 };

export interface Choice {
  key: string;
  label: string;
  /** A thread under its process (shown indented). */
  thread: boolean;
}

/** How one session names its processes and threads, by id or, across sessions, by name. */
class Namer {
  private readonly processes = new Map<number, string>();
  private readonly threads = new Map<string, string>();

  constructor(session: ProfileSession, private readonly byName: boolean) {
    for (const p of session.summary.processes ?? []) this.processes.set(p.pid, p.name);
    for (const stacks of [session.stacks, session.wait_stacks]) for (const t of stacks?.threads ?? []) if (t.name) this.threads.set(`${t.pid}:${t.tid}`, t.name);
  }

  processName(pid: number): string {
    return this.processes.get(pid) ?? (pid < 0 ? "unknown process" : `process ${pid}`);
  }

  threadName(pid: number, tid: number): string | undefined {
    return this.threads.get(`${pid}:${tid}`);
  }

  processKey(pid: number): string {
    return this.byName ? `p:${this.processName(pid)}` : `p:${pid}`;
  }

  threadKey(pid: number, tid: number): string {
    return this.byName ? `t:${this.processName(pid)}:${this.threadName(pid, tid) ?? tid}` : `t:${pid}:${tid}`;
  }
}

export class Splitter {
  private readonly namers: Namer[];

  constructor(private readonly sessions: ProfileSession[]) {
    const byName = sessions.length > 1;
    this.namers = sessions.map((s) => new Namer(s, byName));
  }

  /** Whether any stack says which process or thread it comes from, and whether any says which second. */
  static known(sets: (StackSet | null)[]): { origin: boolean; time: boolean } {
    let origin = false, time = false;
    for (const set of sets) {
      const o = set?.origins;
      if (!o) continue;
      for (let k = 0; k < o.pid.length && !(origin && time); k++) {
        origin ||= o.pid[k] >= 0 || o.tid[k] >= 0;
        time ||= o.second[k] >= 0;
      }
    }
    return { origin, time };
  }

  /**
   * The processes, each followed by its threads, with their shares of the CPU and of the waiting samples (all sides
   * together), busiest first; names, never markup, so the caller sets them as text.
   */
  choices(cpu: (StackSet | null)[], wait: (StackSet | null)[]): Choice[] {
    const entries = new Map<string, Entry>();
    const totals = [0, 0];
    for (const [kind, sets] of [cpu, wait].entries()) {
      for (const [side, set] of sets.entries()) {
        const o = set?.origins;
        if (!set || !o) continue;
        const namer = this.namers[side];
        for (let k = 0; k < o.pid.length; k++) {
          const w = set.weights[k];
          totals[kind] += w;
          const pid = o.pid[k], tid = o.tid[k];
          const process = namer.processKey(pid);
          entry(entries, process, () => ({ label: this.processLabel(namer, pid), process: "" })).weights[kind] += w;
          if (tid >= 0) entry(entries, namer.threadKey(pid, tid), () => ({ label: this.threadLabel(namer, pid, tid), process })).weights[kind] += w;
        }
      }
    }
    const busiest = (a: [string, Entry], b: [string, Entry]) => b[1].weights[0] - a[1].weights[0] || b[1].weights[1] - a[1].weights[1] || a[0].localeCompare(b[0]);
    const label = (e: Entry) => {
      const shares = [e.weights[0] > 0 ? `${share(e.weights[0], totals[0])} CPU` : "", e.weights[1] > 0 ? `${share(e.weights[1], totals[1])} waiting` : ""];
      return `${e.label} — ${shares.filter((x) => x !== "").join(", ")}`;
    };
    const all = [...entries.entries()].sort(busiest);
    const list: Choice[] = [];
    for (const [key, p] of all.filter(([, e]) => e.process === "")) {
      list.push({ key, label: label(p), thread: false });
      for (const [thread, t] of all.filter(([, e]) => e.process === key)) list.push({ key: thread, label: label(t), thread: true });
    }
    return list;
  }

  /** 1 for the stacks of side's set the split keeps, or null when it keeps them all. */
  mask(side: number, set: StackSet, split: Split): Uint8Array | null {
    if (split.origin === "" && split.from < 0) return null;
    const mask = new Uint8Array(set.weights.length);
    const o = set.origins;
    if (!o) return mask;
    const namer = this.namers[side];
    const thread = split.origin.startsWith("t:");
    for (let k = 0; k < mask.length; k++) {
      const second = o.second[k];
      if (split.from >= 0 && (second < split.from || second > split.to)) continue;
      if (split.origin !== "" && (thread ? o.tid[k] < 0 || namer.threadKey(o.pid[k], o.tid[k]) !== split.origin : namer.processKey(o.pid[k]) !== split.origin)) continue;
      mask[k] = 1;
    }
    return mask;
  }

  private processLabel(namer: Namer, pid: number): string {
    const name = namer.processName(pid);
    return pid < 0 || this.sessions.length > 1 ? name : `${name} (pid ${pid})`;
  }

  private threadLabel(namer: Namer, pid: number, tid: number): string {
    const name = namer.threadName(pid, tid);
    if (this.sessions.length > 1) return name ?? `thread ${tid}`;
    return name === undefined ? `thread ${tid}` : `${name} (tid ${tid})`;
  }
}

interface Entry {
  label: string;
  /** The process's key for a thread, "" for a process. */
  process: string;
  /** CPU and waiting weight. */
  weights: [number, number];
}

function entry(map: Map<string, Entry>, key: string, init: () => { label: string; process: string }): Entry {
  let found = map.get(key);
  if (!found) map.set(key, (found = { ...init(), weights: [0, 0] }));
  return found;
}

function share(weight: number, total: number): string {
  return `${((100 * weight) / (total || 1)).toFixed(1)} %`;
}
