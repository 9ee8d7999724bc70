// The shape of the argument graph the server embeds in the map page.
export interface GraphNode {
  id: string;
  kind: "position" | "for" | "against" | "consequence" | "claim" | "relation";
  label: string;
  text: string;
  owner: string | null;
  colour: number;
  strength: number;
  status: string;
  origin: string;
  // 0 for a position, 1 for a point answering it, 2 for a point answering that...
  depth: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: "supports" | "attacks" | "rebuts" | "undercut" | "contrary" | "contradictory" | "rephrase" | "qualifies";
  // a typed relation of the graph (across positions, or on a relation), not the tree
  cross?: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const PALETTE = [
  "#1f5fa8",
  "#b3471d",
  "#2f7d32",
  "#7b3fa0",
  "#8a6d00",
  "#0f7c86",
  "#a3245c",
  "#4d5b6a",
];

export function readJson<T>(id: string): T {
  const el = document.getElementById(id);
  if (!el?.textContent) throw new Error(`missing #${id} data`);
  return JSON.parse(el.textContent) as T;
}
