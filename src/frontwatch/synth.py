"""Synthetic conflict reports for benchmarks and load tests (never for accuracy figures).

``generate_reports(n, seed)`` yields ``n`` :class:`~frontwatch.model.Report` values: a
headline, an article of about 600 words built from sentence templates over real place and
actor names of several conflicts, and a reader thread of 3-12 comments (questions, denials,
hearsay citing another source, speculation, the odd call for violence). ``write_text_files``
writes the same reports as plain-text files shaped like a copied web page: headline, body,
then the thread with lone author-name lines. Both are deterministic in ``(n, seed)``: report
``i`` depends only on ``seed`` and ``i``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from frontwatch.model import Comment, Report


@dataclass(frozen=True)
class Theatre:
    country: str
    places: tuple[str, ...]
    government: tuple[str, ...]
    rebels: tuple[str, ...]
    outlets: tuple[str, ...]


# Real place and group names (public knowledge); coordinates are not needed here.
THEATRES: tuple[Theatre, ...] = (
    Theatre("Syria", ("Aleppo", "Homs", "Idlib", "Deir ez-Zor", "Raqqa", "Palmyra", "al-Bab", "Manbij", "Douma",
                      "Hama", "Sukhna", "Tadmur", "Maarat al-Numan", "Jisr al-Shughur"),
            ("the Syrian Arab Army", "the Tiger Forces", "government forces", "the National Defence Forces"),
            ("Jaish al-Fatah", "Hayat Tahrir al-Sham", "the Free Syrian Army", "ISIS", "the SDF"),
            ("SouthFront", "Al-Masdar News", "Enab Baladi", "SANA")),
    Theatre("Iraq", ("Mosul", "Tal Afar", "Fallujah", "Ramadi", "Kirkuk", "Hawija", "Qayyarah", "Baiji", "Tikrit"),
            ("the Iraqi Army", "the Counter Terrorism Service", "the Popular Mobilization Forces", "Peshmerga"),
            ("ISIS", "Islamic State fighters", "insurgents"),
            ("Rudaw", "Kurdistan 24", "Iraqi News")),
    Theatre("Yemen", ("Hodeidah", "Taiz", "Marib", "Aden", "Sanaa", "Saada", "Mokha", "al-Bayda", "Hajjah"),
            ("government forces", "the Giants Brigades", "the Southern Transitional Council"),
            ("the Houthis", "Ansar Allah", "AQAP"),
            ("Al-Masirah", "Saba", "Yemen Monitor")),
    Theatre("Libya", ("Sirte", "Misrata", "Benghazi", "Derna", "Tripoli", "Sabha", "Gharyan", "Tarhuna", "Ajdabiya"),
            ("the Government of National Accord", "the Libyan National Army", "Misratan brigades"),
            ("ISIS", "the Benghazi Defence Brigades", "Wagner Group"),
            ("Libya Observer", "Libya Herald", "Al-Wasat")),
    Theatre("Ukraine", ("Bakhmut", "Avdiivka", "Kherson", "Kharkiv", "Mariupol", "Soledar", "Vuhledar", "Izium",
                        "Lyman", "Kupiansk", "Pokrovsk"),
            ("the Armed Forces of Ukraine", "the 93rd Brigade", "Ukrainian forces"),
            ("Russian forces", "the Wagner Group", "the DPR militia"),
            ("Kyiv Independent", "Ukrainska Pravda", "Meduza")),
    Theatre("Sudan", ("El Fasher", "Omdurman", "Wad Madani", "Nyala", "Khartoum", "El Geneina", "Kadugli", "Sennar"),
            ("the Sudanese Armed Forces", "SAF units", "joint forces of the armed movements"),
            ("the Rapid Support Forces", "RSF fighters", "Arab militias"),
            ("Sudan Tribune", "Radio Dabanga", "Ayin")),
    Theatre("Mali", ("Gao", "Timbuktu", "Menaka", "Kidal", "Mopti", "Tessalit", "Anefis", "Douentza"),
            ("the Malian Armed Forces", "FAMa troops", "the army"),
            ("JNIM", "the Islamic State Sahel Province", "CSP-DPA rebels"),
            ("Studio Tamani", "Maliweb", "Le Journal du Mali")),
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DIRECTIONS = ("north", "south", "east", "west", "northeast", "southwest")
TIMES = ("Last night", "On {day}", "Early on {day}", "{day} afternoon", "Overnight", "This morning")

ARTICLE = (
    "{gov} took control of {place} on {day} after heavy fighting with {reb}, a military source said.",
    "{time}, {gov} pushed {reb} out of the villages {dir} of {place}.",
    "{reb} withdrew from positions around {place2} under the cover of darkness, local residents told {outlet}.",
    "Shelling on {place} killed {n} civilians and wounded {m} others, according to a local medical source.",
    "An air strike hit a market in {place2}, activists reported, and the death toll is expected to rise.",
    "The front line now runs {dir} of {place}, along the road to {place2}.",
    "{reb} claimed on social media that they still hold the eastern quarters of {place}.",
    "Commanders of {gov} said that the operation will continue until {place2} is secured.",
    "Fighting continued on the outskirts of {place2} where {reb} launched a counter-attack.",
    "Hundreds of families fled {place} towards {place2} as the clashes approached the city.",
    "Engineering units began clearing mines and improvised explosive devices left in {place}.",
    "According to {outlet}, at least {n} fighters were killed in the clashes near {place2}.",
    "The capture of {place} opens the way for an advance on {place2}, analysts say.",
    "Officials denied reports that {reb} had entered the centre of {place}.",
    "{gov} are reinforcing their positions {dir} of {place2} ahead of an expected offensive.",
    "A humanitarian convoy reached {place} for the first time in {n} weeks, the aid agency said.",
    "Drone footage published on {day} shows heavy damage to the hospital in {place2}.",
    "The situation in {place} remains tense, and the roads to {place2} are closed to civilians.",
    "Local sources say that {reb} handed over several checkpoints near {place2} to {gov}.",
    "The governor of the province said that electricity and water will be restored in {place} within days.",
)

COMMENTS = (
    "What is the status in {place2} now?",
    "False report! {reb} still hold {place}.",
    "Other sources report that {reb} took the quarters {dir} of {place2}.",
    "I've read that {gov} already control all of {place}. Good news.",
    "If {gov} move on {place2} next, the whole front will collapse.",
    "They should go {dir} from {place} and take {place2} before winter.",
    "Is there a map of the front line around {place}?",
    "Not true, I have family in {place} and they say the army never entered.",
    "According to {outlet} the fighting is still going on near {place2}: https://example.org/{slug}",
    "Finally some good news from {place}.",
    "Kill them all, every last one of them in {place2}.",
    "These animals do not deserve to live.",
    "Meanwhile nobody talks about the civilians trapped in {place2}.",
    "The same thing was claimed last month and it turned out to be propaganda.",
    "Godspeed to the soldiers.",
)

AUTHORS = (
    "Heiko D", "Airtorn", "Carol W", "Ryan Law", "Bio_Hazard", "Nadia K", "desert_fox", "Omar S", "Petro",
    "J. Miller", "Anna V", "mosul_watch", "Karim", "FrontlineFan", "Lena", "Sam T",
)

TITLES = (
    "{gov_cap} Take {place} After Days of Heavy Fighting",
    "{reb_cap} Driven Out of {place}, Advance Toward {place2} Expected",
    "Clashes Continue Around {place} as Civilians Flee to {place2}",
    "Battle for {place}: Front Line Moves {dir_cap}",
    "Shelling Kills Civilians in {place}; {reb_cap} Deny Losses",
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(template: str, rng: random.Random, th: Theatre, place: str) -> str:
    place2 = rng.choice([p for p in th.places if p != place])
    gov, reb = rng.choice(th.government), rng.choice(th.rebels)
    day = rng.choice(WEEKDAYS)
    values = {
        "place": place, "place2": place2, "gov": gov, "reb": reb, "gov_cap": _cap(gov), "reb_cap": _cap(reb),
        "day": day, "dir": rng.choice(DIRECTIONS), "dir_cap": _cap(rng.choice(DIRECTIONS)),
        "outlet": rng.choice(th.outlets), "n": rng.randint(2, 40), "m": rng.randint(2, 90),
        "slug": hashlib.md5(f"{place2}{day}".encode()).hexdigest()[:10],
    }
    values["time"] = rng.choice(TIMES).format(day=day)
    return _cap(template.format(**values))


def generate_report(i: int, seed: int = 0, words: int = 600) -> Report:
    """Report number ``i`` of the stream for ``seed``."""
    rng = random.Random(f"frontwatch-synth:{seed}:{i}")
    th = rng.choice(THEATRES)
    place = rng.choice(th.places)
    title = _fill(rng.choice(TITLES), rng, th, place)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_fill(rng.choice(ARTICLE), rng, th, place) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    comments = []
    for k in range(rng.randint(3, 12)):
        text = _fill(rng.choice(COMMENTS), rng, th, place)
        if rng.random() < 0.3:
            text += " " + _fill(rng.choice(COMMENTS), rng, th, place)
        author = rng.choice(AUTHORS) if rng.random() < 0.8 else None
        parent = f"c{rng.randrange(k)}" if k and rng.random() < 0.3 else None
        comments.append(Comment(id=f"c{k}", text=text, author=author, parent=parent))
    published = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    return Report(
        id=f"synth:{seed}:{i}",
        title=title,
        body="\n\n".join(paragraphs),
        source=rng.choice(th.outlets),
        url=f"https://example.org/synth/{seed}/{i}",
        published=published,
        language="en",
        comments=tuple(comments),
        meta={"synthetic": True},
    )


def generate_reports(n: int, seed: int = 0, words: int = 600) -> Iterator[Report]:
    """``n`` synthetic reports, deterministic in ``seed``."""
    for i in range(n):
        yield generate_report(i, seed, words)


def report_text(report: Report) -> str:
    """A report as a copied web page: headline, body, then the thread (author line above text)."""
    parts = [report.title, "", report.body, "", ""]
    for c in report.comments:
        if c.author:
            parts += [c.author, ""]
        parts += [c.text, "", ""]
    return "\n".join(parts).rstrip() + "\n"


def write_text_files(directory: str | Path, n: int, seed: int = 0, words: int = 600) -> list[Path]:
    """Write ``n`` synthetic reports as ``report-NNNNNN.txt`` files into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, report in enumerate(generate_reports(n, seed, words)):
        path = out / f"report-{i:06d}.txt"
        path.write_text(report_text(report), encoding="utf-8")
        paths.append(path)
    return paths
