"""PLOVER event type of a sentence from verb cues (all sixteen types, PLOVER 2021 names).

Events found by :mod:`.events` carry the PLOVER type of their ACLED sub-type; sentences that
hold no ACLED event (meetings, demands, threats, aid) are typed here: the type whose cue comes
first in the sentence wins (the main verb usually comes before its complements), ties going to
the earlier, more specific type of :data:`CUES`.
"""

from __future__ import annotations

import re

CUES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (t, mode, re.compile(rx, re.IGNORECASE))
    for t, mode, rx in (
        ("THREATEN", "", r"\b(?:or\s+face|threat\w*|warn\w*|ultimatum|vow(?:s|ed)?\s+to\s+(?:retaliate|attack|punish)|menac\w*)\b"),
        ("REJECT", "", r"\b(?:(?:will|would|does|do|did)\s+not\s+(?:accept|allow|agree|recogni[sz]e)|won't\s+accept|reject\w*|refus\w*|veto\w*|rebuff\w*|turn(?:s|ed)?\s+down|dismiss\w*|denie[sd]\s+(?:a\s+)?request)\b"),
        ("REQUEST", "", r"\b(?:must|demand\w*|call(?:s|ed)?\s+(?:on|for|upon)|urg(?:e|es|ed|ing)|appeal\w*|ask(?:s|ed)?|request\w*|press(?:ed|es)?\s+for|plead\w*|insist\w*)\b"),
        ("ACCUSE", "", r"\b(?:accus\w*|blam\w*|condemn\w*|criticiz\w*|criticis\w*|denounc\w*|investigat\w*|probe\w*|inquiry|alleg\w*|charg(?:e|ed|es)\s+(?:that|with)|disapprov\w*|deplor\w*|protest(?:ed)?\s+(?:against|to)\s+the\s+(?:government|ambassador))\b"),
        ("PROTEST", "", r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?|hunger\s+strike|went\s+on\s+strike|riot\w*|boycott\w*|sit-in)\b"),
        ("SANCTION", "", r"\b(?:prohibit\w*|deny\s+(?:\w+\s+)?(?:aid|visas?|entry)|sanction\w*|embargo\w*|expel\w*\s+(?:\w+\s+)?(?:diplomat|ambassador)\w*|sever\w*\s+(?:diplomatic\s+)?(?:ties|relations)|cut\s+(?:off\s+)?(?:ties|relations|aid)|suspend\w*|recall\w*\s+(?:its\s+)?ambassador|freez\w*|froze)\b"),
        ("CONCEDE", "", r"\b(?:releas\w*|conced\w*|eas(?:e|ed|es|ing)|lift(?:s|ed)?|apologi\w*|resign\w*|step(?:s|ped)?\s+down|yield\w*|amnesty|pardon\w*|allow(?:s|ed)?|grant(?:s|ed)?\s+(?:\w+\s+)?(?:access|asylum|autonomy))\b"),
        ("RETREAT", "withdraw", r"\b(?:withdr[ae]w\w*|withdrawal|pull(?:s|ed)?\s+(?:out|back)|retreat\w*|evacuat\w*|demobili\w*|disarm\w*)\b"),
        ("AID", "", r"\b(?:aid|humanitarian|donat\w*|assistance|relief|supplies|provid\w*\s+(?:\w+\s+)?(?:help|food|funds|loans?|weapons)|loan|grant(?:s|ed)?\s+\$)\b"),
        ("COOPERATE", "", r"\b(?:shar(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:expertise|information|intelligence|technology)|cooperat\w*|co-operat\w*|collaborat\w*|joint\s+(?:\w+\s+)?(?:patrol|operation|exercise|venture)|extradit\w*|share\w*\s+intelligence|work(?:ed)?\s+together)\b"),
        ("AGREE", "", r"\b(?:reach(?:ed|es)?\s+(?:a|an)\s+(?:consensus|agreement|understanding|deal|accord)|offer(?:s|ed)?\s+to|agree\w*|sign(?:s|ed|ing)?|accord|pact|treaty|ceasefire|cease-fire|truce|promis\w*|pledg\w*|commit(?:s|ted)?\s+to|deal)\b"),
        ("SUPPORT", "", r"\b(?:upgrad\w*\s+(?:\w+\s+)?(?:ties|relations)|restor\w*\s+(?:\w+\s+)?(?:ties|relations)|support\w*|prais\w*|endors\w*|welcom\w*|back(?:s|ed|ing)|commend\w*|recogni[sz]\w*|hail\w*|applaud\w*|congratulat\w*)\b"),
        ("CONSULT", "", r"\b(?:met|meet\w*|talks|visit\w*|discuss\w*|negotiat\w*|consult\w*|phon\w*|host\w*|summit|conferr?\w*|mediat\w*)\b"),
        ("MOBILIZE", "", r"\b(?:mobili[sz]\w*|deploy\w*|mass(?:ed|ing)\s+troops|troops\s+massed|alert\b|reinforc\w*|military\s+exercises?|manoeuvres|maneuvers|put\s+on\s+alert)\b"),
        ("COERCE", "", r"\b(?:arrest\w*|detain\w*|seiz\w*|ban(?:s|ned)?|curfew|deport\w*|restrict\w*|confiscat\w*|raid\w*|blockad\w*|martial\s+law|imprison\w*|expel\w*|occup\w*|captur\w*|close[sd]?\s+(?:the\s+)?border)\b"),
        ("ASSAULT", "", r"\b(?:forced\s+out|attack\w*|kill\w*|bomb\w*|shell\w*|clash\w*|fight\w*|fought|shoot\w*|shot|air\s*strikes?|wound\w*|abduct\w*|kidnap\w*|assassinat\w*|massacr\w*|explo\w*|fir(?:ed|ing)\s+(?:on|at)|struck|ambush\w*|tortur\w*|beat(?:en)?)\b"),
    )
)

#: PLOVER 2016 names in older gold files -> the 2021 names used here.
RENAMED = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def classify(text: str) -> str | None:
    """The PLOVER type of ``text`` by its earliest cue, or None."""
    best: tuple[int, int, str] | None = None
    for order, (ptype, _, rx) in enumerate(CUES):
        m = rx.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, ptype)
    return best[2] if best else None
