// Layout for large maps. ELK's layered algorithm needs seconds for thousands of
// nodes, and cytoscape-elk runs it on the page's own thread, which would freeze the
// page. So a large map is first drawn at once in a simple block arrangement (each
// position with its evidence beside it), stays fully usable, and ELK then runs in a
// Web Worker; its result is applied when it arrives.
import type { Core } from "cytoscape";
import ELK from "elkjs/lib/elk-api.js";
import type { ElkNode } from "elkjs/lib/elk-api.js";

export function blockLayout(cy: Core): void {
  const positions = cy.nodes(".position");
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
      const members = cy.nodes().filter((n) => n.data("owner") === p.id() && n.id() !== p.id());
      const rows = Math.ceil(members.length / per);
      members.forEach((n, j) => {
        n.position({ x: left + (j % per) * gap, y: rowTop + Math.floor(j / per) * gap });
      });
      p.position({ x: left + per * gap + 80, y: rowTop + (Math.max(rows, 1) * gap) / 2 });
      rowHeight = Math.max(rowHeight, rows * gap);
    });
  });
  cy.fit(undefined, 20);
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
    cy.fit(undefined, 20);
  } finally {
    elk.terminateWorker();
  }
  return performance.now() - started;
}
