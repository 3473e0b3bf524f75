// The call tree, built once per (side, weight, direction, filter) from the flat stacks. Nodes live in typed
// arrays indexed by node id; a parent is always created before its children, so ascending ids are a
// parents-first order that the diff, search and layout passes rely on.
import { Children } from "./children";
import type { StackSet } from "./frames";

export type Direction = "top-down" | "bottom-up";

export interface TreeOptions {
  direction: Direction;
  /** Frames to drop from every stack (merged into their callers), indexed by frame; null keeps all. */
  hidden: Uint8Array | null;
  /** Only stacks through this frame; -1 for all. */
  focus: number;
  /** 1 for the stacks to keep (a split by process, thread or time), indexed by stack; null keeps all. */
  include?: Uint8Array | null;
}

export class CallTree {
  readonly frame: Int32Array;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly total: Float64Array;
  private readonly sorted = new Map<number, Int32Array>();
  /** Per frame: weight with the frame on top, and weight of the stacks through it (once per stack). */
  readonly frameSelf: Float64Array;
  readonly frameTotal: Float64Array;
  readonly count: number;
  readonly maxDepth: number;
  private readonly links: Children;

  constructor(init: {
    frame: Int32Array; parent: Int32Array; depth: Int32Array; total: Float64Array; count: number;
    frameSelf: Float64Array; frameTotal: Float64Array; links: Children;
  }) {
    this.count = init.count;
    this.frame = init.frame.subarray(0, init.count);
    this.parent = init.parent.subarray(0, init.count);
    this.depth = init.depth.subarray(0, init.count);
    this.total = init.total.subarray(0, init.count);
    this.frameSelf = init.frameSelf;
    this.frameTotal = init.frameTotal;
    this.links = init.links;
    let maxDepth = 0;
    for (let n = 0; n < this.count; n++) if (this.depth[n] > maxDepth) maxDepth = this.depth[n];
    this.maxDepth = maxDepth;
  }

  get weight(): number {
    return this.total[0];
  }

  /** The child of node with this frame, or -1. */
  child(node: number, frame: number): number {
    return this.links.find(node, frame);
  }

  /** The widest node of a frame, or -1. */
  widestOf(frame: number): number {
    let best = -1;
    for (let n = 1; n < this.count; n++) if (this.frame[n] === frame && (best < 0 || this.total[n] > this.total[best])) best = n;
    return best;
  }

  /** Frames from the root's child down to node. */
  pathOf(node: number): number[] {
    const path: number[] = [];
    for (let n = node; n > 0; n = this.parent[n]) path.push(this.frame[n]);
    return path.reverse();
  }

  /** The node at the end of a path of frames, or -1 when the path is not in this tree. */
  find(path: number[]): number {
    let node = 0;
    for (const f of path) {
      node = this.child(node, f);
      if (node < 0) return -1;
    }
    return node;
  }

  /** The frame with most self weight, or -1 for an empty tree. */
  hottest(): number {
    let best = -1;
    for (let f = 0; f < this.frameSelf.length; f++) if (this.frameSelf[f] > 0 && (best < 0 || this.frameSelf[f] > this.frameSelf[best])) best = f;
    return best;
  }

  /**
   * A node's children, widest first. Sorted on demand: drawing visits only the few thousand nodes wider than half
   * a pixel, and ordering all of a million-node tree's children up front cost more than building it.
   */
  childrenOf(node: number): Int32Array {
    let list = this.sorted.get(node);
    if (!list) {
      const found: number[] = [];
      for (let c = this.links.first[node]; c >= 0; c = this.links.next[c]) found.push(c);
      const total = this.total;
      list = Int32Array.from(found).sort((a, b) => total[b] - total[a] || a - b);
      this.sorted.set(node, list);
    }
    return list;
  }
}

export function buildTree(set: StackSet, frameCount: number, options: TreeOptions): CallTree {
  const { frames, offsets, weights } = set;
  const capacity = frames.length + 1;
  const frame = new Int32Array(capacity);
  const parent = new Int32Array(capacity);
  const depth = new Int32Array(capacity);
  const total = new Float64Array(capacity);
  const links = new Children(capacity, frame);
  const frameSelf = new Float64Array(frameCount);
  const frameTotal = new Float64Array(frameCount);
  const seen = new Int32Array(frameCount).fill(-1);
  const hidden = options.hidden;
  const focus = options.focus;
  const include = options.include ?? null;
  const bottomUp = options.direction === "bottom-up";
  frame[0] = -1;
  parent[0] = -1;
  let count = 1;

  let longest = 0;
  for (let s = 0; s + 1 < offsets.length; s++) longest = Math.max(longest, offsets[s + 1] - offsets[s]);
  const buffer = new Int32Array(longest);

  for (let s = 0; s + 1 < offsets.length; s++) {
    if (include !== null && include[s] === 0) continue;
    const w = weights[s];
    let n = 0;
    let through = focus < 0;
    for (let i = offsets[s]; i < offsets[s + 1]; i++) {
      const f = frames[i];
      if (f === focus) through = true;
      else if (hidden !== null && hidden[f] === 1) continue;
      buffer[n++] = f;
    }
    if (!through) continue;
    total[0] += w;
    if (n === 0) continue;
    frameSelf[buffer[n - 1]] += w;
    let node = 0;
    for (let k = 0; k < n; k++) {
      const f = bottomUp ? buffer[n - 1 - k] : buffer[k];
      if (seen[f] !== s) {
        seen[f] = s;
        frameTotal[f] += w;
      }
      let next = links.find(node, f);
      if (next < 0) {
        next = count++;
        frame[next] = f;
        parent[next] = node;
        depth[next] = depth[node] + 1;
        links.add(node, next);
      }
      total[next] += w;
      node = next;
    }
  }
  return new CallTree({ frame, parent, depth, total, count, frameSelf, frameTotal, links });
}
