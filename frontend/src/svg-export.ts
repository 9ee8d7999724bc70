// A standalone SVG of the map as laid out on screen: shapes, edges and labels, so it
// can be printed or put in a handout at any size.
import type { Core } from "cytoscape";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function toSvg(cy: Core): string {
  const visible = cy.elements(":visible");
  const bb = visible.boundingBox({});
  const pad = 20;
  const w = Math.ceil(bb.w + 2 * pad);
  const h = Math.ceil(bb.h + 2 * pad);
  const dx = pad - bb.x1;
  const dy = pad - bb.y1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#2f7d32"/></marker>`,
    `<marker id="tee" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M8,0 L10,0 L10,10 L8,10 z" fill="#b00020"/></marker></defs>`,
  ];
  cy.edges(":visible").forEach((edge) => {
    const s = edge.sourceEndpoint();
    const t = edge.targetEndpoint();
    const kind = String(edge.data("kind"));
    const colour = kind === "supports" ? "#2f7d32" : "#b00020";
    const dash = kind === "attacks" ? ' stroke-dasharray="8 4"' : kind === "rebuts" ? ' stroke-dasharray="2 4"' : "";
    const marker = kind === "supports" ? "arrow" : "tee";
    parts.push(
      `<line class="edge ${kind}" x1="${(s.x + dx).toFixed(1)}" y1="${(s.y + dy).toFixed(1)}" x2="${(t.x + dx).toFixed(1)}" y2="${(t.y + dy).toFixed(1)}" stroke="${colour}" stroke-width="2"${dash} marker-end="url(#${marker})"/>`,
    );
  });
  cy.nodes(":visible").forEach((node) => {
    const p = node.position();
    const nw = node.width();
    const nh = node.height();
    const x = p.x + dx;
    const y = p.y + dy;
    const fill = String(node.style("background-color"));
    const stroke = String(node.style("border-color"));
    const label = String(node.data("short") ?? node.data("label") ?? "");
    const shape =
      node.data("kind") === "position"
        ? `<rect x="${(x - nw / 2).toFixed(1)}" y="${(y - nh / 2).toFixed(1)}" width="${nw.toFixed(1)}" height="${nh.toFixed(1)}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`
        : `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="${(nw / 2).toFixed(1)}" ry="${(nh / 2).toFixed(1)}" fill="${fill}" stroke="${stroke}" stroke-width="3"/>`;
    parts.push(
      `<g class="node" data-id="${esc(node.id())}"><title>${esc(String(node.data("text") ?? ""))}</title>${shape}` +
        `<text x="${x.toFixed(1)}" y="${(y + nh / 2 + 14).toFixed(1)}" text-anchor="middle" font-size="12" fill="#111">${esc(label)}</text></g>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
