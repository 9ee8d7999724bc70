// Linked selection: choosing a node in any view highlights it in every other view
// of the same debate, in this tab (listeners), in other open tabs (BroadcastChannel)
// and on the next page loaded (sessionStorage and the ?sel= parameter on view links).

export type Listener = (id: string | null) => void;

const listeners: Listener[] = [];
let current: string | null = null;

export function debateId(): string {
  return document.body.dataset.debate ?? "";
}

const storageKey = (): string => `quaestio:selection:${debateId()}`;

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("quaestio-selection");

channel?.addEventListener("message", (event: MessageEvent) => {
  const data = event.data as { debate?: string; id?: string | null };
  if (data.debate === debateId() && data.id !== current) {
    apply(data.id ?? null, false);
  }
});

export function onSelect(listener: Listener): void {
  listeners.push(listener);
}

export function selected(): string | null {
  return current;
}

function cssId(id: string): string {
  return typeof CSS !== "undefined" && CSS.escape ? CSS.escape(id) : id.replace(/"/g, '\\"');
}

/** Mark every element that stands for the node, and keep view links carrying it. */
function highlight(id: string | null, scroll: boolean): void {
  document.querySelectorAll(".is-selected").forEach((el) => el.classList.remove("is-selected"));
  document.querySelectorAll<HTMLElement>("[aria-current='true'][data-node]").forEach((el) =>
    el.removeAttribute("aria-current"),
  );
  if (id) {
    const matches = document.querySelectorAll<HTMLElement>(`[data-node="${cssId(id)}"]`);
    matches.forEach((el) => {
      el.classList.add("is-selected");
      el.setAttribute("aria-current", "true");
    });
    if (scroll && matches.length) {
      matches[0].scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }
  const status = document.getElementById("selection-status");
  if (status) {
    const name = id ? document.querySelector<HTMLElement>(`[data-node="${cssId(id)}"]`)?.dataset.name : null;
    status.textContent = id ? `Selected: ${name ?? id}` : "";
  }
  document.querySelectorAll<HTMLAnchorElement>("a[data-view-link]").forEach((a) => {
    const url = new URL(a.href, window.location.href);
    if (id) url.searchParams.set("sel", id);
    else url.searchParams.delete("sel");
    a.href = url.pathname + url.search;
  });
}

function apply(id: string | null, broadcast: boolean, scroll = true): void {
  current = id;
  try {
    if (id) sessionStorage.setItem(storageKey(), id);
    else sessionStorage.removeItem(storageKey());
  } catch {
    /* storage may be disabled: selection still works within the page */
  }
  highlight(id, scroll);
  for (const listener of listeners) listener(id);
  if (broadcast) channel?.postMessage({ debate: debateId(), id });
}

export function select(id: string | null): void {
  apply(id, true);
}

/** The selection a page starts with: the link's ?sel= wins over the last one seen. */
export function restore(): void {
  const fromUrl = new URLSearchParams(window.location.search).get("sel");
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(storageKey());
  } catch {
    stored = null;
  }
  const id = fromUrl ?? stored;
  if (id) apply(id, false, true);
}
