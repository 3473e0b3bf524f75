// Frames are interned by name across base, head and allocation stacks, so one index means one function
// everywhere (the call tree, search, filters and the diff all key typed arrays by it).
import type { AllocationSite, NativeAllocationSite, ProfileSession } from "./types";

export class FrameTable {
  readonly names: string[] = [];
  readonly modules: string[] = [];
  private readonly index = new Map<string, number>();
  private frameworkMask: Uint8Array | null = null;

  intern(name: string, module?: string): number {
    let id = this.index.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.index.set(name, id);
      this.names.push(name);
      this.modules.push(module ?? "");
      this.frameworkMask = null;
    }
    return id;
  }

  find(name: string): number | undefined {
    return this.index.get(name);
  }

  /**
   * The frame of a function named elsewhere: exactly, else by its name before the parameter list, since
   * [Profile] writes `Workload.Burn` where the sampler writes `Workload.Burn(int32)`.
   */
  resolve(name: string): number | undefined {
    const exact = this.index.get(name);
    if (exact !== undefined) return exact;
    const prefix = `${name}(`;
    const f = this.names.findIndex((n) => n.startsWith(prefix));
    return f < 0 ? undefined : f;
  }

  get size(): number {
    return this.names.length;
  }

  /** 1 for runtime, framework and allocator frames, the ones "hide framework" merges into their callers. */
  framework(): Uint8Array {
    if (this.frameworkMask && this.frameworkMask.length === this.size) return this.frameworkMask;
    const mask = new Uint8Array(this.size);
    for (let i = 0; i < mask.length; i++) mask[i] = isFramework(this.names[i], this.modules[i]) ? 1 : 0;
    this.frameworkMask = mask;
    return mask;
  }
}

const frameworkName = /^(System|Microsoft|Interop|Internal\.Runtime)\.|^\[unknown\]$|^(malloc|calloc|realloc|free|mem(cpy|move|set|cmp)|operator new|_int_malloc|__libc_\w+|__GI_\w+|je_\w+|tc_\w+)(\(.*)?$/;
const frameworkModule = /(^|\/)(libc|libm|libpthread|ld-linux[^/]*|libstdc\+\+|libcoreclr|libclrjit|libjemalloc|libtcmalloc|libSystem\.[^/]*|System\.[^/]*|Microsoft\.[^/]*)(\.so|\.dll)?([.\d]*)$/;

export function isFramework(name: string, module: string): boolean {
  return frameworkName.test(name) || (module !== "" && frameworkModule.test(module)) || /\b(libc|libcoreclr|libclrjit)\.so\b/.test(name);
}

/** Weighted stacks in flat typed arrays: stack i is frames[offsets[i] .. offsets[i+1]), root first. */
export interface StackSet {
  frames: Int32Array;
  offsets: Int32Array;
  weights: Float64Array;
  unit: string;
  total: number;
  /** Per stack, where it was sampled (-1 where the source did not say); null when no stack says. */
  origins: Origins | null;
}

export interface Origins {
  pid: Int32Array;
  tid: Int32Array;
  second: Int32Array;
}

class StackSetBuilder {
  private frames = new Int32Array(1024);
  private length = 0;
  private readonly offsets: number[] = [0];
  private readonly weights: number[] = [];

  add(stack: ArrayLike<number>, weight: number): void {
    if (this.length + stack.length > this.frames.length) {
      const grown = new Int32Array(Math.max(this.frames.length * 2, this.length + stack.length));
      grown.set(this.frames.subarray(0, this.length));
      this.frames = grown;
    }
    for (let i = 0; i < stack.length; i++) this.frames[this.length++] = stack[i];
    this.offsets.push(this.length);
    this.weights.push(weight);
  }

  build(unit: string, origins: Origins | null = null): StackSet {
    const weights = Float64Array.from(this.weights);
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    return { frames: this.frames.slice(0, this.length), offsets: Int32Array.from(this.offsets), weights, unit, total, origins };
  }
}

/**
 * What frames are weighed by: CPU samples (running threads), waiting threads' samples, allocated bytes (.NET), or
 * bytes the C allocator gave out (`run --track-alloc`).
 */
export type Weight = "cpu" | "wait" | "alloc" | "native";

/** The stacks of one session for one weight, or null when the session has none of that kind. */
export function stackSet(session: ProfileSession, weight: Weight, table: FrameTable): StackSet | null {
  if (weight === "native") return nativeSet(session.native_allocations?.sites ?? [], table);
  const stacks = weight === "wait" ? session.wait_stacks : session.stacks;
  const stacksAreBytes = stacks?.unit === "bytes";
  if (stacks && stacks.samples.length > 0 && (weight === "alloc") === stacksAreBytes) {
    const map = Int32Array.from(stacks.frames, (f) => table.intern(f.name, f.module));
    const builder = new StackSetBuilder();
    const count = stacks.samples.length;
    const origins: Origins = { pid: new Int32Array(count), tid: new Int32Array(count), second: new Int32Array(count) };
    let known = false;
    for (let k = 0; k < count; k++) {
      const s = stacks.samples[k];
      const stack = s.stack;
      const mapped = new Int32Array(stack.length);
      for (let i = 0; i < stack.length; i++) mapped[i] = map[stack[i]] ?? table.intern(`[frame ${stack[i]}]`);
      builder.add(mapped, s.weight);
      origins.pid[k] = s.pid ?? -1;
      origins.tid[k] = s.tid ?? -1;
      origins.second[k] = s.second ?? -1;
      known ||= s.pid !== undefined || s.tid !== undefined || s.second !== undefined;
    }
    return builder.build(stacks.unit ?? "samples", known ? origins : null);
  }
  if (weight === "alloc" && session.allocations && session.allocations.length > 0) {
    return allocationSet(session.allocations, table);
  }
  return null;
}

function allocationSet(sites: AllocationSite[], table: FrameTable): StackSet {
  const builder = new StackSetBuilder();
  for (const site of sites) {
    // A site without a stack still shows, as the allocated type alone.
    const stack = site.stack && site.stack.length > 0 ? site.stack.map((f) => table.intern(f.name, f.module)) : [table.intern(site.type)];
    builder.add(stack, site.bytes);
  }
  return builder.build("bytes");
}

function nativeSet(sites: NativeAllocationSite[], table: FrameTable): StackSet | null {
  if (sites.length === 0) return null;
  const builder = new StackSetBuilder();
  for (const site of sites) {
    const stack = site.stack && site.stack.length > 0 ? site.stack.map((f) => table.intern(f.name, f.module)) : [table.intern(site.function, site.module)];
    builder.add(stack, site.bytes);
  }
  return builder.build("bytes");
}
