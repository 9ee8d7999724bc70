// Large maps, shown a position at a time. Styling and drawing 2,000 points and their
// links before the first frame took seconds, and a wall of 2,000 dots says little to
// a class anyway. So a large map opens with its positions only (and the claims,
// consequences and relations argued with them), each position carrying the number of
// its points; a position's points and their links are added when it is expanded
// (click it, or "Go to", search, "Expand all"). A link from a point still hidden goes,
// for the time being, from or to its position (a "summary" edge, one per pair and
// kind), so no cross-link is out of sight. Positions sit in a grid; an expanded
// position's points fill its cell in layers, what answers to the left of what it
// answers, as ELK's layered layout draws the small maps.
import type { Core, ElementDefinition, NodeSingular } from "cytoscape";
import type { Graph, GraphEdge, GraphNode } from "./graph";

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Fit the view to ``box`` (model coordinates), the zoom kept within ``[low, high]``.
 * A large map fits to its nodes' centres with room for a node around each, not to
 * ``boundingBox()``: that measures every wrapped label first.
 */
export function fitBox(cy: Core, box: Box, padding: number, low = cy.minZoom(), high = cy.maxZoom()): void {
  const w = Math.max(1, box.x2 - box.x1);
  const h = Math.max(1, box.y2 - box.y1);
  const wanted = Math.min((cy.width() - 2 * padding) / w, (cy.height() - 2 * padding) / h);
  const zoom = Math.max(low, Math.min(high, wanted));
  cy.viewport({
    zoom,
    pan: { x: (cy.width() - zoom * (box.x1 + box.x2)) / 2, y: (cy.height() - zoom * (box.y1 + box.y2)) / 2 },
  });
}

/** The centres of ``nodes`` (default: all), widened by ``margin`` on every side. */
function centres(cy: Core, margin: number, nodes = cy.nodes()): Box {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  nodes.forEach((n) => {
    const { x, y } = n.position();
    box.x1 = Math.min(box.x1, x);
    box.y1 = Math.min(box.y1, y);
    box.x2 = Math.max(box.x2, x);
    box.y2 = Math.max(box.y2, y);
  });
  if (!Number.isFinite(box.x1)) return { x1: 0, y1: 0, x2: 1, y2: 1 };
  return { x1: box.x1 - margin, y1: box.y1 - margin, x2: box.x2 + margin, y2: box.y2 + margin };
}

/** Fit the view to the centres of ``nodes`` (default: all), no closer than ``high``. */
export function fitNodes(cy: Core, padding: number, high = cy.maxZoom(), nodes = cy.nodes()): void {
  fitBox(cy, centres(cy, 60, nodes), padding, cy.minZoom(), high);
}

// the grid: a collapsed position's cell, and an expanded one's point cells
const CELL_W = 270;
const CELL_H = 120;
const POINT_W = 200;
const POINT_H = 110;
const ROWS = 8; // points per column in an expanded position

/** Position, for/against and what answers what, from the map's graph. */
export class Disclosure {
  private readonly byId = new Map<string, GraphNode>();
  /** each position's points, by position id, in the order they are laid out */
  private readonly points = new Map<string, GraphNode[]>();
  private readonly touching = new Map<string, GraphEdge[]>();
  private readonly positions: GraphNode[];
  private readonly others: GraphNode[];
  readonly expanded = new Set<string>();

  constructor(
    private readonly cy: Core,
    private readonly graph: Graph,
    private readonly node: (n: GraphNode) => ElementDefinition,
    private readonly edge: (e: GraphEdge) => ElementDefinition,
  ) {
    for (const n of graph.nodes) this.byId.set(n.id, n);
    this.positions = graph.nodes.filter((n) => n.kind === "position");
    for (const e of graph.edges) {
      for (const end of [e.source, e.target]) {
        const list = this.touching.get(end);
        if (list) list.push(e);
        else this.touching.set(end, [e]);
      }
    }
    const answers = new Map<string, string>(); // a point -> what it answers
    for (const e of graph.edges) {
      if (!e.cross && (e.kind === "supports" || e.kind === "attacks")) answers.set(e.source, e.target);
    }
    for (const n of graph.nodes) {
      if (!this.isPoint(n)) continue;
      const list = this.points.get(n.owner as string);
      if (list) list.push(n);
      else this.points.set(n.owner as string, [n]);
    }
    // by depth, then after the points they answer, so an answer sits near its target
    for (const [owner, list] of this.points) {
      const rank = new Map<string, number>([[owner, 0]]);
      const sorted: GraphNode[] = [];
      const byDepth = new Map<number, GraphNode[]>();
      for (const n of list) {
        const d = Math.max(1, n.depth ?? 1);
        byDepth.set(d, [...(byDepth.get(d) ?? []), n]);
      }
      for (const d of [...byDepth.keys()].sort((a, b) => a - b)) {
        const layer = (byDepth.get(d) ?? []).map((n, i) => ({ n, key: rank.get(answers.get(n.id) ?? "") ?? i }));
        layer.sort((a, b) => a.key - b.key);
        for (const { n } of layer) {
          rank.set(n.id, sorted.length);
          sorted.push(n);
        }
      }
      this.points.set(owner, sorted);
    }
    this.others = graph.nodes.filter((n) => n.kind !== "position" && !this.isPoint(n));
  }

  /** A point of a position: shown only while the position is expanded. */
  private isPoint(n: GraphNode): boolean {
    return !!n.owner && n.owner !== n.id && this.byId.get(n.owner)?.kind === "position";
  }

  /** The position a node belongs to, if it is one of a position's points. */
  ownerOf(id: string): string | null {
    const n = this.byId.get(id);
    return n && this.isPoint(n) ? (n.owner as string) : null;
  }

  shown(id: string): boolean {
    const owner = this.ownerOf(id);
    return owner === null || this.expanded.has(owner);
  }

  /** What stands for ``id`` on the map now: itself, or its collapsed position. */
  private holder(id: string): string {
    return this.shown(id) ? id : (this.ownerOf(id) as string);
  }

  count(position: string): number {
    return this.points.get(position)?.length ?? 0;
  }

  /** Every node of the graph whose words contain ``q`` (lower case). */
  find(q: string): GraphNode[] {
    return this.graph.nodes.filter((n) => `${n.label} ${n.text} ${n.id}`.toLowerCase().includes(q));
  }

  /** The elements the map opens with: positions collapsed, the other nodes, their links. */
  initial(): ElementDefinition[] {
    const out: ElementDefinition[] = [];
    for (const p of this.positions) {
      const def = this.node(p);
      const n = this.count(p.id);
      if (n) {
        def.classes = `${String(def.classes ?? "")} collapsed`;
        (def.data as Record<string, unknown>).collapsedLabel = `${String(def.data.short)} (+${n} point${n === 1 ? "" : "s"})`;
      }
      out.push(def);
    }
    for (const o of this.others) out.push(this.node(o));
    for (const e of this.graph.edges) if (this.shown(e.source) && this.shown(e.target)) out.push(this.edge(e));
    out.push(...this.summaries());
    return out;
  }

  /** One edge per (holder, holder, kind) for the links of points still hidden. */
  private summaries(): ElementDefinition[] {
    const found = new Map<string, ElementDefinition>();
    for (const e of this.graph.edges) {
      if (this.shown(e.source) && this.shown(e.target)) continue;
      const source = this.holder(e.source);
      const target = this.holder(e.target);
      if (source === target) continue;
      const id = `summary:${source}>${target}:${e.kind}`;
      const had = found.get(id);
      if (had) (had.data as Record<string, number>).count += 1;
      else found.set(id, { group: "edges", data: { id, source, target, kind: e.kind, count: 1 }, classes: `${e.kind} summary` });
    }
    return [...found.values()];
  }

  private refreshSummaries(): void {
    this.cy.remove(this.cy.edges(".summary"));
    this.cy.add(this.summaries());
  }

  /** Show (``open``) or hide the points of ``positions``, then arrange the grid again. */
  set(positions: string[], open: boolean): void {
    const cy = this.cy;
    cy.batch(() => {
      for (const id of positions) {
        if (!this.count(id) || this.expanded.has(id) === open) continue;
        const points = this.points.get(id) ?? [];
        if (open) {
          this.expanded.add(id);
          cy.add(points.map((n) => this.node(n)));
          const links = new Map<string, ElementDefinition>();
          for (const p of points) {
            for (const e of this.touching.get(p.id) ?? []) {
              if (this.shown(e.source) && this.shown(e.target) && cy.getElementById(e.id).empty()) {
                links.set(e.id, this.edge(e));
              }
            }
          }
          cy.add([...links.values()]);
        } else {
          this.expanded.delete(id);
          const gone = new Set(points.map((n) => n.id));
          cy.remove(cy.nodes().filter((n) => gone.has(n.id())));
        }
        cy.getElementById(id).toggleClass("collapsed", !open);
      }
      this.refreshSummaries();
      this.arrange();
    });
  }

  /** Columns and rows for the positions, wide enough for the map's own shape. */
  private columns(): number {
    const aspect = Math.max(0.5, this.cy.width() / Math.max(1, this.cy.height()));
    return Math.max(1, Math.min(this.positions.length, Math.round(Math.sqrt((this.positions.length * aspect * CELL_H) / CELL_W))));
  }

  private size(position: string): { w: number; h: number } {
    if (!this.expanded.has(position)) return { w: CELL_W, h: CELL_H };
    // a column per ROWS points of one depth
    const byDepth = new Map<number, number>();
    for (const n of this.points.get(position) ?? []) {
      const d = Math.max(1, n.depth ?? 1);
      byDepth.set(d, (byDepth.get(d) ?? 0) + 1);
    }
    let cols = 0;
    for (const k of byDepth.values()) cols += Math.ceil(k / ROWS);
    return { w: CELL_W + cols * POINT_W, h: Math.max(CELL_H, Math.min(ROWS, this.count(position)) * POINT_H) };
  }

  /** Where every node on the map goes; the cell of each position is kept for ``boxOf``. */
  private readonly cells = new Map<string, Box>();

  arrange(): void {
    const cy = this.cy;
    const cols = this.columns();
    const widths: number[] = [];
    const heights: number[] = [];
    this.positions.forEach((p, i) => {
      const { w, h } = this.size(p.id);
      const c = i % cols;
      const r = Math.floor(i / cols);
      widths[c] = Math.max(widths[c] ?? 0, w);
      heights[r] = Math.max(heights[r] ?? 0, h);
    });
    const left = [0];
    for (const w of widths) left.push(left[left.length - 1] + w);
    const top = [0];
    for (const h of heights) top.push(top[top.length - 1] + h);
    cy.batch(() => {
      this.positions.forEach((p, i) => {
        const c = i % cols;
        const r = Math.floor(i / cols);
        const right = left[c + 1];
        const y = top[r] + heights[r] / 2;
        this.cells.set(p.id, { x1: left[c], y1: top[r], x2: right, y2: top[r + 1] });
        cy.getElementById(p.id).position({ x: right - CELL_W / 2, y });
        if (!this.expanded.has(p.id)) return;
        // layers: depth 1 next to the position, deeper further left, ROWS points a column
        const points = this.points.get(p.id) ?? [];
        let column = 0;
        let row = 0;
        let depth = Math.max(1, points[0]?.depth ?? 1);
        const rows = Math.min(ROWS, points.length);
        for (const n of points) {
          const d = Math.max(1, n.depth ?? 1);
          if (d !== depth || row === ROWS) {
            column += 1;
            row = 0;
            depth = d;
          }
          cy.getElementById(n.id).position({
            x: right - CELL_W - (column + 0.5) * POINT_W,
            y: y + (row - (rows - 1) / 2) * POINT_H,
          });
          row += 1;
        }
      });
      // claims, consequences and relations: a row under the grid
      const below = top[top.length - 1] + CELL_H;
      this.others.forEach((o, i) => cy.getElementById(o.id).position({ x: i * CELL_W + CELL_W / 2, y: below }));
    });
  }

  /** The cell of ``position`` (model coordinates), once arranged. */
  boxOf(position: string): Box | undefined {
    return this.cells.get(position);
  }

  /** Make sure ``id`` is on the map (expanding its position), and return its node. */
  reveal(id: string): NodeSingular {
    const owner = this.ownerOf(id);
    if (owner && !this.expanded.has(owner)) this.set([owner], true);
    return this.cy.getElementById(id);
  }
}
