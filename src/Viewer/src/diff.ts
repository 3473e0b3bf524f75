// The differential view: each head node is matched to the base node with the same path, and coloured by how
// its share of the whole changed (red: a bigger share, slower; blue: smaller, faster).
import type { CallTree } from "./tree";

/** Per head node, its share in head minus the same path's share in base (-1..1). */
export function shareDeltas(head: CallTree, base: CallTree): Float64Array {
  const deltas = new Float64Array(head.count);
  const baseNode = new Int32Array(head.count);
  const headWeight = head.weight || 1;
  const baseWeight = base.weight || 1;
  baseNode[0] = 0;
  for (let n = 1; n < head.count; n++) {
    const bp = baseNode[head.parent[n]];
    const b = bp < 0 ? -1 : base.child(bp, head.frame[n]);
    baseNode[n] = b;
    deltas[n] = head.total[n] / headWeight - (b < 0 ? 0 : base.total[b] / baseWeight);
  }
  return deltas;
}

/** A change smaller than this share of the whole (0.1 %) is drawn neutral, as noise. */
export const diffThreshold = 0.001;

const steps = 24;
const reds = palette([214, 39, 40]);
const blues = palette([31, 119, 180]);
const neutral = "rgb(226,226,226)";

function palette(to: [number, number, number]): string[] {
  const from = [240, 240, 240];
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const c = from.map((v, k) => Math.round(v + (to[k] - v) * t));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  });
}

/** The colour of a change; intensity grows with its size against the largest change shown. */
export function diffColor(delta: number, maxAbs: number): string {
  if (Math.abs(delta) < diffThreshold) return neutral;
  const t = Math.min(1, Math.sqrt(Math.abs(delta) / Math.max(maxAbs, diffThreshold)));
  const i = Math.max(3, Math.round(t * steps));
  return delta > 0 ? reds[i] : blues[i];
}
