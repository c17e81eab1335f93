// The dashboard: per-miner statistics from the query log, and tokens per day per key, drawn as plain SVG.
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

const COLOURS = ["#2f6fed", "#1e8e3e", "#e0a800", "#b3261e", "#7b4fd6", "#0f9bb0", "#c2185b", "#5d6b7e"];
const UW = 800;

/** Every UTC day from the first to today, as YYYY-MM-DD. */
function daysFrom(first) {
  const days = [];
  const today = new Date().toISOString().slice(0, 10);
  for (let day = new Date(first + "T00:00:00Z"); days.length < 400; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    days.push(iso);
    if (iso >= today) break;
  }
  return days;
}

/** Tokens per day per key: one bar per day, stacked by key, and the rows behind it. */
function usage(history) {
  const svg = $("usage");
  svg.replaceChildren();
  node(svg, "line", {class: "axis", x1: PAD, y1: H - PAD, x2: UW - 5, y2: H - PAD});
  const days = daysFrom(history.since);
  const keys = [...new Set(history.days.map((row) => row.key_id))];
  const tokens = (day, key) => history.days.find((row) => row.day === day && row.key_id === key)?.total_tokens ?? 0;
  const max = Math.max(...days.map((day) => keys.reduce((sum, key) => sum + tokens(day, key), 0)), 1);
  const width = (UW - PAD - 10) / days.length;
  node(svg, "text", {x: PAD + 4, y: 14}, `${max} tokens`);
  days.forEach((day, i) => {
    let top = H - PAD;
    keys.forEach((key, k) => {
      const value = tokens(day, key);
      const height = (value / max) * (H - PAD - 20);
      if (value > 0) {
        node(svg, "rect", {class: "usage-bar", x: (PAD + i * width + 1).toFixed(1), y: (top - height).toFixed(1),
          width: Math.max(1, width - 2).toFixed(1), height: height.toFixed(1), fill: COLOURS[k % COLOURS.length],
          "data-key": key, "data-day": day, "data-value": value})
          .appendChild(document.createElementNS(SVG, "title")).textContent = `${day} · ${key}: ${value} tokens`;
      }
      top -= height;
    });
    if (days.length <= 10 || i % Math.ceil(days.length / 10) === 0) {
      node(svg, "text", {x: (PAD + i * width + 2).toFixed(1), y: H - PAD + 12}, day.slice(5));
    }
  });
  keys.forEach((key, k) => {
    const name = history.days.find((row) => row.key_id === key).name;
    node(svg, "text", {x: UW - 150, y: 14 + 12 * k, fill: COLOURS[k % COLOURS.length]},
      `■ ${name}${name === key ? "" : ` (${key})`}`);
  });
  const body = $("usage-table").querySelector("tbody");
  body.replaceChildren();
  for (const row of [...history.days].sort((a, b) => b.day.localeCompare(a.day) || a.key_id.localeCompare(b.key_id))) {
    const tr = document.createElement("tr");
    for (const cell of [row.day, row.key_id, row.name, row.requests, row.prompt_tokens, row.completion_tokens,
      row.total_tokens]) {
      const td = document.createElement("td");
      td.textContent = cell;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const total = history.days.reduce((sum, row) => sum + row.total_tokens, 0);
  $("usage-summary").textContent = `${total} tokens by ${keys.length} key${keys.length === 1 ? "" : "s"} since ${history.since}`;
}

async function loadUsage() {
  try {
    const response = await fetch(`/usage/daily?since=${encodeURIComponent($("usage-window").value)}`,
      {headers: {"api_key": $("api-key").value, "Accept": "application/json"}});
    const history = await response.json();
    if (!response.ok) throw new Error(history.message || `HTTP ${response.status}`);
    usage(history);
  } catch (problem) {
    $("problem").hidden = false;
    $("problem").textContent = problem.message;
  }
}

$("stats-form").addEventListener("submit", (form) => { load(form); loadUsage(); });
$("usage-window").addEventListener("change", loadUsage);
$("uid").addEventListener("change", () => load());
if ($("api-key").value) { load(); loadUsage(); }
