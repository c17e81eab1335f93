// The playground: sends a traced chat and shows the delivered answer beside one lane per miner.
"use strict";

const $ = (id) => document.getElementById(id);
const KEY = "sn1-api-key";

$("api-key").value = sessionStorage.getItem(KEY) || "";
$("api-key").addEventListener("change", () => sessionStorage.setItem(KEY, $("api-key").value));

// A chat never asks a uid twice, so its lane is found by uid; the label says which wave asked it.
function lane(uid, wave) {
  let element = document.querySelector(`.lane[data-uid="${uid}"]`);
  if (!element) {
    element = document.createElement("div");
    element.className = "lane";
    element.dataset.uid = uid;
    element.innerHTML = `<div class="head"><span class="who"></span><span class="status">asked</span></div>
      <div class="times"></div><div class="reason"></div><div class="text"></div>`;
    $("lanes").appendChild(element);
  }
  if (wave != null) {
    element.querySelector(".who").textContent = `uid ${uid} · wave ${wave}`;
  } else if (!element.querySelector(".who").textContent) {
    element.querySelector(".who").textContent = `uid ${uid}`;
  }
  return element;
}

function seconds(value) {
  return value == null ? "–" : `${value.toFixed(3)} s`;
}

function showMiner(miner) {
  const element = lane(miner.uid, miner.wave);
  const status = miner.phase === "first_chunk" ? "streaming" : miner.status;
  element.querySelector(".status").textContent = status;
  element.className = `lane ${miner.status}`;
  element.querySelector(".times").textContent =
      `first chunk ${seconds(miner.time_to_first_chunk)} · total ${seconds(miner.total_time)}`;
  element.querySelector(".reason").textContent = miner.reason || "";
  if (miner.text != null) {
    element.querySelector(".text").textContent = miner.text;
  }
}

function finish(summary) {
  for (const miner of summary.miners || []) {
    const element = lane(miner.uid, miner.wave);
    element.className = `lane ${miner.status}`;
    element.querySelector(".status").textContent = miner.status;
    element.querySelector(".reason").textContent = miner.reason || "";
  }
  if (summary.uid != null) {
    const chosen = lane(summary.uid);
    chosen.classList.add("selected");
    chosen.querySelector(".status").textContent = `selected (${summary.selected_by})`;
  }
  $("answer-meta").textContent = `from uid ${summary.uid ?? "–"} in ${seconds(summary.timing)}`;
}

function handle(event, data) {
  switch (event) {
    case "chunk": $("answer").textContent += data.delta; break;
    case "miner": showMiner(data); break;
    case "error": $("problem").hidden = false; $("problem").textContent = data.error; break;
    case "done": finish(data); break;
  }
}

async function send(form) {
  form.preventDefault();
  $("send").disabled = true;
  $("answer").textContent = "";
  $("answer-meta").textContent = "";
  $("lanes").replaceChildren();
  $("problem").hidden = true;
  sessionStorage.setItem(KEY, $("api-key").value);
  try {
    const response = await fetch("/chat", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "text/event-stream", "api_key": $("api-key").value},
      body: JSON.stringify({
        messages: [$("prompt").value], roles: ["user"], k: Number($("k").value), prefer: $("prefer").value,
        sampling_mode: $("sampling-mode").value, trace: true
      })
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.message || (body.errors || []).join("; ") || `HTTP ${response.status}`);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, {stream: true});
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data = [];
        for (const line of frame.split("\n")) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
        }
        if (data.length) handle(event, JSON.parse(data.join("\n")));
      }
    }
  } catch (problem) {
    $("problem").hidden = false;
    $("problem").textContent = problem.message;
  } finally {
    $("send").disabled = false;
  }
}

$("chat-form").addEventListener("submit", send);
