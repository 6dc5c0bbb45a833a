/* frontwatch page, shared part: safe DOM helpers, dates, and the data layer (the API when
 * served, the embedded data when offline). Every text from the data goes into the page
 * through textContent or setAttribute on a fixed attribute name, never as HTML; links are
 * kept only when they are http(s). */
"use strict";

const FW = (window.FW = window.FW || {});
const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
const REGION_FEATURES = new Set(["country", "admin1", "admin2", "region", "governorate", "province", "district"]);
const SMALL_FEATURES = new Set(["neighbourhood", "neighborhood", "quarter", "landmark", "building", "street"]);

/* -- safe DOM helpers ------------------------------------------------------------------- */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k === "className") node.className = v;
    else if (k === "href") { const safe = safeHref(v); if (safe) node.setAttribute("href", safe); }
    else if (k === "route") node.setAttribute("href", ownRoute(v));
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}
/** The URL if it is http(s) (absolute, or relative to this page when served); else null. */
function safeHref(value) {
  if (typeof value !== "string" || !value.trim()) return null;
  try {
    const url = new URL(value.trim(), FW.offline ? "http://invalid.local/" : window.location.href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (FW.offline && url.host === "invalid.local") return null;
    return url.href;
  } catch (e) { return null; }
}
/** A link inside this page: "/reports/<id>" served, "#/reports/<id>" offline (ids are URL-encoded). */
function ownRoute(parts) {
  const path = parts.map((p) => "/" + encodeURIComponent(String(p))).join("");
  return FW.offline ? "#" + path : path;
}
function fmt(value, fallback) {
  return value === null || value === undefined || value === "" ? (fallback || "unknown") : String(value);
}
function pct(value) { return typeof value === "number" ? Math.round(value * 100) + "%" : "unknown"; }
function say(text) { document.getElementById("message").textContent = text || ""; }
FW.el = el; FW.ownRoute = ownRoute; FW.safeHref = safeHref; FW.fmt = fmt; FW.pct = pct; FW.say = say;

/* -- dates ------------------------------------------------------------------------------ */
function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
function isoOf(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

/* -- data: the API when served, the embedded data when offline --------------------------- */
function embedded(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}
FW.offline = embedded("fw-data");

async function getJSON(url, options) {
  const headers = Object.assign({ Accept: "application/json" }, (options && options.headers) || {});
  const token = sessionStorage.getItem("frontwatch-token");
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(url, Object.assign({}, options || {}, { headers }));
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    if (response.status === 401 || (body && body.code === "unauthorized")) askToken();
    throw new Error(body && body.error ? body.error : "request failed (" + response.status + ")");
  }
  return body;
}
FW.getJSON = getJSON;

function askToken() {
  const form = document.getElementById("token-form");
  form.hidden = false;
  form.onsubmit = (ev) => {
    ev.preventDefault();
    sessionStorage.setItem("frontwatch-token", document.getElementById("token-input").value);
    window.location.reload();
  };
}

const data = {
  async map(day, source) {
    const off = FW.offline;
    if (!off) {
      const q = new URLSearchParams();
      if (day) q.set("day", day);
      if (source) q.set("source", source);
      return getJSON("/api/map?" + q.toString());
    }
    const snap = {}; // each snapshot holds what changed that day: replay them up to the day
    for (const d of Object.keys(off.snapshots).sort()) {
      if (d > (day || off.day)) break;
      for (const [id, values] of Object.entries(off.snapshots[d])) {
        if (values === null) delete snap[id]; else snap[id] = values;
      }
    }
    const places = [];
    for (const [id, values] of Object.entries(snap)) {
      if (source && !((off.place_sources || {})[id] || []).includes(off.sources.indexOf(source))) continue;
      const p = Object.assign({}, off.places[id]);
      off.state_fields.forEach((f, i) => { p[f] = values[i]; });
      places.push(p);
    }
    return { day: day || off.day, period: off.period, sources: off.sources, places };
  },
  async status(id, day) {
    const off = FW.offline;
    if (!off) return getJSON("/api/status/" + encodeURIComponent(id) + "?at=" + encodeURIComponent(day));
    const list = off.status[id] || [];
    let chosen = null;
    for (const [d, st] of list) if (d <= day) chosen = st;
    if (!chosen) throw new Error("no evidence stored for this place on " + day);
    return chosen;
  },
  async timeline(id) {
    const off = FW.offline;
    if (!off) return (await getJSON("/api/timeline/" + encodeURIComponent(id))).intervals || [];
    return (off.timelines || {})[id] || [];
  },
  async report(id) {
    const off = FW.offline;
    if (!off) return (await getJSON("/api/reports/" + encodeURIComponent(id))).document;
    const doc = off.documents[id];
    if (!doc) throw new Error("this report is not part of the exported file");
    return doc;
  },
};
FW.data = data;
