// What the tooltip says about the frame under the pointer: the path's weight and share, the function's self and
// total share, and in a differential report how the share changed.
import { el } from "./dom";
import type { FrameTable } from "./frames";
import { num, pct, weight as formatWeight } from "./format";
import type { CallTree } from "./tree";

export function tooltipLines(tree: CallTree, node: number, table: FrameTable, unit: string, deltas: Float64Array | null): HTMLElement[] {
  if (node === 0) return [el("strong", {}, "all"), el("div", {}, formatWeight(tree.weight, unit))];
  const w = tree.weight || 1;
  const f = tree.frame[node];
  const share = tree.total[node] / w;
  const lines = [el("strong", {}, table.names[f])];
  if (table.modules[f]) lines.push(el("div", { class: "muted" }, table.modules[f]));
  lines.push(el("div", {}, `This path: ${formatWeight(tree.total[node], unit)} (${pct(share)})`));
  lines.push(el("div", {}, `Function: self ${pct(tree.frameSelf[f] / w)}, total ${pct(tree.frameTotal[f] / w)}`));
  if (deltas) {
    const d = deltas[node];
    lines.push(el("div", {}, `Share in head ${pct(share)}, base ${pct(share - d)} (${d >= 0 ? "+" : ""}${num(d * 100, 2)} points)`));
  }
  lines.push(el("div", { class: "muted" }, "Click to zoom, right-click to focus on it, Escape to zoom out"));
  return lines;
}
