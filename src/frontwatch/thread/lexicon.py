"""Structured additions to the moderation lexicon (ours): more peoples and armed groups, more
vermin and disease words, and the euphemisms of conflict threads for killing a people.

:mod:`frontwatch.thread.rules` joins these lists into its patterns. Each list is a ``|``-joined
string of lower-case words or phrases (regular-expression syntax allowed); keep them free of
words with a common literal use in war reporting.
"""

from __future__ import annotations

#: Peoples, ethnic and religious groups beyond the Levant (Sahel, Sudan, Myanmar, Caucasus...).
MORE_IDENTITY = (
    "gazans|gazan|rohingya|rohingyas|fulani|fulanis|hausa|tuareg|tuaregs|bamar|burmese|buddhists|buddhist|"
    "hindus|hindu|masalit|zaghawa|hazaras|hazara|baluch|tajiks|uzbeks|georgians|belarusians|serbs|albanians|"
    "bosniaks|tigrayans|amhara|oromo|eritreans|ethiopians|nigerians|malians|darfuris|pashtun|kazakhs|chinese|"
    "bedouins|bedouin|copts|maronites|ismailis|persians|tatars|crimean tatars|ossetians|abkhaz|tutsis|hutus|"
    "dinka|nuer|christians|christian|armenian|azeri|yazidi|alawi|georgian|serb|bosniak|tajik|uzbek|kazakh|"
    "african|european|nigerian|malian|ethiopian|eritrean|tigrayan|chechen|pashtun"
)
#: Armed and political groups of more conflicts (targets of incitement, resolved as target groups).
MORE_COMBATANTS = (
    "junta|tatmadaw|janjaweed|idf|hts|pmf|mercs|vatniks|ukrops|rashists|generals|paratroopers|marines|"
    "gunmen|bandits|jnim|iswap|boko haram|al-shabaab|arakan army|pdf|kachin|russkies|colonists|zionists"
)
#: Animal, pest, filth and monster words (said of people they dehumanise).
MORE_VERMIN = "pests|rodents|germs|bacteria|weeds|worms|fleas|ticks|mosquitoes|zombies|goblins|trash|garbage"
#: Adjectives that may stand between "are a" and a disease or vermin word.
VILE = "filthy|dirty|disgusting|rabid|wild|vile|stinking|bloodthirsty|dangerous|invasive|foreign|deadly|spreading|creeping"
#: End states of a place destroyed with its people ("turn Gaza into a parking lot").
WASTELAND = (
    "parking lot|car park|parking garage|glass(?: parking lot| desert| plain)?|graveyard|cemetery|crater|craters|"
    "dust|ashes|rubble|wasteland|desert|moonscape|sea of fire|ash heap|mass grave|lake of fire"
)
#: Where a "send them to ..." sends people (death by euphemism).
AFTERLIFE = (
    "allah|god|hell|heaven|paradise|jannah|the afterlife|the next world|their maker|their virgins|"
    "(?:their\\s+)?72 virgins|their graves?|the grave|valhalla|kobzon|meet \\w+"
)
#: Traits in "every <people> is a ... (at heart)" generalisations.
EVERY_IS_A = (
    "terrorist|criminal|murderer|killer|rapist|thief|liar|traitor|enemy|savage|animal|nazi|spy|agent|bandit|thug|"
    "legitimate target|barbarian|taliban|jihadist|jihadi|islamist|extremist|fanatic|racist|zionist|collaborator|separatist|"
    "terror supporter|hamas supporter|russian agent|snake|rat|parasite|orc"
)
#: Inborn traits in "<people> are born ..." generalisations.
BORN = (
    "terrorists|killers|liars|thieves|criminals|traitors|murderers|racists|extremists|fanatics|haters|bigots|"
    "savages|slaves|cowards|rapists|jihadists|barbarians"
)
#: Insult nouns aimed at a reader beyond idiot/moron/troll.
MORE_INSULTS = "stooge|lackey|bootlicker|puppet|tankie|muppet|apologist|propagandist|hack|simp|shill"
#: Gaming and sport talk: its killing words are not about people (sentence-level guard).
PLAY = (
    r"\b(?:xp|npcs?|respawn\w*|spawn\w*|quests?|dlc|gameplay|video\s*games?|cod|call\s+of\s+duty|fortnite|warzone|"
    r"gta|multiplayer|lobby|noob|boss\s+fight|final\s+boss|the\s+boss|level\s+\d+|\w+\s+level|speedrun\w*|"
    r"fifa|premier\s+league|champions\s+league|derby|striker|goalkeeper|penalt(?:y|ies)|\d+-\d+|scoreline|"
    r"chess|poker|the\s+match|the\s+game|this\s+game|in\s+game|mmo|fps)\b"
)
#: Sarcasm markers: a sentence that opens this way mocks the call it seems to make.
SARCASM = (
    r"(?:^\W*(?:oh\s+(?:sure|yes|yeah|great|brilliant|right)|yeah\s*,?\s*(?:sure|right)|sure\s*,|great\s+idea|"
    r"brilliant\s+idea|what\s+a\s+(?:great|brilliant)\s+idea)\b|(?:^|\s)/s\b|\bwin\s+(?:hearts\s+and\s+minds|the\s+peace)\b)"
)

#: Participles of killing and destruction after "should / must / needs to / deserve to be".
VIOLENT_PARTICIPLES = (
    "killed|hanged|hung|shot|executed|exterminated|gassed|wiped out|burned|burnt|slaughtered|beheaded|nuked|"
    "leveled|levelled|torched|razed|bulldozed|flattened|erased|bombed to \\w+|burned down|burnt down|"
    "burned to the ground|fed to (?:the )?\\w+|thrown (?:off|into|in|to) (?:the )?\\w+|drowned|buried alive|skinned|"
    "lynched|crucified|stoned|mowed down|gunned down|hunted down|rounded up and shot|put down|put against a wall|"
    "strung up|finished off|liquidated|purged|cleansed|massacred|butchered|incinerated|poisoned|"
    "starved(?: out| to death)?|shot on sight|carpet[- ]bombed|obliterated|annihilated|eradicated|cleaned out|"
    "cleared out|rooted out|stamped out|smoked out|weeded out|sunk with \\w+|"
    "(?:pushed|driven|thrown|chased) into the (?:[\\w-]+ ){0,3}?(?:sea|bay|river|ocean|desert)"
)
#: Imperative verbs (and phrasal verbs) that take a quantified people object ("hunt down every ...").
QUANT_VERBS = (
    "kill|kil|finish|finish off|hunt down|hunt|shoot|hang|execute|behead|burn|torch|slaughter|gas|bomb|shell|"
    "drone|nuke|drown|bury|starve|poison|lynch|stab|skin|destroy|wipe out|take out|round up|gun down|mow down|"
    "butcher|massacre|exterminate|eliminate|liquidate|slit the throat of|cut down|string up|smoke|waste|off|"
    "machine-gun|machinegun|gun|run over|sink|crush|flatten|stone|drone strike|airstrike|hang up"
)
#: Nouns for people after "every / each / all" in a call to violence.
PEOPLE_NOUNS = (
    "dogs?|rats?|pigs?|officers?|soldiers?|men|man|women|woman|children|child|kids?|famil(?:y|ies)|civilians?|"
    "settlers?|collaborators?|traitors?|one|person|people|villagers?|members?|fighters?|supporters?|bastards?|"
    "sympathi[sz]ers?|conscripts?|troops?|militiam[ae]n|policem[ae]n|priests?|imams?|mullahs?|informers?|"
    "spies|spy|looters?|prisoners?|deserters?|males?|protesters?|journalists?|migrants?|refugees?"
)
#: Words that the commenter's own dehumanising label for people always is, even in a reporting sentence.
META = (
    r"\b(?:an?|the)\s+(?:term|slur|label|epithet|nickname)\b|\bslurs?\b|\bis\s+(?:an?\s+)?(?:\w+\s+)?(?:term|word|insult)\s+(?:used|for)\b"
)
#: Massacres and city-razings whose names, wished again, call for killing ("we need another Hama").
MASSACRES = (
    "hama|srebrenica|nakba|grozny|holocaust|rwanda|dresden|hiroshima|nagasaki|sabra|shatila|halabja|bucha|"
    "mariupol|aleppo|fallujah|falluja|my lai|katyn|babi yar|wounded knee|deir yassin|el geneina|october 7(?:th)?|"
    "7 october|kristallnacht|final solution"
)
#: Idioms whose violent words mean nothing violent ("burn bridges", "kill time").
IDIOMS = (
    r"\bburn(?:ing|ed|t)?\s+(?:the\s+|our\s+|their\s+|all\s+|its\s+)?bridges\b|\bkill(?:ing)?\s+(?:counts?|ratios?|time|"
    r"the\s+(?:mood|deal|bill|engine|lights|vibe|joke)|it\b|chains?|zones?|switch(?:es)?)|\bdiplomatically\b|"
    r"\bfiguratively\b|\bmetaphorically\b|(?:'s|their|its|his|her)\s+(?:tactic|tactics|strategy|playbook|method|doctrine)\b"
)
