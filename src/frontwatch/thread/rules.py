"""The moderation lexicon and patterns (ours, written for conflict-comment threads).

Each :class:`Rule` is a regular expression for one category with a base score and a short
rationale. :mod:`frontwatch.thread.moderation` applies them sentence by sentence and drops a
match that is quoted, reported ("the governor said"), condemned ("those who call to kill them
are criminals") or negated ("nobody should kill prisoners").
"""

from __future__ import annotations

import re as stdre
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from frontwatch.thread import lexicon as lx

_I = re.IGNORECASE


def alt(words: str) -> str:
    return "(?:" + "|".join(sorted(words.split("|"), key=len, reverse=True)) + ")"


#: Identity groups (religion, ethnicity, nationality) for identity attacks and group targets.
IDENTITY = alt(
    "arabs|muslims|moslems|jews|christians|kurds|alawites|alawis|sunnis|shias|shia|shiites|druze|yazidis|turks|"
    "russians|ukrainians|americans|yanks|syrians|iraqis|afghans|africans|palestinians|israelis|iranians|persians|"
    "armenians|azeris|chechens|pashtuns|somalis|sudanese|libyans|yemenis|lebanese|europeans|westerners|"
    "blacks|whites|asians|refugees|migrants|immigrants|zionists|arab|muslim|jew|kurd|alawite|sunni|shiite|"
    "turkish|kurdish|jewish|persian|arabic|chechen|sudanese|somali|libyan|yemeni|"
    "druze|russian|ukrainian|american|yank|syrian|iraqi|afghan|palestinian|israeli|iranian|turk|" + lx.MORE_IDENTITY
)
#: Combatant and political groups (targets of incitement, not identity groups).
COMBATANTS = alt(
    "jihadists|jihadis|jihadi|jihadist|terrorists|terrorist|militants|rebels|fighters|insurgents|soldiers|troops|"
    "militias|militiamen|collaborators|traitors|houthis|hamas|isis|daesh|nusra|fsa|saa|ypg|sdf|rsf|wagner|"
    "hezbollah|taliban|shabaab|separatists|mercenaries|conscripts|occupiers|invaders|prisoners|captives|"
    "civilians|settlers|protesters|regime|opposition|loyalists|shabiha|orcs|nazis|khokhols|moskals|katsaps|"
    + lx.MORE_COMBATANTS
)
VERMIN = alt(
    "rats|rat|cockroaches|cockroach|roaches|vermin|parasites|parasite|insects|lice|maggots|termites|leeches|"
    "subhumans|subhuman|untermenschen|untermensch|orcs|orc|savages|beasts|animals|pigs|swine|dogs|apes|"
    "monkeys|hyenas|jackals|snakes|vipers|mongrels|locusts|scum|filth|" + lx.MORE_VERMIN
)
PLURAL_VERMIN = "|".join(w for w in VERMIN[3:-1].split("|") if w.endswith("s") or w in ("vermin", "lice", "swine", "scum", "filth"))
#: Nouns that are only ever insults or dehumanising when applied to people (no literal use in threads).
STRONG_VERMIN = alt("cockroaches|vermin|subhumans|subhuman|untermenschen|untermensch|orcs|orc")
DISEASE = alt("plague|cancer|disease|virus|infection|tumou?r|infestation|pestilence")
NEGATIVE_TRAITS = alt(
    "terrorists|savages|nazis|animals|parasites|barbarians|vermin|subhuman|traitors|agents|dogs|filth|scum|rapists|"
    "murderers|killers|evil|cowards|liars|thieves|criminals|inferior|ignorant|warmongers|backward|primitive|"
    "a plague|a cancer|a disease|a nation of \\w+|a race of \\w+|nothing but \\w+|the enemy|snakes|rats|pigs|"
    "iranian agents|russian agents|terrorist scum|all the same|lying|treacherous|bloodthirsty|barbaric"
)
KILL = alt(
    "kill|murder|slaughter|exterminate|execute|shoot|hang|gas|nuke|butcher|behead|massacre|annihilate|eradicate|"
    "burn|torch|flatten|crush|grind|liquidate|finish off|wipe out|wipe|obliterate|cleanse|purge|lynch|stone|"
    "bury|drown|starve|shell|bomb|carpet[- ]bomb|hit|strike|destroy|erase"
)
#: Verbs that call for killing whatever their object (the rest need a people object or "all").
HARD_KILL = alt(
    "kill|kil|kll|murder|slaughter|exterminate|execute|hang|gas|nuke|butcher|behead|massacre|annihilate|eradicate|"
    "liquidate|wipe out|obliterate|lynch|carpet[- ]bomb|flatten|torch|cleanse|purge|blow up|gun down|mow down"
)
PEOPLE_OBJ = (
    r"(?:them|him|her|'?em|everyone|everybody|anyone|anybody|whoever|all of them|every (?:last |single )?(?:one|man|\w+)(?: of (?:them|those \w+(?: \w+)?|these \w+(?: \w+)?))?|"
    r"(?:the|these|those|all|their|all the) (?:\w+ )?(?:" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + "|"
    + VERMIN[3:-1] + r"|people|men|women|children|kids|families|villagers|refugees|civilians|bastards|"
    r"prisoners|captives|traitors|cowards|lot|rest|remaining \w+|commanders|leaders|officers|sons|wives|kids|bodies|governor|mayor|president|journalists?|officials?|judges?|family|whole\s+family)|(?:" + COMBATANTS[3:-1] + "|" + VERMIN[3:-1] + "))"
)
#: Imperative verbs of killing and destruction (the rule also needs people named in the clause).
IMPERATIVE = alt(
    "kill|murder|slaughter|massacre|execute|hang|behead|crucify|gas|drown|burn|torch|bomb|shell|nuke|flatten|raze|"
    "level|exterminate|annihilate|eradicate|butcher|stab|shoot|starve|poison|flood|open fire on|fire on|wipe out|"
    "finish off|blow up|gun down|mow down|carpet bomb|carpet-bomb|obliterate|lynch|incinerate|liquidate|purge|cleanse"
)
#: A noun-verb headline ("Bomb kills woman") is not an imperative.
HEADLINE_VERBS = (
    "kills|killed|hits|hit|wounds|wounded|explodes|exploded|rocks|rocked|targets|targeted|destroys|destroyed|"
    "injures|injured|leaves|left|claims|claimed|victims?|suspects?|attack|attacks|blast|threat|alert|squad|site|"
    "talk|threats|plants?|power|weapons?|options?|codes?|tests?|war|sites|arsenal|deterrent|rates?|toll"
)
TOTAL = r"(?:\s+(?:all|too|now|already|again|completely|every(?:one| last one| single one)|to the last|down to the last|until nothing (?:moves|is left)|until they \w+|off the map|off the face of the earth|on sight))"
_CLAUSE = r"(?:^|(?<=[,;:.!?(]\s)|(?<=\s[\-—–]\s)|(?<=[,;:.!?])|(?<=\b(?:just|so|now|then|please|simply|go|must|should|need to|gotta|time to|let's|lets|we must|we should|we need to|you must|you should|we have to|better|is to|was to|down and|up and|honestly|seriously|and then|i say|we say|i'?d|i\s+would|we'?d|we\s+would|i'?d\s+just)\s))\s*"


@dataclass(frozen=True, slots=True)
class Rule:
    category: str
    pattern: re.Pattern[str]  # a `regex` pattern (variable-width look-behind)
    score: float
    rationale: str
    #: True when the match names its victims by a pronoun or metaphor to resolve to a group.
    resolve_target: bool = True
    #: A cheap pre-check (standard ``re``): the rule runs only on a sentence this finds something in.
    needs: stdre.Pattern[str] | None = None


def _r(category: str, regex: str, score: float, rationale: str, resolve: bool = True, needs: str | None = None) -> Rule:
    return Rule(category, re.compile(regex, _I), score, rationale, resolve, stdre.compile(needs, stdre.I) if needs else None)


RULES: tuple[Rule, ...] = (
    # -- incitement: calls to kill, expel or starve people ----------------------------------
    _r("incitement_to_violence", _CLAUSE + r"(?<!\w)(?:" + HARD_KILL + r")\b(?!\s+(?:ratio|count|zone|list|switch|chain|time))\s+(?:the\s+\w+\s+of\s+)?(?:" + PEOPLE_OBJ + r"|(?:the\s+)?(?:whole|entire|remaining)\s+\w+|the\s+(?:garrison|militia|militias|enemy|regiment|brigade|battalion|unit|pocket|convoy)|(?-i:[A-Z][a-z]+)(?=[\s.!,]|$))" + TOTAL + "?", 0.9, "imperative call to kill"),
    _r("incitement_to_violence", _CLAUSE + r"(?:" + KILL + r")\s+" + PEOPLE_OBJ + TOTAL, 0.9, "call to kill them all"),
    _r("incitement_to_violence", _CLAUSE + r"(?:shoot|bomb|shell|burn|crush|grind|starve)\s+(?:" + PEOPLE_OBJ + r")(?:\s+(?:out|into \w+|on sight|inside|alive|until \w+(?: \w+)?))?", 0.8, "imperative call to violence against people"),
    _r("incitement_to_violence", _CLAUSE + r"(?:burn|flatten|nuke|raze|level|carpet[- ]bomb|wipe\s+out|erase|bomb)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:\w+\s+)?(?:town|city|village|villages|district|camp|neighbou?rhood|house|houses|place|country|province|region|area|valley|strip|enclave)(?:\s+down)?(?:\s+with them inside)?", 0.85, "call to destroy a populated place"),
    _r("incitement_to_violence", _CLAUSE + r"(?:drop|use|send)\s+(?:white phosphorus|chemical weapons|gas|nukes?|napalm|barrel bombs?)\s+on\s+\w+", 0.9, "call to use indiscriminate weapons"),
    _r("incitement_to_violence", _CLAUSE + r"(?:blow|gun|mow|hunt)\s+(?:" + PEOPLE_OBJ + r")\s+(?:all\s+)?(?:up|down)\b(?:\s+and\s+kill\s+\w+)?|" + _CLAUSE + r"make\s+(?:them|'em|the\s+\w+)\s+pay\s+with\s+(?:their|his|her)\s+(?:lives|life|blood)|" + _CLAUSE + r"drop\s+(?:everything|all)\s+(?:you\s+have\s+|we\s+have\s+)?on\s+(?:them|'em|the\s+\w+)", 0.85, "call to kill"),
    _r("incitement_to_violence", _CLAUSE + r"(?:" + IMPERATIVE + r")\b(?!\s+(?:" + HEADLINE_VERBS + r"|down\s+(?:the\s+)?(?:drones?|missiles?|planes?|jets?|helicopters?|rockets?))\b)(?=[^.!?]*\b(?<!\bnot\s)(?<!\bnot\sthe\s)(?:them|they|they'?re|their|'em|anyone|anybody|everyone|everybody|whoever|" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + r"|people|civilians|families|children|mosques?|churches|schools?|hospitals?|villages?|homes|houses|camps?|markets?)\b)[^.!?]*", 0.8, "imperative call to violence against people"),
    _r("incitement_to_violence", _CLAUSE + r"send\s+(?:" + PEOPLE_OBJ + r")\s+(?:all\s+)?to\s+(?:hell|their\s+graves?|the\s+grave|meet\s+\w+)\b[^.!?]*", 0.85, "call to kill"),
    _r("incitement_to_violence", _CLAUSE + r"put\s+(?:" + PEOPLE_OBJ + r")\s+(?:all\s+)?(?:in\s+(?:the\s+ground|their\s+graves?|a\s+grave|body\s+bags)|six\s+feet\s+under|to\s+the\s+sword)\b[^.!?]*|" + _CLAUSE + r"drop\s+(?:a\s+|the\s+)?(?:bombs?|nukes?|barrel\s+bombs?)\s+on\s+(?:them|'em|(?:that|the|this)\s+(?:whole\s+|entire\s+)?\w+)\b[^.!?]*|\bleave\s+(?:not\s+(?:a\s+single\s+)?one|no\s+one|nobody|none)\s+(?:of\s+them\s+)?(?:breathing|alive|standing)\b[^.!?]*|\bmake\s+sure\s+(?:none|not\s+one|no\s+one|nobody)\s+(?:of\s+them\s+)?(?:ever\s+)?(?:walks?|gets?|makes?\s+it|comes?)\s+out\b[^.!?]*|" + _CLAUSE + r"blow\s+(?:the\s+|that\s+|their\s+)?(?:whole\s+|entire\s+)?\w+\s+to\s+(?:pieces|bits|smithereens|hell)\b[^.!?]*", 0.85, "call to kill"),
    _r("incitement_to_violence", _CLAUSE + r"(?:cut|slit)\s+(?:their|his|her)\s+throats?", 0.9, "call to cut throats"),
    _r("incitement_to_violence", _CLAUSE + r"(?:line|lined)\s+(?:them|'em)\s+up(?:\s+against\s+(?:a|the)\s+wall)?", 0.85, "call for summary execution"),
    _r("incitement_to_violence", _CLAUSE + r"(?:put|send)\s+a\s+bullet\s+(?:in|into|through)\s+" + PEOPLE_OBJ + r"|\bsomeone should (?:put a bullet|kill|shoot|hang)\b[^.!?]*", 0.85, "call to shoot"),
    _r("incitement_to_violence", r"\b(?:don'?t|do not|never)\s+let\s+(?:them|'em|any(?: of them)?|(?:a single |even )?one of them|anyone|anybody|the \w+|these \w+|those \w+)\s+(?:leave|escape|get out|go|get away|survive|live|walk out|flee|reach|make it)\b(?:\s+alive)?", 0.85, "call to stop people escaping"),
    _r("incitement_to_violence", _CLAUSE + r"let\s+(?:them|'em|the \w+|these \w+|those \w+)\s+(?:all\s+)?(?:burn|rot|die|starve|bleed|suffer|surrender or die|fry|choke)\b(?:\s+in\s+(?:place|their \w+|hell|the \w+))?", 0.85, "wishing death on people"),
    _r("incitement_to_violence", r"\b(?:surrender|give up|lay down (?:their|your) arms)\s+or\s+(?:die|be killed|perish)\b(?:\s+in\s+place)?", 0.75, "surrender-or-die demand"),
    _r("incitement_to_violence", r"(?:^|(?<=[,;:.!?]\s))\s*(?:show\s+|give\s+(?:them\s+)?)?no\s+(?:mercy|quarter)\b(?!\s+(?:was|were|is|has|had|in\s+the\s+(?:media|press|debate)))(?:\s+(?:for|to)\s+(?:" + PEOPLE_OBJ + r"|\w+))?|\b(?:take|taking)\s+no\s+prisoners\b(?!\s+in\s+the\s+(?:media|debate))|\bdon'?t\s+take\s+(?:any\s+)?prisoners\b|\bshoot\s+on\s+sight\b|\bleave\s+no(?:\s+one|body)\s+alive\b|(?:^|(?<=[,;:.!?]\s))\s*no\s+survivors\b(?!\s+(?:were|have|had|was))", 0.85, "no-mercy call"),
    _r("incitement_to_violence", r"\b(?:they|these \w+|those \w+|all of them|the \w+|every one of them|anyone who [^.!?]{0,40}?)\s+(?:should|must|need to|ought to|deserve to|have to)\s+(?:all\s+)?(?:be\s+)?(?:all\s+)?(?:killed|hanged|hung|shot|executed|exterminated|gassed|wiped out|burned|burnt|slaughtered|beheaded|nuked|die|be put down|be put to death|put to death)\b(?:\s+(?:too|in \w+(?: \w+){0,2}))?", 0.85, "says people should be killed"),
    _r("incitement_to_violence", r"\b(?:deserve(?:s)?\s+(?:to\s+die|(?:a\s+)?(?:slow\s+|painful\s+|horrible\s+)?death|extermination|to be exterminated|to be killed|a bullet|to hang|to burn|to be shot)|deserve to die)\b(?:,?\s+(?:every|each) (?:single )?one(?: of them)?)?", 0.8, "says people deserve death"),
    _r("incitement_to_violence", r"\b(?:should|must|need\s+to|ought\s+to|has\s+to|have\s+to)\s+(?:all\s+)?be\s+(?:all\s+)?(?:killed|hanged|hung|shot|executed|exterminated|gassed|wiped\s+out|slaughtered|beheaded|nuked|eliminated|put\s+down|put\s+to\s+death|strung\s+up|lynched|burned\s+alive|burnt\s+alive|hunted(?:\s+down)?(?:\s+like\s+\w+)?|massacred|butchered|exterminated|crucified|drowned)\b[^.!?]*", 0.8, "says people should be killed"),
    _r("incitement_to_violence", r"\band\s+(?:kill|shoot|execute|hang|behead|slaughter|burn|gas)\s+(?:them|'em|them\s+all|every\s+one\s+of\s+them)\b[^.!?]*|" + _CLAUSE + r"(?:string|hang)\s+(?:them|'em|the\s+\w+)\s+up\b[^.!?]*|" + _CLAUSE + r"put\s+(?:them|'em)\s+(?:all\s+)?(?:against|up\s+against)\s+(?:a|the)\s+wall\b[^.!?]*|" + _CLAUSE + r"(?:level|raze|flatten|nuke|erase)\s+(?-i:[A-Z][a-z]+)\b[^.!?]*", 0.85, "call to kill"),
    _r("incitement_to_violence", r"\b(?:i\s+)?hope\s+(?:they|the \w+|these \w+|those \w+|every one of (?:them|those \w+)|all of them)\s+(?:all\s+)?(?:die|dies|burn|burns|rot|rots|gets? killed|gets? blown(?: to pieces| up)?|suffer|starve)\b(?:\s+in\s+\w+)?", 0.75, "wishing death on people"),
    _r("incitement_to_violence", r"\b(?:nobody|no\s+one|none\s+of\s+them)\b[^.!?]{0,40}?\b(?:should|must|deserves?\s+to|can)\s+(?:be\s+allowed\s+to\s+)?(?:live|survive|leave\s+alive|get\s+out\s+alive)\b|\b(?:answer|solution|cure)\b[^.!?]{0,40}?\bis\s+(?:a\s+)?(?:bullet|rope|noose|bomb|mass\s+grave|extermination|genocide|death)\b[^.!?]*|\bshoot\s+to\s+kill\b[^.!?]*", 0.8, "says people should not live"),
    _r("incitement_to_violence", r"\bneeds?\s+(?:smoking|burning|killing|wiping|gassing|exterminating|hanging|shooting|putting\s+down|finishing)(?:\s+(?:out|off))?\b[^.!?]*", 0.8, "says people need killing"),
    _r("incitement_to_violence", r"\bthe only good \w+ is a dead (?:one|\w+)\b", 0.85, "says only a dead enemy is good"),
    _r("incitement_to_violence", r"(?:^|(?<=[.!?]\s))\s*death\s+to\s+(?:the\s+)?\w+", 0.8, "death-to slogan"),
    _r("incitement_to_violence", r"\b(?:are|is)\s+(?:all\s+)?legitimate\s+targets\b|\bhit\s+them\s+all\b", 0.8, "calls people legitimate targets"),
    _r("incitement_to_violence", r"\b(?:keep|maintain)\s+the\s+siege\s+until\s+[^.!?]*|\blet\s+no\s+(?:food|water|aid)\s+in\b|\bno\s+food,\s*no\s+water\b", 0.8, "call to starve people"),
    _r("incitement_to_violence", _CLAUSE + r"(?:shell|bomb|hit|strike|target)\s+(?:the\s+)?(?:refugees|civilians|families|women|children|villagers|hospitals?|camps?)(?:\s+too)?\b", 0.85, "call to attack civilians"),
    # -- dehumanisation: people as vermin, animals, disease --------------------------------
    _r("dehumanisation", r"\bthe\s+(?:rats|cockroaches|vermin|orcs|subhumans|savages|parasites(?=\s+(?:will|must|should|are hiding|keep)))\b", 0.85, "calls people vermin"),
    _r("dehumanisation", r"\b(?:these|those|such|you|dirty|filthy|little|bloody|fucking|jihadi|jihadist|terrorist|islamist|" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + r")\s+(?:" + PLURAL_VERMIN + r")\b(?!\s+(?:in\s+the\s+zoo|were\s+evacuated|of\s+war\b))", 0.85, "calls people vermin or animals"),
    _r("dehumanisation", r"\b(?:they|these|those|who|\w+s)\s+(?:are|were|is)\s+(?:nothing\s+but\s+|just\s+|all\s+|only\s+|simply\s+|no\s+better\s+than\s+)?(?:a\s+bunch\s+of\s+|a\s+pack\s+of\s+|a\s+nation\s+of\s+)?(?:" + VERMIN + r")\b", 0.85, "calls people vermin or animals"),
    _r("dehumanisation", r"(?:^|(?<=[.!?]\s))\s*(?:" + VERMIN + r")(?:,\s*(?:all|every one|each|every last one)\s+of\s+them|\s+(?:keep|are hiding|are fleeing|will|deserve|must|should))", 0.8, "calls people vermin or animals"),
    _r("dehumanisation", r"(?<!\w)(?:" + STRONG_VERMIN + r")\b(?!\s+(?:in\s+the\s+zoo|were\s+found))", 0.75, "dehumanising name for people"),
    _r("dehumanisation", r"\b(?:not|aren'?t|isn'?t|no longer)\s+(?:even\s+)?(?:human(?:\s+beings)?|people|humans)\b|\bdon'?t\s+deserve\s+to\s+be\s+called\s+human\b|\bsub-?human\b", 0.85, "denies people are human"),
    _r("dehumanisation", r"(?<!treated )(?<!treat )(?<!caged )(?<!kept )(?<!held )(?<!living )(?<!live )(?<!than )\blike\s+(?:the\s+)?(?:rats|cockroaches|vermin|roaches|insects|rabbits|animals|dogs|pigs|lice|maggots)\b(?!\s+(?:from|off|leaving)\s+a\s+sinking\s+ship)(?:\s+they\s+are)?", 0.75, "compares people to vermin or animals"),
    _r("dehumanisation", r"(?:^|(?<=[.!?]\s))\s*(?:(?:rabid|wild|filthy|dirty|bloodthirsty|savage)\s+)?(?:" + PLURAL_VERMIN + r")(?:\s+[\w-]+){0,4},?\s+(?:that'?s|that\s+is|thats)\s+(?:what|all)\s+[^.!?]*|\b(?:animals|beasts|monsters|devils)\s+in\s+human\s+(?:skin|form|shape|clothing)\b", 0.8, "calls people vermin or animals"),
    _r("dehumanisation", r"\b(?:inferior|lesser|sub-?human|degenerate)\s+(?:race|species|breed)\b", 0.75, "calls a people an inferior race"),
    _r("dehumanisation", r"\b(?:a\s+)?(?:pack|bunch|horde|swarm|herd|nest|plague)\s+of\s+(?:(?:wild|rabid|hungry|filthy|jihadi|jihadist)\s+)?(?:" + PLURAL_VERMIN + r")\b|(?:^|(?<=[.!?]\s))\s*(?:rabid|wild|filthy|bloodthirsty)\s+(?:" + PLURAL_VERMIN + r")\s+(?:with|in)\b", 0.8, "calls people a pack of animals"),
    _r("dehumanisation", r"\bscurr(?:y|ied|ying)\s+(?:out|away|off|back|into|like|from)\b|\binfest(?:ed|ing)?\s+(?:by|with)\s+(?:them|these|those|" + IDENTITY[3:-1] + r")\b|\bbreed(?:ing)?\s+like\b", 0.7, "describes people as pests"),
    _r("dehumanisation", r"\b(?:" + IDENTITY + r"|these people|those people|they)(?:\s+(?:are|is)|'re|'s)\s+(?:a\s+|like\s+a\s+)?" + DISEASE + r"\b", 0.8, "calls a people a disease"),
    _r("dehumanisation", r"\bexterminat(?:e|ion)\b(?=[^.!?]*\b(?:vermin|rats|cockroaches|roaches|pests|insects))|\b(?:cleansed|purged|eradicated)\s+from\b", 0.75, "pest-control language for people"),
    _r("dehumanisation", r"\bdogs\s+of\s+(?:the\s+)?(?:regime|junta|occupation|occupiers|(?-i:[A-Z]\w+))|\btreated\s+as\s+dogs\b|\bmincemeat\b", 0.75, "calls people animals"),
    # -- threats: first person harm to the addressee ----------------------------------------
    _r("threat", r"\b(?:we|i)(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|\s+am\s+going\s+to|\s+shall|'m\s+going\s+to)\s+(?:personally\s+)?(?:find|hunt|kill|get|catch|reach|slaughter|cut|come\s+for|deal\s+with|burn|shoot|hang|make|butcher|behead|destroy|break|smash|crush|slit|bury|rape|torture|skin)\s+(?:you|your|u)\b[^.!?]*", 0.85, "first-person threat to the reader"),
    _r("threat", r"\b(?:we|i)(?:'re|\s+are|'m|\s+am)\s+coming\s+for\s+(?:you|your)\b[^.!?]*|\byour\s+days\s+are\s+numbered\b|\b(?:we|i)\s+know\s+where\s+(?:you|your\s+\w+)\s+lives?\b|\bwe\s+have\s+your\s+address\b|\benjoy\s+your\s+last\s+days\b|\bwatch\s+your\s+back\b|\byou(?:'ll|\s+will)\s+get\s+what'?s\s+coming(?:\s+to\s+you)?\b[^.!?]*|\bwe\s+(?:will\s+)?(?:hang|kill|shoot|execute|behead|bury)\b(?=[^.!?]*\byou)[^.!?]*|(?<=\byou\b[^.!?]{0,40})\bwe\s+(?:will\s+)?(?:hang|kill|shoot|execute|behead|bury)\b|\b(?:i'?m|we'?re|i\s+am|we\s+are)\s+coming\s+(?:to|for)\s+(?:your|you)\b[^.!?]*|\byou(?:'ll|\s+will)\s+end\s+up\s+(?:in\s+a\s+(?:ditch|grave|body\s*bag|coffin)|dead|hanging)\b[^.!?]*|\bif\s+you\b[^.!?]{0,60}?\byou(?:'re|\s+are|'ll\s+be|\s+will\s+be)\s+(?:a\s+)?dead(?:\s+man)?\b|\b(?:you|you'?re|you\s+are|your\s+\w+\s+(?:is|are))\s+(?:now\s+)?on\s+(?:our|my|the)\s+(?:kill\s+|hit\s+|black\s*)?list\b[^.!?]*|\byour\s+(?:whole\s+|entire\s+)?(?:family|kids|children|wife|house|people|village|mother)\s+will\s+(?:pay|die|burn|suffer|be\s+next|be\s+killed|regret)\b[^.!?]*|\byou(?:'d|\s+had)?\s+better\s+(?:run|hide|pray|watch\s+out)\b[^.!?]*|\bnext\s+time\s+we\s+see\s+you\b[^.!?]*", 0.85, "threat to the reader"),
    _r("threat", r"\byou(?:'ll|\s+will|\s+and\s+your\s+\w+\s+will)\s+(?:all\s+)?(?:be\s+next(?=\s*[.!,]|\s+on\s+(?:the|our|my)\s+list)|pay\s+for|pay(?=\s*[.!,]|\s+with)|die|burn|hang|be\s+dealt\s+with|be\s+killed|be\s+slaughtered|be\s+shot|be\s+hanged)\b[^.!?]*|\b(?:we|i)(?:'ll|\s+will)\s+be\s+waiting\s+for\s+you\b[^.!?]*|\bmake\s+you\s+(?:regret|pay|suffer|bleed)\b[^.!?]*|\byou\s+won'?t\s+(?:leave|get\s+out|survive|live)\b[^.!?]*|\b(?:traitors|people|scum|those)\s+like\s+you\s+will\s+be\s+(?:dealt\s+with|hanged|shot|punished|found)\b[^.!?]*", 0.8, "threat to the reader"),
    # -- insults: at the reader or a named person -------------------------------------------
    _r("insult", r"\b(?:you(?:'re|\s+are|r)?|u\s+r|are\s+you)\s+(?:a\s+|an\s+|such\s+an?\s+|just\s+an?\s+|so\s+|the\s+)?(?:(?:complete|total|absolute|utter|real|little|sad|pathetic|clueless|stupid|ignorant|paid)\s+(?:and\s+)?)*(?:really\s+|this\s+|that\s+|too\s+|complete\s+|total\s+|absolute\s+|utter\s+|paid\s+|pathetic\s+|clueless\s+|stupid\s+|ignorant\s+|fucking\s+|brainwashed\s+)*(?:idiot|moron|imbecile|fool|clown|troll|shill|liar|coward|retard|cretin|dumbass|loser|bastard|jerk|stupid|dumb|brainwashed|clueless|pathetic|ignorant|idiotic|moronic|bot|hypocrite|scum)s?\b", 0.85, "insults the reader"),
    _r("insult", r"\bshut\s+(?:up|your\s+(?:mouth|face|trap))\b[^.!?]*|\bgo\s+away,?\s+(?:you\s+)?(?:idiot|moron|troll|clown|fool|loser|shill|bot|liar)|\bwhat\s+an?\s+(?:idiot|moron|clown|fool|imbecile|joke|loser)\b|\b(?:idiotic|moronic|stupid|dumb|braindead)\s+(?:comment|post|take|opinion)\b[^.!?]*\byou\b|\b(?:armchair\s+general|keyboard\s+warrior)s?\b|\b(?:another|typical|yet\s+another)\s+(?:[\w-]+\s+){0,2}(?:troll|shill|bot|idiot|moron|clown|propagandist|imbecile|fool)s?\b[^.!?]*|\b(?:be|are|is)\s+(?:this|that|so)\s+(?:stupid|dumb|ignorant|clueless|brainwashed|thick|dense)\b[^.!?]*|(?:^|(?<=[.!?]\s))\s*(?:(?:clueless|stupid|ignorant|pathetic|brain-?dead|dumb|absolute|complete|utter|little)\s+)*(?:idiot|moron|imbecile|clown|troll|fool|loser|cretin|dumbass)s?\b(?=\s*[,!.])|,\s*(?:you\s+)?(?:idiot|moron|clown|fool|imbecile|troll|shill|loser|liar)\s*[.!?]*$|\bstupid\s+(?:yank|russkie|ukie|arab|kurd|turk)\b|\bonly\s+an?\s+(?:complete\s+|total\s+|absolute\s+|utter\s+)?(?:idiot|moron|imbecile|fool|cretin)\b[^.!?]*", 0.75, "insult"),
    _r("insult", r"\b[A-Z][a-z]+\s+(?:is|was)\s+(?:a\s+|an\s+)(?:clueless\s+|total\s+|complete\s+)?(?:fool|idiot|moron|coward|clown|imbecile|liar|criminal)\b(?:\s+and\s+\w+\s+an?\s+\w+)?", 0.7, "insults a named person", resolve=False),
    # -- identity attacks: slurs and generalisations about a people -------------------------
    _r("identity_attack", r"\b(?:all\s+|the\s+)?" + IDENTITY + r"\s+(?:are|is)\s+(?:all\s+|just\s+|nothing\s+but\s+|always\s+)?" + NEGATIVE_TRAITS + r"\b", 0.85, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:are|is)\s+(?:behind|responsible\s+for)\s+(?:every|all|each)\b[^.!?]*", 0.8, "conspiracy blaming a people"),
    _r("identity_attack", r"\b(?:every|each|any)\s+" + IDENTITY + r"\s+is\s+(?:a\s+|an\s+)?(?:potential\s+|future\s+|secret\s+|born\s+)?(?:terrorist|criminal|murderer|killer|rapist|thief|liar|traitor|enemy|savage|animal|nazi|spy|agent|bandit|thug|barbarian)\b|\b(?:the\s+)?" + IDENTITY + r"\s+(?:sect|community|people|tribe|nation|race)\s+(?:are|is)\s+(?:all\s+)?(?:" + NEGATIVE_TRAITS + r")\b[^.!?]*|\b" + IDENTITY + r"\s+are\s+(?:an?\s+)?(?:inferior|lesser|degenerate|backward|primitive|filthy|dirty|savage|barbaric)\s+(?:race|people|nation|breed|species|tribe)\b", 0.85, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:only|just)\s+understand\s+(?:violence|force|the\s+(?:language\s+of\s+force|whip|stick)|bullets|fear)\b[^.!?]*|\b" + IDENTITY + r"\b[^.!?]*\b(?:it'?s|is)\s+(?:in\s+)?their\s+(?:culture|blood|nature|dna|genes|religion)\b", 0.8, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+are\s+(?:a\s+|an\s+)?(?:treacherous|lying|violent|murderous|cowardly|dirty|filthy|backward|barbaric|savage|evil|sick|degenerate|deceitful|bloodthirsty)\s+(?:people|nation|race|bunch|lot|tribe|breed)\b[^.!?]*|\b" + IDENTITY + r"\s+(?:run|control|own|rule)\s+(?:the\s+)?(?:media|banks|world|war|wars|government|industry|war\s+industry|money|west)\b[^.!?]*|\b" + IDENTITY + r"\s+are\s+(?:born|natural|natural-born)\s+(?:terrorists|killers|liars|thieves|criminals|traitors|murderers)\b", 0.85, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:can(?:not|'t|\s+never)|should\s+never|must\s+never)\s+be\s+trusted\b[^.!?]*", 0.8, "negative generalisation about a people"),
    _r("identity_attack", r"\btypical\s+" + IDENTITY + r"\b[^.!?]*|\bnever\s+trust\s+an?\s+" + IDENTITY + r"\b[^.!?]*|\b" + IDENTITY + r"\s+(?:breed\s+like|control\s+the\s+(?:media|world|banks|government)|should\s+(?:all\s+)?be\s+(?:sent\s+back|expelled|deported|banned|kicked\s+out))\b[^.!?]*", 0.85, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:are|is)\s+a\s+(?:plague|cancer|disease)\b[^.!?]*|\b(?:stupid|dirty|filthy|fucking)\s+" + IDENTITY + r",\s+all\s+of\s+them\b[^.!?]*|\ball\s+" + IDENTITY + r"\s+are\b[^.!?]*|\b" + IDENTITY + r"\s+are\s+(?:all\s+)?\w+(?:\s+\w+)?,\s+(?:every\s+single\s+one|the\s+whole\s+(?:lot|sect|nation|bunch)|all\s+of\s+them)", 0.8, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:savages|scum|filth|pigs|dogs|rats|animals|vermin|barbarians|subhumans)\b", 0.8, "names a people by a slur"),
    _r("identity_attack", r"\b(?:khokhols?|moskals|katsaps|ragheads?|towelheads?|sand\s*n\w+|kikes?|rafidis?|rafida|nusayris?\s+dogs|ukrops?|vatniks?|rashists?)\b", 0.8, "ethnic slur"),
)


# -- the structured additions (lexicon.py): euphemisms, wishes, more generalisations ----------
#: A named group with up to two modifiers ("the junta generals", "those Fulani herders").
GROUP_NP = (
    r"(?:the|these|those|all\s+the|all|every|their)\s+(?:[\w-]+\s+){0,2}?(?:" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1]
    + r"|people|men|civilians|families|villagers|herders|farmers|generals|officers|soldiers|army|forces|clan|tribe|"
    r"leaders|politicians|ministers|lot|bastards)\b"
)
OBJ = r"(?:" + PEOPLE_OBJ + "|" + GROUP_NP + r"|(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?)"
_WASTE = r"(?:an?\s+|one\s+)?(?:(?:big|giant|huge|radioactive|glowing|smoking)\s+)?(?:" + lx.WASTELAND + r")\b"
_NOT_IN_GAP = r"(?:(?!\b(?:no|not|nobody|none|never|stop|end|fewer|less|don'?t|doesn'?t|won'?t|alive|safe)\b)[^.!?]){0,50}?"
_VILE = r"(?:(?:" + lx.VILE + r")\s+)?"

EXTRA_RULES: tuple[Rule, ...] = (
    _r("incitement_to_violence", _CLAUSE + r"(?:turn|make|reduce|transform)\s+(?:[\w'-]+\s+){1,3}?(?:into\s+|to\s+)?" + _WASTE + r"[^.!?]*|\b(?:should|must|needs?\s+to|has\s+to|ought\s+to|deserves?\s+to)\s+be\s+(?:turned|made|reduced)\s+(?:in)?to\s+" + _WASTE + r"[^.!?]*", 0.85, "call to turn a place and its people into a wasteland", needs=r'parking|car park|glass|graveyard|cemetery|crater|dust|ash|rubble|wasteland|desert|moonscape|sea of fire|grave|lake of fire'),
    _r("incitement_to_violence", _CLAUSE + r"glass\s+(?:them|'em|it|everything|(?:the\s+)?(?:whole\s+|entire\s+)?(?:[\w-]+\s+)?(?:strip|place|city|country|region|area|lot)\b|" + OBJ + r")[^.!?]*|\b(?:should|must|needs?\s+to|to)\s+(?:be|get)\s+glassed\b[^.!?]*", 0.85, "call to destroy a place with its people", needs=r'glass'),
    _r("incitement_to_violence", r"\bmow(?:ing)?\s+the\s+(?:lawn|grass)\b(?=[^.!?]*\b(?:again|gaza|hamas|hezbollah|them|strip|once\s+more|(?-i:[A-Z][a-z]+))\b)[^.!?]*", 0.8, "'mow the lawn': call for periodic killing", needs=r'\bmow'),
    _r("incitement_to_violence", _CLAUSE + r"send\s+" + OBJ + r"\s+(?:all\s+)?(?:straight\s+|right\s+|directly\s+)?(?:back\s+)?to\s+(?:" + lx.AFTERLIFE + r")\b[^.!?]*", 0.85, "call to kill (sending people to the afterlife)", needs=r'\bsend'),
    _r("incitement_to_violence", r"\b(?:solve|settle|fix|end|deal\s+with|take\s+care\s+of|handle|sort\s+out|resolve)\s+(?:the|this|that|their)\s+(?:(?:" + IDENTITY[3:-1] + "|" + COMBATANTS[3:-1] + r")\s+)?(?:problem|question|issue)\s+(?:permanently|once\s+and\s+for\s+all|for\s+good|forever|the\s+old(?:-fashioned)?\s+way)\b[^.!?]*|\b(?:solve|settle|end)\s+the\s+(?:" + IDENTITY[3:-1] + "|" + COMBATANTS[3:-1] + r")\s+(?:problem|question)\b[^.!?]*|\bfinal\s+solution\b[^.!?]*", 0.8, "euphemism for killing a people", needs=r'problem|question|final solution'),
    _r("incitement_to_violence", r"(?:^|(?<=[,;:.!?]\s))\s*(?:and\s+)?(?:leave\s+)?no\s+witnesses\b(?!\s+(?:were|have|had|was|came|say|said))", 0.8, "no-witnesses call", needs=r'witness'),
    _r("incitement_to_violence", r"\b(?:hang|string\s+up|lynch)\s+" + OBJ + r"\s+(?:up\s+)?(?:from|on)\s+(?:the\s+|every\s+|a\s+)?(?:lamp\s*-?posts?|lampposts?|street\s*lights?|cranes?|trees?|bridges?|gallows)\b[^.!?]*", 0.85, "call to hang people", needs=r'\b(?:hang|string|lynch)'),
    _r("incitement_to_violence", _CLAUSE + r"wipe\s+(?:[\w'-]+\s+){1,3}?off\s+(?:the\s+)?(?:map|face\s+of\s+the\s+earth|planet|earth)\b[^.!?]*|\b(?:should|must|needs?\s+to|has\s+to|ought\s+to|deserves?\s+to)\s+(?:all\s+)?be\s+(?:glassed|wiped\s+off\s+(?:the\s+)?(?:map|face\s+of\s+the\s+earth)|erased|razed|flattened|carpet[- ]bombed|nuked|gassed|exterminated|eradicated|annihilated|purged|cleansed|shot\s+on\s+sight)\b[^.!?]*", 0.85, "call to wipe out a people or place", needs=r'\bwipe|\bbe\s'),
    _r("incitement_to_violence", r"\bmay\s+(?:they|the\s+[\w-]+(?:\s+[\w-]+)?|those\s+[\w-]+|these\s+[\w-]+|every\s+(?:last\s+|single\s+)?one\s+of\s+them|all\s+of\s+them)\s+(?:all\s+)?(?:rot|burn|die|perish|suffer|choke|starve|fry)\b[^.!?]*|\b(?:i|we)\s+(?:want|wish|hope|pray|need)\b" + _NOT_IN_GAP + r"\b(?:dead|wiped\s+out|exterminated|erased|annihilated|in\s+(?:their\s+|a\s+)?graves?|in\s+body\s*bags|six\s+feet\s+under|burn(?:s|ing|ed|t)?\s+alive)\b[^.!?]*", 0.8, "wishing death on people"),
    _r("incitement_to_violence", r"\b(?:i\s+|we\s+)?(?:hope|pray|wish)\s+(?:that\s+)?(?:every\s+(?:last\s+|single\s+)?(?:one|man|\w+)\s+of\s+(?:them|those\s+[\w-]+|these\s+[\w-]+|the\s+[\w-]+)|(?:all\s+)?(?:the|those|these)\s+(?:[\w-]+\s+){0,2}?[\w-]+s|they)\s+(?:all\s+)?(?:dies?|burns?(?:\s+alive)?|rots?|gets?\s+(?:killed|blown\s+up|slaughtered|butchered)|suffers?|starves?|chokes?|perish(?:es)?|fries?)\b[^.!?]*", 0.75, "wishing death on people"),
    _r("incitement_to_violence", _CLAUSE + r"let\s+(?:the|these|those|all\s+the)\s+(?:[\w-]+\s+){1,2}?(?:all\s+)?(?:burn|rot|die|starve|bleed|suffer|fry|choke|perish)\b[^.!?]*", 0.8, "wishing death on people"),
    _r("incitement_to_violence", _CLAUSE + r"(?:make|turn)\s+(?:" + OBJ + r")\s+(?:into\s+)?(?:a\s+)?(?:graveyard|cemetery|mass\s+grave)\b[^.!?]*", 0.85, "call to kill"),
    _r("dehumanisation", r"\b(?:" + IDENTITY + r"|these\s+people|those\s+people|they)(?:\s+(?:are|is|were)|'re)\s+(?:all\s+|just\s+|nothing\s+but\s+|like\s+)?(?:a\s+|an\s+)?" + _VILE + r"(?:" + DISEASE + r"|(?:swarm|plague|horde|infestation|pack|nest)\s+of\s+[\w-]+)\b[^.!?]*", 0.8, "calls a people a disease or swarm", needs=r'plague|cancer|disease|virus|infect|tumo|infestation|pestilence|swarm|horde|pack|nest'),
    _r("dehumanisation", r"\bbreed(?:s|ing)?\s+(?:[\w-]+\s+){0,4}?(?:" + PLURAL_VERMIN + r")\b[^.!?]*", 0.75, "describes people as bred animals", needs=r'breed'),
    _r("dehumanisation", r"\b(?:they|these|those|" + IDENTITY[3:-1] + r"|\w+s)\s+(?:are|were)\s+(?:all\s+|just\s+|nothing\s+but\s+)?(?:(?:" + lx.VILE + r")\s+)+(?:" + PLURAL_VERMIN + r")\b", 0.8, "calls people vermin or animals"),
    _r("identity_attack", r"\bthe\s+only\s+good\s+" + IDENTITY + r"\s+is\s+a\s+dead\s+(?:one|\w+)\b", 0.85, "wishes death on a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:can'?t|cannot|can\s+never|never|will\s+never)\s+(?:build|create|make|produce|run|govern|achieve)\s+(?:anything|a\s+(?:state|country)|nothing)\b[^.!?]*|\b" + IDENTITY + r"(?:,\s*they)?\s+(?:only|just)\s+(?:know\s+how\s+to\s+)?(?:destroy|kill|lie|steal|cheat|hate|breed|rape|loot|betray|murder)\b[^.!?]*", 0.8, "negative generalisation about a people"),
    _r("identity_attack", r"\b(?:every|each|any)\s+(?:single\s+)?" + IDENTITY + r"\s+(?:is|is\s+just)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:" + lx.EVERY_IS_A + r")s?\b[^.!?]*|\b" + IDENTITY + r"\s+are\s+(?:all\s+)?(?:born|natural|natural-born)\s+(?:" + lx.BORN + r")\b[^.!?]*", 0.85, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:are|is)\s+(?:simply\s+|fundamentally\s+|just\s+)?incompatible\s+with\s+(?:civili[sz]ation|democracy|the\s+west|western\s+values|modern\s+\w+|peace|freedom|europe|humanity)\b[^.!?]*", 0.8, "negative generalisation about a people"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:are|is)\s+(?:all\s+|just\s+|nothing\s+but\s+|like\s+)?(?:a\s+|an\s+)?" + _VILE + r"(?:" + DISEASE + r"|(?:swarm|plague|horde|pack|nest|herd)\s+of\s+[\w-]+|" + VERMIN + r")\b[^.!?]*", 0.8, "calls a people vermin or a disease"),
    _r("threat", r"\bor\s+(?:we|i)\s+(?:will\s+)?come\s+for\s+(?:you|your)\b[^.!?]*|\byou(?:'re|\s+are)\s+(?:a\s+)?dead\s+(?:man|men|woman|meat)(?:\s+walking)?\b|\b(?:we|i)(?:'ll|\s+will)\s+(?:come|be)\s+(?:to|at)\s+your\s+(?:house|home|door|doorstep|village|family|street)\b[^.!?]*", 0.8, "threat to the reader"),
    _r("threat", r"\b(?:we|i)(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to|\s+are\s+going\s+to)\s+(?:put|send|pump)\s+(?:a\s+|one\s+|two\s+)?(?:bullet|bullets|round|rounds|knife|blade)\s+(?:in|into|through)\s+(?:you|your|u|ur)\b[^.!?]*", 0.85, "first-person threat to the reader"),
    _r("insult", r"(?:^|(?<=[.!?]\s))\s*(?:get\s+lost|go\s+away|piss\s+off|bugger\s+off|go\s+back\s+to\s+[\w-]+(?:\s+[\w-]+)?)\s*,?\s*(?:you\s+)?(?:[\w-]+\s+)?(?:" + lx.MORE_INSULTS + r"|idiot|moron|troll|clown|fool|loser|bot|liar)s?\b[^.!?]*|\b(?:you(?:'re|\s+are|r)?|u\s+r)\s+(?:a\s+|an\s+|such\s+an?\s+|just\s+an?\s+)(?:[\w-]+\s+){0,2}(?:" + lx.MORE_INSULTS + r")s?\b|,\s*(?:you\s+)?(?:[^\W\d_][\w-]*\s+)?(?:" + lx.MORE_INSULTS + r")\s*[.!?]*$", 0.75, "insults the reader"),
)
MORE_RULES: tuple[Rule, ...] = (
    _r("incitement_to_violence", _CLAUSE + r"(?:drive|push|throw|chase|yeet)\s+" + OBJ + r"\s+(?:all\s+)?(?:back\s+)?into\s+the\s+(?:[\w-]+\s+)?(?:sea|bay|river|desert|ocean)\b[^.!?]*|" + _CLAUSE + r"(?:cleanse|purge|rid|clear)\s+(?:the\s+|our\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:land|country|city|region|soil|earth|world|strip|homeland)\s+of\s+(?:them|these\s+[\w-]+|those\s+[\w-]+|the\s+[\w-]+|" + IDENTITY + r")\b[^.!?]*|\bethnic\s+cleansing\s+(?:now|is\s+the\s+(?:answer|only\s+way|solution))\b[^.!?]*", 0.85, "call to drive out or kill a people", needs=r'into the|cleans|purge|\brid\b|clear'),
    _r("incitement_to_violence", _CLAUSE + r"(?:unalive|frag|zero)\s+" + OBJ + r"[^.!?]*|" + _CLAUSE + r"(?:bomb|shell|nuke|blast)\s+(?:" + OBJ + r")\s+(?:in)?to\s+(?:dust|rubble|ashes|oblivion|smithereens|pieces|nothing|the\s+stone\s+age)\b[^.!?]*", 0.85, "call to kill", needs=r"unalive|frag|zero|\b(?:in)?to\s+(?:dust|rubble|ashes|oblivion|smithereens|pieces|nothing|the stone age)"),
    _r("incitement_to_violence", r"\b(?:(?!(?:We|I|You|It)\b)(?-i:[A-Z][a-z]+)|they|the\s+[\w-]+|these\s+[\w-]+|those\s+[\w-]+|all\s+of\s+them)\s+(?:must|should|needs?\s+to|has\s+to)\s+(?:all\s+)?burn\b(?!\s+(?:fuel|calories|money|cash|bridges|through))[^.!?]*", 0.8, "wishing destruction by fire on people or a place", needs=r"burn"),
    _r("dehumanisation", r"\b(?:human|two-legged)\s+(?:animals|beasts|cattle|garbage|trash)\b|\b(?:russian|ukrainian|orc|enemy)\s+biomass\b|\bbiomass\b(?=[^.!?]*\b(?:them|they|their|" + COMBATANTS[3:-1] + r")\b)", 0.8, "calls people animals or matter", needs=r'garbage|trash|meat|biomass|cattle|livestock|insects|vermin|dog|rat|pig|cockroach|animal|scum|swine|beast|parasite'),
    _r("threat", r"\b(?:you'?re|you\s+are|ur)\s+next(?=\s*(?:[.!,]|$))|\bsleep\s+with\s+one\s+eye\s+open\b[^.!?]*|\bpray\s+(?:we|i)\s+(?:don'?t|never)\s+(?:find|catch|meet|see)\s+(?:you|u)\b[^.!?]*|\bkeep\s+(?:talking|writing|posting|it\s+up)\s+and\s+(?:see\s+what\s+happens|you(?:'ll|\s+will)\s+(?:see|regret|find\s+out|pay))\b[^.!?]*|\byou(?:'ll|\s+will)\s+(?:be\s+)?(?:hanging|swinging|dangling)\s+from\b[^.!?]*", 0.8, "threat to the reader"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+are\s+(?:all\s+|just\s+)?(?:lazy|dirty|filthy|stupid|violent|vicious|disgusting|worthless|parasitic|genocidal|fanatical|sly|greedy|subhuman|savage|barbaric|treacherous|bloodthirsty)\b(?:\s+(?:by\s+nature|in\s+their\s+blood|at\s+heart))?[^.!?]*|\bno\s+such\s+(?:thing|people|nation)\s+as\s+(?:an?\s+)?" + IDENTITY + r"\b[^.!?]*|\b" + IDENTITY + r"\s+(?:don'?t|do\s+not|shouldn'?t|should\s+not)\s+(?:even\s+)?(?:exist|deserve\s+to\s+exist|deserve\s+a\s+(?:state|country))\b[^.!?]*", 0.8, "negative generalisation about a people", needs=r"lazy|dirty|filthy|stupid|violent|vicious|disgusting|worthless|parasitic|genocidal|fanatical|sly|greedy|subhuman|savage|barbaric|treacherous|bloodthirsty|no such|exist"),
    _r("identity_attack", r"\b(?:hohols?|khohly|rusnya|russkies|ruskies|khachs?|zionazis?|pallies|camel\s+jockeys?|sand\s+monkeys?|goat\s*f\w*ers?|(?:kafir|infidel|crusader|jew|christian|muslim|arab|kurdish|shia|sunni)\s+dogs)\b", 0.8, "ethnic or religious slur"),
)
_QUANT = (
    r"(?:(?:every|each|all)\s+(?:last\s+|single\s+|one\s+of\s+the\s+|of\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:" + lx.PEOPLE_NOUNS + "|"
    + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + r")|everyone|everybody|every\s+last\s+one|them\s+all|all\s+of\s+them)\b"
)
V11_RULES: tuple[Rule, ...] = (
    _r("incitement_to_violence", r"\b(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to|deserves?\s+to)\s+(?:all\s+)?be\s+(?:all\s+)?(?:" + lx.VIOLENT_PARTICIPLES + r")\b[^.!?]*", 0.8, "says people or their places should be destroyed", needs=r'\bbe\b'),
    _r("incitement_to_violence", r"(?:" + _CLAUSE + r"|\band\s+)(?:" + lx.QUANT_VERBS + r")\s+(?:[\w-]+\s+){0,2}?" + _QUANT + r"[^.!?]*", 0.8, "call to kill every one of a group", needs=r'\b(?:every|each|all|everyone|everybody|them)\b'),
    _r("incitement_to_violence", _CLAUSE + r"(?:cut|chop|hack)\s+(?:their|his|her)\s+(?:heads|throats|hands|balls)\s+off\b[^.!?]*|" + _CLAUSE + r"drop\s+(?:an?\s+|the\s+)?[\w-]+\s+on\s+[^.!?]{0,40}?\b(?:everyone|everybody|all\s+of\s+them|with\s+them\s+inside|and\s+every\w*)\b[^.!?]*|" + _CLAUSE + r"carpet(?:[- ]bomb)?\s+(?:the\s+)?(?:whole|entire)\s+[\w-]+[^.!?]*", 0.85, "call to kill", needs=r"\b(?:cut|chop|hack|drop|carpet)"),
    _r("incitement_to_violence", r"\b(?:love|like|want|wait|dream|hope|glad|happy|pray|dying)\s+to\s+(?:see|watch)\s+(?:[\w-]+\s+){1,4}?(?:burn|die|dead|rot|suffer|wiped\s+out|in\s+ruins|in\s+flames|in\s+rubble|turned\s+to\s+(?:dust|rubble|ash))\b[^.!?]*|\bbetter\s+(?:place|world|off)\s+(?:once|when|without|after)\s+(?:[\w-]+\s+){0,5}?(?:dead|gone|six\s+feet\s+under|wiped\s+out|exterminated|in\s+the\s+ground|in\s+graves?)\b[^.!?]*|\b(?:an?|one)\s+(?:bullet|rope|noose|grave|bomb)\s+for\s+(?:every|each|all|any)\b[^.!?]*|(?:^|(?<=[.!?]\s))\s*(?:just|only|more)\s+bodies\b[^.!?]*", 0.8, "wishing death on people", needs=r"\bto\s+(?:see|watch)\b|better\s+(?:place|world|off)|\bfor\s+(?:every|each|all|any)\b|bodies"),
    _r("dehumanisation", r"\b(?:they|these|those|" + IDENTITY[3:-1] + "|" + COMBATANTS[3:-1] + r"|\w+s)\s+(?:are|were)\s+(?:just|only|nothing\s+but)\s+(?:meat|biomass|cattle|livestock|insects|vermin)\b[^.!?]*|\b(?:every|each|any|that|this|you|an?)\s+(?:" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + r")\s+(?:dog|rat|pig|cockroach|animal|vermin|scum|swine|beast|parasite)\b[^.!?]*", 0.8, "calls people animals or matter", needs=r'garbage|trash|meat|biomass|cattle|livestock|insects|vermin|dog|rat|pig|cockroach|animal|scum|swine|beast|parasite'),
    _r("threat", r"\bwe\s+know\s+(?:your|where\s+(?:you|your\s+\w+))\s*(?:name|address|family|village|school|kids|children|house|home|street|live|lives|work|works|sleep)?\b[^.!?]*|\byou(?:'ll|\s+will)\s+be\s+(?:sleeping|lying|resting|rotting)\s+in\s+(?:the\s+ground|a\s+grave|a\s+ditch|a\s+box)\b[^.!?]*|\byou(?:'ll|\s+will)\s+be\s+the\s+first\s+(?:one\s+)?(?:we|i|to)\b[^.!?]*|\b(?:meet|share|suffer)\s+the\s+same\s+fate\b(?=[^.!?]*\b(?:you|your)\b|(?<=\byou(?:'ll|\s+will)\s+(?:meet|share|suffer)\s+the\s+same\s+fate))[^.!?]*|(?<=\byour\s+(?:kids|children|family|wife|husband|mother|son|daughter)\b[^.!?]{0,80}[.!?]\s*)be\s+careful\b[^.!?]*", 0.8, "threat to the reader"),
    _r("insult", r"\bimagine\s+being\s+(?:this|so|that)\s+(?:dumb|stupid|ignorant|clueless|brainwashed|naive|thick)\b[^.!?]*|\b(?:go\s+cry|cry\s+more|cope\s+harder|seethe)\b[^.!?]*|,\s*(?:you\s+)?(?:[^\W\d_][\w-]*\s+)?(?:bot|troll|shill|clown|idiot|moron|muppet|tankie|stooge|loser)\s*[.!?]*$|\byou\s+(?:filthy|dirty|stupid|pathetic|lying|brainwashed|little|fucking|miserable|worthless)\s+[\w-]+\b|\b(?:typical|more|usual)\s+(?:[\w-]+\s+)?(?:" + lx.MORE_INSULTS + r"|troll|bot)\s+(?:drivel|garbage|nonsense|rubbish|propaganda|talking\s+points|bs)\b[^.!?]*", 0.75, "insults the reader"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:run|runs|control|controls|own|owns|rule|rules)\s+(?:the\s+|every\s+|all\s+|our\s+)?(?:[\w-]+\s+)?(?:media|banks|world|wars?|governments?|industry|money|west|politicians|congress|parliament)\b[^.!?]*|\b(?:can'?t|cannot|never|don'?t)\s+trust\s+(?:a\s+single|any|an?|one)\s+" + IDENTITY + r"\b[^.!?]*|\bnever\s+met\s+an?\s+" + IDENTITY + r"\s+(?:who|that)\s+(?:wasn'?t|isn'?t|didn'?t)\b[^.!?]*|\b" + IDENTITY + r"\s+(?:breed|spread|bring|export|import)\s+(?:terrorism|violence|crime|hatred|disease|extremism|chaos)\b[^.!?]*", 0.8, "negative generalisation about a people"),
)
_GERUND = r"(?:killing|crushing|shooting|exterminating|gassing|bombing|hanging|burning|executing|slaughtering|drowning|nuking)"
V12_RULES: tuple[Rule, ...] = (
    _r("incitement_to_violence", r"\b(?:take\s+care\s+of|deal\s+with|get\s+rid\s+of|dispose\s+of|handle|sort\s+out)\s+(?:them|'em|those\s+[\w-]+|these\s+[\w-]+|the\s+[\w-]+|" + OBJ + r")(?:\s+[\w-]+){0,3}?\s+(?:for\s+good|permanently|once\s+and\s+for\s+all|the\s+old(?:-fashioned)?\s+way)\b[^.!?]*|\b(?:need|want|deserve|time\s+for|give\s+them|bring)\s+(?:another|a\s+new|a\s+second|round\s+two\s+of)\s+(?-i:[A-Z0-9][\w-]*\s+)?(?:" + lx.MASSACRES + r")\b[^.!?]*|\b(?:bring\s+back|time\s+for|build|reopen)\s+(?:the\s+)?(?:gallows|firing\s+squads?|gas\s+chambers?|death\s+camps?|ovens)\b[^.!?]*", 0.85, "euphemism for killing people", needs=r'for good|permanently|once and for all|old(?:-fashioned)? way|another|a new|a second|round two|gallows|firing squad|gas chamber|death camp|ovens'),
    _r("incitement_to_violence", _CLAUSE + r"(?:sink|bomb|torch|burn|shell|nuke|blow\s+up|drone)\s+[^.!?]{0,40}?\bwith\s+(?:them|the\s+[\w-]+|" + IDENTITY + r"|migrants|refugees|people|civilians|families|kids|children|women)\s+(?:still\s+)?(?:on|in|inside|aboard)\b[^.!?]*|" + _CLAUSE + r"put\s+(?:[\w'-]+\s+){1,3}?in\s+(?:the\s+ground|their\s+graves?|body\s*bags)\b[^.!?]*|" + _CLAUSE + r"leave\s+(?:their|the)\s+bodies\s+(?:in|on|for)\b[^.!?]*", 0.85, "call to kill", needs=r"\bwith\b|\bground\b|graves?|body\s*bags|bodies"),
    _r("incitement_to_violence", r"\bdeserves?\s+(?:every|each|the|all\s+the)\s+(?:missile|bomb|bullet|shell|drone|rocket|strike)s?\b[^.!?]*|\b(?:i|we)(?:'ll|\s+will|'d|\s+would)\s+(?:personally\s+|happily\s+|gladly\s+)?(?:(?:kill|shoot|stab|hang|behead|burn|strangle|gut|execute|slaughter)\s+(?:him|her|them|'em|every|each|all|any|the\s+[\w-]+|those\s+[\w-]+|these\s+[\w-]+)|run\s+(?:him|her|them|'em)\s+over)\b[^.!?]*|\b" + _GERUND + r"\s+(?:them|'em|these\s+[\w-]+|those\s+[\w-]+|the\s+[\w-]+|every\s+[\w-]+|all\s+of\s+them)\s+(?:is|would\s+be|will\s+be)\s+(?:a\s+)?(?:public\s+service|good|justice|necessary|duty|mercy|favou?r|pleasure|blessing|the\s+(?:answer|solution|only\s+way)|halal|a\s+good\s+deed|self-defen[cs]e)\b[^.!?]*|\b(?:pray|wait|hope|long)\s+for\s+the\s+day\s+[^.!?]{0,60}?\b(?:is|are|gets?)\s+(?:all\s+)?(?:dead|buried|gone|wiped\s+out|exterminated|in\s+the\s+ground|hanged|killed)\b[^.!?]*|\b(?:is|are)\s+(?:a\s+)?legitimate\s+targets?\b", 0.8, "call or wish to kill", needs=r"deserve|\b(?:i|we)(?:'ll|\s+will|'d|\s+would)\b|ing\s|the day|legitimate"),
    _r("dehumanisation", r"\b(?-i:[A-Z][\w-]+)'s\s+(?:dogs|rats|pigs|vermin|animals|mongrels|hyenas|cockroaches|orcs)\b|\bzombies?\s+(?:[\w-]+\s+)?(?:army|soldiers|troops|hordes?)\b|\bz-?zombies\b|\bzombie\s+z\b|\b(?!(?:regime|opposition|isis|daesh|hamas|hezbollah|nusra|fsa|saa|ypg|sdf|rsf|wagner|taliban|shabaab|idf|hts|pmf|junta|tatmadaw|janjaweed|jnim|iswap|pdf|boko haram|al-shabaab|arakan army)\b)(?:" + COMBATANTS[3:-1] + r")\s+(?:are|is)\s+(?:just\s+|all\s+)?(?:a\s+|an\s+)?(?:swarm|horde|infestation|plague|cancer|disease|virus|pack\s+of\s+[\w-]+)\b[^.!?]*", 0.8, "calls people animals or a swarm"),
    _r("threat", r"\b(?:people|traitors|scum|those|guys|rats)\s+like\s+you\s+(?:always\s+)?(?:end\s+up|get|are\s+found|disappear)\b[^.!?]*|\byou(?:'ll|\s+will)\s+(?:leave|come\s+back|go\s+home|return)\s+in\s+(?:a\s+)?(?:coffin|body\s*bag|box|pieces)\b[^.!?]*|\b(?:we|i)(?:'ll|\s+will)\s+(?:pay|give)\s+(?:you|your\s+\w+)\s+a\s+(?:little\s+|short\s+)?visit\b[^.!?]*", 0.8, "threat to the reader"),
    _r("insult", r"\bok(?:ay)?\s+boomer\b|\byou\s+(?:absolute|complete|total|utter)\s+[\w-]+\b(?=\s*[.!?]*$)", 0.7, "insults the reader"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+(?:only|just)\s+(?:respect|understand|know|fear)\s+(?:strength|force|violence|power|the\s+\w+)\b[^.!?]*|\b" + IDENTITY + r"\s+(?:have\s+always\s+been|were\s+always|will\s+always\s+be|remain|always\s+were)\s+(?:" + NEGATIVE_TRAITS + r")\b[^.!?]*|\b" + IDENTITY + r"\s+(?:[\w-]+\s+)?(?:breed|spread|bring|export|import)s?\s+(?:[\w-]+\s+(?:and\s+)?)?(?:terrorism|terror|violence|crime|hatred|disease|extremism|chaos|rape|drugs)\b[^.!?]*|\b" + IDENTITY + r"\s+(?:can'?t|cannot|are\s+unable\s+to|will\s+never)\s+(?:govern|rule|feed|look\s+after)\s+themselves\b[^.!?]*", 0.8, "negative generalisation about a people", needs=r"only|just|always|remain|breed|spread|bring|export|import|themselves"),
)
_PAST_KILL = (
    r"erased|killed|flattened|nuked|wiped\s+out|finished\s+(?:off|them|the\s+job)|exterminated|gassed|levell?ed|razed|"
    r"carpet[- ]bombed|executed|hanged|shot|burned|burnt|annihilated|obliterated"
)
V13_RULES: tuple[Rule, ...] = (
    _r("incitement_to_violence", r"(?:" + _CLAUSE + r"|\bto\s+)do\s+(?:to\s+[\w' -]{1,30}?\s+)?what\s+[\w' -]{1,30}?\s+did\s+(?:to|in)\s+(?:" + lx.MASSACRES + r"|the\s+\w+|(?-i:[A-Z][\w-]+))\b[^.!?]*|\bask\s+questions\s+never\b[^.!?]*|\b(?:should|must)\s+have\s+(?:" + _PAST_KILL + r")\s+(?:them|'em|every\w*|all|the\s+[\w-]+|those\s+[\w-]+|these\s+[\w-]+|(?-i:[A-Z][\w-]+))\b[^.!?]*", 0.8, "call to repeat a massacre or regret it was not done", needs=r'\bdid\b|questions never|\bhave\b'),
    _r("incitement_to_violence", _CLAUSE + r"(?:pound|shell|bomb|hit|strike|level|flatten|burn|nuke|blast)\s+[^.!?]{1,50}?\buntil\s+(?:nothing|no\s+one|nobody|no\s+house|not\s+a\s+(?:house|wall|soul))\s+(?:is\s+)?(?:left|moves|stands|remains|breathes)\b[^.!?]*|(?:^|(?<=[,;:.!?]\s))\s*(?:zero|no)\s+survivors\b(?!\s+(?:were|have|had|was))[^.!?]*|(?:^|(?<=[,;:.!?]\s))\s*(?:mass\s+graves?|bullets?|ropes?|nooses?|body\s*bags?|coffins?|the\s+gallows)\s+for\s+(?:the\s+|all\s+(?:the\s+)?|every\s+|these\s+|those\s+)?(?:[\w-]+\s+)?(?:" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + "|" + lx.PEOPLE_NOUNS + r")\b[^.!?]*|\bleave\s+(?:none|no\s+one|nobody)(?:\s+(?:alive|standing|breathing))?\s*[.!]*\s*$|" + _CLAUSE + r"dump\s+(?:the|their)\s+bodies\b[^.!?]*|" + _CLAUSE + r"(?:fire\s+(?:the\s+)?\w+\s+at|hit|strike|target|bomb|shell)\s+(?:the\s+|their\s+)?(?:apartments?|homes|houses|residential\s+\w+|buildings|kindergartens?|schools?|hospitals?)\b[^.!?]*", 0.8, "call to kill", needs=r"until|survivors|graves?|bullets?|ropes?|nooses?|body\s*bags?|coffins?|gallows|\bnone\b|dump|apartment|homes|houses|residential|buildings|kindergarten|school|hospital"),
    _r("dehumanisation", r"\blike\s+(?:the\s+)?(?:bugs|pests|flies|ants|sheep|cattle|vermin|insects)\b(?=[^.!?]*\b(?:crush|kill|exterminat\w*|squash|stamp|swat|slaughter\w*|them|they)\b)|\b(?:crush|kill|exterminate|squash|stamp\s+(?:on|out)|swat|slaughter)\s+(?:them|'em|(?!you\b|u\b)[\w-]+)\s+like\s+(?:bugs|pests|flies|ants|sheep|cattle|insects)\b[^.!?]*|\b(?:" + COMBATANTS[3:-1] + r")\s+(?:are|is)\s+(?:all\s+|just\s+|nothing\s+but\s+)?(?:a\s+(?:herd|pack|bunch|horde|swarm)\s+of\s+(?:(?:" + lx.VILE + r")\s+)?)?(?:" + PLURAL_VERMIN + r")\b[^.!?]*", 0.8, "calls people vermin or animals"),
    _r("threat", r"\byou(?:'ll|\s+will)\s+be\s+(?:the\s+)?next\s+(?:one\b|to\s+(?:die|hang|burn|go|be\s+(?:killed|shot|hanged|found|executed))|found|in\s+(?:a|the)\s+(?:ditch|grave|river)|on\s+(?:our|the|my)\s+list)[^.!?]*|\b(?:we|i)\s+(?:know|have|found)\s+(?:your\s+(?:real\s+)?(?:name|face|address|family|village|school|kids|children|house|home|street|car|workplace|number|location)|where\s+(?:you|your\s+\w+)\s+(?:live|lives|work|works|sleep|sleeps))\b[^.!?]*", 0.8, "threat to the reader"),
    _r("insult", r"(?:^|(?<=[.!?]\s))\s*(?:(?:brainless|mindless|clueless|stupid|ignorant|pathetic|brain-?dead|dumb|absolute|complete|utter|little|paid|lying)\s+)+(?:idiot|moron|imbecile|clown|troll|fool|loser|cretin|dumbass|propagandist|shill|bot|stooge|tankie|muppet|liar)s?\b(?=\s*[,!.])|\byou(?:'re|\s+are)\s+(?:the|a)\s+(?:dumbest|stupidest|most\s+(?:ignorant|stupid|clueless|pathetic|brainwashed))\b[^.!?]*", 0.75, "insults the reader"),
    _r("identity_attack", r"\b" + IDENTITY + r"\s+are\s+(?:all\s+)?(?:[\w-]+\s+){1,2}?(?:by\s+nature|in\s+their\s+(?:blood|dna|genes)|from\s+birth)\b[^.!?]*|\b" + IDENTITY + r"\s+are\s+(?:too|so)\s+(?:stupid|dumb|lazy|primitive|backward|corrupt|savage|violent|greedy)\b[^.!?]*", 0.8, "negative generalisation about a people", needs=r"nature|blood|dna|genes|birth|\btoo\b|\bso\b"),
)
RULES = RULES + EXTRA_RULES + MORE_RULES + V11_RULES + V12_RULES + V13_RULES


#: Cheap gates, tried word by word: a rule of a category runs only on a sentence with a word that
#: opens the category's gate. Every rule of the category contains at least one of the stems.
GATES: dict[str, stdre.Pattern[str]] = {
    "incitement_to_violence": stdre.compile(
        r"kill|^kil$|^kll$|murder|slaught|extermin|execut|shoot|shot|hang|^hung$|gas|nuke|butcher|behead|massacr|"
        r"annihil|eradic|burn|torch|flatten|crush|grind|liquid|finish|wipe|obliter|cleans|purg|lynch|bomb|shell|"
        r"strik|destroy|starv|drown|flood|poison|stab|crucif|level|raze|erase|incinerat|blow|^gun|mow|hunt|^fire|"
        r"string|strung|^line|^put$|^puts$|send|^cut|slit|^drop|make|^hit|target|^die|dying|dead|death|deserv|mercy|"
        r"quarter|prisoner|survivor|surrender|alive|siege|^food$|^water$|^aid$|legitimate|^let|live|leave|escape|"
        r"flee|reach|^rot|bleed|suffer|^fry|choke|perish|eliminat|smok|stamp|^gut|glass|parking|graveyard|cemeter|"
        r"crater|^dust$|^ash|rubble|wasteland|desert|moonscape|grave|lawn|allah|^god$|heaven|paradise|jannah|"
        r"afterlife|maker|virgin|valhalla|kobzon|^hell$|problem|permanent|forever|final|witness|lamp|^feet$|bag|"
        r"^sea$|^bay$|^ocean$|^river$|^rid$|unalive|frag|^zero$|fed|thrown|bulldoz|skinned|stone|buri|bury|chop|"
        r"hack|ruin|flame|^gone$|bullet|rope|noose|^bodies$|^good$|dispose|^another$|gallows|squad|chamber|oven|"
        r"sink|sunk|dump|missile|rocket|strangl|cleaned|^cleared$|rooted|weeded|pushed|driven|chased|^did$|"
        r"^questions$|pound|coffin|apartment|yeet|carpet",
        stdre.I,
    ),
    "dehumanisation": stdre.compile(
        r"rat|roach|vermin|parasit|insect|lice|maggot|termit|leech|human|orc|savage|beast|animal|pig|swine|dog|"
        r"ape|monkey|hyena|jackal|snake|viper|mongrel|locust|scum|filth|plague|cancer|disease|virus|infect|tumo|"
        r"pest|biomass|meat|zombie|swarm|horde|bug|flies|ants|sheep|cattle|livestock|rodent|germ|bacteri|weed|worm|flea|tick|mosquit|zombie|goblin|generation|pest|scurr|breed|mincemeat|inferior|lesser|degenerate|rabbit|people|extermin|cleansed|purged|eradicated|"
        r"pack|bunch|horde|swarm|herd|nest",
        stdre.I,
    ),
    "threat": stdre.compile(r"\byou|\byour|\bu\b|\bur\b", stdre.I),
    "insult": stdre.compile(
        r"idiot|moron|imbecil|fool|clown|troll|shill|liar|coward|retard|cretin|loser|bastard|jerk|stupid|dumb|"
        r"brainwash|clueless|pathetic|armchair|keyboard|shut|propagandist|hypocrite|ignorant|\bbot|joke|scum|"
        r"criminal|braindead|away|imagine|boomer|brainless|mindless|dumbest|stupidest|most|absolute|complete|total|utter|cry|cope|seethe|you|drivel|stooge|lackey|bootlick|puppet|tankie|muppet|apologist|hack|simp|lost|piss",
        stdre.I,
    ),
    "identity_attack": stdre.compile(
        r"arab|muslim|moslem|jew|christian|kurd|alaw|sunni|shia|shiite|druze|yazid|turk|russian|ukrain|american|"
        r"yank|syrian|iraqi|afghan|african|palestin|israeli|iranian|persian|armenian|azeri|chechen|pashtun|somali|"
        r"sudanese|libyan|yemeni|lebanese|european|western|black|white|asian|refugee|migrant|immigrant|zionist|"
        r"khokhol|moskal|katsap|raghead|towelhead|sand|kike|rafid|nusayri|ukrop|vatnik|rashist|gaza|rohingya|fulani|hausa|tuareg|bamar|burmese|"
        r"buddhist|hindu|masalit|zaghawa|hazara|baluch|tajik|uzbek|georgian|belarus|serb|albanian|bosniak|tigray|"
        r"amhara|oromo|eritrea|ethiopia|nigeria|malian|darfur|kazakh|chinese|bedouin|copt|maronite|ismaili|tatar|"
        r"ossetian|abkhaz|tutsi|hutu|dinka|nuer|hohol|khohly|rusny|russki|ruski|khach|zionazi|pallie|camel|goat|"
        r"kafir|infidel|crusader|monkey|dogs|trust|met|muslim|somali|malian|nature",
        stdre.I,
    ),
}


_WORD = stdre.compile(r"\w+")


@lru_cache(maxsize=65536)
def word_gates(word: str) -> frozenset[str]:
    """The categories whose gate ``word`` (lower case) opens."""
    return frozenset(cat for cat, gate in GATES.items() if gate.search(word))


def open_gates(sentence: str) -> set[str]:
    out: set[str] = set()
    for word in _WORD.findall(sentence.lower()):
        out |= word_gates(word)
    return out
