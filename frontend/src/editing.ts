// Undo/redo for the editor and drag-and-drop on the upload page.
// Each save answers with a "quaestio:edited" event holding the node's before/after
// values; undo re-saves "before" at the node's current version (so it can conflict
// like any other edit), redo re-saves "after".

interface Edit {
  node: string;
  history: "edit" | "undo" | "redo";
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

interface Htmx {
  ajax(verb: string, path: string, ctx: { target: Element; swap: string; values: Record<string, unknown> }): Promise<void>;
}

const undo: Edit[] = [];
const redo: Edit[] = [];

function refresh(): void {
  const u = document.getElementById("undo") as HTMLButtonElement | null;
  const r = document.getElementById("redo") as HTMLButtonElement | null;
  if (u) u.disabled = undo.length === 0;
  if (r) r.disabled = redo.length === 0;
}

function status(text: string): void {
  const el = document.getElementById("history-status");
  if (el) el.textContent = text;
}

function replay(edit: Edit, values: Record<string, unknown>, history: "undo" | "redo"): void {
  const target = document.querySelector<HTMLElement>(`.edit-node[data-node="${CSS.escape(edit.node)}"]`);
  const htmx = (window as unknown as { htmx?: Htmx }).htmx;
  if (!target || !htmx) return;
  const debate = document.body.dataset.debate ?? "";
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) clean[k] = v ?? "";
  void htmx.ajax("POST", `/d/${debate}/edit/${encodeURIComponent(edit.node)}`, {
    target,
    swap: "outerHTML",
    values: { ...clean, version: target.dataset.version ?? "0", _history: history },
  });
}

export function installEditing(): void {
  document.body.addEventListener("quaestio:edited", (event: Event) => {
    const edit = (event as CustomEvent<Edit>).detail;
    if (edit.history === "undo") {
      redo.push(edit);
      status(`Undone: ${edit.node}`);
    } else if (edit.history === "redo") {
      undo.push(edit);
      status(`Redone: ${edit.node}`);
    } else {
      undo.push(edit);
      redo.length = 0;
      status(`Saved: ${edit.node}`);
    }
    refresh();
  });
  document.getElementById("undo")?.addEventListener("click", () => {
    const edit = undo.pop();
    if (edit) replay(edit, edit.before, "undo");
    refresh();
  });
  document.getElementById("redo")?.addEventListener("click", () => {
    const edit = redo.pop();
    if (edit) replay(edit, edit.before, "redo"); // the undo event's "before" is what it undid
    refresh();
  });
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || !document.getElementById("undo")) return;
    const inField = event.target instanceof HTMLElement && event.target.closest("input, textarea, select");
    if (inField) return;
    if (event.key === "z" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("undo")?.click();
    } else if (event.key === "y" || (event.key === "z" && event.shiftKey)) {
      event.preventDefault();
      document.getElementById("redo")?.click();
    }
  });

  const zone = document.querySelector<HTMLElement>("[data-dropzone]");
  const input = document.getElementById("upload-file") as HTMLInputElement | null;
  if (zone && input) {
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragover");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragover"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragover");
      if (event.dataTransfer?.files.length) {
        input.files = event.dataTransfer.files;
        (document.getElementById("upload-form") as HTMLFormElement | null)?.requestSubmit();
      }
    });
  }
}
