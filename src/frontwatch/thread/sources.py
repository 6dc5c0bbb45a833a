"""The ``sources`` stage: sources cited in comments.

Three kinds, each with the span that names it:

- ``url``: a link, with its outlet when the domain is in :data:`DOMAINS`
  (``abcnews.go.com`` -> ABC News), else the bare domain;
- ``outlet``: a named outlet, agency or monitor (SOHR, Reuters, SANA, Liveuamap, ...);
- ``vague``: an attribution with no name ("other sources", "activists say", "I've read").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from frontwatch.model import Report, Source
from frontwatch.pipeline import Resources, stage

#: Domain (without "www.") -> outlet. A sub-domain matches its parent domain.
DOMAINS: dict[str, str] = {
    "abcnews.go.com": "ABC News", "abc.net.au": "ABC (Australia)", "reuters.com": "Reuters",
    "apnews.com": "AP", "afp.com": "AFP", "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera",
    "bbc.co.uk": "BBC", "bbc.com": "BBC", "cnn.com": "CNN", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian",
    "independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph", "ft.com": "Financial Times",
    "wsj.com": "The Wall Street Journal", "foxnews.com": "Fox News", "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News", "france24.com": "France 24", "dw.com": "Deutsche Welle", "euronews.com": "Euronews",
    "rt.com": "RT", "sputniknews.com": "Sputnik", "sputnikglobe.com": "Sputnik", "tass.com": "TASS",
    "tass.ru": "TASS", "interfax.ru": "Interfax", "interfax.com.ua": "Interfax-Ukraine", "sana.sy": "SANA",
    "syriahr.com": "SOHR", "almasdarnews.com": "Al-Masdar News", "southfront.org": "South Front",
    "southfront.press": "South Front", "enabbaladi.net": "Enab Baladi", "hawarnews.com": "ANHA (Hawar News)",
    "understandingwar.org": "ISW", "liveuamap.com": "Liveuamap", "aa.com.tr": "Anadolu Agency",
    "dailysabah.com": "Daily Sabah", "trtworld.com": "TRT World", "presstv.ir": "Press TV",
    "presstv.com": "Press TV", "alarabiya.net": "Al Arabiya", "english.alarabiya.net": "Al Arabiya",
    "middleeasteye.net": "Middle East Eye", "kyivindependent.com": "The Kyiv Independent",
    "ukrinform.net": "Ukrinform", "ukrinform.ua": "Ukrinform", "pravda.com.ua": "Ukrainska Pravda",
    "kyivpost.com": "Kyiv Post", "meduza.io": "Meduza", "ria.ru": "RIA Novosti", "aawsat.com": "Asharq Al-Awsat",
    "rudaw.net": "Rudaw", "kurdistan24.net": "Kurdistan 24", "naharnet.com": "Naharnet",
    "syriadirect.org": "Syria Direct", "acleddata.com": "ACLED", "reliefweb.int": "ReliefWeb",
    "un.org": "United Nations", "hrw.org": "Human Rights Watch", "amnesty.org": "Amnesty International",
    "bellingcat.com": "Bellingcat", "twitter.com": "Twitter", "x.com": "X (Twitter)", "t.me": "Telegram",
    "youtube.com": "YouTube", "youtu.be": "YouTube", "facebook.com": "Facebook", "wikipedia.org": "Wikipedia",
    "sudantribune.com": "Sudan Tribune", "radiotamazuj.org": "Radio Tamazuj", "libyaobserver.ly": "Libya Observer",
    "libyaherald.com": "Libya Herald", "almanar.com.lb": "Al-Manar", "voanews.com": "VOA", "rferl.org": "RFE/RL",
}

#: Outlet, agency and monitor names -> canonical name. Upper-case keys match case-sensitively.
OUTLETS: dict[str, str] = {
    "SOHR": "SOHR", "Syrian Observatory for Human Rights": "SOHR", "Syrian Observatory": "SOHR",
    "Reuters": "Reuters", "AFP": "AFP", "Agence France-Presse": "AFP", "Agence France Presse": "AFP",
    "AP": "AP", "Associated Press": "AP", "Al Jazeera": "Al Jazeera", "Al-Jazeera": "Al Jazeera",
    "Aljazeera": "Al Jazeera", "SANA": "SANA", "RT": "RT", "Russia Today": "RT", "Sputnik": "Sputnik",
    "ANHA": "ANHA (Hawar News)", "Hawar": "ANHA (Hawar News)", "Hawar News": "ANHA (Hawar News)",
    "Enab Baladi": "Enab Baladi", "ISW": "ISW", "Institute for the Study of War": "ISW",
    "Liveuamap": "Liveuamap", "LiveUAmap": "Liveuamap", "South Front": "South Front", "SouthFront": "South Front",
    "Al-Masdar": "Al-Masdar News", "Al Masdar": "Al-Masdar News", "Almasdar": "Al-Masdar News",
    "BBC": "BBC", "CNN": "CNN", "Anadolu": "Anadolu Agency", "TASS": "TASS", "Interfax": "Interfax",
    "Ukrinform": "Ukrinform", "Kyiv Independent": "The Kyiv Independent", "Kyiv Post": "Kyiv Post",
    "Al Arabiya": "Al Arabiya", "Al-Arabiya": "Al Arabiya", "Al-Manar": "Al-Manar", "Al Manar": "Al-Manar",
    "Press TV": "Press TV", "PressTV": "Press TV", "Fox News": "Fox News", "Guardian": "The Guardian",
    "New York Times": "The New York Times", "NYT": "The New York Times", "Washington Post": "The Washington Post",
    "Deutsche Welle": "Deutsche Welle", "DW": "Deutsche Welle", "France 24": "France 24", "Euronews": "Euronews",
    "Amaq": "Amaq", "Rudaw": "Rudaw", "Kurdistan 24": "Kurdistan 24", "Syria Direct": "Syria Direct",
    "Bellingcat": "Bellingcat", "ACLED": "ACLED", "OCHA": "OCHA", "Human Rights Watch": "Human Rights Watch",
    "HRW": "Human Rights Watch", "Amnesty": "Amnesty International", "Sudan Tribune": "Sudan Tribune",
    "Radio Tamazuj": "Radio Tamazuj", "Libya Observer": "Libya Observer", "Meduza": "Meduza",
    "RIA Novosti": "RIA Novosti", "RIA": "RIA Novosti", "Ukrainska Pravda": "Ukrainska Pravda",
    "Middle East Eye": "Middle East Eye", "Asharq Al-Awsat": "Asharq Al-Awsat", "Daily Sabah": "Daily Sabah",
    "TRT": "TRT World", "Orient News": "Orient News", "Step News": "Step News", "Qasioun": "Qasioun",
    "White Helmets": "White Helmets", "Syrian Civil Defence": "White Helmets", "Oryx": "Oryx",
    "DeepState": "DeepState", "DeepStateMap": "DeepState", "Rybar": "Rybar", "WarMonitor": "WarMonitor",
}

_DOMAIN_ALT = "|".join(sorted((re.escape(d) for d in DOMAINS), key=len, reverse=True))
_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"“”)\]]+|(?<![\w@.-])(?:[a-z0-9-]+\.)*(?:{_DOMAIN_ALT})(?:/[^\s<>\"“”)\]]*)?(?![\w-])",
    re.I,
)
_CASE = "|".join(sorted((re.escape(k) for k in OUTLETS if k.isupper()), key=len, reverse=True))
_NOCASE = "|".join(sorted((re.escape(k) for k in OUTLETS if not k.isupper()), key=len, reverse=True))
_OUTLET_CASE = re.compile(rf"(?<![\w@#/.-])(?:{_CASE})(?![\w-])(?!\s*@)")
_OUTLET_NOCASE = re.compile(rf"(?<![\w@#/.-])(?:{_NOCASE})(?![\w-])", re.I)
_LOWER_OUTLETS = {k.lower(): v for k, v in OUTLETS.items()}

_VAGUE = re.compile(
    r"\b(?:(?:other|some|several|many|local|military|security|opposition|rebel|government|pro-government|"
    r"regime|kurdish|russian|ukrainian|western|arab|turkish|field|medical|informed|unnamed|anonymous|"
    r"reliable|credible|multiple)\s+)+(?:sources?|reports|outlets|media)\b"
    r"|\b(?:sources|reports|rumou?rs|activists|residents|witnesses|locals|eyewitnesses|insiders|monitors)\s+"
    r"(?:say|said|report|reported|claim|claimed|suggest|suggested|indicate|confirm|confirmed|tell|told|are saying)\b"
    r"|\baccording to (?:some |unconfirmed |local |other )?(?:sources|reports|activists|locals|residents|witnesses)\b"
    r"|\bunconfirmed reports?\b"
    r"|\bI(?:['’]ve|\s+have)?\s+(?:read|heard|seen reports?)\b"
    r"|\b(?:word|rumou?r) (?:is|has it)\b"
    r"|\bsocial media (?:reports|says|claims)\b",
    re.I,
)


def outlet_for_domain(host: str) -> str | None:
    host = host.lower().removeprefix("www.")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = DOMAINS.get(".".join(parts[i:]))
        if name:
            return name
    return None


def find_sources(comment_id: str, text: str, report: Report) -> list[Source]:
    out: list[Source] = []
    taken: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?")
        end = m.start() + len(url)
        host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
        name = outlet_for_domain(host) or host.removeprefix("www.")
        out.append(Source(comment_id, "url", name, report.span(comment_id, m.start(), end), url))
        taken.append((m.start(), end))
    seen: set[tuple[int, int]] = set()
    for rx in (_OUTLET_NOCASE, _OUTLET_CASE):
        for m in rx.finditer(text):
            s, e = m.span()
            if any(a <= s < b for a, b in taken) or (s, e) in seen:
                continue
            if any(a <= s < b or a < e <= b for a, b in seen):
                continue
            seen.add((s, e))
            name = OUTLETS.get(m.group(0)) or _LOWER_OUTLETS.get(m.group(0).lower(), m.group(0))
            out.append(Source(comment_id, "outlet", name, report.span(comment_id, s, e)))
    for m in _VAGUE.finditer(text):
        s, e = m.span()
        out.append(Source(comment_id, "vague", " ".join(m.group(0).lower().split()), report.span(comment_id, s, e)))
    out.sort(key=lambda src: src.span.start)
    return out


def sources_for(report: Report) -> tuple[Source, ...]:
    out: list[Source] = []
    for c in report.comments:
        out.extend(find_sources(c.id, c.text, report))
    return tuple(out)


@stage("sources", requires=["report.comments"], assigns=["sources"])
def sources(report: Report, resources: Resources) -> Report:
    """Sources cited in comments: links with their outlet, named outlets, vague attributions."""
    return report.with_(sources=sources_for(report))
