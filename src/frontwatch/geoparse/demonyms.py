"""Demonyms, stop words and name lists the recogniser uses (our own lists).

* :data:`DEMONYMS` — adjective/plural forms -> ISO 3166 alpha-2 (or a region tag).
* :data:`COMMON_WORDS` — English words that are also place names somewhere; capitalised only
  because a sentence starts with them they are never places.
* :data:`NOT_PLACES` — words that collide with place names but in our genre almost never are
  (people, actors, months, weekdays, directions used alone).
* :data:`ORG_WORDS` — words that make a capitalised run an organisation ("Tiger Forces").
* :data:`GROUP_PREFIXES` — Arabic words that open armed-group names ("Jaish al-Fatah").
"""

from __future__ import annotations

_DEMONYMS = """
SY Syrian Syrians | TR Turkish Turk Turks | RU Russian Russians | IR Iranian Iranians Persian |
IQ Iraqi Iraqis | US American Americans | IL Israeli Israelis | LB Lebanese | JO Jordanian Jordanians |
SA Saudi Saudis | AE Emirati Emiratis | QA Qatari Qataris | EG Egyptian Egyptians | LY Libyan Libyans |
YE Yemeni Yemenis | SD Sudanese | SS South-Sudanese | UA Ukrainian Ukrainians | BY Belarusian Belarusians |
GB British Briton Britons | ENG English | FR French | DE German Germans | IT Italian Italians | ES Spanish |
CN Chinese | AF Afghan Afghans | PK Pakistani Pakistanis | IN Indian Indians | ML Malian Malians |
NE Nigerien Nigeriens | NG Nigerian Nigerians | BF Burkinabe | SO Somali Somalis | ET Ethiopian Ethiopians |
ER Eritrean Eritreans | PS Palestinian Palestinians | AM Armenian Armenians | AZ Azerbaijani Azerbaijanis Azeri |
GE Georgian Georgians | KP North-Korean | KR South-Korean | JP Japanese | TD Chadian Chadians |
CF Centrafrican | CD Congolese | MZ Mozambican Mozambicans | MM Burmese | DZ Algerian Algerians |
TN Tunisian Tunisians | MA Moroccan Moroccans | CA Canadian Canadians | AU Australian Australians |
NL Dutch | BE Belgian Belgians | PL Polish Pole Poles | GR Greek Greeks | CY Cypriot Cypriots |
MX Mexican Mexicans | TN Tunisian | KR Korean Koreans | IE Irish | SE Swedish Swede Swedes | NO Norwegian Norwegians |
DK Danish Dane Danes | FI Finnish Finn Finns | CH Swiss | AT Austrian Austrians | HU Hungarian Hungarians |
RO Romanian Romanians | BG Bulgarian Bulgarians | RS Serbian Serb Serbs | HR Croatian Croat Croats | CZ Czech Czechs |
SK Slovak Slovaks | PT Portuguese | BR Brazilian Brazilians | AR Argentine Argentinian Argentinians |
CL Chilean Chileans | CO Colombian Colombians | VE Venezuelan Venezuelans | PE Peruvian Peruvians | CU Cuban Cubans |
JM Jamaican Jamaicans | HT Haitian Haitians | PH Filipino Filipinos Philippine | ID Indonesian Indonesians |
MY Malaysian Malaysians | TH Thai | VN Vietnamese | TW Taiwanese | BD Bangladeshi Bangladeshis | LK Sri-Lankan |
NP Nepali Nepalese | KE Kenyan Kenyans | UG Ugandan Ugandans | TZ Tanzanian Tanzanians | RW Rwandan Rwandans |
GH Ghanaian Ghanaians | SN Senegalese | CM Cameroonian Cameroonians | ZW Zimbabwean Zimbabweans | ZM Zambian |
ZA South-African South-Africans | MR Mauritanian | OM Omani | KW Kuwaiti Kuwaitis | BH Bahraini | KZ Kazakh Kazakhstani |
UZ Uzbek | MN Mongolian | NZ Zealander | LB Lebanese | SCOT Scottish Scots | WALES Welsh |
KURD Kurdish Kurd Kurds | ARAB Arab Arabs | EU European Europeans | AFRICA African Africans | ASIA Asian Asians |
MIDEAST Middle-Eastern | LATAM Latin-American Latin-Americans | CENTAM Central-American Central-Americans |
NORTHAM North-American North-Americans | SOUTHAM South-American South-Americans |
SV Salvadoran Salvadorans | GT Guatemalan Guatemalans | HN Honduran Hondurans | NI Nicaraguan Nicaraguans |
LK Sinhalese Sri-Lankans | ABKH Abkhaz Abkhazian Abkhazians | OSSET Ossetian Ossetians South-Ossetian |
RU Chechen Chechens Dagestani
"""

#: Region tags of demonyms -> curated place ids.
REGION_DEMONYMS: dict[str, str] = {
    "EU": "cu:europe", "AFRICA": "cu:africa", "ASIA": "cu:asia", "MIDEAST": "cu:middle-east",
    "LATAM": "cu:latin-america", "CENTAM": "cu:central-america",
    "NORTHAM": "cu:north-america", "SOUTHAM": "cu:south-america", "KURD": "cu:kurdistan", "SCOT": "ad:GB.SCT", "ENG": "ad:GB.ENG", "ABKH": "ad:GE.02", "OSSET": "cu:south-ossetia", "WALES": "ad:GB.WLS",
}

#: Demonym -> ISO2 country code ("KURD", "ARAB", "EU" are regions without a country place).
DEMONYMS: dict[str, str] = {}
for _group in _DEMONYMS.split("|"):
    _parts = _group.split()
    if _parts:
        for _word in _parts[1:]:
            DEMONYMS[_word.replace("-", " ")] = _parts[0]

COMMON_WORDS: frozenset[str] = frozenset("""
a about above after again against all almost also although always among an and another any are
around as at attack back be because been before being below best between both but by call can
click come could day days did do does down during each early even ever every few first for from
full further get give go good great had has have he her here him his home hope how however i if
in into is it its just last late later least less let like little long made make many may me
meanwhile might more most much must my never new next no none nor not nothing now of off often
old on once one only or other our out over own part past people per perhaps place plus rather
read really right said same see she should since so some soon still such take than that the
their them then there these they this those though through thus to today too under unless until
up upon us very was we well were what when where whether which while who whom why will with
within without would yes yet you your victory liberation independence union freedom justice
mission operation march may june august christmas easter god lord king queen prince bishop
hope chance trust money banks bank cash gold silver iron stone wood hill hills river lake sea
ocean bay mountain valley forest field fields park garden street road bridge station airport
center centre mall market house hall school college church temple mosque tower castle palace
moving godspeed informative excellent false true most soon western eastern northern southern
central middle upper lower greater little big north south east west northeast northwest southeast
southwest republic state states kingdom empire federation union nation nations world global region
man car media sale name act turn rest store drug pool progress industry surprise bid male basic tour ten
commerce congress guard police secretary gov city star gate royal blues jays news council
university route section web hospital fire life fish troop wings olympic passover babies dimes jews rev
lane court avenue square park county department board service services center centre lake creek
free bureau women fund medicine energy plan village chief conservation times pope polio nut
international national federal regional local general
""".split())

NOT_PLACES: frozenset[str] = frozenset("""
donald obama kerry trump putin assad erdogan biden clinton hillary lavrov netanyahu khamenei
rouhani macron merkel may johnson blair bush cheney rumsfeld tillerson pompeo mattis nasrallah
baghdadi jolani golani zelensky zelenskyy shoigu gerasimov prigozhin haftar sarraj dbeibah
hemedti burhan hamdok bashir houthi houthis hezbollah hizbollah isis isil daesh nusra ypg ypj sdf
fsa saa hts pkk pyd ahrar zinki hamas fatah jund jaish liwa harakat jabhat faylaq kataib saraya
wagner tiger tigers god allah jesus christ mohammed muhammad islam christian christians muslim
muslims sunni sunnis shia shiite shiites alawite alawites druze jihadist jihadists wwiii wwii
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct
nov dec mon tue wed thu fri sat sun
twitter facebook youtube telegram google reuters afp ap bbc cnn fox sputnik sana rt
mr mrs ms dr gen general col colonel maj major capt captain lt sgt president minister
sheikh emir king prince un nato onu
""".split())

#: First names: a capitalised word after one of these is a person, not a place.
FIRST_NAMES: frozenset[str] = frozenset("""
john james robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean
gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan
juan albert willie elijah wayne randy vincent mary patricia jennifer linda elizabeth barbara
susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly emily donna michelle
carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen angela
shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel carolyn
janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly
christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria
sara janice ann kathryn abigail sophia frances jean alice judy isabella julia grace amber denise
danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla alexis lori marie
ahmed ahmad mohammed muhammad mohamed ali hassan hussein omar abdullah khalid mahmoud mustafa
ibrahim youssef yousef tariq karim samir walid bashar hafez rami maher salim saleh heiko
vladimir sergei sergey dmitry igor alexei boris recep hakan mevlut abu umm
""".split())

#: Common surnames: alone and capitalised they are people far more often than places.
SURNAMES: frozenset[str] = frozenset("""
smith johnson williams brown jones miller davis garcia rodriguez wilson martinez anderson taylor thomas
hernandez moore martin thompson white lopez lee gonzalez harris clark lewis robinson walker perez hall
young allen sanchez wright king scott green baker adams nelson hill ramirez campbell mitchell roberts
carter phillips evans turner torres parker collins edwards stewart flores morris nguyen murphy rivera
cook rogers morgan peterson cooper reed bailey bell gomez kelly howard ward cox diaz richardson wood
watson brooks bennett gray reyes cruz hughes price myers long foster sanders ross morales powell
sullivan russell ortiz jenkins gutierrez perry butler barnes fisher henderson coleman simmons patterson
reynolds graham kim gonzales ramos wallace griffin cole hayes chavez gibson bryant ellis stevens murray
ford marshall owens mcdonald harrison ruiz kennedy wells alvarez woods mendoza castillo olson webb
tucker freeman burns snyder simpson crawford jimenez porter mason shaw gordon wagner hunter romero hicks
dixon hunt palmer robertson black holmes stone meyer boyd mills warren fox rose rice moreno schmidt patel
ferguson nichols herrera medina ryan fernandez weaver daniels stephens gardner payne kelley dunn pierce
arnold tran spencer peters hawkins grant hansen castro hoffman hart elliott cunningham knight bradley
lane welch greene wilkinson manning ripley sen chu wang li zhang liu chen yang huang zhao wu zhou
""".split())

ORG_WORDS: frozenset[str] = frozenset("""
army forces force front brigade brigades battalion division regiment corps guard guards militia
militias party council committee ministry agency news times post journal herald tribune gazette
daily weekly press network channel radio tv television university college school institute
center centre foundation fund bank company corp corporation inc ltd llc group organization
organisation association union federation league club team movement coalition alliance command
authority administration government court office department service services airlines airways
church observatory monitor observer sheriff sheriffs commission commissioners jail deputies officials
mayor schools school hospital clinic prison police district board
""".split())

#: Organisation words of armed groups: a place before them names a unit, not the place ("Hamza
#: Division", "Tiger Forces", "Sham Legion").
ARMED_WORDS: frozenset[str] = frozenset("""
army forces force front brigade brigades battalion battalions division regiment corps guard guards
militia militias legion command movement coalition alliance party group martyrs lions falcons
""".split())

GROUP_PREFIXES: frozenset[str] = frozenset(
    "jaish liwa harakat jabhat ahrar hayat hayat faylaq kataib saraya jund ansar fatah tahrir".split()
)

#: Multi-word names that collide with places but are institutions or events.
NOT_PLACE_PHRASES: frozenset[str] = frozenset({
    "white house", "notre dame", "world cup", "wall street", "downing street", "capitol hill",
    "new york times", "washington post", "jaish al fatah", "tiger forces", "holy see",
})

MONTHS_WEEKDAYS: frozenset[str] = frozenset(w for w in NOT_PLACES if len(w) >= 3 and w.isalpha())
