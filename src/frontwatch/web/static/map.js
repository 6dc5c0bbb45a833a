/* frontwatch map page: who holds which place on the chosen day, and the evidence on a click.
 *
 * Uses common.js (safe DOM helpers, the data layer). Works served (fetching /api/...) and as
 * an offline file (the data are in <script type="application/json" id="fw-data">).
 */
"use strict";

/* -- colours ---------------------------------------------------------------------------- */
const assigned = new Map(); // side -> colour, kept for the session so a side keeps its colour on every day
function colourOf(key) {
  if (!key) return "#999999";
  if (assigned.has(key)) return assigned.get(key);
  let h = 0;
  for (const ch of String(key)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  const used = new Set(assigned.values());
  let colour = PALETTE[h % PALETTE.length];
  for (let i = 0; i < PALETTE.length && used.has(colour); i++) colour = PALETTE[(h + i + 1) % PALETTE.length];
  assigned.set(key, colour);
  return colour;
}
function groupOf(p) { return p.side || p.controller || ""; }

/* -- the map ------------------------------------------------------------------------------ */
const view = { places: [], day: null, period: null, selected: null, k: 1, box: null, cosLat: 1 };

function project(lon, lat) { return [lon * view.cosLat, -lat]; }

function kindOf(p) {
  const feature = String(p.feature || "").toLowerCase();
  if (REGION_FEATURES.has(feature) || p.geo_precision === 3) return "region";
  if (SMALL_FEATURES.has(feature)) return "small";
  return "town";
}

function drawBorders(borders) {
  const g = document.getElementById("borders");
  g.replaceChildren();
  for (const country of borders.countries || []) {
    let d = "";
    for (const ring of country.rings) {
      for (let i = 0; i < ring.length; i += 2) {
        const [x, y] = project(ring[i], ring[i + 1]);
        d += (i === 0 ? "M" : "L") + x.toFixed(3) + " " + y.toFixed(3);
      }
      d += "Z";
    }
    const path = svg("path", { d, class: "country" });
    const title = svg("title");
    title.textContent = country.name;
    path.append(title);
    g.append(path);
  }
}

/** The places around the densest spot (a few far-off places should not shrink the view to the world). */
function mainCluster(places, radius) {
  if (places.length < 3) return places;
  const sample = places.length > 400 ? places.filter((_, i) => i % Math.ceil(places.length / 400) === 0) : places;
  let best = null, bestCount = -1;
  for (const c of sample) {
    let n = 0;
    for (const p of places) if (Math.abs(p.lat - c.lat) <= radius && Math.abs(p.lon - c.lon) <= radius) n++;
    if (n > bestCount) { best = c; bestCount = n; }
  }
  const near = places.filter((p) => Math.abs(p.lat - best.lat) <= radius * 2 && Math.abs(p.lon - best.lon) <= radius * 2);
  return near.length >= places.length * 0.4 ? near : places;
}

function fitTo(places, minSpan) {
  let box;
  if (places.length) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of places) {
      const [x, y] = project(p.lon, p.lat);
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
    const w = Math.max(x1 - x0, minSpan || 0.08), h = Math.max(y1 - y0, (minSpan || 0.08) * 0.75);
    const pad = 0.25;
    box = [x0 - w * pad - (w - (x1 - x0)) / 2, y0 - h * pad - (h - (y1 - y0)) / 2, w * (1 + 2 * pad), h * (1 + 2 * pad)];
  } else {
    box = [-180 * view.cosLat, -85, 360 * view.cosLat, 170];
  }
  setBox(box);
}

/** Show ``box`` (x, y, w, h in map units), widened to the window's aspect so it is exactly what is seen. */
function setBox(box) {
  const svgEl = document.getElementById("map");
  const width = svgEl.clientWidth || 800, height = svgEl.clientHeight || 600;
  let [x, y, w, h] = box;
  if (w / h < width / height) { const w2 = (h * width) / height; x -= (w2 - w) / 2; w = w2; }
  else { const h2 = (w * height) / width; y -= (h2 - h) / 2; h = h2; }
  view.box = [x, y, w, h];
  svgEl.setAttribute("viewBox", view.box.map((v) => v.toFixed(5)).join(" "));
  view.k = w / width; // map units per screen pixel
  svgEl.style.setProperty("--k", String(view.k));
  document.getElementById("hatch").setAttribute("patternTransform", "rotate(45) scale(" + view.k + ")");
  if (!view.labelFrame) view.labelFrame = requestAnimationFrame(() => { view.labelFrame = 0; layoutLabels(); });
}

/** One listener for every place (a click or Enter opens its panel). */
function enablePlaceEvents() {
  const g = document.getElementById("places");
  const pick = (ev) => {
    const node = ev.target.closest ? ev.target.closest(".place") : null;
    const p = node && view.byId ? view.byId.get(node.dataset.id) : null;
    if (p) openPanel(p);
  };
  g.addEventListener("click", pick);
  g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(ev); });
}

function enablePanZoom() {
  const svgEl = document.getElementById("map");
  svgEl.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [x, y, w, h] = view.box;
    const rect = svgEl.getBoundingClientRect();
    const fx = (ev.clientX - rect.left) / rect.width, fy = (ev.clientY - rect.top) / rect.height;
    const f = ev.deltaY > 0 ? 1.25 : 0.8;
    setBox([x + w * fx * (1 - f), y + h * fy * (1 - f), w * f, h * f]);
  }, { passive: false });
  let drag = null;
  svgEl.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest && ev.target.closest(".place")) return;
    drag = { x: ev.clientX, y: ev.clientY, box: view.box.slice() };
  });
  window.addEventListener("pointerup", () => { drag = null; });
  window.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const [x, y, w, h] = drag.box;
    setBox([x - (ev.clientX - drag.x) * view.k, y - (ev.clientY - drag.y) * view.k, w, h]);
  });
}

function renderPlaces() {
  const side = document.getElementById("side-filter").value;
  const shown = view.places.filter((p) => !side || groupOf(p) === side);
  const byKind = { region: [], town: [], small: [] };
  for (const p of shown) byKind[kindOf(p)].push(p);
  const many = shown.length > 2000; // then no tooltips and no hatching: the dashed ring marks contested
  const colours = new Map();
  const selected = view.selected ? String(view.selected.id) : null;
  const frag = document.createDocumentFragment();
  const labelFrag = document.createDocumentFragment();
  for (const kind of ["region", "town", "small"]) { // big shapes below small ones
    for (const p of byKind[kind]) {
      const [x, y] = project(p.lon, p.lat);
      const group = groupOf(p);
      if (!colours.has(group)) colours.set(group, colourOf(group));
      const id = String(p.id);
      const node = document.createElementNS(SVG_NS, "circle");
      node.setAttribute("cx", x);
      node.setAttribute("cy", y);
      node.setAttribute("class", "place " + kind + (p.contested ? " contested" : "") + (id === selected ? " selected" : ""));
      node.setAttribute("fill", colours.get(group));
      node.setAttribute("data-id", id);
      node.setAttribute("data-controller", fmt(p.controller, ""));
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      if (!many) {
        const title = document.createElementNS(SVG_NS, "title");
        title.textContent = fmt(p.name) + ": " + (p.controller ? fmt(p.controller) : "no controller known") + (p.contested ? " (contested)" : "");
        node.append(title);
      }
      frag.append(node);
      if (p.contested && !many) frag.append(svg("circle", { cx: x, cy: y, class: "hatched " + kind, fill: "url(#hatch)" }));
      if (shown.length <= 80) {
        const label = svg("text", { x: x, y: y, class: "label", "data-id": id });
        label.textContent = fmt(p.name);
        labelFrag.append(label);
      }
    }
  }
  view.byId = new Map(shown.map((p) => [String(p.id), p]));
  document.getElementById("places").replaceChildren(frag);
  document.getElementById("labels").replaceChildren(labelFrag);
  layoutLabels();
  renderLegend(shown);
}

/** Hide labels that would overlap one already shown (the selected place's label goes first). */
function layoutLabels() {
  const labels = [...document.querySelectorAll("#labels .label")];
  if (!labels.length || !view.box) return;
  const selected = view.selected ? String(view.selected.id) : null;
  labels.sort((a, b) => (b.dataset.id === selected) - (a.dataset.id === selected));
  const placed = [];
  for (const label of labels) {
    const x = (Number(label.getAttribute("x")) - view.box[0]) / view.k + 10;
    const y = (Number(label.getAttribute("y")) - view.box[1]) / view.k - 8;
    const box = [x, y, x + label.textContent.length * 6.6, y + 14];
    const clash = placed.some((o) => box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]);
    label.classList.toggle("hidden-label", clash);
    if (!clash) placed.push(box);
  }
}

function renderLegend(places) {
  const groups = new Map();
  for (const p of places) groups.set(groupOf(p), (groups.get(groupOf(p)) || 0) + 1);
  const legend = document.getElementById("legend");
  const items = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) =>
    el("li", {}, el("span", { className: "swatch", "data-colour": colourOf(name) }), (name || "no controller known") + " (" + n + ")"));
  items.push(el("li", { className: "key" }, el("span", { className: "swatch contested" }), "contested"));
  items.push(el("li", { className: "key" }, "small dot: neighbourhood · dot: town · shaded circle: region"));
  legend.replaceChildren(...items);
  for (const s of legend.querySelectorAll(".swatch[data-colour]")) s.style.background = s.dataset.colour;
}

function fillSelect(id, values) {
  const select = document.getElementById(id);
  const current = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...values.map((v) => el("option", { value: v, text: v })));
  if (values.includes(current)) select.value = current;
}

async function loadDay(day, preloaded) {
  const source = document.getElementById("source-filter").value;
  try {
    const result = preloaded || (await data.map(day, source));
    view.places = result.places || [];
    view.day = result.day;
    document.getElementById("day-label").textContent = result.day || "no data";
    const sides = [...new Set(view.places.map(groupOf).filter(Boolean))].sort();
    fillSelect("side-filter", sides);
    renderPlaces();
    say(view.places.length ? "" : "No place has a control claim on or before this day.");
    if (view.selected) {
      const again = view.places.find((p) => String(p.id) === String(view.selected.id));
      if (again) openPanel(again); else closePanel();
    }
    document.body.dataset.day = result.day || "";
    document.body.dataset.ready = "1";
    return result;
  } catch (e) {
    say(e.message);
    document.body.dataset.ready = "error";
    return null;
  }
}

/* -- the click panel --------------------------------------------------------------------- */
function closePanel() {
  view.selected = null;
  markSelected(null);
  const panel = document.getElementById("panel");
  panel.hidden = true;
  panel.replaceChildren();
}

function reportOf(c) {
  if (c.report_id) return String(c.report_id);
  const id = String(c.claim_id || "");
  return id.includes(":") ? id.slice(0, id.lastIndexOf(":")) : null;
}

function evidenceItem(c) {
  const reportId = reportOf(c);
  const link = safeHref(c.url);
  let meta;
  if (c.kind === "denial") {
    meta = "a reader denies it: " + fmt(c.author, "anonymous") + " (stance confidence " + pct(c.confidence) + ")";
  } else {
    const where = c.field && c.field !== "title" && c.field !== "body" ? "comment by " + fmt(c.comment_author, "anonymous") : "article";
    meta = fmt(c.source, "unknown source") + " · " + where + " · " + fmt(c.as_of || c.published, "undated") +
      (c.modality && c.modality !== "asserted" ? " · " + c.modality : "") + (c.claimant ? " · according to " + c.claimant : "");
  }
  return el("li", { className: "evidence" + (c.kind === "denial" ? " denial" : "") },
    el("blockquote", { text: fmt(c.evidence_text || c.text, "(no sentence)") }),
    el("div", { className: "meta" }, meta + " ",
      link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }) : null,
      reportId ? " · " : null,
      reportId ? el("a", { route: ["reports", reportId], className: "thread-link", text: "thread" }) : null));
}

function claimList(title, claims, cls) {
  return el("section", { className: cls },
    el("h3", { text: title + " (" + claims.length + ")" }),
    claims.length ? el("ul", {}, ...claims.map(evidenceItem)) : el("p", { className: "none", text: "none stored" }));
}

function markSelected(id) {
  for (const node of document.querySelectorAll("#places .place.selected")) node.classList.remove("selected");
  layoutLabels();
  if (id === null || id === undefined) return;
  for (const node of document.querySelectorAll("#places .place")) if (node.dataset.id === String(id)) node.classList.add("selected");
}

async function openPanel(p) {
  view.selected = p;
  markSelected(p.id);
  const panel = document.getElementById("panel");
  panel.hidden = false;
  panel.replaceChildren(el("p", { text: "Loading " + fmt(p.name) + "…" }));
  let st;
  try {
    st = await data.status(p.id, view.day);
  } catch (e) {
    panel.replaceChildren(el("p", { className: "error", text: e.message }));
    return;
  }
  if (view.selected !== p) return;
  const support = st.supporting || st.support || [];
  const dispute = st.disputing || st.dispute || [];
  panel.replaceChildren(
    el("button", { type: "button", className: "close", "aria-label": "close", text: "×", onclick: closePanel }),
    el("h2", { className: "place-name", text: fmt((st.place && st.place.name) || p.name) }),
    el("dl", {},
      el("dt", { text: "Controller" }), el("dd", { className: "controller", text: fmt(st.controller, "no controller known") }),
      el("dt", { text: "Side" }), el("dd", { className: "side", text: fmt(st.side ?? p.side) }),
      el("dt", { text: "Contested" }), el("dd", { className: "contested-flag", text: (st.contested ?? p.contested) ? "yes" : "no" }),
      el("dt", { text: "Confidence" }), el("dd", { className: "confidence", text: pct(st.confidence ?? p.confidence) }),
      el("dt", { text: "Since" }), el("dd", { className: "since", text: fmt(st.since ?? p.since) }),
      el("dt", { text: "On" }), el("dd", { className: "on", text: fmt(view.day) }),
      el("dt", { text: "Precision" }), el("dd", { text: fmt(p.feature) + " (ACLED geo-precision " + fmt(p.geo_precision, "?") + ")" })),
    claimList("Supporting", support, "supporting"),
    claimList("Disputing", dispute, "disputing"));
  const history = await data.timeline(p.id).catch(() => []);
  if (view.selected !== p || !history.length) return;
  panel.append(el("section", { className: "history" },
    el("h3", { text: "History" }),
    el("ol", {}, ...history.map((t) => el("li", { className: t.from <= view.day && (!t.to || view.day <= t.to) ? "current" : "" },
      fmt(t.from) + " – " + fmt(t.to, "now") + ": " + (t.contested ? "contested" : fmt(t.side, "no controller known")) +
      " (" + pct(t.confidence) + ")")))));
}

/* -- start -------------------------------------------------------------------------------- */
async function startMap() {
  const off = FW.offline;
  const asked = new URLSearchParams(off ? "" : window.location.search);
  const askedDay = /^\d{4}-\d{2}-\d{2}$/.test(asked.get("day") || "") ? asked.get("day") : null;
  let first, borders;
  try {
    [first, borders] = await Promise.all([
      data.map(askedDay || (off ? off.day : null), ""),
      off ? embedded("fw-borders") : getJSON("/static/borders.json").catch(() => ({ countries: [] })),
    ]);
  } catch (e) {
    say(e.message);
    document.body.dataset.ready = "error";
    return;
  }
  view.period = first.period || {};
  [...new Set((first.places || []).map(groupOf))].sort().forEach(colourOf); // same data, same colours
  const slider = document.getElementById("day-slider");
  if (view.period.start && view.period.end) {
    const start = dayNumber(view.period.start), end = dayNumber(view.period.end);
    slider.min = "0"; slider.max = String(end - start);
    slider.dataset.start = view.period.start;
    slider.value = String(dayNumber(first.day) - start);
    slider.addEventListener("input", () => { document.getElementById("day-label").textContent = isoOf(start + Number(slider.value)); });
    slider.addEventListener("change", () => loadDay(isoOf(start + Number(slider.value))));
  } else {
    slider.disabled = true;
  }
  fillSelect("source-filter", first.sources || []);
  performance.mark("fw-data"); // the map data and borders have arrived
  const focus = mainCluster(first.places || [], 3);
  const lats = focus.map((p) => p.lat);
  const midLat = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 30;
  view.cosLat = Math.cos((midLat * Math.PI) / 180);
  document.getElementById("map").setAttribute("preserveAspectRatio", "xMidYMid meet");
  drawBorders(borders || { countries: [] });
  fitTo(focus);
  enablePanZoom();
  enablePlaceEvents();
  window.addEventListener("resize", () => setBox(view.box));
  document.getElementById("side-filter").addEventListener("change", renderPlaces);
  document.getElementById("source-filter").addEventListener("change", () => loadDay(view.day));
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closePanel(); });
  performance.mark("fw-setup");
  await loadDay(first.day, first);
  performance.mark("fw-drawn");
  requestAnimationFrame(() => requestAnimationFrame(() => { performance.mark("fw-painted"); document.body.dataset.painted = "1"; }));
  const askedPlace = asked.get("place");
  if (askedPlace) focusPlace(askedPlace);
}

/** Zoom to a place (by id, else by name) and open its panel: the ?place= deep link. */
function focusPlace(key) {
  const p = view.places.find((q) => String(q.id) === key) || view.places.find((q) => String(q.name) === key);
  if (!p) { say("No place " + key + " on this day."); document.body.dataset.focus = "missing"; return; }
  const reach = kindOf(p) === "small" ? 0.03 : kindOf(p) === "town" ? 0.1 : 0.5; // degrees around it to show
  const near = view.places.filter((q) => Math.abs(q.lat - p.lat) <= reach && Math.abs(q.lon - p.lon) <= reach);
  fitTo(near, reach);
  const svgEl = document.getElementById("map");
  const covered = Math.min(460, svgEl.clientWidth * 0.5) / svgEl.clientWidth; // the panel's share of the width
  const [x, y, w, h] = view.box; // zoom out so the same area fits left of the panel, centred there
  setBox([x, y + h / 2 - h / (1 - covered) / 2, w / (1 - covered), h / (1 - covered)]);
  openPanel(p);
}
FW.focusPlace = focusPlace;

function route() {
  const hash = window.location.hash.match(/^#\/reports\/(.+)$/);
  const path = window.location.pathname.match(/^\/reports\/([^/]+)$/);
  const reportId = hash ? decodeURIComponent(hash[1]) : !FW.offline && path ? decodeURIComponent(path[1]) : null;
  const mapView = document.getElementById("map-view"), threadView = document.getElementById("thread-view");
  document.getElementById("map-controls").hidden = !!reportId;
  mapView.hidden = !!reportId;
  threadView.hidden = !reportId;
  if (reportId) return FW.renderThread(reportId);
  if (!view.started) { view.started = true; return startMap(); }
  return null;
}

document.addEventListener("DOMContentLoaded", () => {
  if (FW.offline) document.getElementById("home").setAttribute("href", "#");
  window.addEventListener("hashchange", route);
  route();
});
