"""RSS/Atom feeds: entries become reports; what is not a feed says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest import read_bytes, read_paths
from frontwatch.model import Report

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Donbas Notes</title>
  <id>urn:example:donbas</id>
  <updated>2023-10-12T00:00:00Z</updated>
  <entry>
    <title>Shelling reported near Avdiivka coke plant</title>
    <link href="https://donbas-notes.example/avdiivka"/>
    <id>urn:example:donbas:1</id>
    <published>2023-10-11T18:00:00Z</published>
    <updated>2023-10-11T18:00:00Z</updated>
    <content type="html">&lt;p&gt;Heavy shelling was reported near the &lt;b&gt;coke plant&lt;/b&gt; on Wednesday.&lt;/p&gt;&lt;p&gt;Officials said two people were wounded.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_sample_entries(samples: Path) -> None:
    items = list(read_paths([samples / "sudan-sahel-feed.rss"]))
    assert all(isinstance(i, Report) for i in items) and len(items) == 3
    first = items[0]
    assert first.source == "Nile and Sahel Dispatch (fictional sample)"
    assert first.url == "https://nile-sahel.example/2023/12/wad-madani"
    assert first.published == dt.date(2023, 12, 19)
    assert "<b>" not in first.body and "Wad Madani" in first.body and "\n\n" in first.body


def test_atom_feed() -> None:
    [r] = read_bytes(ATOM.encode(), name="donbas.atom")
    assert isinstance(r, Report)
    assert r.title == "Shelling reported near Avdiivka coke plant"
    assert r.body == "Heavy shelling was reported near the coke plant on Wednesday.\n\nOfficials said two people were wounded."
    assert r.published == dt.date(2023, 10, 11) and r.source == "Donbas Notes"


def test_html_page_passed_as_feed() -> None:
    [err] = read_bytes(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", name="news.rss")
    assert isinstance(err, InputError) and err.message.startswith("an HTML page, not an RSS/Atom feed")
    [err] = read_bytes(b"<html><body><p>Hello there</p></body></html>", name="x", shape="feed")
    assert isinstance(err, InputError) and "not an RSS/Atom feed" in err.message


def test_url_list_passed_as_feed_or_as_report() -> None:
    urls = b"https://example.org/a\nhttps://example.org/b\n\nhttp://example.org/c\n"
    [err] = read_bytes(urls, name="feeds.xml")
    assert isinstance(err, InputError) and err.message == "a list of URLs, not an RSS/Atom feed"
    assert "save each page" in (err.hint or "")
    [err] = read_bytes(urls, name="links.txt")
    assert isinstance(err, InputError) and err.message == "a list of URLs, not a report"


def test_xml_that_is_not_a_feed() -> None:
    [err] = read_bytes(b'<?xml version="1.0"?><catalog><book/></catalog>', name="c.xml")
    assert isinstance(err, InputError) and "not an RSS/Atom feed" in err.message
