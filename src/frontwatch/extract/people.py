"""People are captured, freed, taken somewhere and leave places too: such sentences change no control.

:func:`verdict` looks at a territorial trigger word and what surrounds it: ``"people"`` when people
are its object or passive subject ("captured two soldiers", "volunteers were captured by") — an
abduction, not a claim; ``"skip"`` when people are freed, when civilians or convoys are the ones who
leave, enter or are driven out ("families who abandoned X", "a convoy entered X"), or when a person
is taken somewhere ("took Bahar to Erbil"); ``"keep"`` otherwise.
"""

from __future__ import annotations

import re

from frontwatch.extract import lexicon

PERSON_CAPTURE = lexicon.Trigger("capture_person", re.compile(r"captur|seiz|tak", re.IGNORECASE), "violence")

_PEOPLE = (r"(?:volunteers?|soldiers?|fighters?|men|women|children|boys|girls|civilians?|journalists?|reporters?|photographers?|"
           r"aid\s+workers?|workers?|hostages?|prisoners?|people|residents?|villagers?|officers?|commanders?|leaders?|students|"
           r"doctors?|nurses?|activists?|members?|policemen|police\s+officers?|pilots?|nationals?|citizens?|tourists?|priests?|"
           r"famil(?:y|ies)|detainees?|engineers?|staff|contractors?|mercenaries|crew|sailors|conscripts|servicemen|POWs?|"
           r"migrants?|refugees?|teachers?|farmers?|herders?|traders?|businessm[ae]n|brothers?|sons?|daughters?|wife|husband|"
           r"him|her|them|dozens|hundreds|scores)")

#: "captured two soldiers", "seized five aid workers": people, not places, are taken.
_OBJECT = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(" + _PEOPLE + r")\b", re.IGNORECASE)

#: "Two volunteers ... were captured by", "the journalists, who were freed": the subject is people.
_SUBJECT = re.compile(r"\b(?:" + _PEOPLE + r"|he|she|they|I|we)\b(?:\s+[\w'’,-]+){0,7}?\s+(?:who\s+)?(?:had\s+been|have\s+been|has\s+been|were|was|being|been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)

#: Civilians leave, aid convoys enter: "families who abandoned X", "a convoy ... entered X" are not changes of control.
_CIVILIAN_SUBJECT = re.compile(
    r"\b(?:families|residents|civilians|people|villagers|refugees|displaced|inhabitants|locals|"
    r"convoys?|aid|trucks|lorries|buses|ambulances|delegation|inspectors|journalists|reporters|envoys?|monitors|observers|"
    r"tourists|pilgrims|students|workers|doctors|volunteers)\b(?:\s+(?:who|that|which|had|have|has|were|was|are|is|then|later|finally|eventually|also|\w+ing|of\s+\w+|from\s+\w+|carrying\s+\w+(?:\s+\w+){0,3}))*\s*$",
    re.IGNORECASE)

_VERBS = frozenset({"capture", "take", "liberate"})

#: "who took Bahar to Erbil": a person taken somewhere.
_TAKEN_TO = re.compile(r"\s+[A-Z][\w'’-]+\s+to\s+(?:the\s+)?[A-Z]")


def persons_taken(text: str, start: int, end: int) -> bool:
    """True when the verb's object (or passive subject) is people: "captured two soldiers", "volunteers were captured"."""
    if re.match(r"\s+[A-Z][\w'’-]+\s+and\s+(?:his|her|their)\s", text[end : end + 60]):
        return True  # "captured Bafrin and her three brothers"
    obj = _OBJECT.match(text, end)
    if obj and not re.search(r"\b(?:of|from|in|at|near|by|to|with|and|town|city|village|base)\b", text[end : obj.start(1)], re.IGNORECASE):
        return True
    return bool(_SUBJECT.search(text[max(0, start - 90) : start]))


def verdict(name: str, text: str, start: int, end: int) -> str:
    """``"people"``, ``"skip"`` or ``"keep"`` for the trigger ``name`` at ``text[start:end]``."""
    if name == "take" and _TAKEN_TO.match(text, end):
        return "skip"
    if name in ("withdraw", "advance", "take", "push_from", "expel") and _CIVILIAN_SUBJECT.search(text[max(0, start - 80) : start]):
        return "skip"
    if name in _VERBS and persons_taken(text, start, end):
        return "skip" if text[start:end].lower().startswith("free") else "people"
    return "keep"
