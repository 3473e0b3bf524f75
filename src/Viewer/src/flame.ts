// Draws a call tree as a flamegraph (root at the bottom) or an icicle (root at the top) on one canvas.
// Only rectangles at least half a pixel wide are laid out: children are sorted widest first, so the walk stops
// at the first narrow child, which keeps a million-sample tree to a few thousand rectangles.
import type { CallTree } from "./tree";

export const rowHeight = 18;
const minWidth = 0.5;
const transitionMs = 200;
const font = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";

export interface Scene {
  tree: CallTree;
  /** The node drawn full width; 0 is the root. */
  zoom: number;
  rootAtTop: boolean;
  color: (node: number) => string;
  label: (node: number) => string;
}

/** How the previous picture moves into the new one: by node (a zoom of the same tree) or by frame (a new tree). */
export type Transition = "none" | "node" | "frame";

interface Layout {
  node: Int32Array;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  count: number;
}

export class FlameChart {
  private readonly ctx: CanvasRenderingContext2D;
  private scene: Scene | null = null;
  private layout: Layout = emptyLayout(0);
  private width = 0;
  private height = 0;
  private charWidth = 7;
  private animation = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw on a canvas.");
    this.ctx = ctx;
  }

  show(scene: Scene, transition: Transition): void {
    const previous = this.layout;
    const previousScene = this.scene;
    this.scene = scene;
    this.resize();
    this.layout = this.lay(scene);
    cancelAnimationFrame(this.animation);
    if (transition === "none" || !previousScene || previous.count === 0) {
      this.paint(this.layout, null, 1);
      return;
    }
    const from = startPositions(previous, this.layout, transition === "node" ? (n) => n : (n) => previousScene.tree.frame[n], transition === "node" ? (n) => n : (n) => scene.tree.frame[n]);
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / transitionMs);
      this.paint(this.layout, from, 1 - Math.pow(1 - t, 3));
      if (t < 1) this.animation = requestAnimationFrame(step);
    };
    this.animation = requestAnimationFrame(step);
  }

  /** Redraws the current scene at a new width in CSS pixels, without a transition. */
  resizeTo(width: number): void {
    this.width = Math.max(100, width);
    if (this.scene) this.show(this.scene, "none");
  }

  /** The node under a point in CSS pixels, or -1. */
  hit(x: number, y: number): number {
    const l = this.layout;
    for (let i = 0; i < l.count; i++) {
      if (y >= l.y[i] && y < l.y[i] + rowHeight && x >= l.x[i] && x < l.x[i] + l.w[i]) return l.node[i];
    }
    return -1;
  }

  /** Drawn nodes, widest first. */
  drawn(): number[] {
    const l = this.layout;
    const order = Array.from({ length: l.count }, (_, i) => i).sort((a, b) => l.w[b] - l.w[a]);
    return order.map((i) => l.node[i]);
  }

  private resize(): void {
    const scene = this.scene;
    if (!scene) return;
    const dpr = window.devicePixelRatio || 1;
    // Reading clientWidth forces a layout of the whole page (150+ ms with a big functions table), so it is read
    // once; later widths come from resizeTo.
    if (this.width === 0) this.width = Math.max(100, this.canvas.parentElement?.clientWidth ?? 800);
    this.height = (scene.tree.maxDepth + 1) * rowHeight;
    const pw = Math.round(this.width * dpr);
    const ph = Math.round(this.height * dpr);
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
      this.canvas.style.width = `${this.width}px`;
      this.canvas.style.height = `${this.height}px`;
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.ctx.font = font;
    this.charWidth = this.ctx.measureText("abcdefghijklmnopqrstuvwxyz.ABCDEFGH").width / 35;
  }

  private lay(scene: Scene): Layout {
    const { tree, zoom, rootAtTop } = scene;
    const rowY = (depth: number) => (rootAtTop ? depth : tree.maxDepth - depth) * rowHeight;
    const l = emptyLayout(1024);
    const push = (node: number, x: number, w: number) => {
      if (l.count === l.node.length) grow(l);
      l.node[l.count] = node;
      l.x[l.count] = x;
      l.y[l.count] = rowY(tree.depth[node]);
      l.w[l.count] = w;
      l.count++;
    };
    // The zoomed node's callers stay visible, full width, as the way back.
    for (let a = tree.parent[zoom]; a >= 0; a = tree.parent[a]) push(a, 0, this.width);
    const scale = tree.total[zoom] > 0 ? this.width / tree.total[zoom] : 0;
    const stackNode: number[] = [zoom];
    const stackX: number[] = [0];
    while (stackNode.length > 0) {
      const node = stackNode.pop()!;
      const x = stackX.pop()!;
      push(node, x, tree.total[node] * scale);
      let cx = x;
      for (const child of tree.childrenOf(node)) {
        const w = tree.total[child] * scale;
        if (w < minWidth) break;
        stackNode.push(child);
        stackX.push(cx);
        cx += w;
      }
    }
    return l;
  }

  private paint(l: Layout, from: Layout | null, t: number): void {
    const scene = this.scene!;
    const ctx = this.ctx;
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.textBaseline = "middle";
    for (let i = 0; i < l.count; i++) {
      let x = l.x[i], y = l.y[i], w = l.w[i];
      if (from) {
        x = from.x[i] + (x - from.x[i]) * t;
        y = from.y[i] + (y - from.y[i]) * t;
        w = from.w[i] + (w - from.w[i]) * t;
      }
      const node = l.node[i];
      ctx.fillStyle = scene.color(node);
      ctx.fillRect(x, y, Math.max(w - 0.5, 0.5), rowHeight - 1);
      const room = Math.floor((w - 6) / this.charWidth);
      if (room >= 3) {
        const label = scene.label(node);
        ctx.fillStyle = "#1b1b1b";
        ctx.fillText(label.length > room ? `${label.slice(0, room - 1)}…` : label, x + 3, y + rowHeight / 2, w - 4);
      }
    }
  }
}

function emptyLayout(capacity: number): Layout {
  return { node: new Int32Array(capacity), x: new Float64Array(capacity), y: new Float64Array(capacity), w: new Float64Array(capacity), count: 0 };
}

function grow(l: Layout): void {
  const bigger = emptyLayout(l.node.length * 2);
  bigger.node.set(l.node);
  bigger.x.set(l.x);
  bigger.y.set(l.y);
  bigger.w.set(l.w);
  Object.assign(l, { node: bigger.node, x: bigger.x, y: bigger.y, w: bigger.w });
}

/** Where each new rectangle starts: its match in the previous picture, or grown from its own centre. */
function startPositions(previous: Layout, next: Layout, previousKey: (node: number) => number, nextKey: (node: number) => number): Layout {
  const byKey = new Map<number, number>();
  for (let i = 0; i < previous.count; i++) {
    const key = previousKey(previous.node[i]);
    const known = byKey.get(key);
    if (known === undefined || previous.w[i] > previous.w[known]) byKey.set(key, i);
  }
  const from = emptyLayout(next.count);
  from.count = next.count;
  for (let i = 0; i < next.count; i++) {
    const p = byKey.get(nextKey(next.node[i]));
    if (p === undefined) {
      from.x[i] = next.x[i] + next.w[i] / 2;
      from.y[i] = next.y[i];
      from.w[i] = 0;
    } else {
      from.x[i] = previous.x[p];
      from.y[i] = previous.y[p];
      from.w[i] = previous.w[p];
    }
    from.node[i] = next.node[i];
  }
  return from;
}
