// Search marks frames by name (substring, or a regular expression written as /…/flags) and measures the share
// of the view's weight that passes through a match.
import type { FrameTable } from "./frames";
import type { CallTree } from "./tree";

/** A predicate over names, or an error message for a malformed regular expression. */
export function compileQuery(query: string): ((name: string) => boolean) | string | null {
  const text = query.trim();
  if (text === "") return null;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  if (regex) {
    try {
      const re = new RegExp(regex[1], regex[2].replace(/[gy]/g, ""));
      return (name) => re.test(name);
    } catch (e) {
      return (e as Error).message;
    }
  }
  const needle = text.toLowerCase();
  return (name) => name.toLowerCase().includes(needle);
}

export function matchMask(table: FrameTable, test: (name: string) => boolean): Uint8Array {
  const mask = new Uint8Array(table.size);
  for (let f = 0; f < mask.length; f++) mask[f] = test(table.names[f]) ? 1 : 0;
  return mask;
}

export interface SearchResult {
  /** Distinct matching functions present in the view. */
  matches: number;
  /** Share of the view's weight in stacks through at least one match, 0..1. */
  share: number;
}

export function searchTree(tree: CallTree, mask: Uint8Array): SearchResult {
  let matches = 0;
  for (let f = 0; f < tree.frameTotal.length; f++) if (mask[f] === 1 && tree.frameTotal[f] > 0) matches++;
  // Only the outermost match of a path counts, so nested matches are not added twice.
  const covered = new Uint8Array(tree.count);
  let weight = 0;
  for (let n = 1; n < tree.count; n++) {
    const p = tree.parent[n];
    if (covered[p] === 1) covered[n] = 1;
    else if (mask[tree.frame[n]] === 1) {
      covered[n] = 1;
      weight += tree.total[n];
    }
  }
  return { matches, share: tree.weight > 0 ? weight / tree.weight : 0 };
}
