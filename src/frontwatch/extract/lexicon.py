"""Verb patterns: the trigger words of events and control claims, and the cues of sub-types.

Each :class:`Trigger` is a regular expression over a sentence with what it means: an event
``kind`` and, for territorial verbs, the control ``change`` it states and how its place and
actors are found (``voice``: "active" — place after the verb, "passive" — place before it,
"auto" — passive when a form of *be* precedes or "by" follows). The sub-type of violent
events is refined by weapon and target cues (:data:`SUBTYPE_CUES`), checked in order.
ACLED's and PLOVER's names are used unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    name: str
    pattern: re.Pattern[str]
    kind: str  # control, clash, violence, protest, riot, agreement, arrest, looting, disrupt, base, change
    change: str | None = None  # gained, lost, handed_over, contested, held
    voice: str = "auto"  # active, passive, auto, nominal
    #: The same pattern, case-sensitive, for lower-cased text (about twice as fast).
    lower: re.Pattern[str] | None = None


def _t(name: str, rx: str, kind: str, change: str | None = None, voice: str = "auto") -> Trigger:
    assert not re.search(r"\\[SWBDAZ]", rx), f"{name}: upper-case escapes break the lower-cased copy"
    return Trigger(name, re.compile(rx, re.IGNORECASE), kind, change, voice, re.compile(rx.lower()))


_NOT_TAKE = r"(?!\s+(?:flight|over\s+from|from|up\s+arms|up\s+(?:the\s+)?(?:fight|cause|issue|post|role|job|residence)|control\s+(?:in|at|on|after|when|of\s+(?:the\s+)?(?:house|senate|congress|parliament|government|company|party))\b|comfort|charge|place|part|hold|refuge|shelter|aim|responsibility|note|care|advantage|the\s+lead|power|office|measures|steps|action|revenge|into\s+account|to\s+the\s+streets|cover|casualties|losses|prisoners?|hostages?))"

TRIGGERS: tuple[Trigger, ...] = (
    # -- control: gained -------------------------------------------------------------------
    _t("control_of", r"\b(?:(?:re)?(?:took|taken|take|takes|taking|seized|seize|seizes|gained|gain|gains|achieved|achieve|established|establish|"
       r"assumed|wrested|regained|regain|won|win|restored|reasserted|imposed|extended|tightened)\s+(?:(?:full|complete|total|effective|"
       r"partial|back|their|its)\s+)*control\s+(?:of|over)|(?:full|complete|total)\s+control\s+(?:of|over))\b", "control", "gained", "active"),
    _t("back_in_control", r"\b(?:is|are|was|were)\s+back\s+in\s+(?:full\s+)?control\s+of\b", "control", "gained", "active"),
    _t("retake", r"\b(?:recaptur(?:e|es|ed|ing)|retook|retak(?:e|es|en|ing)|reclaim(?:s|ed|ing)?|won\s+back|win\s+back|regain(?:s|ed|ing)?|re-?took|re-?taken)\b", "control", "gained"),
    _t("capture", r"\b(?:captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|sezied|overr[au]n|overrunning|conquer(?:s|ed|ing)?)\b", "control", "gained"),
    _t("occupy", r"(?<![-‐])\boccup(?:y|ies|ied|ying)\b(?!\s+by\b|\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:building|offices?|square|streets?|parliament|headquarters|campus|university|territories|land|positions?|seats?|posts?|roles?)\b)", "control", "gained"),
    _t("take", r"\b(?:took|tak(?:e|es|en|ing))(?:\s+over)?\b" + _NOT_TAKE, "control", "gained"),
    _t("liberate", r"\b(?:liberat(?:e|es|ed|ing)|freed)\b(?!\s+(?:prisoners?|hostages?|detainees?|captives?|syrian\s+army|army))", "control", "gained"),
    _t("liberation", r"\b(?:liberation|capture|recapture|seizure|takeover|fall|conquest)\s+of\b", "control", "gained", "nominal"),
    _t("purge", r"\b(?:purg(?:e|es|ed|ing)|clear(?:s|ed|ing)|clean(?:s|ed|ing)|mopp(?:ed|ing)\s+up|rid)\b(?=[^.;]{0,80}?\b(?:of|from|in)\b)", "control", "gained", "active"),
    _t("push_from", r"\b(?:push(?:es|ed|ing)?|drove|driv(?:e|es|en|ing)|forc(?:ed|ing)|kick(?:s|ed|ing)?|flush(?:es|ed|ing)?|chas(?:e|es|ed|ing)|expel(?:s|led|ling)?|oust(?:s|ed|ing)?|evict(?:s|ed|ing)?|rout(?:s|ed|ing)?)\b(?=(?:\s+[\w'’\"“”-]+){0,6}?\s+(?:out\s+of|out\s+from|from|back\s+from|out)\b)", "control", "gained"),
    _t("expel", r"\b(?:expel(?:s|led|ling)?|oust(?:s|ed|ing)?|evict(?:s|ed|ing)?)\b", "control", "gained"),
    _t("secure", r"\bsecur(?:ed|es|ing|e)\b(?!\s+(?:the\s+)?(?:release|funding|support|deal|agreement|border\s+crossing\s+deal))", "control", "gained"),
    _t("fell_to", r"\b(?:fell|fall|falls|fallen|falling)\s+(?:back\s+)?(?:in)?to(?:\s+the\s+hands\s+of)?\b|\bfell\s+under\s+(?:the\s+)?control\s+of\b|\bcame\s+under\s+(?:the\s+)?control\s+of\b", "control", "gained", "passive"),
    # -- control: handed over, lost ----------------------------------------------------------
    _t("hand_over", r"\b(?:hand(?:s|ed|ing)?\s+over|handover\s+of|turn(?:s|ed|ing)?\s+over|cede(?:s|d)?|ceding|transferr?(?:ed|s|ing)?\s+(?:control\s+of\s+)?)\b", "control", "handed_over"),
    _t("withdraw", r"\b(?:withdr[ae]w|withdrawn|pulled\s+out|retreated)\b(?=\s*[,.;])|\b(?:withdr[ae]w(?:n|s|ing)?|withdraws|pull(?:s|ed|ing)?\s+(?:out|back)|retreat(?:s|ed|ing)?|abandon(?:s|ed|ing)?|evacuat(?:e|es|ed|ing)|lost|lose|loses|losing)\b(?=(?:\s+[\w'’-]+){0,3}?\s+(?:from|of)\b|\s+[^\s])", "control", "lost"),
    # -- control: contested -------------------------------------------------------------------
    _t("besiege", r"\b(?:besieg(?:e|es|ed|ing)|encircl(?:e|es|ed|ing)|surround(?:s|ed|ing)|(?:under|laid|lay|lays)\s+siege(?:\s+to)?|siege\s+of|encirclement\s+of|cut\s+off)\b", "control", "contested"),
    _t("advance", r"\b(?:pen[e]?t[e]?rat(?:e|es|ed|ing)|advanc(?:e|es|ed|ing)\s+(?:further\s+)?(?:in|into|on|towards?|inside)|push(?:es|ed|ing)?\s+(?:further\s+|deeper\s+)?(?:into|inside|towards?)|"
       r"broke\s+(?:into|through)|break(?:s|ing)?\s+(?:into|through)|enter(?:s|ed|ing)|made\s+(?:\w+\s+)?gains\s+in|gain(?:s|ed)?\s+ground\s+in|"
       r"storm(?:s|ed|ing)?|infiltrat(?:e|es|ed|ing)|moved\s+into|(?:at|reached|reach(?:es|ing)?)\s+the\s+gates\s+of|clos(?:e|es|ed|ing)\s+in\s+on|"
       r"reach(?:ed|es|ing)?\s+the\s+(?:outskirts|edges?)\s+of)\b", "control", "contested", "active"),
    # -- violence ---------------------------------------------------------------------------------
    _t("clash", r"\b(?:clash(?:es|ed|ing)?|fight(?:s|ing)?|fought|battl(?:e|es|ed|ing)|attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|ambush(?:es|ed|ing)?|"
       r"firefights?|skirmish(?:es|ed)?|gun\s*battles?|exchanges?\s+of\s+fire|exchanged\s+fire|repel(?:s|led|ling)?|repuls(?:e|es|ed)|offensive|"
       r"counter-?attack(?:s|ed)?|engag(?:ed|ements?)|raid(?:s|ed|ing)?|hit|struck|strikes?|target(?:s|ed|ing)?|opened\s+fire|fired\s+(?:on|at))\b", "clash"),
    _t("bomb", r"\b(?:air\s*-?strikes?|airstrikes?|air\s+raids?|bomb(?:s|ed|ing|ings|ard(?:s|ed|ing|ment))?|shell(?:s|ed|ing)|barrel\s+bombs?|explosions?|blasts?|"
       r"detonat(?:ed|ion)|exploded|mortars?|rockets?|missiles?|drones?\s+strikes?|IEDs?|landmines?|mines?\s+(?:explod\w+|blast)|grenades?|chemical\s+attack)\b", "clash"),
    _t("kill", r"\b(?:kill(?:s|ed|ing)?|execut(?:e|es|ed|ing)|massacr(?:e|es|ed)|murder(?:s|ed)?|behead(?:s|ed)?|slaughter(?:s|ed)?|shot\s+dead|"
       r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|tortur(?:e|es|ed)|beat(?:en)?|rap(?:e|es|ed)|sexual(?:ly)?\s+(?:violence|assault\w*)|"
       r"kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing|ion)?|disappeared|taken\s+hostage)\b", "violence"),
    _t("protest", r"\b(?:protest(?:s|ed|ing|ers)?|demonstrat(?:e|ed|ion|ions|ors)|rall(?:y|ies|ied)|(?<!\bin\s)(?<!\bof\s)(?<!\bon\s)(?<!\bsince\s)(?<!\buntil\s)march(?:ed|es)?(?!\s+\d)|sit-ins?|took\s+to\s+the\s+streets)\b", "protest"),
    _t("riot", r"\b(?:riot(?:s|ed|ing|ers)?|mobs?|lynch(?:ed|ing)?|vigilantes|threw\s+stones|stone-throwing)\b", "riot"),
    _t("agreement", r"\b(?:ceasefire|cease-fire|cease\s+fire|truce|agreement|agreed|deal|signed|(?<!national\s)(?<!of\s)accord|reconciliation|peace\s+talks|evacuation\s+deal)\b", "agreement"),
    _t("arrest", r"\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|round(?:ed)?\s+up|apprehend(?:ed)?|custody)\b", "arrest"),
    _t("looting", r"\b(?:loot(?:s|ed|ing)?|pillag(?:e|ed|ing)|plunder(?:ed|ing)?|torch(?:ed|ing)|burn(?:ed|t)\s+(?:down\s+)?(?:\w+\s+){0,2}(?:houses|homes|shops|villages?|markets?)|demolish(?:ed|ing)|destroy(?:ed|ing)\s+(?:\w+\s+){0,2}(?:houses|homes|property|shops))\b", "looting"),
    _t("disrupt", r"\b(?:defus(?:e|ed|ing)|dismantl(?:e|ed|ing)|intercept(?:s|ed|ing)?|shot\s+down|downed|weapons?\s+cache|seized\s+(?:a\s+)?(?:weapons|ammunition|arms))\b", "disrupt"),
    _t("base", r"\b(?:establish(?:ed|es)?|set\s+up|built|opened)\s+(?:a\s+|an\s+|new\s+|military\s+)*(?:base|headquarters|outpost|checkpoint|command\s+post)s?\b", "base"),
    _t("change", r"\b(?:merg(?:e|ed|er)|defect(?:s|ed|ion)|dissolv(?:e|ed)|pledg(?:e|ed)\s+allegiance|split\s+from|formation\s+of|joined\s+forces|new\s+leader|appointed)\b", "change"),
)

#: Weapon and target cues in a sentence -> (ACLED type, sub-type), checked in order.
SUBTYPE_CUES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), t, s)
    for rx, t, s in (
        (r"\b(?:chemical|chlorine|sarin|toxic\s+gas|mustard\s+gas|nerve\s+agent|poison\s+gas)\b", "Explosions/Remote violence", "Chemical weapon"),
        (r"\bsuicide\b|\bblew\s+(?:him|her)self\s+up\b|\bsuicide\s+bomber\b", "Explosions/Remote violence", "Suicide bomb"),
        (r"\b(?:air\s*-?strikes?|airstrikes?|air\s+raids?|warplanes?|war\s+planes?|jets?|fighter\s+planes?|aircraft|drones?|helicopters?|barrel\s+bombs?|aerial|bombers?|air\s+force|bombing\s+raids?|sorties)\b", "Explosions/Remote violence", "Air/drone strike"),
        (r"\b(?:shell(?:s|ed|ing)?|artillery|mortars?|rockets?|missiles?|MLRS|Grad|Katyusha|howitzers?|tank\s+fire|bombard(?:ed|ment|s)?|projectiles?|HIMARS)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        (r"\b(?:IEDs?|roadside\s+bombs?|landmines?|land\s+mines?|mines?|car\s+bombs?|explosive\s+devices?|booby[- ]trap\w*|VBIEDs?|bomb\s+(?:exploded|went\s+off)|explosions?|blasts?|detonat\w+|exploded)\b", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        (r"\bgrenades?\b", "Explosions/Remote violence", "Grenade"),
    )
)

VIOLENCE_SUBTYPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), s)
    for rx, s in (
        (r"\b(?:rap(?:e|es|ed|ing)|sexual(?:ly)?\s+(?:violence|assault\w*|abuse\w*))\b", "Sexual violence"),
        (r"\b(?:kidnap\w*|abduct\w*|disappeared|taken\s+hostage|hostages?|forcibly\s+disappeared|taken\s+captive)\b", "Abduction/forced disappearance"),
    )
)
CIVILIAN_TARGET = re.compile(
    r"\b(?:church(?:es)?|mosques?|schools?|markets?|hotels?|hospitals?|homes?|houses?|weddings?|funerals?|camps?\s+for\s+displaced|displacement\s+camps?|civilians?|villagers?|residents?|farmers?|women|children|worshippers|shepherds?|families|family|students|journalists?|"
    r"aid\s+workers?|doctors?|teachers?|people|men|passengers|displaced|refugees|pilgrims|herders?|miners?)\b",
    re.IGNORECASE,
)
PROTEST_INTERVENTION = re.compile(r"\b(?:tear\s*gas|dispers(?:ed|e)|water\s+cannons?|rubber\s+bullets|baton|beat(?:en)?|arrested\s+(?:\w+\s+)?(?:protesters|demonstrators)|broke\s+up)\b", re.IGNORECASE)
PROTEST_FORCE = re.compile(r"\b(?:opened\s+fire\s+on|fired\s+(?:live\s+)?(?:ammunition\s+)?(?:on|at)|shot|killed|killing|live\s+(?:ammunition|fire|rounds))\b", re.IGNORECASE)
RIOT_VIOLENT = re.compile(r"\b(?:riot\w*|threw\s+stones|stone-throwing|torched|set\s+fire|clashed\s+with\s+(?:the\s+)?police|vandali\w+)\b", re.IGNORECASE)
MOB = re.compile(r"\b(?:mobs?|lynch\w*|vigilantes)\b", re.IGNORECASE)
#: "stormed the camp and killed at least 14 civilians": killing civilians makes an assault an attack.
KILLED_CIVILIANS = re.compile(
    r"[^.;]{0,80}?\b(?:kill(?:ed|ing)|massacr(?:ed|ing)|execut(?:ed|ing)|shot\s+dead|slaughter(?:ed|ing))\s+(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|some\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:civilians?|villagers|residents|people|women|children|worshippers|displaced|refugees|patients|farmers|men)\b",
    re.IGNORECASE,
)
#: Buildings: storming or entering one is an attack, not a change of territorial control.
BUILDING_OBJECT = re.compile(r"^\s+(?:a|an|the)?\s*(?:[\w'’-]+\s+){0,2}?(?:church|mosque|school|hotel|hospital|market|house|home|office|bank|restaurant|shop|building|compound|prison|embassy|wedding|funeral|camp|shelter)s?\b", re.IGNORECASE)
ASSOC_CUE = re.compile(
    r"\b(?:play(?:ed|s|ing)?\s+(?:a|the)\s+(?:\w+\s+)?(?:leading|key|major|main|central|decisive|crucial|significant|important)\s+role|"
    r"took\s+part|participat(?:ed|ing|es)|spearhead(?:ed|ing|s)?|led\s+the\s+(?:assault|attack|offensive|operation)|"
    r"backed\s+by|supported\s+by|with\s+the\s+(?:help|support|backing)\s+of|alongside|assisted\s+by|together\s+with|joined\s+by|"
    r"with\s+(?:air|artillery)\s+(?:support|cover)\s+from)\b",
    re.IGNORECASE,
)

#: ACLED sub-type -> ACLED type, PLOVER type and mode (PLOVER 2021 names).
SUBTYPES: dict[str, tuple[str, str, str | None]] = {
    "Armed clash": ("Battles", "ASSAULT", "firearms"),
    "Government regains territory": ("Battles", "COERCE", "seize"),
    "Non-state actor overtakes territory": ("Battles", "COERCE", "seize"),
    "Chemical weapon": ("Explosions/Remote violence", "ASSAULT", "unconventional"),
    "Air/drone strike": ("Explosions/Remote violence", "ASSAULT", "aerial"),
    "Suicide bomb": ("Explosions/Remote violence", "ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "ASSAULT", "explosives"),
    "Grenade": ("Explosions/Remote violence", "ASSAULT", "explosives"),
    "Sexual violence": ("Violence against civilians", "ASSAULT", "sexual"),
    "Attack": ("Violence against civilians", "ASSAULT", None),
    "Abduction/forced disappearance": ("Violence against civilians", "ASSAULT", "abduct"),
    "Peaceful protest": ("Protests", "PROTEST", "demo"),
    "Protest with intervention": ("Protests", "PROTEST", "demo"),
    "Excessive force against protesters": ("Protests", "ASSAULT", "firearms"),
    "Violent demonstration": ("Riots", "PROTEST", "riot"),
    "Mob violence": ("Riots", "ASSAULT", "beat"),
    "Agreement": ("Strategic developments", "AGREE", None),
    "Arrests": ("Strategic developments", "COERCE", "arrest"),
    "Change to group/activity": ("Strategic developments", "MOBILIZE", None),
    "Disrupted weapons use": ("Strategic developments", "COERCE", "restrict"),
    "Headquarters or base established": ("Strategic developments", "MOBILIZE", "troops"),
    "Looting/property destruction": ("Strategic developments", "COERCE", "seize"),
    "Non-violent transfer of territory": ("Strategic developments", "RETREAT", "withdraw"),
    "Other": ("Strategic developments", None, None),
}
