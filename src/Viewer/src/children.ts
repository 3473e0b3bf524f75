// The children of call-tree nodes: a sibling chain per node, searched directly while short, plus a hash of
// (parent, frame) for the few nodes with many children. Hashing every node (a Map keyed by node * frames +
// frame at first, whose keys pass 2^31 and box) was the tree build's main cost; most nodes have one child.
const chainLimit = 8;

export class Children {
  readonly first: Int32Array;
  readonly next: Int32Array;
  private readonly count: Int32Array;
  private readonly wide = new PairHash();

  /** `frame` is the tree's node → frame array, filled before a node is added. */
  constructor(capacity: number, private readonly frame: Int32Array) {
    this.first = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
  }

  /** The child of parent with this frame, or -1. */
  find(parent: number, frame: number): number {
    if (this.count[parent] > chainLimit) return this.wide.get(parent, frame);
    for (let c = this.first[parent]; c >= 0; c = this.next[c]) if (this.frame[c] === frame) return c;
    return -1;
  }

  add(parent: number, child: number): void {
    this.next[child] = this.first[parent];
    this.first[parent] = child;
    const n = ++this.count[parent];
    if (n === chainLimit + 1) for (let c = child; c >= 0; c = this.next[c]) this.wide.add(parent, this.frame[c], c);
    else if (n > chainLimit + 1) this.wide.add(parent, this.frame[child], child);
  }
}

/** (parent, frame) → child in open addressing over typed arrays. */
class PairHash {
  private parents = new Int32Array(1024).fill(-1);
  private frames = new Int32Array(1024);
  private children = new Int32Array(1024);
  private size = 0;

  get(parent: number, frame: number): number {
    const mask = this.parents.length - 1;
    for (let i = slot(parent, frame) & mask; ; i = (i + 1) & mask) {
      const p = this.parents[i];
      if (p === -1) return -1;
      if (p === parent && this.frames[i] === frame) return this.children[i];
    }
  }

  /** Adds a pair known to be absent. */
  add(parent: number, frame: number, child: number): void {
    if ((this.size + 1) * 2 > this.parents.length) this.grow();
    const mask = this.parents.length - 1;
    let i = slot(parent, frame) & mask;
    while (this.parents[i] !== -1) i = (i + 1) & mask;
    this.parents[i] = parent;
    this.frames[i] = frame;
    this.children[i] = child;
    this.size++;
  }

  private grow(): void {
    const { parents, frames, children } = this;
    this.parents = new Int32Array(parents.length * 2).fill(-1);
    this.frames = new Int32Array(parents.length * 2);
    this.children = new Int32Array(parents.length * 2);
    this.size = 0;
    for (let i = 0; i < parents.length; i++) if (parents[i] !== -1) this.add(parents[i], frames[i], children[i]);
  }
}

function slot(parent: number, frame: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(frame + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}
