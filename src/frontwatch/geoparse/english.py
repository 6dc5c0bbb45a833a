"""Ordinary English words that open sentences and headlines in conflict reporting.

A capitalised word at the start of a sentence ("Commanders said ...") or in a headline is not
evidence of a name. Loose matches (consonant skeleton, fuzzy) would otherwise carry such a word
to some far namesake (Commandeurs, the Netherlands). The list is our own, written for the genre
(who speaks, who fights, what happens, when); plurals and -ing/-ed forms are folded by
:func:`is_english_word`, and a word the same text also writes in lowercase counts as English.
"""

from __future__ import annotations

from frontwatch.geoparse.demonyms import COMMON_WORDS

ENGLISH_WORDS: frozenset[str] = frozenset("""
accord account activist advance agency agreement aid air aircraft airstrike ally ambush analyst
announcement area army arrest artillery assault attack authority backer barrage battle blast
bomb bomber border brigade bulletin camp campaign casualty ceasefire cell checkpoint child
children citizen civilian clash coalition column command commander committee community convoy
correspondent council counterattack court crowd curfew dead death defence defender delegation
deployment detainee diplomat director displaced district division doctor drone earlier elder
election embassy envoy evacuation explosion faction family fight fighter footage force front
funeral gunman gunfire headquarters health hospital hostage humanitarian image injured
inspector intelligence interior investigator journalist judge killed killing leader local
majority man massacre medic member men mercenary militant military militia minister ministry
mission mortar negotiator neighbour neighbourhood news observer offensive officer official
operation opponent opposition parliament patrol people photo police politician president
prisoner protest protester raid rebel record refugee regime reinforcement report reporter
resident resistance rocket rumour security shelling shell siege soldier source speaker
spokesman spokeswoman spokesperson statement strike student supporter survivor talk tank
teacher tribe troop truce unit victim video villager violence volunteer war warplane witness
woman women worker wounded yesterday tonight tomorrow overnight afterwards elsewhere nearby
several dozens hundreds thousands millions both neither either whether while when where which
who whom whose what why instead despite according amid inside outside beyond across along
toward towards against within without meanwhile moreover nevertheless furthermore
""".split()) | COMMON_WORDS

_SUFFIXES = ("ies", "es", "s", "ing", "ed")


def is_english_word(word: str, lower_seen: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``word`` (any case) is an ordinary English word: in our list (plural, -ing and
    -ed forms folded) or written in lowercase elsewhere in the same text (``lower_seen``)."""
    low = word.lower()
    if low in ENGLISH_WORDS or low in lower_seen:
        return True
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            stem = low[: -len(suf)]
            for cand in (stem, stem + "y" if suf == "ies" else stem, stem + "e"):
                if cand in ENGLISH_WORDS or cand in lower_seen:
                    return True
    return False
