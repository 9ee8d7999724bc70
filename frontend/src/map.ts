// The argument map: positions, points at every depth and consequences as a layered
// graph (Cytoscape.js + ELK), each point linked to what it answers, supports and
// attacks drawn differently, cross-links (the graph's typed relations) curved and
// thicker, node size by the computed strength, collapse/expand per position, zoom,
// search and PNG/SVG export. A large map opens with its positions only and shows a
// position's points when it is expanded (big-layout.ts).
import cytoscape from "cytoscape";
import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from "cytoscape";
import { PALETTE, readJson, type Graph, type GraphEdge, type GraphNode } from "./graph";
import { debateId, onSelect, select, selected } from "./selection";
import { toSvg } from "./svg-export";
import { Disclosure, fitBox, fitNodes } from "./big-layout";

const LARGE = 400;

function shorten(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}

function nodeDef(n: GraphNode): ElementDefinition {
  const colour = PALETTE[n.colour % PALETTE.length];
  return {
    group: "nodes",
    data: {
      ...n,
      short: n.kind === "position" ? shorten(n.label, 60) : shorten(n.label, 48),
      fill: n.kind === "position" ? colour : "#ffffff",
      ring: n.kind === "for" ? "#2f7d32" : n.kind === "against" ? "#b00020" : colour,
      size: 32 + 56 * Math.max(0, Math.min(1, n.strength)),
    } as cytoscape.NodeDataDefinition,
    classes: n.kind,
  };
}

function edgeDef(e: GraphEdge): ElementDefinition {
  return {
    group: "edges",
    data: { ...e } as cytoscape.EdgeDataDefinition,
    classes: e.cross ? `${e.kind} cross` : e.kind,
  };
}

function elements(graph: Graph): ElementDefinition[] {
  return [...graph.nodes.map(nodeDef), ...graph.edges.map(edgeDef)];
}

const style: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(short)",
      "font-size": 14,
      "text-wrap": "wrap",
      "text-max-width": "170px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      color: "#111",
      "min-zoomed-font-size": 7,
      width: "data(size)",
      height: "data(size)",
      "background-color": "data(fill)",
      "border-width": 3,
      "border-color": "data(ring)",
    },
  },
  {
    selector: "node.position",
    style: {
      shape: "round-rectangle",
      width: "label",
      height: "label",
      padding: "10px",
      "text-valign": "center",
      "text-margin-y": 0,
      color: "#fff",
      "font-size": 16,
      "font-weight": "bold",
      "text-max-width": "220px",
      "border-color": "#111",
      "border-width": "mapData(strength, 0, 1, 1, 8)",
    },
  },
  { selector: "node.against", style: { "border-style": "double", "border-width": 5 } },
  { selector: "node.consequence", style: { shape: "diamond" } },
  { selector: "node.collapsed", style: { "border-style": "dashed", label: "data(collapsedLabel)" } },
  {
    selector: "edge",
    style: {
      width: 2,
      "curve-style": "bezier",
      "target-arrow-shape": "triangle",
      "line-color": "#2f7d32",
      "target-arrow-color": "#2f7d32",
    },
  },
  {
    selector: "edge.attacks",
    style: {
      "line-style": "dashed",
      "line-color": "#b00020",
      "target-arrow-color": "#b00020",
      "target-arrow-shape": "tee",
    },
  },
  {
    selector: "edge.rebuts",
    style: {
      "line-style": "dotted",
      width: 3,
      "line-color": "#b00020",
      "target-arrow-color": "#b00020",
      "target-arrow-shape": "tee",
    },
  },
  { selector: "node.claim", style: { shape: "hexagon", "background-color": "#eef2f7", "border-color": "#4d5b6a" } },
  { selector: "node.relation", style: { shape: "ellipse", width: 14, height: 14, "font-size": 9, "background-color": "#4d5b6a" } },
  { selector: "edge.cross", style: { width: 3, "curve-style": "unbundled-bezier", "control-point-distances": [40], "control-point-weights": [0.5] } },
  { selector: "edge.undercut", style: { "line-color": "#7b3fa0", "target-arrow-color": "#7b3fa0", "target-arrow-shape": "tee", "line-style": "dashed" } },
  { selector: "edge.contrary, edge.contradictory", style: { "line-color": "#b00020", "target-arrow-color": "#b00020", "source-arrow-color": "#b00020", "source-arrow-shape": "tee", "target-arrow-shape": "tee" } },
  { selector: "edge.rephrase", style: { "line-color": "#4d5b6a", "target-arrow-color": "#4d5b6a", "line-style": "dotted", "target-arrow-shape": "circle" } },
  { selector: "edge.qualifies", style: { "line-color": "#8a6d00", "target-arrow-color": "#8a6d00", "target-arrow-shape": "diamond" } },
  { selector: ".faded", style: { opacity: 0.2 } },
  { selector: "node.match", style: { "underlay-color": "#ffd400", "underlay-opacity": 0.8, "underlay-padding": 6 } },
  {
    selector: "node:selected",
    style: { "overlay-color": "#000", "overlay-opacity": 0.15, "border-color": "#000", "border-width": 6 },
  },
];

/** Zoomed in this far, a large map's 14 px labels draw at 10 px or more: they are given then. */
const NAMED_ZOOM = 10 / 14;

/**
 * A large map is drawn with cheaper edges (straight lines, not curves fitted around
 * each other), and a point's label is given to it (class ``named``) only once it is on
 * screen at a zoom where the label can be read: Cytoscape measures and wraps every
 * label before the first frame, even those too small to draw, which took seconds at
 * 2,000 nodes. Positions keep their labels; the rest of the style is the same.
 */
const largeStyle: StylesheetJson = [
  { selector: "node", style: { label: "", "min-zoomed-font-size": 10 } },
  { selector: "node.position, node.named", style: { label: "data(short)" } },
  // a point's label stays legible over the links that run under it to its position
  { selector: "node.named[kind != \"position\"]", style: { "text-background-color": "#fcfcfc", "text-background-opacity": 0.85, "text-background-padding": "1px" } },
  { selector: "node.collapsed", style: { label: "data(collapsedLabel)" } },
  { selector: "edge, edge.cross", style: { "curve-style": "straight" } },
  // the links of a collapsed position's points, one edge per pair of nodes and kind
  { selector: "edge.summary", style: { width: "mapData(count, 1, 20, 2, 8)", opacity: 0.7 } },
];

/** Name the points on screen once the zoom makes their labels readable (see ``largeStyle``). */
function nameOnScreen(cy: Core): void {
  if (cy.zoom() < NAMED_ZOOM) return;
  const { x1, y1, x2, y2 } = cy.extent();
  const pad = 200;
  const shown = cy.nodes().filter((n) => {
    if (n.hasClass("named")) return false;
    const { x, y } = n.position();
    return x >= x1 - pad && x <= x2 + pad && y >= y1 - pad && y <= y2 + pad;
  });
  if (shown.nonempty()) cy.batch(() => shown.addClass("named"));
}

/** The lowest zoom the map opens at: 14 px labels then draw at 12 px or more. */
const READABLE = 0.86;

/**
 * Open the map readable: fit it to the visible area when that keeps labels legible,
 * otherwise open at a legible zoom around the first position, to pan from.
 */
function openReadable(cy: Core, container: HTMLElement): void {
  cy.fit(undefined, 20);
  if (cy.zoom() < READABLE) {
    cy.zoom(READABLE);
    const first = cy.nodes(".position").first();
    cy.center(first.nonempty() ? first : cy.nodes().first());
  }
  container.dataset.zoom = cy.zoom().toFixed(3);
}

function layoutOptions(n: number, tall = false): cytoscape.LayoutOptions {
  return {
    name: "elk",
    fit: true,
    padding: 20,
    animate: false,
    nodeDimensionsIncludeLabels: n < LARGE,
    elk: {
      algorithm: "layered",
      "elk.direction": tall ? "DOWN" : "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": n < LARGE ? 60 : 30,
      "elk.spacing.nodeNode": n < LARGE ? 20 : 8,
      "elk.layered.crossingMinimization.strategy": n < LARGE ? "LAYER_SWEEP" : "NONE",
      "elk.layered.thoroughness": n < LARGE ? 7 : 1,
      "elk.layered.nodePlacement.strategy": n < LARGE ? "NETWORK_SIMPLEX" : "SIMPLE",
    },
  } as unknown as cytoscape.LayoutOptions;
}

function setStatus(text: string): void {
  const el = document.getElementById("map-status");
  if (el) el.textContent = text;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function evidenceOf(cy: Core, position: NodeSingular) {
  return cy.nodes().filter((n) => n.data("owner") === position.id() && n.id() !== position.id());
}

export function start(): Core | null {
  const container = document.getElementById("map");
  if (!container) return null;
  const graph = readJson<Graph>("graph-data");
  const n = graph.nodes.length;
  const large = n >= LARGE;
  const started = performance.now();
  const cy = cytoscape({
    container,
    // a large map starts with its positions only (see big-layout.ts), added below
    elements: large ? [] : elements(graph),
    // no layout in the constructor: its default (a grid, fitted with every label
    // measured) took 4 of the 5 s a 2,000-node map needed to open; ELK or the grid
    // of positions places the nodes next
    layout: { name: "preset", fit: false },
    style: large ? [...style, ...largeStyle] : style,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    hideLabelsOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : "auto",
  });
  const disclosure = large ? new Disclosure(cy, graph, nodeDef, edgeDef) : null;
  cy.one("render", () => {
    container.dataset.drawnMs = String(Math.round(performance.now() - started));
  });
  const ready = (how: string): void => {
    const ms = Math.round(performance.now() - started);
    container.dataset.ready = "true";
    container.dataset.layoutMs = String(ms);
    setStatus(`${n} nodes, ${graph.edges.length} links, ${how} in ${ms} ms`);
    const id = selected();
    if (id) {
      focus(id, !!disclosure?.ownerOf(id));
      const status = document.getElementById("selection-status");
      const node = cy.getElementById(id);
      if (status && node.nonempty()) status.textContent = `Selected: ${String(node.data("label"))}`;
    }
  };
  if (!disclosure) {
    // ELK's own bundle is loaded only for the maps it lays out (the small ones)
    void import("cytoscape-elk").then(({ default: elk }) => {
      cytoscape.use(elk);
      const layout = cy.layout(layoutOptions(n, container.clientWidth < container.clientHeight));
      layout.one("layoutstop", () => {
        openReadable(cy, container);
        ready("laid out");
      });
      layout.run();
    });
  } else {
    cy.add(disclosure.initial());
    disclosure.arrange();
    fitNodes(cy, 20, 1.25);
    container.dataset.zoom = cy.zoom().toFixed(3);
    let naming = 0;
    cy.on("viewport", () => {
      window.clearTimeout(naming);
      naming = window.setTimeout(() => nameOnScreen(cy), 80);
    });
    // ready once the positions are drawn: the first frame is the usable map
    cy.one("render", () => {
      ready("positions drawn");
      const positions = cy.nodes(".position").length;
      setStatus(
        `${positions} positions of ${n} nodes and ${graph.edges.length} links: ` +
          "click a position (or use Go to, Search, Expand all) to show its points",
      );
    });
  }

  /** Show the expanded ``position``: its own node on the right of its cell, readable. */
  function viewBlock(position: string): void {
    const box = disclosure?.boxOf(position);
    if (!box) return;
    const wide = (cy.width() - 40) / READABLE;
    fitBox(cy, { ...box, x1: Math.max(box.x1, box.x2 - wide) }, 20, READABLE, 1.25);
  }

  function setCollapsed(position: NodeSingular, collapsed: boolean): void {
    if (disclosure) {
      disclosure.set([position.id()], !collapsed);
      if (!collapsed) viewBlock(position.id());
      nameOnScreen(cy);
      const count = disclosure.count(position.id());
      setStatus(`${String(position.data("label"))}: ${count} point${count === 1 ? "" : "s"} ${collapsed ? "hidden" : "shown"}`);
      return;
    }
    const members = evidenceOf(cy, position);
    members.style("display", collapsed ? "none" : "element");
    position.toggleClass("collapsed", collapsed);
    position.data("collapsedLabel", `${position.data("short")} (+${members.length})`);
  }

  function setAll(collapsed: boolean): void {
    const positions = cy.nodes(".position");
    if (!disclosure) {
      cy.batch(() => positions.forEach((p) => setCollapsed(p, collapsed)));
      return;
    }
    if (!collapsed) setStatus(`Showing all ${n} nodes…`);
    // a frame for the status first: adding every point takes a moment
    window.setTimeout(() => {
      disclosure.set(positions.map((p) => p.id()), !collapsed);
      fitNodes(cy, 20, 1.25);
      nameOnScreen(cy);
      setStatus(collapsed ? "Every position collapsed" : `All ${n} nodes shown`);
    }, 30);
  }

  function focus(id: string, fitTo: boolean): void {
    cy.nodes().unselect();
    const node = disclosure ? disclosure.reveal(id) : cy.getElementById(id);
    if (node.nonempty()) {
      node.select();
      // a large map leaves the view alone when the node is already well in sight
      const at = node.renderedPosition();
      const inSight = at.x > 40 && at.x < cy.width() - 40 && at.y > 40 && at.y < cy.height() - 40;
      if (fitTo && disclosure && inSight && cy.zoom() >= READABLE) nameOnScreen(cy);
      else if (fitTo) {
        cy.animate({
          center: { eles: node },
          zoom: Math.max(cy.zoom(), disclosure ? READABLE : cy.zoom()),
          duration: 200,
          complete: () => nameOnScreen(cy),
        });
      }
    }
  }

  let expandedAt = 0;
  cy.on("tap", "node", (event) => {
    const node = event.target as NodeSingular;
    // a large map's collapsed position opens on a click (a double click closes it)
    if (disclosure && node.hasClass("position") && node.hasClass("collapsed")) {
      setCollapsed(node, false);
      expandedAt = performance.now();
    }
    select(node.id());
  });
  cy.on("dbltap", "node.position", (event) => {
    const node = event.target as NodeSingular;
    if (performance.now() - expandedAt < 800) return; // the double click's first click opened it
    setCollapsed(node, !node.hasClass("collapsed"));
  });
  cy.on("tap", (event) => {
    if (event.target === cy) select(null);
  });
  onSelect((id) => {
    if (id) focus(id, true);
    else cy.nodes().unselect();
    const status = document.getElementById("selection-status");
    const node = id ? cy.getElementById(id) : null;
    if (status && node?.nonempty()) status.textContent = `Selected: ${String(node.data("label"))}`;
  });

  // keyboard route to any node: positions as groups, their points inside
  const goto = document.getElementById("map-goto") as HTMLSelectElement | null;
  if (goto) {
    for (const p of graph.nodes.filter((x) => x.kind === "position")) {
      const group = document.createElement("optgroup");
      group.label = p.label;
      const own = document.createElement("option");
      own.value = p.id;
      own.textContent = p.label;
      group.appendChild(own);
      for (const e of graph.nodes.filter((x) => x.owner === p.id && x.id !== p.id)) {
        const opt = document.createElement("option");
        opt.value = e.id;
        const indent = "\u00a0\u00a0".repeat(Math.max(0, (e.depth ?? 1) - 1));
        opt.textContent = `${indent}${e.kind === "for" ? "+" : "−"} ${e.label}`;
        group.appendChild(opt);
      }
      goto.appendChild(group);
    }
    goto.addEventListener("change", () => {
      if (goto.value) select(goto.value);
    });
    onSelect((id) => {
      if (id && goto.value !== id) goto.value = id;
    });
  }

  const search = document.getElementById("map-search") as HTMLInputElement | null;
  /** Mark the matches on the map; a collapsed position holding some is marked too. */
  function highlight(): void {
    const q = search?.value.trim().toLowerCase() ?? "";
    let hidden = 0;
    let total = 0;
    cy.batch(() => {
      cy.elements().removeClass("faded match");
      if (!q) return;
      let hits;
      if (disclosure) {
        const ids = new Set<string>();
        for (const m of disclosure.find(q)) {
          total += 1;
          const owner = disclosure.ownerOf(m.id);
          if (owner && !disclosure.expanded.has(owner)) {
            hidden += 1;
            ids.add(owner);
          } else ids.add(m.id);
        }
        hits = cy.nodes().filter((node) => ids.has(node.id()));
      } else {
        hits = cy.nodes().filter((node) =>
          `${node.data("label")} ${node.data("text")} ${node.id()}`.toLowerCase().includes(q),
        );
        total = hits.length;
      }
      cy.elements().not(hits).addClass("faded");
      hits.addClass("match");
    });
    const more = hidden ? ` (${hidden} inside collapsed positions, marked: press Enter to show them)` : "";
    setStatus(q ? `${total} match${total === 1 ? "" : "es"} for “${search?.value.trim()}”${more}` : "");
  }
  search?.addEventListener("input", highlight);
  search?.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const q = search.value.trim().toLowerCase();
    if (disclosure && q) {
      const owners = new Set<string>();
      for (const m of disclosure.find(q)) {
        const owner = disclosure.ownerOf(m.id);
        if (owner) owners.add(owner);
      }
      disclosure.set([...owners], true);
      highlight();
    }
    const hits = cy.nodes(".match");
    if (hits.nonempty()) {
      if (disclosure) fitNodes(cy, 20, 1.25, hits);
      else cy.fit(hits, 60);
      select(hits[0].id());
    }
  });

  const actions: Record<string, () => void> = {
    "zoom-in": () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
    "zoom-out": () => cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
    fit: () => (large ? fitNodes(cy, 20) : cy.fit(undefined, 20)),
    "collapse-all": () => setAll(true),
    "expand-all": () => setAll(false),
    toggle: () => {
      const id = selected();
      const node = id ? cy.getElementById(id) : null;
      const position = node?.nonempty()
        ? node.hasClass("position")
          ? node
          : cy.getElementById(String(node.data("owner")))
        : null;
      if (position?.nonempty()) setCollapsed(position, !position.hasClass("collapsed"));
    },
    png: () => {
      if (large) cy.batch(() => cy.nodes().addClass("named")); // the picture shows every label
      download(`debate-${debateId()}-map.png`, cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }));
    },
    svg: () => download(`debate-${debateId()}-map.svg`, new Blob([toSvg(cy)], { type: "image/svg+xml" })),
  };
  document.querySelectorAll<HTMLButtonElement>("button[data-map]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.map ?? ""]?.());
  });
  container.addEventListener("keydown", (event) => {
    const key: Record<string, string> = { "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "0": "fit" };
    const action = key[event.key];
    if (action) {
      event.preventDefault();
      actions[action]();
    }
  });
  // a label cut short on the canvas reads in full on hover (the "Go to" list names it whole)
  cy.on("mouseover", "node", (event) => {
    container.title = String(event.target.data("label") ?? "");
  });
  cy.on("mouseout", "node", () => container.removeAttribute("title"));
  (window as unknown as { quaestioMap: Core }).quaestioMap = cy;
  (window as unknown as { quaestioSvg: () => string }).quaestioSvg = () => toSvg(cy);
  return cy;
}

function boot(): void {
  start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
