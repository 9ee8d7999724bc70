// Answering a claim in place on the nested view: a point for or against any claim
// is posted to the REST API and drawn at once under the claim it answers (no reload,
// the page keeps its scroll); the status line names both by their text.

interface Created {
  id: string;
  position_id: string;
  parent: string | null;
  stance: "for" | "against";
  text: string;
}

function csrf(): string {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("quaestio_csrf="));
  return cookie ? decodeURIComponent(cookie.slice("quaestio_csrf=".length)) : "";
}

function opening(text: string, n = 60): string {
  const flat = text.split(/\s+/).join(" ").trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}

function status(text: string): void {
  const el = document.getElementById("tree-status");
  if (el) el.textContent = text;
}

function branchFor(point: Created): HTMLElement | null {
  const template = document.getElementById("branch-template") as HTMLTemplateElement | null;
  const li = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
  if (!li) return null;
  li.classList.add(point.stance);
  li.id = `node-${point.id}`;
  li.dataset.node = point.id;
  li.dataset.name = opening(point.text, 48);
  const badge = li.querySelector(".stance-badge");
  if (badge) badge.textContent = point.stance === "for" ? "For" : "Against";
  const text = li.querySelector(".text");
  if (text) text.textContent = point.text;
  const details = li.querySelector<HTMLElement>("details.answer");
  if (details) {
    details.dataset.parent = point.id;
    details.dataset.position = point.position_id;
    details.dataset.name = opening(point.text, 48);
  }
  li.querySelector("ul.children")?.setAttribute("aria-label", `Points answering ${opening(point.text, 48)}`);
  return li;
}

async function answer(form: HTMLFormElement): Promise<void> {
  const host = document.querySelector<HTMLElement>(".tree[data-debate]");
  if (!host) return;
  const data = new FormData(form);
  const text = String(data.get("text") ?? "").trim();
  const stance = String(data.get("stance") ?? "for");
  if (!text) return;
  const body: Record<string, string> = { stance, text };
  if (form.dataset.parent) body.parent = form.dataset.parent;
  else body.position_id = form.dataset.position ?? "";
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const response = await fetch(`/api/debates/${host.dataset.debate}/evidence`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Created & { error?: { message: string } };
    if (!response.ok) {
      status(`Not added: ${json.error?.message ?? response.statusText}`);
      return;
    }
    const li = branchFor(json);
    const holder = form.closest("li.branch, section.tree-root");
    const list = holder?.querySelector(":scope > ul.children");
    if (li && list) {
      list.appendChild(li);
      li.dataset.depth = String(Number((holder as HTMLElement).dataset.depth ?? "0") + 1);
    }
    form.reset();
    (form.closest("details") as HTMLDetailsElement | null)?.removeAttribute("open");
    status(`Added a point ${stance} “${form.dataset.name ?? ""}”: “${opening(text)}”`);
  } catch (err) {
    status(`Not added: ${String(err)}`);
  } finally {
    if (button) button.disabled = false;
  }
}

/** The answer form, put into a claim's "Answer" when it is first opened. */
function formFor(details: HTMLElement): void {
  if (details.querySelector("form.answer-form")) return;
  const template = document.getElementById("answer-form-template") as HTMLTemplateElement | null;
  const form = template?.content.firstElementChild?.cloneNode(true) as HTMLFormElement | undefined;
  if (!form) return;
  form.dataset.parent = details.dataset.parent ?? "";
  form.dataset.position = details.dataset.position ?? "";
  form.dataset.name = details.dataset.name ?? "";
  details.appendChild(form);
  form.querySelector("textarea")?.focus();
}

export function installAnswering(): void {
  // toggle does not bubble: listen in the capture phase for every "Answer" at once
  document.addEventListener(
    "toggle",
    (event) => {
      const t = event.target;
      if (t instanceof HTMLDetailsElement && t.open && t.classList.contains("answer")) formFor(t);
    },
    true,
  );
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("answer-form")) return;
    event.preventDefault();
    void answer(form);
  });
}
