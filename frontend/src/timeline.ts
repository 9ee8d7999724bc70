// The timeline: every dated piece of evidence on a time axis, one lane per position,
// coloured by that position and marked as supporting or countering it.
import { Timeline } from "vis-timeline/standalone";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import { PALETTE, readJson } from "./graph";
import { onSelect, select, selected } from "./selection";

interface TimelineItem {
  id: string;
  node: string;
  year: number;
  end: number;
  span: string;
  full: string;
  label: string;
  text: string;
  stance: "for" | "against" | "event";
  position: string;
  colour: number;
}

interface TimelineData {
  groups: { id: string; title: string; colour: number }[];
  items: TimelineItem[];
}

function esc(text: string): string {
  const div = document.createElement("div");
  div.textContent = text;
  return div.innerHTML;
}

const CLUSTER_ABOVE = 300;

function start(): void {
  const container = document.getElementById("timeline");
  if (!container) return;
  const data = readJson<TimelineData>("timeline-data");
  if (!data.items.length) {
    container.textContent = "No evidence in this debate carries a year.";
    return;
  }
  const groups = (
    data.groups.map((g) => ({
      id: g.id,
      content: `<span class="lane" style="border-color:${PALETTE[g.colour % PALETTE.length]}">${esc(g.title)}</span>`,
    }))
  );
  const items = (
    data.items.map((item) => ({
      id: item.id,
      group: item.position,
      start: new Date(item.year, 0, 1),
      ...(item.end > item.year ? { end: new Date(item.end, 11, 31), type: "range" as const } : {}),
      content: `${item.stance === "for" ? "+" : item.stance === "against" ? "−" : "•"} ${esc(item.label)}`,
      title: `${esc(item.span)} · ${esc(item.stance)} · ${esc(item.full)}`,
      className: `stance-${item.stance} colour-${item.colour % PALETTE.length}`,
      style: `--lane:${PALETTE[item.colour % PALETTE.length]}`,
    }))
  );
  const years = data.items.map((i) => i.year);
  const min = Math.min(...years);
  const max = Math.max(...data.items.map((i) => i.end));
  // Past a few hundred items, vis draws and measures every one before the page answers
  // (28 s for 2,000 points): nearby items of one lane are drawn as one cluster, which
  // opens into its points as the reader zooms in (or double-clicks it).
  const large = items.length > CLUSTER_ABOVE;
  const timeline = new Timeline(container, items, groups, {
    start: new Date(min - 1, 6, 1),
    end: new Date(max + 1, 6, 1),
    stack: true,
    ...(large
      ? {
          cluster: {
            maxItems: 3,
            showStipes: false,
            fitOnDoubleClick: true,
            titleTemplate: "{count} points: zoom in or double-click to see them",
            clusterCriteria: (a: { group?: unknown }, b: { group?: unknown }) => a.group === b.group,
          },
        }
      : {}),
    zoomMin: 1000 * 60 * 60 * 24 * 180,
    orientation: "top",
    selectable: true,
    margin: { item: 6 },
    xss: { disabled: false, filterOptions: { whiteList: { span: ["class", "style"] } } },
  });
  const nodeOf = new Map(data.items.map((i) => [i.id, i.node]));
  timeline.on("select", (props: { items: string[] }) => {
    const first = props.items[0];
    select(first ? (nodeOf.get(first) ?? null) : null);
  });
  const show = (id: string | null): void => {
    const ids = data.items.filter((i) => i.node === id).map((i) => i.id);
    timeline.setSelection(ids);
    if (ids.length) timeline.focus(ids, { animation: false });
  };
  onSelect(show);
  show(selected());
  // ready for people (and tests) once vis has drawn the items, not merely created them
  let drawn = false;
  timeline.on("changed", () => {
    if (!drawn && container.querySelector(".vis-item .vis-item-content, .vis-cluster")) {
      drawn = true;
      // two frames later the browser has painted what vis laid out
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          container.dataset.ready = "true";
        }),
      );
    }
  });
  (window as unknown as { quaestioTimeline: Timeline }).quaestioTimeline = timeline;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
