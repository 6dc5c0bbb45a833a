"""Recognition: find the place names in one text field.

Words are tokenised once; each word's name-key parts are cached, so an n-gram's key is the
join of its words' parts and a lookup is one dict access. An n-gram starts only at a word
whose key begins some gazetteer name (``Gazetteer.first_tokens``). Then, per match:

* capitalisation: a lowercase match counts only for well-known places ("raqqa", "east
  ghouta"); a sentence-initial capitalised common word ("Most", "Attack") does not count;
  in Title Case fields only well-known places or cue-supported names count;
* runs: a match that is only part of a longer capitalised run ("Ryan Law", "Jaish al-Fatah",
  "Tiger Forces", "New York Times") is dropped unless the rest is a cue word;
* stop lists: people, actors, months ("Obama", "the Donald", "Western backers");
* names the gazetteer lacks are kept when the context is clearly locative ("the
  neighbourhoods of X and Y", "X district", "south of X") as unresolved candidates;
* demonyms ("Syrian", "Kurds") are found as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.gazetteer.index import Gazetteer
from frontwatch.gazetteer.names import folded, name_key, skeleton_of_key
from frontwatch.geoparse import relations
from frontwatch.geoparse.demonyms import (
    COMMON_WORDS,
    DEMONYMS,
    FIRST_NAMES,
    GROUP_PREFIXES,
    NOT_PLACE_PHRASES,
    NOT_PLACES,
    ORG_WORDS,
    ARMED_WORDS,
    SURNAMES,
)
from frontwatch.geoparse.english import is_english_word
from frontwatch.geoparse.tokens import NAME_ABBREVIATIONS, Word, joins, title_case_lines, tokenize

_MAYBE_CUE_BEFORE = re.compile(r"(?:\bof|\bto|north|south|east|west|near|around|outside|beyond|ern)\s+(?:the\s+)?$", re.I)
_MAYBE_CUE_AFTER = re.compile(r"\s+[a-z]")
_FUNCTION_WORDS = frozenset(
    "the of and in to a an for on at by with from is was are were be been it its this that as or but not".split())
#: Features "well known" enough to count even when written in lowercase or title case.
_NOTABLE_FEATURES = frozenset({"country", "admin1", "admin2", "region", "district"})
_LOWER_OK_SOURCES = frozenset({"curated"})
_CONNECTORS = frozenset({"of", "the", "de", "del", "la", "le", "al", "el", "upon", "on", "and", "du", "des", "di", "da"})
#: Words that may stand next to a place name inside a capitalised run ("Aleppo Governorate").
_RUN_OK = frozenset({"al", "el", "city", "province", "governorate", "district", "county", "region", "oblast", "state",
                     "river", "valley", "mountains", "airport", "camp", "countryside", "plain", "area", "old"})
_DIRECTIONS = frozenset({"western", "eastern", "northern", "southern", "central", "west", "east", "north", "south"})


@dataclass(slots=True)
class Raw:
    """A recognised name before resolution (mutable while the document is processed)."""

    field: str
    start: int
    end: int
    text: str
    nums: tuple[int, ...] = ()
    how: str = "name"  # name, skeleton, fuzzy, cue
    kind: str = "toponym"
    relation: str | None = None
    cue: str | None = None
    hint: str | None = None
    demonym: str | None = None
    #: lowercase match: kept only if the document's focus supports it
    tentative: bool = False
    #: an ordinary English word (capitalised by position): no loose (skeleton, fuzzy) matches
    plain_word: bool = False
    candidates: list[tuple[int, float, str]] = field(default_factory=list)


class Recogniser:
    """Finds candidate place names in text with a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.first = gazetteer.first_tokens
        self.max_n = gazetteer.max_tokens
        self.prefixes = gazetteer.prefixes
        self.notable_first = gazetteer.notable_first
        self._notable: dict[int, bool] = {}

    def notable(self, i: int) -> bool:
        """Well known enough to be matched in lowercase or Title Case."""
        got = self._notable.get(i)
        if got is None:
            g = self.gaz
            got = (
                g.feature_of(i) in _NOTABLE_FEATURES
                or g.population_of(i) >= 100_000
                or g.source_of(i) in _LOWER_OK_SOURCES
            )
            self._notable[i] = got
        return got

    def field(self, field_name: str, text: str) -> list[Raw]:
        """Names found in one field's ``text``."""
        words = tokenize(text)
        if not words:
            return []
        # Title Case lines ("Army Takes South Of Aleppo Citadel"): capitals say nothing there
        tc_lines = title_case_lines(text, words)
        lower_seen = {w.text.lower() for w in words if not w.cap}
        # per-call state stays local: one Recogniser serves many threads
        persons = _person_words(text, words, self.gaz)
        all_caps = sum(w.text.isupper() for w in words) > 0.6 * len(words)
        out: list[Raw] = []
        n = len(words)
        i = 0
        while i < n:
            w = words[i]
            if w.cap:
                starts = (w.parts and w.parts[0] in self.first) or (
                    not w.parts and i + 1 < n and words[i + 1].parts and words[i + 1].parts[0] in self.first)
            else:
                starts = bool(w.parts) and w.parts[0] in self.notable_first and w.text not in _FUNCTION_WORDS
            match = self._longest(text, words, i) if starts else None
            if match is not None and (match[0] > i or w.text not in DEMONYMS):
                title_case = any(a <= w.start < b for a, b in tc_lines)
                raw = self._accept(field_name, text, words, i, match[0], match[1], title_case, lower_seen,
                                   persons, all_caps)
                if raw is not None:
                    out.append(raw)
                    i = match[0] + 1
                    continue
            dems = self._demonym(field_name, text, words, i)
            if dems:
                out.extend(dems)
                if dems[-1].end > w.end:  # a two-word demonym ("Sri Lankan")
                    i += 1
            elif w.cap:
                self._unknown(field_name, text, words, i, out, lower_seen)
            i += 1
        _spread_list_cues(text, out)
        return out

    # -- matching --------------------------------------------------------------------------------
    def _longest(self, text: str, words: list[Word], i: int) -> tuple[int, tuple[int, ...]] | None:
        key = " ".join(words[i].parts)
        best: tuple[int, tuple[int, ...]] | None = None
        last = min(len(words), i + self.max_n)
        keys = self.gaz._keys
        prefixes = self.prefixes
        j = i
        while True:
            if key:
                hit = keys.get(key)
                if hit is not None:
                    best = (j, (hit,) if isinstance(hit, int) else hit)
                if key not in prefixes:
                    break
            j += 1
            if j >= last:
                break
            gap = text[words[j - 1].end : words[j].start].strip(" ")
            if gap and not (gap == "." and words[j - 1].text in NAME_ABBREVIATIONS):
                break
            nxt = " ".join(words[j].parts)
            key = f"{key} {nxt}" if key and nxt else (key or nxt)
        return best

    def _run_bounds(self, words: list[Word], i: int, j: int, text: str) -> tuple[int, int]:
        """The capitalised run around words i..j (connectors inside allowed)."""
        a = i
        while a > 0 and words[a - 1].cap and not words[a].sent_start and joins(text[words[a - 1].end : words[a].start]):
            a -= 1
        b = j
        while b + 1 < len(words) and not words[b + 1].sent_start and joins(text[words[b].end : words[b + 1].start]):
            nxt = words[b + 1]
            if nxt.cap:
                b += 1
            else:
                break
        return a, b

    def _accept(self, fname: str, text: str, words: list[Word], i: int, j: int, nums: tuple[int, ...],
                title_case: bool, lower_seen: set[str], persons: set[str], all_caps: bool) -> Raw | None:
        span_words = words[i : j + 1]
        first = span_words[0]
        low = first.text.lower()
        single = len(span_words) == 1
        if single and (first.text in DEMONYMS or low in _DIRECTIONS):
            return None
        if single and low in COMMON_WORDS and not (first.text.isupper() and len(first.text) >= 2):
            return None
        if (single and low in NOT_PLACES) or (len(span_words) == 2 and low == "the" and span_words[1].text.lower() in NOT_PLACES):
            return None
        if all(w.text.lower() in COMMON_WORDS and not w.text.isupper() for w in span_words):
            # "In the", "Most": common words, unless a capitalised name mid-sentence ("the Middle East")
            content = span_words[1:] if low == "the" else span_words
            if single or first.sent_start or not content or not all(w.cap for w in content):
                return None
        any_cap = any(w.cap for w in span_words)
        if not any_cap:
            # lowercase: only well-known places written exactly so ("raqqa", "east ghouta")
            written = folded(text[first.start : span_words[-1].end])
            nums = tuple(k for k in nums if self.notable(k) and self.gaz.feature_of(k) != "admin2"
                         and self._spelled(k, written, abbreviations=False))
            if not nums:
                return None
        notable = any(self.notable(k) for k in nums)
        if i > 0 and words[i - 1].cap and words[i - 1].text.lower() in FIRST_NAMES and not words[i].sent_start:
            return None
        if i > 0 and words[i - 1].text.lower() == "the" and single and low in FIRST_NAMES:
            return None
        if single and low in persons and not notable:
            return None
        if single and (low in FIRST_NAMES or low in SURNAMES) and not self._famous(nums, first.text, major=True) \
                and ctx_cue_needed(text, span_words[-1].end, text[max(0, first.start - 60) : first.start]) \
                and not _civic_after(words, j):
            return None
        if single and len(first.text) == 1:
            return None
        if not single and " ".join(w.text.lower() for w in span_words) in NOT_PLACE_PHRASES:
            return None
        if single and first.text.isupper() and len(first.text) > 1 and not all_caps:
            # an acronym is a place only if the gazetteer writes it so ("US", "UAE", "DRC");
            # a longer word in capitals (a dateline "WASHINGTON") only a well-known place spelled so
            if len(first.text.rstrip(".")) <= 4 or "." in first.text:
                nums = tuple(k for k in nums if self._exact_case(k, first.text))
            else:
                written = folded(first.text)
                # a dateline names its state next ("CHARLESTON, W.Va."): any place spelled so
                dateline = _DATELINE_RE.match(text, first.end) is not None
                nums = tuple(k for k in nums if (dateline or self.notable(k)) and self._spelled(k, written))
            if not nums:
                return None
        before = text[max(0, first.start - 60) : first.start]
        after = text[span_words[-1].end : span_words[-1].end + 80]
        ctx = relations.context(before, after)
        if any_cap and title_case and not (notable or ctx.cue == "strong"):
            return None
        if first.cap and (first.sent_start or low in COMMON_WORDS) and (single or low in COMMON_WORDS):
            # "Kill them all.", "In the ...": a sentence-initial word must be spelled as a name exactly
            written = folded(text[first.start : span_words[-1].end])
            spelled = tuple(k for k in nums if self._spelled(k, written))
            if not spelled or (low in lower_seen and not any(self.notable(k) for k in spelled)):
                return None
            nums = spelled
            if single and first.sent_start and not any(self.notable(k) for k in nums) and ctx.cue != "strong" \
                    and not re.match(r",\s+[A-Z]", after):
                return None  # "Kill them all." - a sentence-initial word needs support to be a village
        if first.text.isupper() and len(first.text) <= 3 and not notable and single:
            return None  # acronyms ("SAA", "FSA") are actors, not places
        if not notable and _byline(text, first.start):
            return None
        # part of a longer capitalised run?
        a, b = (i, j) if title_case else self._run_bounds(words, i, j, text)
        if a < i or b > j:
            others = [w.text.lower() for w in words[a:i]] + [w.text.lower() for w in words[j + 1 : b + 1]]
            if any(o in GROUP_PREFIXES for o in others) or any(w.text.lower() in GROUP_PREFIXES for w in span_words):
                return None
            famous = self._famous(nums, text[first.start : span_words[-1].end])
            if famous and not (a < i and words[a].text.lower() in FIRST_NAMES):
                # "Texas Department of ...", "Jamaica Cancer Society", "Air Canada": a well-known
                # place inside a longer name is still named there (a modifier)
                others = []
            elif any(o in ORG_WORDS for o in others):
                # "Henderson Police Department", "Harwinton Senior Center": a place leading a civic
                # body's name is named there (the corpora's modifier toponyms); never armed groups
                lead = a == i and not any(o in ARMED_WORDS or o in GROUP_PREFIXES for o in others)
                written = folded(text[first.start : span_words[-1].end])
                if not lead or not any(self._spelled(k, written, abbreviations=False) for k in nums):
                    return None
                others = []
            if any(o in FIRST_NAMES for o in others[: i - a]):
                return None
            after_ok = all(o in _DIRECTIONS or o in COMMON_WORDS or o in _RUN_OK for o in others[i - a :])
            before_ok = all(o in _DIRECTIONS or o in COMMON_WORDS or o in _RUN_OK for o in others[: i - a])
            if not after_ok or not (before_ok or ctx.cue == "strong"):
                return None
        if any(w.text.lower() in GROUP_PREFIXES for w in words[max(0, i - 2) : i]) and not notable:
            return None
        start, end = first.start, span_words[-1].end
        kind = "metonym" if ctx.metonym and ctx.cue is None and any_cap else "toponym"
        if kind == "metonym" and not notable:
            return None  # "Kelly said": a person, not a place
        return Raw(fname, start, end, text[start:end], nums, "name", kind, ctx.relation, ctx.cue, ctx.feature_hint,
                   tentative=not any_cap)

    def _famous(self, nums: tuple[int, ...], written: str, major: bool = False) -> bool:
        """A well-known place whose own name is written so ("Virginia", "Jackson", "Jordan");
        ``major``: only countries, first-level divisions and cities of 500,000 or more."""
        w = folded(written)
        t = self.gaz._t
        upper = written.isupper() and len(written) > 1
        for k in nums:
            if not self.notable(k):
                continue
            if folded(t["names"][k]) != w and not (upper and self._exact_case(k, written)):
                continue
            if not major or t["feature"][k] in ("country", "admin1") or t["population"][k] >= 500_000:
                return True
        return False

    def _close(self, k: int, key: str) -> bool:
        """A skeleton match is kept only if some name of the place is also close letter by letter."""
        from rapidfuzz import fuzz

        t = self.gaz._t
        names = [t["names"][k], *(t["alts"][k].split("\x1f") if t["alts"][k] else ())]
        return any(fuzz.ratio(key, name_key(nm)) >= 80 for nm in names)

    def _exact_case(self, k: int, written: str) -> bool:
        t = self.gaz._t
        alts = t["alts"][k]
        return t["names"][k] == written or (bool(alts) and written in alts.split("\x1f"))

    def _spelled(self, k: int, written: str, abbreviations: bool = True) -> bool:
        t = self.gaz._t
        if folded(t["names"][k]) == written:
            return True
        alts = t["alts"][k]
        return bool(alts) and any(
            folded(a) == written and (abbreviations or not a.endswith(".")) for a in alts.split("\x1f"))

    def _demonym(self, fname: str, text: str, words: list[Word], i: int) -> list[Raw]:
        """Demonyms at word ``i``: one word ("Syrian"), two ("South Sudanese") or the parts of a
        hyphenated compound ("Arab-Israeli", "Turkish-backed")."""
        w = words[i]
        if not w.cap:
            return []
        if i + 1 < len(words) and words[i + 1].cap and words[i + 1].start == w.end + 1:
            pair = f"{w.text} {words[i + 1].text}"
            code = DEMONYMS.get(pair)
            if code is not None:
                return [Raw(fname, w.start, words[i + 1].end, pair, (), "demonym", "demonym", demonym=code)]
        code = DEMONYMS.get(w.text)
        if code is not None:
            return [Raw(fname, w.start, w.end, w.text, (), "demonym", "demonym", demonym=code)]
        out: list[Raw] = []
        if "-" in w.text:
            pos = w.start
            for part in w.text.split("-"):
                code = DEMONYMS.get(part)
                if code is not None and part[:1].isupper():
                    out.append(Raw(fname, pos, pos + len(part), part, (), "demonym", "demonym", demonym=code))
                pos += len(part) + 1
        return out

    def _unknown(self, fname: str, text: str, words: list[Word], i: int, out: list[Raw],
                 lower_seen: set[str] | frozenset[str] = frozenset()) -> None:
        """A capitalised name the gazetteer lacks, kept if the context is clearly locative."""
        w = words[i]
        if not w.cap or (w.sent_start and w.text.lower() in COMMON_WORDS):
            return
        low = w.text.lower()
        if low in NOT_PLACES or low in COMMON_WORDS or low in ORG_WORDS or low in DEMONYMS or w.text in DEMONYMS:
            return
        if out and out[-1].end > w.start:
            return
        a, b = self._run_bounds(words, i, i, text)
        if a != i:
            return
        run = words[i : b + 1]
        # ordinary English words ("Commanders said ...", a headline's "Forces Advance"): at a
        # sentence start or in a title they are no name at all; elsewhere no loose match
        plain = all(is_english_word(x.text, lower_seen) for x in run)
        if plain and (w.sent_start or fname == "title"):
            return
        if any(x.text.lower() in ORG_WORDS or x.text.lower() in GROUP_PREFIXES or x.text.lower() in FIRST_NAMES for x in run):
            return
        before = text[max(0, w.start - 60) : w.start]
        after = text[run[-1].end : run[-1].end + 80]
        listed = bool(out) and out[-1].cue == "strong"
        arabic = "-" in w.text
        if not (listed or arabic or _MAYBE_CUE_BEFORE.search(before) or _MAYBE_CUE_AFTER.match(after)):
            return  # fast path: nothing locative around
        ctx = relations.context(before, after)
        if ctx.cue != "strong" and out and out[-1].cue == "strong" and relations.continues_list(text[out[-1].end : w.start]):
            ctx = relations.Context(ctx.relation, "strong", out[-1].hint, False)
        arabic_like = "-" in w.text and w.text.split("-")[0].lower() in ("al", "el", "an", "ar", "as", "ash", "ad", "az", "at", "en", "ed", "es", "ez")
        if ctx.cue != "strong" and not (arabic_like and ctx.cue == "weak"):
            return
        start, end = w.start, run[-1].end
        key = " ".join(p for x in run for p in x.parts)
        how = "cue"
        nums: tuple[int, ...] = ()
        sk = skeleton_of_key(key)
        if len(sk) >= 4 and not plain:
            nums = tuple(k for k in self.gaz.skeleton_numbers(key) if self._close(k, key))
            how = "skeleton" if nums else "cue"
        out.append(Raw(fname, start, end, text[start:end], nums, how, "toponym", ctx.relation, ctx.cue, ctx.feature_hint,
                       plain_word=plain))


_DATELINE_RE = re.compile(r",\s+(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,4}\.)?|[A-Z][a-z]+)\s+(?:-|—|–)")


def _civic_after(words: list[Word], j: int) -> bool:
    """A civic body's name follows word ``j`` ("Henderson Police Department", "Mount Pleasant City
    Council"): the name before it is the place, not a person."""
    for w in words[j + 1 : j + 4]:
        if not w.cap or w.sent_start:
            return False
        low = w.text.lower()
        if low in ORG_WORDS:
            return low not in ARMED_WORDS
    return False


def ctx_cue_needed(text: str, end: int, before: str) -> bool:
    """A first name ("Tyler", "Paul") is a place only with support: "Tyler, Texas", "the town of Paul"."""
    if re.match(r",\s+[A-Z]", text[end : end + 3]):
        return False
    return relations.context(before, text[end : end + 40]).cue != "strong"


def _person_words(text: str, words: list[Word], gaz: Gazetteer) -> set[str]:
    """Surnames: last words of capitalised runs that are not place names ("Jacob Zuma" -> zuma)."""
    out: set[str] = set()
    n = len(words)
    k = 0
    while k < n - 1:
        w = words[k]
        j = k
        while j + 1 < n and words[j + 1].cap and words[j].cap and not words[j + 1].sent_start \
                and not text[words[j].end : words[j + 1].start].strip(" ") and j - k < 2:
            j += 1
        if j > k and w.cap:
            last = words[j].text.lower()
            key = " ".join(p for x in words[k : j + 1] for p in x.parts)
            firstname = w.text.lower() in FIRST_NAMES
            if firstname or (not gaz.key_numbers(key) and w.text.lower() not in COMMON_WORDS
                             and w.text not in DEMONYMS and not gaz.key_numbers(" ".join(w.parts))):
                out.add(last)
        k = j + 1
    return out


def _byline(text: str, pos: int) -> bool:
    """True if ``pos`` lies on a short line of capitalised words only (an author's name)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)].strip()
    words = line.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not line.endswith((".", "!", "?"))


def _spread_list_cues(text: str, raws: list[Raw]) -> None:
    """'the neighbourhoods of A and B': B inherits A's strong cue and feature hint."""
    for prev, cur in zip(raws, raws[1:]):
        if prev.cue == "strong" and cur.cue != "strong" and relations.continues_list(text[prev.end : cur.start]):
            cur.cue, cur.hint = prev.cue, cur.hint or prev.hint
