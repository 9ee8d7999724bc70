// Behaviour shared by every page: linked selection of nodes, rebuttal lines on the
// table, live balance-sheet totals, the CSRF header on htmx requests, and answering
// a claim in place on the nested view.
import { installAnswering } from "./answer";
import { installEditing } from "./editing";
import { installUploadProgress } from "./upload";

import { installLater } from "./later";
import { debateId, onSelect, restore, select, selected } from "./selection";

function csrfToken(): string {
  const meta = document.querySelector<HTMLMetaElement>("meta[name='csrf-token']")?.content;
  if (meta) return meta;
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("quaestio_csrf="));
  return cookie ? decodeURIComponent(cookie.slice("quaestio_csrf=".length)) : "";
}

document.body.addEventListener("htmx:configRequest", (event: Event) => {
  const detail = (event as CustomEvent<{ headers: Record<string, string> }>).detail;
  const token = csrfToken();
  if (token) detail.headers["X-CSRF-Token"] = token;
  // a reader who came through a share link keeps reading through it
  const share = new URLSearchParams(window.location.search).get("share");
  if (share) detail.headers["X-Share-Token"] = share;
});

// -- selection from the DOM views ------------------------------------------------------
function nodeOf(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  if (target.closest("a, button, input, select, textarea, label, summary")) return null;
  return target.closest<HTMLElement>("[data-node]");
}

document.addEventListener("click", (event) => {
  const el = nodeOf(event.target);
  if (el?.dataset.node) select(el.dataset.node === selected() ? null : el.dataset.node);
});

document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" && event.key !== " ") return;
  const el = nodeOf(event.target);
  if (el?.dataset.node && el === event.target) {
    event.preventDefault();
    select(el.dataset.node);
  }
});

// -- rebuttal lines on the table ------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";

function drawRebuttals(): void {
  const host = document.querySelector<HTMLElement>("[data-rebuttal-host]");
  if (!host) return;
  host.querySelector("svg.rebuttal-lines")?.remove();
  const svg = document.createElementNS(SVG, "svg");
  svg.classList.add("rebuttal-lines");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("width", String(host.scrollWidth));
  svg.setAttribute("height", String(host.scrollHeight));
  const box = host.getBoundingClientRect();
  let drawn = 0;
  host.querySelectorAll<HTMLElement>("[data-rebuts]").forEach((from) => {
    for (const targetId of (from.dataset.rebuts ?? "").split(" ").filter(Boolean)) {
      const to = host.querySelector<HTMLElement>(`[data-node="${CSS.escape(targetId)}"]`);
      if (!to) continue;
      const a = from.getBoundingClientRect();
      const b = to.getBoundingClientRect();
      const leftToRight = b.left + b.width / 2 < a.left + a.width / 2;
      const x1 = (leftToRight ? a.left : a.right) - box.left + host.scrollLeft;
      const y1 = a.top + Math.min(a.height / 2, 24) - box.top + host.scrollTop;
      const x2 = (leftToRight ? b.right : b.left) - box.left + host.scrollLeft;
      const y2 = b.top + Math.min(b.height / 2, 24) - box.top + host.scrollTop;
      const path = document.createElementNS(SVG, "path");
      const mid = (x1 + x2) / 2;
      path.setAttribute("d", `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`);
      path.setAttribute("class", "rebuttal-line");
      path.dataset.from = from.dataset.node ?? "";
      path.dataset.to = targetId;
      svg.appendChild(path);
      drawn += 1;
    }
  });
  svg.dataset.count = String(drawn);
  host.appendChild(svg);
}

// -- balance sheet: live totals --------------------------------------------------------
function updateBalance(): void {
  const sheet = document.querySelector<HTMLElement>("[data-balance]");
  if (!sheet) return;
  let positive = 0;
  let negative = 0;
  sheet.querySelectorAll<HTMLInputElement>("input[type=range][data-polarity]").forEach((input) => {
    const value = Number(input.value);
    const out = sheet.querySelector<HTMLOutputElement>(`output[for="${CSS.escape(input.id)}"]`);
    if (out) out.value = value.toFixed(2);
    if (input.dataset.polarity === "positive") positive += value;
    else negative += value;
  });
  const net = positive - negative;
  const set = (name: string, v: number): void => {
    const el = sheet.querySelector<HTMLElement>(`[data-total="${name}"]`);
    if (el) el.textContent = v.toFixed(2);
  };
  set("positive", positive);
  set("negative", negative);
  set("net", net);
  const verdict = sheet.querySelector<HTMLElement>("[data-net-verdict]");
  if (verdict) {
    verdict.textContent =
      Math.abs(net) < 0.005 ? "evenly balanced" : net > 0 ? "more positive than negative" : "more negative than positive";
    verdict.dataset.sign = net > 0 ? "positive" : net < 0 ? "negative" : "even";
  }
}

document.addEventListener("input", (event) => {
  const t = event.target;
  if (t instanceof HTMLInputElement && t.dataset.polarity) updateBalance();
  if (t instanceof HTMLInputElement && t.dataset.weightFor) {
    const out = document.querySelector<HTMLOutputElement>(`output[for="${CSS.escape(t.id)}"]`);
    if (out) out.value = Number(t.value).toFixed(2);
  }
});

document.addEventListener("click", (event) => {
  const t = event.target;
  if (t instanceof HTMLElement && t.closest("[data-dismiss]")) {
    const box = document.getElementById("messages");
    if (box) box.innerHTML = "";
  }
});

function start(): void {
  document.documentElement.classList.add("js");
  restore();
  drawRebuttals();
  updateBalance();
  let pending = 0;
  window.addEventListener("resize", () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(drawRebuttals, 100);
  });
  document.body.addEventListener("htmx:afterSettle", () => {
    drawRebuttals();
    updateBalance();
    const id = selected();
    if (id) select(id);
  });
  onSelect(() => undefined);
  installEditing();
  installUploadProgress();

  installLater();
  installAnswering();
  (window as unknown as { quaestio: object }).quaestio = { select, selected, debate: debateId };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
