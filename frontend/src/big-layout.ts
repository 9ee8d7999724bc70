// Layout for large maps. ELK's layered algorithm needs seconds for thousands of
// nodes, and cytoscape-elk runs it on the page's own thread, which would freeze the
// page. So a large map is first drawn at once in a simple block arrangement (each
// position with its evidence beside it), stays fully usable, and ELK then runs in a
// Web Worker; its result is applied when it arrives.
import type { Core, NodeSingular } from "cytoscape";
import ELK from "elkjs/lib/elk-api.js";
import type { ElkNode } from "elkjs/lib/elk-api.js";

/** The points of each position, by its id: one pass over the nodes, not one per position. */
function membersByOwner(cy: Core): Map<string, NodeSingular[]> {
  const out = new Map<string, NodeSingular[]>();
  cy.nodes().forEach((n) => {
    const owner = String(n.data("owner") ?? "");
    if (!owner || owner === n.id()) return;
    const list = out.get(owner);
    if (list) list.push(n);
    else out.set(owner, [n]);
  });
  return out;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Fit the view to ``box`` (model coordinates). A large map fits to its nodes' centres
 * with room for a node around each, not to ``boundingBox()``: that measures every
 * wrapped label first, which took longer than drawing the map.
 */
export function fitBox(cy: Core, box: Box, padding: number): void {
  const w = Math.max(1, box.x2 - box.x1);
  const h = Math.max(1, box.y2 - box.y1);
  const wanted = Math.min((cy.width() - 2 * padding) / w, (cy.height() - 2 * padding) / h);
  const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), wanted));
  cy.viewport({
    zoom,
    pan: { x: (cy.width() - zoom * (box.x1 + box.x2)) / 2, y: (cy.height() - zoom * (box.y1 + box.y2)) / 2 },
  });
}

/** The nodes' centres, widened by ``margin`` on every side. */
function centres(cy: Core, margin: number): Box {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  cy.nodes().forEach((n) => {
    const { x, y } = n.position();
    box.x1 = Math.min(box.x1, x);
    box.y1 = Math.min(box.y1, y);
    box.x2 = Math.max(box.x2, x);
    box.y2 = Math.max(box.y2, y);
  });
  if (!Number.isFinite(box.x1)) return { x1: 0, y1: 0, x2: 1, y2: 1 };
  return { x1: box.x1 - margin, y1: box.y1 - margin, x2: box.x2 + margin, y2: box.y2 + margin };
}

export function fitNodes(cy: Core, padding: number): void {
  fitBox(cy, centres(cy, 60), padding);
}

/**
 * Put each position with its points beside it in a grid of blocks, and open the map
 * fitted to the nodes.
 */
export function blockLayout(cy: Core): void {
  const positions = cy.nodes(".position");
  const byOwner = membersByOwner(cy);
  const cols = Math.max(1, Math.ceil(Math.sqrt(positions.length)));
  const per = 7; // evidence columns in one block
  const gap = 46;
  let rowTop = 0;
  let rowHeight = 0;
  cy.batch(() => {
    positions.forEach((p, i) => {
      const col = i % cols;
      if (col === 0 && i > 0) {
        rowTop += rowHeight + 120;
        rowHeight = 0;
      }
      const left = col * (per * gap + 260);
      const members = byOwner.get(p.id()) ?? [];
      const rows = Math.ceil(members.length / per);
      members.forEach((n, j) => {
        n.position({ x: left + (j % per) * gap, y: rowTop + Math.floor(j / per) * gap });
      });
      p.position({ x: left + per * gap + 80, y: rowTop + (Math.max(rows, 1) * gap) / 2 });
      rowHeight = Math.max(rowHeight, rows * gap);
    });
  });
  fitNodes(cy, 20);
}

export async function elkInWorker(cy: Core, options: Record<string, string>): Promise<number> {
  const started = performance.now();
  const elk = new ELK({ workerUrl: "/static/dist/elk-worker.min.js" });
  const graph: ElkNode = {
    id: "root",
    layoutOptions: options,
    children: cy.nodes().map((n) => ({ id: n.id(), width: n.outerWidth(), height: n.outerHeight() })),
    edges: cy.edges().map((e) => ({ id: e.id(), sources: [e.source().id()], targets: [e.target().id()] })),
  };
  try {
    const out = await elk.layout(graph);
    cy.batch(() => {
      for (const c of out.children ?? []) {
        cy.getElementById(c.id).position({ x: (c.x ?? 0) + (c.width ?? 0) / 2, y: (c.y ?? 0) + (c.height ?? 0) / 2 });
      }
    });
    fitNodes(cy, 20);
  } finally {
    elk.terminateWorker();
  }
  return performance.now() - started;
}
