// The dashboard: per-miner statistics from the query log, drawn as plain SVG.
"use strict";

const $ = (id) => document.getElementById(id);
const KEY = "sn1-api-key";
const SVG = "http://www.w3.org/2000/svg";
const W = 400, H = 240, PAD = 30;

$("api-key").value = sessionStorage.getItem(KEY) || "";

function clear(svg) {
  svg.replaceChildren();
  axes(svg);
}

function node(svg, name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text != null) element.textContent = text;
  svg.appendChild(element);
  return element;
}

function axes(svg) {
  node(svg, "line", {class: "axis", x1: PAD, y1: H - PAD, x2: W - 5, y2: H - PAD});
  node(svg, "line", {class: "axis", x1: PAD, y1: 5, x2: PAD, y2: H - PAD});
}

function scatter(miners) {
  const svg = $("scatter");
  clear(svg);
  const seen = miners.filter((miner) => miner.ttfc_p50 != null);
  const maxX = Math.max(...miners.map((miner) => miner.incentive), 1e-9);
  const maxY = Math.max(...seen.map((miner) => miner.ttfc_p50), 1e-9);
  node(svg, "text", {x: W - 80, y: H - 8}, `incentive ≤ ${maxX.toFixed(3)}`);
  node(svg, "text", {x: PAD + 4, y: 14}, `${maxY.toFixed(2)} s`);
  for (const miner of seen) {
    const x = PAD + (miner.incentive / maxX) * (W - PAD - 10);
    const y = H - PAD - (miner.ttfc_p50 / maxY) * (H - PAD - 10);
    node(svg, "circle", {class: "point", cx: x.toFixed(1), cy: y.toFixed(1), r: 4, "data-uid": miner.uid})
      .appendChild(document.createElementNS(SVG, "title")).textContent =
        `uid ${miner.uid}: incentive ${miner.incentive.toFixed(4)}, ttfc p50 ${miner.ttfc_p50.toFixed(3)} s`;
  }
}

function bars(svg, values, labels) {
  clear(svg);
  const max = Math.max(...values, 1e-9);
  const width = (W - PAD - 10) / values.length;
  values.forEach((value, i) => {
    const height = (value / max) * (H - PAD - 10);
    node(svg, "rect", {class: "bar", x: (PAD + i * width + 1).toFixed(1), y: (H - PAD - height).toFixed(1),
      width: (width - 2).toFixed(1), height: height.toFixed(1), "data-value": value});
    node(svg, "text", {x: (PAD + i * width + 2).toFixed(1), y: H - PAD + 12}, labels[i]);
  });
}

function table(miners) {
  const body = $("leaderboard").querySelector("tbody");
  body.replaceChildren();
  const fixed = (value, digits) => value == null ? "–" : value.toFixed(digits);
  const ranked = [...miners].filter((miner) => miner.queries > 0)
    .sort((a, b) => (b.success_rate - a.success_rate) || ((a.ttfc_p50 ?? 1e9) - (b.ttfc_p50 ?? 1e9)));
  for (const miner of ranked) {
    const row = document.createElement("tr");
    row.dataset.uid = miner.uid;
    for (const cell of [miner.uid, fixed(miner.incentive, 4), miner.queries, `${fixed(miner.success_rate * 100, 0)}%`,
      fixed(miner.ttfc_p50, 3), fixed(miner.ttfc_p95, 3), fixed(miner.total_p50, 3)]) {
      const td = document.createElement("td");
      td.textContent = cell;
      row.appendChild(td);
    }
    body.appendChild(row);
  }
}

/** The miners heard from in the window, to narrow the time charts to one of them. */
function choices(miners, chosen) {
  const select = $("uid");
  select.replaceChildren(new Option("all", ""));
  for (const miner of miners.filter((miner) => miner.queries > 0)) {
    select.appendChild(new Option(`uid ${miner.uid}`, String(miner.uid)));
  }
  select.value = chosen;
}

async function load(form) {
  form?.preventDefault();
  sessionStorage.setItem(KEY, $("api-key").value);
  $("problem").hidden = true;
  try {
    const uid = $("uid").value;
    const response = await fetch(`/miners/stats?since=${encodeURIComponent($("window").value)}`
        + (uid === "" ? "" : `&uid=${encodeURIComponent(uid)}`),
      {headers: {"api_key": $("api-key").value, "Accept": "application/json"}});
    const stats = await response.json();
    if (!response.ok) throw new Error(stats.message || `HTTP ${response.status}`);
    $("summary").textContent =
        `${stats.answers} answer${stats.answers === 1 ? "" : "s"} since ${new Date(stats.since).toLocaleString()}`;
    scatter(stats.miners);
    const hhmm = (iso) => new Date(iso).toTimeString().slice(0, 5);
    bars($("success"), stats.timeline.map((bucket) => bucket.success_rate ?? 0),
      stats.timeline.map((bucket, i) => i % 3 === 0 ? hhmm(bucket.start) : ""));
    const label = (bar) => bar.le == null ? "more" : `≤${bar.le}`;
    bars($("ttfc"), stats.ttfc_histogram.map((bar) => bar.answers), stats.ttfc_histogram.map(label));
    bars($("total"), stats.total_histogram.map((bar) => bar.answers), stats.total_histogram.map(label));
    table(stats.miners);
    choices(stats.miners, uid);
  } catch (problem) {
    $("problem").hidden = false;
    $("problem").textContent = problem.message;
  }
}

$("stats-form").addEventListener("submit", load);
$("uid").addEventListener("change", () => load());
if ($("api-key").value) load();
