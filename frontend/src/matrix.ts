// The ACH matrix (Heuer's analysis of competing hypotheses): evidence by
// hypotheses, each cell editable; inconsistency per hypothesis and diagnosticity per
// piece of evidence are recomputed and the table re-sorted on every change.
//
// An editor's ratings are part of the debate: each change is saved through the API
// (PUT/DELETE /api/debates/{id}/ach/{evidence}/{position}) naming the evidence item's
// version, so it is there after a reload, in the verdict and in exports; a stale
// version (someone else rated the same point) shows their state instead. A reader's
// changes are a private what-if kept in this browser only.
import { readJson } from "./graph";
import { debateId, onSelect, select, selected } from "./selection";

type Mark = "CC" | "C" | "N" | "I" | "II" | "NA";
type Origin = "analyst" | "derived";
const MARKS: Mark[] = ["CC", "C", "N", "I", "II", "NA"];
const VALUE: Record<Mark, number | null> = { CC: 2, C: 1, N: 0, I: -1, II: -2, NA: null };
const MEANING: Record<Mark, string> = {
  CC: "very consistent",
  C: "consistent",
  N: "neutral",
  I: "inconsistent",
  II: "very inconsistent",
  NA: "not applicable",
};
const DERIVED = ""; // the option that clears the analyst's rating

/** A saved rating and what the cell held before (null: derived), for "Undo". */
interface Saved {
  evidence: string;
  hypothesis: string;
  before: Mark | null;
}
const undoStack: Saved[] = [];

function refreshUndo(): void {
  const button = document.getElementById("matrix-undo") as HTMLButtonElement | null;
  if (button) button.disabled = undoStack.length === 0;
}

interface MatrixData {
  hypotheses: { id: string; title: string }[];
  evidence: { id: string; label: string; text: string; weight: number }[];
  cells: Record<string, Record<string, Mark>>;
  origin: Record<string, Record<string, Origin>>;
  derived: Record<string, Record<string, Mark>>;
  versions: Record<string, number>;
  can_edit: boolean;
}

interface EvidenceBody {
  id: string;
  ach: Record<string, Mark>;
  version: number;
}

export function inconsistency(data: MatrixData, hypothesis: string): number {
  let score = 0;
  for (const e of data.evidence) {
    const v = VALUE[data.cells[e.id]?.[hypothesis] ?? "N"];
    if (v !== null && v < 0) score += -v * e.weight;
  }
  return score;
}

export function diagnosticity(data: MatrixData, evidence: string): number {
  const values = data.hypotheses
    .map((h) => VALUE[data.cells[evidence]?.[h.id] ?? "N"])
    .filter((v): v is number => v !== null);
  return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / 4 : 0;
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

function csrfToken(): string {
  const meta = document.querySelector<HTMLMetaElement>("meta[name='csrf-token']")?.content;
  if (meta) return meta;
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("quaestio_csrf="));
  return cookie ? decodeURIComponent(cookie.slice("quaestio_csrf=".length)) : "";
}

function saveStatus(text: string, problem = false): void {
  const node = document.getElementById("matrix-save-status");
  if (!node) return;
  node.textContent = text;
  node.classList.toggle("error", problem);
}

/** Take the server's word for one evidence item's analyst cells and version. */
function adopt(data: MatrixData, item: EvidenceBody): void {
  data.versions[item.id] = item.version;
  for (const h of data.hypotheses) {
    const mine = item.ach[h.id];
    (data.cells[item.id] ??= {})[h.id] = mine ?? data.derived[item.id]?.[h.id] ?? "N";
    (data.origin[item.id] ??= {})[h.id] = mine ? "analyst" : "derived";
  }
}

async function persist(data: MatrixData, evidence: string, hypothesis: string, mark: Mark | null): Promise<void> {
  const url = `/api/debates/${debateId()}/ach/${encodeURIComponent(evidence)}/${encodeURIComponent(hypothesis)}`;
  const version = data.versions[evidence] ?? 0;
  const headers: Record<string, string> = { "X-CSRF-Token": csrfToken(), "Content-Type": "application/json" };
  saveStatus("Saving…");
  const response =
    mark === null
      ? await fetch(`${url}?version=${version}`, { method: "DELETE", headers, credentials: "same-origin" })
      : await fetch(url, {
          method: "PUT",
          headers,
          credentials: "same-origin",
          body: JSON.stringify({ version, rating: mark }),
        });
  const body = (await response.json().catch(() => ({}))) as {
    error?: { message?: string };
    current?: EvidenceBody | null;
  } & Partial<EvidenceBody>;
  if (response.ok && body.id) {
    adopt(data, body as EvidenceBody);
    const point = data.evidence.find((e) => e.id === evidence);
    const raw = point?.label || point?.text || "this point";
    const name = raw.length > 60 ? `${raw.slice(0, 59)}…` : raw;
    const against = data.hypotheses.find((h) => h.id === hypothesis)?.title ?? "";
    saveStatus(
      mark === null
        ? `Saved: “${name}” against “${against}” is derived again`
        : `Saved: “${name}” rated ${mark} against “${against}”`,
    );
    return;
  }
  if (response.status === 409 && body.current) {
    adopt(data, body.current);
    saveStatus("Someone else changed this point meanwhile: showing their ratings. Yours was not saved.", true);
    return;
  }
  saveStatus(`Not saved: ${body.error?.message ?? response.statusText}`, true);
  throw new Error("not saved");
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function refocus(host: HTMLElement, evidence: string, hypothesis: string): void {
  host
    .querySelector<HTMLSelectElement>(
      `select[data-evidence="${CSS.escape(evidence)}"][data-hypothesis="${CSS.escape(hypothesis)}"]`,
    )
    ?.focus();
}

/** Past this many evidence rows only the rows in view (and a screenful either side) are
 * in the page: 2,000 points x 20 positions made 40,000 menus and a page that took over a
 * minute to appear. The wrapper scrolls, its header stays put, and spacer rows keep the
 * scroll bar true to the whole matrix. */
const VIRTUAL_ABOVE = 150;
const SPARE_ROWS = 12;
let stopScrolling: (() => void) | null = null;

function virtualise(
  host: HTMLElement,
  body: HTMLTableSectionElement,
  rows: MatrixData["evidence"],
  row: (e: MatrixData["evidence"][number], index: number) => HTMLTableRowElement,
  columns: number,
): void {
  host.classList.add("is-virtual");
  let rowHeight = 0;
  let shown = "";
  const spacer = (height: number): HTMLTableRowElement => {
    const tr = el("tr", undefined, "matrix-spacer");
    tr.setAttribute("aria-hidden", "true");
    const td = el("td");
    td.colSpan = columns;
    td.style.height = `${height}px`;
    td.style.padding = "0";
    td.style.border = "0";
    tr.appendChild(td);
    return tr;
  };
  const draw = (): void => {
    if (!rowHeight) {
      const probe = row(rows[0], 0);
      body.replaceChildren(probe);
      rowHeight = probe.getBoundingClientRect().height || 40;
    }
    const top = Math.max(0, Math.floor(host.scrollTop / rowHeight) - SPARE_ROWS);
    const visible = Math.ceil((host.clientHeight || window.innerHeight) / rowHeight);
    const end = Math.min(rows.length, top + visible + 2 * SPARE_ROWS);
    const key = `${top}:${end}`;
    if (key === shown) return;
    shown = key;
    const focused = document.activeElement as HTMLElement | null;
    const keep = focused && body.contains(focused) ? focused.closest("tr")?.dataset.evidence : undefined;
    const parts: HTMLTableRowElement[] = [spacer(top * rowHeight)];
    for (let i = top; i < end; i++) parts.push(row(rows[i], i));
    parts.push(spacer((rows.length - end) * rowHeight));
    body.replaceChildren(...parts);
    if (keep && focused?.dataset.hypothesis) refocus(host, keep, focused.dataset.hypothesis);
    host.dataset.rows = `${top + 1}-${end} of ${rows.length}`;
  };
  let queued = false;
  const onScroll = (): void => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      draw();
    });
  };
  stopScrolling?.();
  host.addEventListener("scroll", onScroll, { passive: true });
  stopScrolling = () => host.removeEventListener("scroll", onScroll);
  // drawn once the table is in the page, where rows have a height
  queueMicrotask(draw);
}

function render(host: HTMLElement, data: MatrixData, edits: Record<string, Record<string, Mark>>): void {
  const scores = new Map(data.hypotheses.map((h) => [h.id, inconsistency(data, h.id)]));
  const diag = new Map(data.evidence.map((e) => [e.id, diagnosticity(data, e.id)]));
  const hyps = [...data.hypotheses].sort((a, b) => scores.get(a.id)! - scores.get(b.id)! || a.id.localeCompare(b.id));
  const rows = [...data.evidence].sort((a, b) => diag.get(b.id)! - diag.get(a.id)! || a.id.localeCompare(b.id));

  const table = el("table", undefined, "matrix");
  const caption = el(
    "caption",
    "Hypotheses sorted from least to most inconsistent; evidence sorted from most to least diagnostic. " +
      "Cells marked ✎ were rated by the analyst, the others are derived from the debate.",
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
  const columns = 3 + hyps.length;
  const row = (e: MatrixData["evidence"][number], index: number): HTMLTableRowElement => {
    const tr = el("tr");
    tr.dataset.evidence = e.id;
    tr.setAttribute("aria-rowindex", String(index + 2)); // the header row is 1
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
      tr.appendChild(cell(host, data, edits, e, h));
    }
    return tr;
  };
  table.setAttribute("aria-rowcount", String(rows.length + 1));
  if (rows.length <= VIRTUAL_ABOVE) {
    rows.forEach((e, i) => body.appendChild(row(e, i)));
  } else {
    virtualise(host, body, rows, row, columns);
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

function cell(
  host: HTMLElement,
  data: MatrixData,
  edits: Record<string, Record<string, Mark>>,
  e: MatrixData["evidence"][number],
  h: MatrixData["hypotheses"][number],
): HTMLTableCellElement {
  const td = el("td");
  const mark = data.cells[e.id]?.[h.id] ?? "N";
  const origin = data.origin[e.id]?.[h.id] ?? "derived";
  const derived = data.derived[e.id]?.[h.id] ?? "N";
  td.className = `cell mark-${mark} origin-${origin}`;
  td.dataset.origin = origin;
  const sel = el("select");
  sel.setAttribute("aria-label", `${e.label} against hypothesis “${h.title}” (${origin === "analyst" ? "set by the analyst" : "derived"})`);
  sel.dataset.evidence = e.id;
  sel.dataset.hypothesis = h.id;
  if (data.can_edit) {
    const opt = el("option", `${derived} – derived`);
    opt.value = DERIVED;
    opt.selected = origin === "derived";
    sel.appendChild(opt);
  }
  for (const m of MARKS) {
    const opt = el("option", `${m} – ${MEANING[m]}`);
    opt.value = m;
    opt.selected = data.can_edit ? origin === "analyst" && m === mark : m === mark;
    sel.appendChild(opt);
  }
  sel.addEventListener("change", () => {
    const value = sel.value === DERIVED ? null : (sel.value as Mark);
    if (!data.can_edit) {
      (data.cells[e.id] ??= {})[h.id] = value ?? derived;
      (edits[e.id] ??= {})[h.id] = value ?? derived;
      saveEdits(edits);
      render(host, data, edits);
      refocus(host, e.id, h.id);
      return;
    }
    save(host, data, edits, e.id, h.id, value, true);
  });
  td.appendChild(sel);
  if (origin === "analyst") td.appendChild(el("span", "✎", "analyst-mark"));
  return td;
}

/** Show ``value`` at once, save it (versioned), and put the cell back if the save fails. */
function save(
  host: HTMLElement,
  data: MatrixData,
  edits: Record<string, Record<string, Mark>>,
  evidence: string,
  hypothesis: string,
  value: Mark | null,
  remember: boolean,
): void {
  const before = {
    mark: data.cells[evidence]?.[hypothesis] ?? "N",
    origin: data.origin[evidence]?.[hypothesis] ?? "derived",
  };
  (data.cells[evidence] ??= {})[hypothesis] = value ?? data.derived[evidence]?.[hypothesis] ?? "N";
  (data.origin[evidence] ??= {})[hypothesis] = value === null ? "derived" : "analyst";
  render(host, data, edits);
  refocus(host, evidence, hypothesis);
  host.dataset.saving = "true";
  persist(data, evidence, hypothesis, value)
    .then(() => {
      if (remember) {
        undoStack.push({ evidence, hypothesis, before: before.origin === "analyst" ? before.mark : null });
      }
    })
    .catch(() => {
      data.cells[evidence][hypothesis] = before.mark;
      data.origin[evidence][hypothesis] = before.origin;
    })
    .finally(() => {
      render(host, data, edits);
      refocus(host, evidence, hypothesis);
      refreshUndo();
      delete host.dataset.saving;
    });
}

function start(): void {
  const host = document.getElementById("matrix");
  if (!host) return;
  const data = readJson<MatrixData>("matrix-data");
  const edits = data.can_edit ? {} : loadEdits();
  for (const [e, row] of Object.entries(edits)) {
    for (const [h, mark] of Object.entries(row)) {
      if (data.cells[e] && MARKS.includes(mark)) data.cells[e][h] = mark;
    }
  }
  render(host, data, edits);
  document.getElementById("matrix-undo")?.addEventListener("click", () => {
    const last = undoStack.pop();
    refreshUndo();
    if (last) save(host, data, edits, last.evidence, last.hypothesis, last.before, false);
  });
  refreshUndo();
  document.getElementById("matrix-reset")?.addEventListener("click", () => {
    saveEdits({});
    window.location.reload();
  });
  onSelect(() => undefined);
  void select;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
