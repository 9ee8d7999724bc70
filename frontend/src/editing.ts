// The editor's keys, focus and rebuttal picking, and drag-and-drop on the upload page.

// The server keeps the undo and redo stacks (in the revision history), so they
// survive a reload; this file only wires keys, focus and picking a rebutted point.

let picking: HTMLElement | null = null; // the rebuttal picker waiting for a click on a point

function stopPicking(): void {
  if (!picking) return;
  picking.querySelector<HTMLButtonElement>("[data-pick-rebuts]")?.setAttribute("aria-pressed", "false");
  document.body.classList.remove("picking-rebuts");
  picking = null;
}

function pickerStatus(text: string): void {
  const el = document.getElementById("history-status");
  if (el) el.textContent = text;
}

function filterChoices(search: HTMLInputElement): void {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  const box = search.closest("[data-rebuts-picker]");
  box?.querySelectorAll<HTMLElement>("li[data-choice]").forEach((li) => {
    const text = li.dataset.choice ?? "";
    const checked = li.querySelector<HTMLInputElement>("input")?.checked ?? false;
    li.hidden = !checked && !words.every((w) => text.includes(w));
  });
}

let lastFocus = "";
let lastNodes: string[] = [];

export function installEditing(): void {
  document.addEventListener("click", (event) => {
    const t = event.target;
    if (!(t instanceof Element)) return;
    const pick = t.closest<HTMLButtonElement>("[data-pick-rebuts]");
    if (pick) {
      const box = pick.closest<HTMLElement>("[data-rebuts-picker]");
      if (picking === box) {
        stopPicking();
        return;
      }
      stopPicking();
      picking = box;
      pick.setAttribute("aria-pressed", "true");
      document.body.classList.add("picking-rebuts");
      pickerStatus("Click the point this one answers (Esc to stop).");
      return;
    }
    if (!picking) return;
    const card = t.closest<HTMLElement>(".edit-node[data-node]");
    if (!card || card.contains(picking)) return;
    event.preventDefault();
    event.stopPropagation();
    const box = picking.querySelector<HTMLInputElement>(
      `input[name=rebuts][value="${CSS.escape(card.dataset.node ?? "")}"]`,
    );
    if (box) {
      box.checked = !box.checked;
      const li = box.closest("li");
      if (li) li.hidden = false;
      pickerStatus(`${box.checked ? "Answers" : "No longer answers"} “${card.dataset.name ?? ""}” (save to keep).`);
    }
    stopPicking();
  }, true);
  document.addEventListener("input", (event) => {
    const t = event.target;
    if (t instanceof HTMLInputElement && t.matches("[data-rebuts-search]")) filterChoices(t);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && picking) stopPicking();
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
  // a swapped part keeps the keyboard where it was: the same field, or the node named
  document.body.addEventListener("htmx:beforeRequest", () => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    lastFocus = active?.id ?? "";
    // a button with no id (Edit, Move, Delete of a node): come back to its node, or the next one
    const card = active?.closest<HTMLElement>(".edit-node[data-node]");
    const next = card?.nextElementSibling ?? card?.previousElementSibling;
    lastNodes = [card?.dataset.node ?? "", (next as HTMLElement | null)?.dataset?.node ?? ""];
  });
  document.body.addEventListener("htmx:afterRequest", (event: Event) => {
    const detail = (event as CustomEvent<{ elt: Element; successful: boolean }>).detail;
    const form = detail.elt;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-reset-on-success") && detail.successful) {
      if (!document.querySelector("#messages .error")) {
        form.reset();
        form.querySelector<HTMLElement>("textarea, input:not([type=hidden])")?.focus();
      }
    }
  });
  document.body.addEventListener("htmx:afterSettle", () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const again = lastFocus ? document.getElementById(lastFocus) : null;
    if (again) {
      again.focus({ preventScroll: true });
      return;
    }
    for (const node of lastNodes) {
      const card = node ? document.querySelector<HTMLElement>(`.edit-node[data-node="${CSS.escape(node)}"]`) : null;
      const target = card?.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select, button");
      if (target) {
        target.focus({ preventScroll: true });
        return;
      }
    }
  });
  document.body.addEventListener("quaestio:focus", (event: Event) => {
    const node = (event as CustomEvent<{ node: string }>).detail.node;
    const card = document.querySelector<HTMLElement>(`.edit-node[data-node="${CSS.escape(node)}"]`);
    const button = card?.querySelector<HTMLElement>("button");
    if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) return;
    button?.focus({ preventScroll: true });
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
