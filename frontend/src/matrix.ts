// The ACH matrix (Heuer's analysis of competing hypotheses): evidence by
// hypotheses, each cell editable; inconsistency per hypothesis and diagnosticity per
// piece of evidence are recomputed and the table re-sorted on every change.
import { readJson } from "./graph";
import { debateId, onSelect, select, selected } from "./selection";

type Mark = "CC" | "C" | "N" | "I" | "II";
const MARKS: Mark[] = ["CC", "C", "N", "I", "II"];
const VALUE: Record<Mark, number> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };
const MEANING: Record<Mark, string> = {
  CC: "very consistent",
  C: "consistent",
  N: "neutral",
  I: "inconsistent",
  II: "very inconsistent",
};

interface MatrixData {
  hypotheses: { id: string; title: string }[];
  evidence: { id: string; label: string; text: string; weight: number }[];
  cells: Record<string, Record<string, Mark>>;
}

export function inconsistency(data: MatrixData, hypothesis: string): number {
  let score = 0;
  for (const e of data.evidence) {
    const v = VALUE[data.cells[e.id]?.[hypothesis] ?? "N"];
    if (v < 0) score += -v * e.weight;
  }
  return score;
}

export function diagnosticity(data: MatrixData, evidence: string): number {
  const values = data.hypotheses.map((h) => VALUE[data.cells[evidence]?.[h.id] ?? "N"]);
  return values.length ? (Math.max(...values) - Math.min(...values)) / 4 : 0;
}

const storageKey = (): string => `quaestio:matrix:${debateId()}`;

function loadEdits(): Record<string, Record<string, Mark>> {
  try {
    return JSON.parse(localStorage.getItem(storageKey()) ?? "{}") as Record<string, Record<string, Mark>>;
  } catch {
    return {};
  }
}

function saveEdits(edits: Record<string, Record<string, Mark>>): void {
  try {
    localStorage.setItem(storageKey(), JSON.stringify(edits));
  } catch {
    /* private mode: edits live as long as the page */
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function render(host: HTMLElement, data: MatrixData, edits: Record<string, Record<string, Mark>>): void {
  const scores = new Map(data.hypotheses.map((h) => [h.id, inconsistency(data, h.id)]));
  const diag = new Map(data.evidence.map((e) => [e.id, diagnosticity(data, e.id)]));
  const hyps = [...data.hypotheses].sort((a, b) => scores.get(a.id)! - scores.get(b.id)! || a.id.localeCompare(b.id));
  const rows = [...data.evidence].sort((a, b) => diag.get(b.id)! - diag.get(a.id)! || a.id.localeCompare(b.id));

  const table = el("table", undefined, "matrix");
  const caption = el(
    "caption",
    "Hypotheses sorted from least to most inconsistent; evidence sorted from most to least diagnostic.",
  );
  table.appendChild(caption);
  const head = el("thead");
  const hr = el("tr");
  hr.appendChild(el("th", "Evidence"));
  hr.appendChild(el("th", "Weight"));
  hr.appendChild(el("th", "Diagnosticity"));
  hyps.forEach((h, i) => {
    const th = el("th");
    th.scope = "col";
    th.dataset.node = h.id;
    th.dataset.name = h.title;
    th.dataset.hypothesis = h.id;
    th.appendChild(el("span", `${i + 1}. ${h.title}`, "hyp-title"));
    const score = el("span", `inconsistency ${scores.get(h.id)!.toFixed(2)}`, "score");
    score.dataset.score = scores.get(h.id)!.toFixed(3);
    th.appendChild(score);
    hr.appendChild(th);
  });
  head.appendChild(hr);
  table.appendChild(head);
  const body = el("tbody");
  for (const e of rows) {
    const tr = el("tr");
    tr.dataset.evidence = e.id;
    const th = el("th");
    th.scope = "row";
    th.dataset.node = e.id;
    th.dataset.name = e.label;
    th.tabIndex = 0;
    th.title = e.text;
    th.textContent = e.label;
    tr.appendChild(th);
    tr.appendChild(el("td", e.weight.toFixed(2), "num"));
    const d = el("td", diag.get(e.id)!.toFixed(2), "num diag");
    d.dataset.diagnosticity = diag.get(e.id)!.toFixed(3);
    tr.appendChild(d);
    for (const h of hyps) {
      const td = el("td");
      const mark = data.cells[e.id]?.[h.id] ?? "N";
      td.className = `cell mark-${mark}`;
      const sel = el("select");
      sel.setAttribute("aria-label", `${e.label} against hypothesis “${h.title}”`);
      sel.dataset.evidence = e.id;
      sel.dataset.hypothesis = h.id;
      for (const m of MARKS) {
        const opt = el("option", `${m} – ${MEANING[m]}`);
        opt.value = m;
        opt.selected = m === mark;
        sel.appendChild(opt);
      }
      sel.addEventListener("change", () => {
        const value = sel.value as Mark;
        (data.cells[e.id] ??= {})[h.id] = value;
        (edits[e.id] ??= {})[h.id] = value;
        saveEdits(edits);
        render(host, data, edits);
        host.querySelector<HTMLSelectElement>(
          `select[data-evidence="${CSS.escape(e.id)}"][data-hypothesis="${CSS.escape(h.id)}"]`,
        )?.focus();
      });
      td.appendChild(sel);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  host.replaceChildren(table);
  const leader = hyps[0];
  const status = document.getElementById("matrix-status");
  if (status && leader) {
    status.textContent = `Least inconsistent: ${leader.title} (${scores.get(leader.id)!.toFixed(2)})`;
  }
  const id = selected();
  if (id) host.querySelectorAll(`[data-node="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("is-selected"));
  host.dataset.ready = "true";
}

function start(): void {
  const host = document.getElementById("matrix");
  if (!host) return;
  const data = readJson<MatrixData>("matrix-data");
  const edits = loadEdits();
  for (const [e, row] of Object.entries(edits)) {
    for (const [h, mark] of Object.entries(row)) {
      if (data.cells[e] && MARKS.includes(mark)) data.cells[e][h] = mark;
    }
  }
  render(host, data, edits);
  document.getElementById("matrix-reset")?.addEventListener("click", () => {
    saveEdits({});
    window.location.reload();
  });
  onSelect(() => undefined);
  void select;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
