/* frontwatch thread view: one report and its comments, each with stance, claims, sources and
 * flags; flagged spans are highlighted and carry their rationale. All text via textContent. */
"use strict";

(function () {
  const FW = (window.FW = window.FW || {});

  /** The comment text as nodes, with each flagged span wrapped in <mark>. */
  function highlighted(text, flags) {
    const spans = (flags || [])
      .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end && f.end <= text.length)
      .sort((a, b) => a.start - b.start);
    const out = [];
    let at = 0;
    for (const f of spans) {
      if (f.start < at) continue; // overlapping: the first one wins
      if (f.start > at) out.push(document.createTextNode(text.slice(at, f.start)));
      const mark = FW.el("mark", { className: "flag", "data-category": f.category, title: f.category + (f.rationale ? ": " + f.rationale : "") });
      mark.textContent = text.slice(f.start, f.end);
      out.push(mark);
      at = f.end;
    }
    if (at < text.length) out.push(document.createTextNode(text.slice(at)));
    return out;
  }

  function claimLine(c) {
    const place = c.place ? c.place.name || c.place.text : null;
    return FW.el("li", { className: "claim" },
      FW.fmt(place, "a place") + ": " + FW.fmt(c.controller, "controller unknown") + " (" + FW.fmt(c.change, "holds") +
      (c.as_of ? ", " + c.as_of : "") + (c.modality ? ", " + c.modality : "") + ")");
  }

  function sourceLine(s) {
    const link = FW.safeHref(s.url);
    const label = FW.fmt(s.name || s.text, "source") + (s.kind ? " [" + s.kind + "]" : "");
    return FW.el("li", { className: "source" },
      link ? FW.el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", text: label }) : label);
  }

  function flagLine(f) {
    return FW.el("li", { className: "rationale", "data-category": f.category },
      FW.el("strong", { text: f.category }), " " + FW.pct(f.score) + " · “" + FW.fmt(f.text, "") + "”" +
      (f.rationale ? " — " + f.rationale : "") +
      (f.target_group && !String(f.rationale || "").includes(f.target_group) ? " (target: " + f.target_group + ")" : ""));
  }

  function commentNode(c, depth) {
    const st = c.stance;
    const flags = c.flags || [];
    return FW.el("article", { className: "comment depth-" + depth + (flags.length ? " flagged" : ""), id: "comment-" + c.id, "data-id": c.id },
      FW.el("header", {},
        FW.el("span", { className: "author", text: FW.fmt(c.author, "anonymous") }),
        c.posted ? FW.el("span", { className: "posted", text: " · " + c.posted }) : null,
        c.parent ? FW.el("span", { className: "reply", text: " · reply to " + c.parent }) : null,
        st ? FW.el("span", { className: "stance stance-" + st.label, text: st.label + " " + FW.pct(st.confidence) +
          (st.target ? " → " + st.target : "") }) : null),
      FW.el("p", { className: "text" }, ...highlighted(String(c.text || ""), flags)),
      flags.length ? FW.el("ul", { className: "flags" }, ...flags.map(flagLine)) : null,
      (c.claims || []).length ? FW.el("ul", { className: "claims" }, ...c.claims.map(claimLine)) : null,
      (c.sources || []).length ? FW.el("ul", { className: "sources" }, ...c.sources.map(sourceLine)) : null);
  }

  /** How deep a reply is in the thread (0 for a top-level comment; at most 4 for indenting). */
  function depthOf(comment, comments) {
    const byId = new Map(comments.map((c) => [c.id, c]));
    let depth = 0, at = comment;
    while (at && at.parent && byId.has(at.parent) && depth < 4) { at = byId.get(at.parent); depth++; }
    return depth;
  }

  FW.renderThread = async function (reportId) {
    const root = document.getElementById("thread-view");
    root.replaceChildren(FW.el("p", { text: "Loading…" }));
    let doc;
    try {
      doc = await FW.data.report(reportId);
    } catch (e) {
      root.replaceChildren(FW.el("p", { className: "error", text: e.message }));
      return;
    }
    const link = FW.safeHref(doc.url);
    const back = FW.el("a", { className: "back", text: "← map" });
    back.setAttribute("href", FW.offline ? "#" : "/");
    root.replaceChildren(
      back,
      FW.el("h1", { className: "title", text: FW.fmt(doc.title, "(untitled)") }),
      FW.el("p", { className: "meta" }, FW.fmt(doc.source, "unknown source") + " · " + FW.fmt(doc.published, "undated") + " ",
        link ? FW.el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }) : null),
      FW.el("div", { className: "body", text: FW.fmt(doc.body, "") }),
      (doc.control_claims || []).length ? FW.el("section", { className: "article-claims" },
        FW.el("h2", { text: "Control claims in the article" }),
        FW.el("ul", { className: "claims" }, ...doc.control_claims.map(claimLine))) : null,
      FW.el("h2", { text: "Comments (" + (doc.comments || []).length + ")" }),
      FW.el("div", { className: "comments" }, ...(doc.comments || []).map((c) => commentNode(c, depthOf(c, doc.comments)))));
    document.title = "frontwatch · " + FW.fmt(doc.title, "report");
  };
})();
