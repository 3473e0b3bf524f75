// The page: builds the layout once, keeps the view state, and redraws what a change affects. The test hooks
// (window.rustscopeViewer, data-testid) are fixed by CONTRACT-22.md.
import { shareDeltas, diffColor, diffThreshold } from "./diff";
import { el } from "./dom";
import { FlameChart, type Transition } from "./flame";
import type { Weight } from "./frames";
import { num, pct, unitNoun, weight as formatWeight } from "./format";
import { findInsights, type Insight } from "./insights";
import { acceptFiles } from "./drop";
import { parseText } from "./load";
import { fadedColor, framePalette, matchColor, rootColor } from "./palette";
import { Report, type Side } from "./report";
import { compileQuery, matchMask, searchTree } from "./search";
import { functionRows, FunctionsTable } from "./table";
import { noSplit, Splitter, type Split } from "./split";
import { renderTimeline, type Timeline } from "./timeline";
import { renderNative } from "./native";
import { renderOverview } from "./overview";
import { tooltipLines } from "./tooltip";
import type { CallTree } from "./tree";
import type { Payload, ProfileSession } from "./types";
import { renderVerdicts } from "./verdicts";

type View = "flame" | "icicle";
type Mode = "single" | "base" | "head" | "diff";

export interface ViewerState {
  view: View;
  weight: Weight;
  mode: Mode;
  zoom: string | null;
  hottest: string | null;
  search: { query: string; matches: number; share: number };
  hideFramework: boolean;
  focus: string | null;
  visibleFrames: string[];
  diffColored: { slower: number; faster: number };
  /** The process or thread chosen (its label) and the seconds kept; null where the stacks are not split. */
  split: { origin: string | null; label: string | null; from: number | null; to: number | null };
  /** Whether the page offers each control: waiting stacks, the process/thread choice, a time range. */
  offers: { wait: boolean; origins: boolean; time: boolean };
}

/** What the current picture was drawn from; kept so hover, clicks and the hooks read the same thing. */
interface Current {
  tree: CallTree | null;
  zoom: number;
  deltas: Float64Array | null;
  mask: Uint8Array | null;
  matches: number;
  share: number;
}

function button(testid: string, label: string, title: string): HTMLButtonElement {
  return el("button", { type: "button", "data-testid": testid, title }, label);
}

export class App {
  private report = new Report({ title: "RustScope", base: emptySession(), head: null, comparison: null });
  private palette: string[] = [];
  private view: View = "flame";
  private weight: Weight = "cpu";
  private mode: Mode = "single";
  private zoomPath: number[] | null = null;
  private query = "";
  private hideFramework = false;
  private focus = -1;
  private split: Split = noSplit;
  private offers = { wait: false, origins: false, time: false };
  private current: Current = { tree: null, zoom: 0, deltas: null, mask: null, matches: 0, share: 0 };
  private chart: Timeline = { fit: () => {}, clearSelection: () => {} };
  /** Per head tree, its nodes' share change against the base tree built with the same options. */
  private deltas = new WeakMap<CallTree, { deltas: Float64Array; largest: number }>();

  private readonly title = el("h1");
  private readonly error = el("p", { class: "error", role: "alert", hidden: "" });
  private readonly insights = el("ul", { "data-testid": "insights", class: "insights" });
  private readonly verdicts = el("section", { class: "card", hidden: "" });
  private readonly overview = el("div", { "data-testid": "overview", class: "overview" });
  private readonly timeline = el("div", { "data-testid": "timeline", class: "timeline" });
  private readonly native = el("div", { "data-testid": "native", class: "scroll" });
  private readonly nativeCard = el("section", { class: "card", hidden: "" }, el("h2", {}, "Native allocations"), this.native);
  private readonly buttons = {
    flame: button("view-flame", "Flamegraph", "Top-down: callers below, callees above"),
    icicle: button("view-icicle", "Icicle", "Bottom-up: the hot leaves at the top, their callers below"),
    cpu: button("weight-cpu", "CPU", "Weigh frames by CPU samples (threads running on a CPU)"),
    wait: button("weight-wait", "Waiting", "Weigh frames by samples of threads that were waiting: locks, sleeps, waits, blocking I/O"),
    alloc: button("weight-alloc", "Allocations", "Weigh frames by allocated bytes"),
    native: button("weight-native", "Native bytes", "Weigh frames by the bytes the C allocator gave out (run --track-alloc)"),
    base: button("mode-base", "Base", "Show the base session"),
    head: button("mode-head", "Head", "Show the head session"),
    diff: button("mode-diff", "Diff", "Head coloured by the change of each frame's share against base"),
  };
  private readonly modes = el("span", { class: "group" }, this.buttons.base, this.buttons.head, this.buttons.diff);
  private readonly search = el("input", { type: "search", "data-testid": "search", placeholder: "Search functions, or /regex/", spellcheck: "false" });
  private readonly searchShare = el("span", { "data-testid": "search-share", class: "muted" });
  private readonly hide = el("input", { type: "checkbox", "data-testid": "hide-framework" });
  private readonly focusBox = el("span", { class: "focus", hidden: "" });
  private readonly origin = el("select", { "data-testid": "split-origin", title: "Only the stacks of one process or thread" });
  private readonly originBox = el("label", { class: "group", hidden: "" }, "Process / thread ", this.origin);
  private readonly timeRange = el("span", { "data-testid": "time-range", class: "focus", hidden: "" });
  private readonly breadcrumbs = el("nav", { "data-testid": "breadcrumbs", class: "breadcrumbs", "aria-label": "Zoom path" });
  private readonly canvas = el("canvas", { "data-testid": "flame-canvas" });
  private readonly tooltip = el("div", { "data-testid": "tooltip", class: "tooltip", role: "tooltip", hidden: "" });
  private readonly flameNote = el("p", { class: "muted" });
  private readonly legend = el("p", { class: "legend", hidden: "" },
    el("span", { class: "swatch slower" }), "bigger share in head (slower) ", el("span", { class: "swatch faster" }), "smaller share (faster); stronger colour, bigger change");
  private readonly flame: FlameChart;
  private readonly functions: FunctionsTable;

  constructor(root: HTMLElement) {
    const functionsHost = el("div");
    const dropInput = el("input", { type: "file", accept: ".json,.txt,.folded,.collapsed,.gz" });
    root.append(
      el("header", {}, this.title,
        el("label", { "data-testid": "drop-zone", class: "drop-zone" }, "Drop a RustScope session (.json) or collapsed stacks here, or choose a file ", dropInput)),
      this.error,
      el("section", { class: "card" }, el("h2", {}, "Insights"), this.insights),
      this.verdicts,
      el("section", { class: "card" }, el("h2", {}, "Overview"), el("div", { class: "overview-grid" }, this.overview, this.timeline)),
      this.nativeCard,
      el("section", { class: "card" },
        el("h2", {}, "Stacks"),
        el("div", { class: "toolbar" },
          el("span", { class: "group" }, this.buttons.flame, this.buttons.icicle),
          el("span", { class: "group" }, this.buttons.cpu, this.buttons.wait, this.buttons.alloc, this.buttons.native),
          this.modes,
          el("span", { class: "group search" }, this.search, this.searchShare),
          el("label", { class: "group" }, this.hide, " Hide runtime & framework frames"),
          this.originBox,
          this.timeRange,
          this.focusBox),
        this.breadcrumbs,
        this.legend,
        el("div", { class: "flame-wrap" }, this.canvas, this.tooltip),
        this.flameNote),
      el("section", { class: "card" }, el("h2", {}, "Functions"), functionsHost),
    );
    this.flame = new FlameChart(this.canvas);
    this.functions = new FunctionsTable(functionsHost, (name) => this.select(name), (name) => this.setFocus(name));
    this.wire(dropInput);
  }

  /** Shows a payload; everything but the view kind starts over. */
  show(payload: Payload): void {
    this.report = new Report(payload);
    this.palette = framePalette(this.report.table);
    this.weight = (["cpu", "wait", "alloc", "native"] as const).find((w) => this.report.has(w)) ?? "cpu";
    this.split = noSplit;
    this.mode = payload.head ? "diff" : "single";
    this.zoomPath = null;
    this.focus = -1;
    this.query = this.search.value = "";
    this.hideFramework = this.hide.checked = false;
    this.error.hidden = true;
    this.title.textContent = payload.title;
    this.renderStatic();
    this.refresh(true, "none");
  }

  load(text: string, fileName: string): void {
    try {
      this.show(parseText(text, fileName));
    } catch (e) {
      const message = (e as Error).message;
      this.fail(message.startsWith(fileName) ? message : `${fileName}: ${message}`);
    }
  }

  fail(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  zoomTo(name: string): boolean {
    const tree = this.current.tree;
    const frame = this.report.table.resolve(name);
    if (!tree || frame === undefined) return false;
    const node = tree.widestOf(frame);
    if (node < 0) return false;
    this.zoomPath = tree.pathOf(node);
    this.refresh(false, "node");
    return true;
  }

  frameAt(x: number, y: number): string | null {
    const node = this.flame.hit(x, y);
    return node > 0 && this.current.tree ? this.report.table.names[this.current.tree.frame[node]] : null;
  }

  state(): ViewerState {
    const { tree, zoom, deltas } = this.current;
    const names = this.report.table.names;
    const drawn = tree ? this.flame.drawn().filter((n) => n > 0) : [];
    let slower = 0, faster = 0;
    if (deltas) for (const n of drawn) deltas[n] >= diffThreshold ? slower++ : deltas[n] <= -diffThreshold ? faster++ : 0;
    const hottest = tree ? tree.hottest() : -1;
    return {
      view: this.view,
      weight: this.weight,
      mode: this.mode,
      zoom: tree && zoom > 0 ? names[tree.frame[zoom]] : null,
      hottest: hottest < 0 ? null : names[hottest],
      search: { query: this.query, matches: this.current.matches, share: this.current.share },
      hideFramework: this.hideFramework,
      focus: this.focus < 0 ? null : names[this.focus],
      visibleFrames: [...new Set(drawn.map((n) => names[tree!.frame[n]]))].slice(0, 200),
      diffColored: { slower, faster },
      split: {
        origin: this.split.origin === "" ? null : this.split.origin,
        label: this.split.origin === "" ? null : this.origin.selectedOptions[0]?.textContent?.trim() ?? null,
        from: this.split.from < 0 ? null : this.split.from,
        to: this.split.to < 0 ? null : this.split.to,
      },
      offers: { ...this.offers },
    };
  }

  private side(): Side {
    return this.mode === "head" || this.mode === "diff" ? "head" : "base";
  }

  private treeOf(side: Side): CallTree | null {
    return this.report.tree({ side, weight: this.weight, direction: this.view === "flame" ? "top-down" : "bottom-up", hideFramework: this.hideFramework, focus: this.focus, split: this.split });
  }

  /** Parts that depend only on the payload: overview, timeline, verdicts, insights. */
  private renderStatic(): void {
    const { base, head, comparison } = this.report.payload;
    renderOverview(this.overview, base, head);
    const known = Splitter.known(this.report.allStacks().flat());
    this.offers = { wait: this.report.has("wait"), origins: known.origin, time: known.time };
    const select = known.time ? (from: number, to: number) => this.setSplit({ ...this.split, from, to }) : null;
    this.chart = renderTimeline(this.timeline, head ?? base, head ? "Head session, per second" : "Per second", select);
    this.renderOrigins();
    this.verdicts.hidden = !comparison;
    if (comparison) {
      const host = el("div", { class: "scroll" });
      this.verdicts.replaceChildren(el("h2", {}, "Verdicts"), host);
      renderVerdicts(host, comparison);
    }
    this.modes.hidden = !head;
    this.buttons.cpu.disabled = !this.report.has("cpu");
    this.buttons.wait.hidden = !this.offers.wait;
    this.buttons.alloc.disabled = !this.report.has("alloc");
    this.buttons.native.hidden = !this.report.has("native");
    const sides = head ? [{ label: "base", session: base }, { label: "head", session: head }] : [{ label: "", session: base }];
    this.nativeCard.hidden = !renderNative(this.native, sides);
    this.renderInsights();
  }

  private renderInsights(): void {
    const side: Side = this.report.payload.head ? "head" : "base";
    const weighed = (weight: Weight, hideFramework = false) => {
      const set = this.report.stacks(side, weight);
      const tree = this.report.tree({ side, weight, direction: "top-down", hideFramework, focus: -1, split: noSplit });
      return set && tree ? { set, tree } : null;
    };
    const baseCpu = side === "head" ? this.report.tree({ side: "base", weight: "cpu", direction: "top-down", hideFramework: false, focus: -1, split: noSplit }) : null;
    // Waiting stacks end in the runtime's wait functions; with those merged away the leaf is the code that waits.
    const found = findInsights(this.report.session(side), this.report.table, weighed("cpu"), weighed("alloc"), baseCpu, weighed("wait", true));
    this.insights.replaceChildren(...found.map((i) => this.insightItem(i)));
    if (found.length === 0) this.insights.append(el("li", { "data-kind": "none", class: "muted" }, "Nothing stands out: no heuristic fired on this data."));
  }

  private insightItem(insight: Insight): HTMLLIElement {
    const li = el("li", { "data-kind": insight.kind }, el("strong", {}, insight.title), " ", el("span", {}, insight.why));
    const frame = insight.frame;
    if (frame !== undefined && this.report.table.resolve(frame) !== undefined) {
      const go = el("button", { type: "button", class: "link" }, "Show in flamegraph");
      go.addEventListener("click", () => {
        if (insight.weight && this.report.has(insight.weight)) this.weight = insight.weight;
        this.refresh(true, "frame");
        this.select(frame);
      });
      li.append(" ", go);
    } else if (insight.timeline) {
      const go = el("button", { type: "button", class: "link" }, "Show timeline");
      go.addEventListener("click", () => this.timeline.scrollIntoView({ behavior: "smooth", block: "center" }));
      li.append(" ", go);
    }
    return li;
  }

  /** Redraws the stacks; `treeChanged` when the weight, view, mode or a filter changed. */
  private refresh(treeChanged: boolean, transition: Transition): void {
    const side = this.side();
    const tree = this.treeOf(side);
    const diff = this.mode === "diff" && tree ? this.treeOf("base") : null;
    let change = tree && diff ? this.deltas.get(tree) : undefined;
    if (tree && diff && !change) this.deltas.set(tree, (change = withLargest(shareDeltas(tree, diff))));
    const deltas = change?.deltas ?? null;
    let zoom = tree && this.zoomPath ? tree.find(this.zoomPath) : 0;
    if (tree && zoom < 0) {
      // The path is gone (another view or filter): stay on the same function where it is widest now.
      zoom = Math.max(0, tree.widestOf(this.zoomPath![this.zoomPath!.length - 1]));
      this.zoomPath = zoom > 0 ? tree.pathOf(zoom) : null;
    }
    const test = compileQuery(this.query);
    const mask = tree && typeof test === "function" ? matchMask(this.report.table, test) : null;
    const found = tree && mask ? searchTree(tree, mask) : { matches: 0, share: 0 };
    this.current = { tree, zoom, deltas, mask, ...found };

    this.updateControls(typeof test === "string" ? test : null);
    if (tree) {
      const maxAbs = change?.largest ?? 0;
      const names = this.report.table.names;
      this.flame.show({
        tree,
        zoom,
        rootAtTop: this.view === "icicle",
        color: (n) => {
          if (n === 0) return rootColor;
          const f = tree.frame[n];
          if (mask) return mask[f] === 1 ? matchColor : fadedColor;
          return deltas ? diffColor(deltas[n], maxAbs) : this.palette[f];
        },
        label: (n) => (n === 0 ? `all (${formatWeight(tree.weight, this.unit())})` : names[tree.frame[n]]),
      }, transition);
      const set = this.report.stacks(side, this.weight);
      const unsplit = this.split !== noSplit && !set?.origins;
      this.flameNote.textContent = tree.weight > 0 ? "" : unsplit ? "These stacks do not say which process, thread or second they come from: clear the split to see them." : "No stacks left with these filters.";
    } else {
      this.canvas.width = 0;
      this.flameNote.textContent = "No stack samples of this kind in the data (function sampling was off, or found nothing).";
    }
    this.renderBreadcrumbs();
    // The session's own shares are of all CPU samples: they fill in only where the stacks show the same thing.
    const whole = (this.weight === "cpu" || this.weight === "alloc") && this.split === noSplit;
    if (treeChanged) this.functions.update(functionRows(tree, this.report.table, this.report.session(side).functions ?? [], diff, whole, this.waitBeside(side)));
  }

  /** Under the CPU view, the waiting stacks with the same filters, so the table shows where each function waits too. */
  private waitBeside(side: Side): CallTree | null {
    if (this.weight !== "cpu" || !this.offers.wait) return null;
    // A function's share is the same in either direction: the top-down tree, likely built already, serves both.
    return this.report.tree({ side, weight: "wait", direction: "top-down", hideFramework: this.hideFramework, focus: this.focus, split: this.split });
  }

  private unit(): string {
    const unit = this.report.stacks(this.side(), this.weight)?.unit ?? (this.weight === "alloc" ? "bytes" : "samples");
    // "80 samples" under the waiting view would read as CPU samples.
    return this.weight === "wait" && unit === "samples" ? "waiting samples" : unit;
  }

  private updateControls(searchError: string | null): void {
    const pressed = (b: HTMLButtonElement, on: boolean) => b.setAttribute("aria-pressed", String(on));
    pressed(this.buttons.flame, this.view === "flame");
    pressed(this.buttons.icicle, this.view === "icicle");
    pressed(this.buttons.cpu, this.weight === "cpu");
    pressed(this.buttons.wait, this.weight === "wait");
    pressed(this.buttons.alloc, this.weight === "alloc");
    pressed(this.buttons.native, this.weight === "native");
    pressed(this.buttons.base, this.mode === "base");
    pressed(this.buttons.head, this.mode === "head");
    pressed(this.buttons.diff, this.mode === "diff");
    this.legend.hidden = this.mode !== "diff";
    this.search.classList.toggle("invalid", searchError !== null);
    this.searchShare.textContent = searchError ?? (this.current.mask ? `${pct(this.current.share)} of ${unitNoun(this.unit())} (${num(this.current.matches, 0)} functions)` : "");
    this.timeRange.hidden = this.split.from < 0;
    if (this.split.from >= 0) {
      const clearRange = el("button", { type: "button", class: "small", "data-testid": "time-range-clear", title: "Show every second again" }, "clear");
      clearRange.addEventListener("click", () => this.setSplit({ ...this.split, from: -1, to: -1 }));
      const each = this.report.payload.head ? " of each run" : "";
      this.timeRange.replaceChildren(`Showing seconds ${this.split.from}–${this.split.to}${each} `, clearRange);
    }
    this.focusBox.hidden = this.focus < 0;
    if (this.focus >= 0) {
      const clearFocus = el("button", { type: "button", class: "small", title: "Show all stacks again" }, "✕");
      clearFocus.addEventListener("click", () => this.setFocus(null));
      this.focusBox.replaceChildren("Focus: ", el("strong", {}, this.report.table.names[this.focus]), " ", clearFocus);
    }
  }

  private renderBreadcrumbs(): void {
    const { tree, zoom } = this.current;
    const crumbs: HTMLElement[] = [];
    const path = tree ? [0, ...ancestors(tree, zoom)] : [];
    for (const [i, n] of path.entries()) {
      const label = n === 0 ? "all" : this.report.table.names[tree!.frame[n]];
      if (i === path.length - 1) {
        crumbs.push(el("span", { "aria-current": "true" }, label));
      } else {
        const b = el("button", { type: "button", class: "link" }, label);
        b.addEventListener("click", () => this.zoomNode(n));
        crumbs.push(b, el("span", { class: "sep" }, " › "));
      }
    }
    this.breadcrumbs.replaceChildren(...crumbs);
  }

  private zoomNode(node: number): void {
    const tree = this.current.tree;
    if (!tree) return;
    this.zoomPath = node > 0 ? tree.pathOf(node) : null;
    this.refresh(false, "node");
  }

  /** A row or insight picked a function: zoom to it and bring the flamegraph into view. */
  private select(name: string): void {
    if (this.zoomTo(name)) this.canvas.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }

  /** The process/thread choice: every process with its threads under it, with their CPU and waiting shares. */
  private renderOrigins(): void {
    this.originBox.hidden = !this.offers.origins;
    const all = el("option", { value: "" }, this.report.payload.head ? "all (matched by name in base and head)" : "all");
    const choices = this.offers.origins ? this.report.splitter.choices(this.report.allStacks("cpu").flat(), this.report.allStacks("wait").flat()) : [];
    this.origin.replaceChildren(all, ...choices.map((c) => el("option", { value: c.key }, c.thread ? `\u00a0\u00a0${c.label}` : c.label)));
    this.origin.value = "";
  }

  private setSplit(split: Split): void {
    const same = split.origin === this.split.origin && split.from === this.split.from && split.to === this.split.to;
    if (same) return;
    this.split = split.origin === "" && split.from < 0 ? noSplit : split;
    if (split.from < 0) this.chart.clearSelection();
    this.refresh(true, "frame");
  }

  private setFocus(name: string | null): void {
    const frame = name === null ? undefined : this.report.table.resolve(name);
    this.focus = frame ?? -1;
    this.zoomPath = null;
    this.refresh(true, "frame");
  }

  private wire(dropInput: HTMLInputElement): void {
    const set = (change: () => void, transition: Transition = "frame") => () => {
      change();
      this.refresh(true, transition);
    };
    this.buttons.flame.addEventListener("click", set(() => (this.view = "flame")));
    this.buttons.icicle.addEventListener("click", set(() => (this.view = "icicle")));
    this.buttons.cpu.addEventListener("click", set(() => (this.weight = "cpu")));
    this.buttons.wait.addEventListener("click", set(() => (this.weight = "wait")));
    this.origin.addEventListener("change", () => this.setSplit({ ...this.split, origin: this.origin.value }));
    this.buttons.alloc.addEventListener("click", set(() => (this.weight = "alloc")));
    this.buttons.native.addEventListener("click", set(() => (this.weight = "native")));
    this.buttons.base.addEventListener("click", set(() => (this.mode = "base")));
    this.buttons.head.addEventListener("click", set(() => (this.mode = "head")));
    this.buttons.diff.addEventListener("click", set(() => (this.mode = "diff")));
    this.hide.addEventListener("change", set(() => (this.hideFramework = this.hide.checked)));
    this.search.addEventListener("input", () => {
      this.query = this.search.value;
      this.refresh(false, "none");
    });

    this.canvas.addEventListener("click", (e) => {
      const node = this.flame.hit(e.offsetX, e.offsetY);
      if (node >= 0) this.zoomNode(node);
    });
    this.canvas.addEventListener("contextmenu", (e) => {
      const node = this.flame.hit(e.offsetX, e.offsetY);
      if (node <= 0 || !this.current.tree) return;
      e.preventDefault();
      this.setFocus(this.report.table.names[this.current.tree.frame[node]]);
    });
    this.canvas.addEventListener("mousemove", (e) => this.hover(e.offsetX, e.offsetY));
    // Escape steps the zoom back out one caller at a time, unless the search box has the keyboard.
    document.addEventListener("keydown", (e) => {
      const { tree, zoom } = this.current;
      if (e.key !== "Escape" || e.target === this.search || !tree || zoom <= 0) return;
      this.zoomNode(tree.parent[zoom]);
    });
    this.canvas.addEventListener("mouseleave", () => (this.tooltip.hidden = true));

    acceptFiles(dropInput, (text, fileName) => this.load(text, fileName));
    // Only a new width needs a redraw: the height follows the tree, and redrawing on it would cut transitions short.
    let width = 0;
    new ResizeObserver((entries) => {
      const now = Math.round(entries[0].contentRect.width);
      if (now === width) return;
      width = now;
      this.flame.resizeTo(now);
      this.chart.fit();
    }).observe(this.canvas.parentElement!);
  }

  private hover(x: number, y: number): void {
    const { tree, deltas } = this.current;
    const node = tree ? this.flame.hit(x, y) : -1;
    if (!tree || node < 0) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.replaceChildren(...tooltipLines(tree, node, this.report.table, this.unit(), deltas));
    this.tooltip.hidden = false;
    const wrap = this.canvas.parentElement!;
    const left = Math.min(x + 14, wrap.clientWidth - this.tooltip.offsetWidth - 4);
    this.tooltip.style.left = `${Math.max(0, left)}px`;
    this.tooltip.style.top = `${y + 16}px`;
  }
}

/** What the page shows before a file is dropped on it. */
export function emptySession(): ProfileSession {
  return {
    schema_version: 1,
    meta: { project: "no data", start_ts: 0, target_binary: "—" },
    summary: { duration_s: 0, cpu_pct_mean: 0, cpu_pct_max: 0, peak_rss_mb: 0, peak_threads: 0, peak_fds: 0, event_count: 0 },
  };
}

function withLargest(deltas: Float64Array): { deltas: Float64Array; largest: number } {
  let largest = 0;
  for (let n = 1; n < deltas.length; n++) largest = Math.max(largest, Math.abs(deltas[n]));
  return { deltas, largest };
}

function ancestors(tree: CallTree, node: number): number[] {
  const path: number[] = [];
  for (let n = node; n > 0; n = tree.parent[n]) path.push(n);
  return path.reverse();
}
