// htmx controls woken on first use. The editor draws an Edit, a Move and a Delete
// button for every point: at 2,000 points htmx spent about a second of the page's
// load binding 6,000 buttons, of which a teacher clicks a handful. Such a control
// carries its htmx attributes as `data-later-hx-*` (htmx does not read those) and a
// `data-later` flag. Its first click (a key press on a button is a click too) is
// caught on its way down the document: the attributes get their htmx names and htmx
// processes the button before the click reaches it, so that click is the request.

declare const htmx: { process(elt: Element): void };

const PREFIX = "data-later-";

function wake(el: Element): void {
  for (const name of el.getAttributeNames()) {
    if (!name.startsWith(PREFIX)) continue;
    el.setAttribute(name.slice(PREFIX.length), el.getAttribute(name) ?? "");
    el.removeAttribute(name);
  }
  el.removeAttribute("data-later");
  htmx.process(el);
}

export function installLater(): void {
  document.addEventListener(
    "click",
    (event) => {
      const t = event.target;
      const el = t instanceof Element ? t.closest("[data-later]") : null;
      if (el) wake(el);
    },
    true,
  );
}
