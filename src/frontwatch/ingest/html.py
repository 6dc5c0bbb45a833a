"""HTML article pages with their comment threads.

- Article text: trafilatura, favouring precision, with the comment thread removed from the
  page first so no comment can leak into the body.
- Title, date, URL, outlet: ``<meta>`` tags (Open Graph, ``article:published_time``,
  Dublin Core), ``<link rel=canonical>``, JSON-LD (``NewsArticle`` and friends), then
  ``<h1>``/``<title>``.
- Comments (author, time, text, reply parent) with lxml, for three markups: Disqus-style
  (``.post`` with ``.post-message``, ``.author``, ``data-post-id``, nested ``.children``),
  WordPress-style (``li.comment`` with ``.comment-author .fn``, ``.comment-content``,
  ``comment-<id>`` ids, nested ``ul.children``) and schema.org ``Comment`` microdata.
  The page's own comment ids are kept in ``meta["comment_ids"]``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from frontwatch.errors import InputError
from frontwatch.ingest.base import make_report
from frontwatch.ingest.dates import parse_published, parse_timestamp
from frontwatch.model import Comment, Report


def _cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@dataclass(frozen=True)
class Markup:
    """Where one comment markup keeps each part of a comment (XPath, relative to the comment)."""

    name: str
    item: str  # absolute XPath of comment elements
    author: tuple[str, ...]
    text: tuple[str, ...]
    time: tuple[str, ...]
    ident: Callable[[Any], str | None]


def _disqus_id(el: Any) -> str | None:
    return el.get("data-post-id") or el.get("id")


def _wp_id(el: Any) -> str | None:
    raw = el.get("id") or ""
    m = re.search(r"(\d+)$", raw)
    return f"comment-{m[1]}" if m else (raw or None)


MARKUPS: tuple[Markup, ...] = (
    Markup(
        "wordpress",
        f"//li[{_cls('comment')} or starts-with(@id, 'comment-') or starts-with(@id, 'li-comment-')]"
        f"[not({_cls('pingback')})][not({_cls('trackback')})]",
        (f".//*[{_cls('comment-author')}]//*[{_cls('fn')}]", f".//*[{_cls('fn')}]", f".//*[{_cls('comment-author')}]"),
        (f".//*[{_cls('comment-content')}]", f".//*[{_cls('comment-text')}]", f".//*[{_cls('comment-body')}]"),
        (
            f".//*[{_cls('comment-metadata')} or {_cls('commentmetadata')} or {_cls('comment-meta')}]//time/@datetime",
            f".//*[{_cls('comment-metadata')} or {_cls('commentmetadata')} or {_cls('comment-meta')}]//a",
            ".//time/@datetime",
        ),
        _wp_id,
    ),
    Markup(
        "disqus",
        f"//*[{_cls('post')}][.//*[{_cls('post-message')}]]",
        (f".//*[{_cls('author')}]//*[@data-username or self::a]", f".//*[{_cls('author')}]", f".//*[{_cls('post-byline')}]"),
        (f".//*[{_cls('post-message')}]",),
        (
            f".//*[{_cls('post-meta')}]//time/@datetime",
            ".//time/@datetime",
            f".//*[{_cls('time-ago')}]/@title",
            f".//*[{_cls('time-ago')}]",
        ),
        _disqus_id,
    ),
    Markup(
        "microdata",
        "//*[contains(@itemtype, 'schema.org/Comment')]",
        (".//*[@itemprop='author']//*[@itemprop='name']", ".//*[@itemprop='author']"),
        (".//*[@itemprop='text']", ".//*[@itemprop='description']"),
        (
            ".//*[@itemprop='dateCreated']/@content",
            ".//*[@itemprop='dateCreated']/@datetime",
            ".//*[@itemprop='datePublished']/@content",
            ".//*[@itemprop='datePublished']/@datetime",
            ".//*[@itemprop='dateCreated' or @itemprop='datePublished']",
        ),
        lambda el: el.get("id") or el.get("data-comment-id"),
    ),
)

_THREAD_CONTAINERS = (
    "//*[@id='comments' or @id='disqus_thread' or @id='respond' or @id='comment-section']",
    f"//*[{_cls('comments-area')} or {_cls('comment-list')} or {_cls('commentlist')} or {_cls('comment-respond')}"
    f" or {_cls('comments')} or {_cls('disqus-thread')}]",
)


def _text_of(el: Any) -> str:
    """Readable text of an element: its paragraphs separated by blank lines."""
    paras = el.xpath(".//p")
    if paras:
        chunks = [" ".join(p.text_content().split()) for p in paras]
        return "\n\n".join(c for c in chunks if c)
    return " ".join(el.text_content().split())


def _own(item: Any, xpath: str, items: set[Any]) -> list[Any]:
    """Matches of ``xpath`` under ``item`` that are not inside a nested comment."""
    out = []
    for hit in item.xpath(xpath):
        node = hit.getparent() if isinstance(hit, str) else hit
        owner = node
        while owner is not None and owner is not item and owner not in items:
            owner = owner.getparent()
        if owner is item:
            out.append(hit)
    return out


def _first(item: Any, paths: tuple[str, ...], items: set[Any]) -> Any:
    for xp in paths:
        hits = _own(item, xp, items)
        if hits:
            return hits[0]
    return None


def extract_comments(tree: Any, published: dt.date | None) -> tuple[list[Comment], dict[str, str], str | None, list[Any]]:
    """Comments of the first markup that has any: ``(comments, page ids, markup, elements)``."""
    for markup in MARKUPS:
        elements = tree.xpath(markup.item)
        if not elements:
            continue
        items = set(elements)
        ids: dict[Any, str] = {}
        page_ids: dict[str, str] = {}
        comments: list[Comment] = []
        for k, el in enumerate(elements, 1):
            text_el = _first(el, markup.text, items)
            if text_el is None:
                continue
            if markup.name == "wordpress" and text_el is not None and "comment-body" in (text_el.get("class") or ""):
                for junk in text_el.xpath(f".//*[{_cls('comment-meta')} or {_cls('comment-author')} or {_cls('reply')}]"):
                    junk.getparent().remove(junk)
            text = _text_of(text_el)
            if not text:
                continue
            cid = f"c{len(comments) + 1}"
            ids[el] = cid
            page = markup.ident(el)
            if page:
                page_ids[cid] = page
            author_el = _first(el, markup.author, items)
            author = " ".join(author_el.text_content().split()) if author_el is not None else None
            time_el = _first(el, markup.time, items)
            time_text = str(time_el) if isinstance(time_el, str) else (time_el.text_content() if time_el is not None else "")
            parent_el = el.getparent()
            while parent_el is not None and parent_el not in items:
                parent_el = parent_el.getparent()
            comments.append(
                Comment(
                    id=cid,
                    text=text,
                    author=author or None,
                    posted=parse_timestamp(time_text, published=published) if time_text.strip() else None,
                    parent=ids.get(parent_el) if parent_el is not None else None,
                )
            )
        if comments:
            return comments, page_ids, markup.name, elements
    return [], {}, None, []


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            hits = tree.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            for hit in hits:
                if str(hit).strip():
                    return str(hit).strip()
    return None


def _json_ld(tree: Any) -> dict[str, Any]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report", "WebPage")) for k in kinds):
                    return node
                stack.extend(node.get("@graph", []) if isinstance(node.get("@graph"), list) else [])
    return {}


def page_info(tree: Any) -> dict[str, Any]:
    """Title, url, published day, outlet and declared language of a page."""
    ld = _json_ld(tree)
    publisher = ld.get("publisher")
    h1 = tree.xpath("//h1")
    title = (
        _meta(tree, "og:title", "twitter:title")
        or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
        or (" ".join(h1[0].text_content().split()) if h1 else None)
        or " ".join((tree.findtext(".//title") or "").split())
    )
    date_text = (
        _meta(tree, "article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "DC.date",
              "dcterms.created", "sailthru.date", "parsely-pub-date")
        or (ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None)
    )
    if not date_text:
        times = tree.xpath("//article//time/@datetime | //time[@itemprop='datePublished']/@datetime")
        date_text = str(times[0]) if times else None
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    url = (str(canonical[0]).strip() if canonical else None) or _meta(tree, "og:url") or (
        ld.get("url") if isinstance(ld.get("url"), str) else None
    )
    source = _meta(tree, "og:site_name", "application-name") or (
        publisher.get("name") if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) else None
    )
    lang = tree.xpath("/html/@lang")
    return {
        "title": title or "",
        "published": parse_published(date_text) if date_text else None,
        "url": url,
        "source": source,
        "lang": str(lang[0]).split("-")[0].lower()[:2] if lang else None,
        "author": _meta(tree, "author", "article:author"),
    }


def _fallback_body(tree: Any) -> str:
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    chunks = [" ".join(p.text_content().split()) for p in scope[0].xpath(".//p")]
    return "\n\n".join(c for c in chunks if len(c) > 1)


def read_html(
    text: str,
    *,
    path: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Report:
    """A Report from one HTML page: article text, page metadata and the comment thread."""
    import lxml.etree
    import lxml.html
    import trafilatura

    where = path or "<html>"
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML page ({exc})", where=where) from None
    info = page_info(tree)
    day = info["published"] or published
    comments, page_ids, markup, elements = extract_comments(tree, day)
    for xp in _THREAD_CONTAINERS:
        for el in tree.xpath(xp):
            if el.getparent() is not None:
                el.getparent().remove(el)
    for el in elements:
        if el.getparent() is not None:
            el.getparent().remove(el)
    body = ""
    try:
        extracted = trafilatura.extract(
            tree, favor_precision=True, include_comments=False, include_tables=False, output_format="txt"
        )
    except Exception:  # noqa: BLE001 - the extractor fails in many ways on broken pages
        extracted = None
    if extracted:
        paras = [" ".join(p.split()) for p in extracted.split("\n") if p.strip()]
        if paras and info["title"] and paras[0] == info["title"]:
            paras = paras[1:]
        body = "\n\n".join(paras)
    if not body:
        body = _fallback_body(tree)
    if not body and not comments:
        raise InputError("no article text or comments found in the HTML page", where=where, hint="is the page complete?")
    meta: dict[str, Any] = {}
    if page_ids:
        meta["comment_ids"] = page_ids
    if markup:
        meta["comment_markup"] = markup
    if info["author"]:
        meta["author"] = info["author"]
    if info["lang"]:
        meta["declared_language"] = info["lang"]
    return make_report(
        body=body,
        title=info["title"],
        comments=comments,
        url=info["url"] or url,
        source=info["source"] or source,
        published=day,
        path=path,
        meta=meta,
    )
