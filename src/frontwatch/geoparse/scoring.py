"""Resolution weights and tables: feature classes, cue-word feature hints, score bonuses,
facility and site words, far-namesake limits, and ACLED geo-precision."""

from __future__ import annotations

import re

from frontwatch.model import Place

#: Features that are a "place itself" at ACLED precision 1.
POINT_FEATURES = frozenset({
    "city", "town", "village", "neighbourhood", "landmark", "military_base", "station", "airport",
    "industrial", "hill", "port", "dam", "oil_gas", "place", "mountain",
})
AREA_FEATURES = frozenset({"country", "admin1", "admin2", "admin", "region"})
HINT_FEATURES: dict[str, frozenset[str]] = {
    "district": frozenset({"district", "neighbourhood", "admin2"}),
    "neighbourhood": frozenset({"neighbourhood", "district"}),
    "neighborhood": frozenset({"neighbourhood", "district"}),
    "quarter": frozenset({"neighbourhood", "district"}),
    "suburb": frozenset({"neighbourhood", "town", "village"}),
    "village": frozenset({"village", "town"}),
    "town": frozenset({"town", "village", "city"}),
    "city": frozenset({"city", "town"}),
    "province": frozenset({"admin1"}),
    "governorate": frozenset({"admin1"}),
    "region": frozenset({"region", "admin1"}),
    "county": frozenset({"admin2"}),
    "oblast": frozenset({"admin1"}),
    "station": frozenset({"station", "neighbourhood"}),
    "base": frozenset({"military_base"}),
    "airbase": frozenset({"military_base", "airport"}),
    "airport": frozenset({"airport", "military_base"}),
    "hill": frozenset({"hill"}),
    "countryside": frozenset({"city", "town", "admin1"}),
}
MAX_CANDIDATES = 24
FOCUS_BONUS = 0.8
#: Divisions that are countries in common usage: their own name means them, as a country's does.
COUNTRY_LIKE = frozenset({"ad:GB.ENG", "ad:GB.SCT", "ad:GB.WLS", "ad:GB.NIR"})
#: Inside a region (state, province) the document names; inside the region most names are in.
NAMED_REGION_BONUS = 0.8
FOCUS_ADMIN_BONUS = 0.4
#: "Richmond, Va.", "Toronto, Ontario", "Paris, France": the first inside the second.
APPOSITION_BONUS = 1.5
#: Nearness to the other places named (degrees, bonus), nearest band first.
NEAR_BANDS: tuple[tuple[float, float], ...] = ((0.5, 0.4), (3.0, 0.2))
#: Nearness to places whose names have no close rival reading (score margin >= SURE_MARGIN).
SURE_MARGIN = 0.8
SURE_NEAR_BANDS: tuple[tuple[float, float], ...] = ((0.5, 0.4), (1.5, 0.2))
#: The one state holding readings of the most distinct names (at least COVER_MIN): its places gain.
COVER_MIN = 2
COVER_BONUS = 0.3
#: A continent's or a sea's region-level bonus (it lies in no country, so no focus can hold it).
SPANS_BONUS = 1.2
#: The most the region-level bonuses above add up to (they restate one piece of evidence).
REGION_CAP = 1.8
#: Context rounds at most (each takes its context from the previous round's choices).
ROUNDS = 3
#: A name followed by one of these words is a street or a building ("Press Street", "Eva's
#: Village"): when its best reading lies far from the city being discussed, it is a site there.
FACILITY_RE = re.compile(
    r"(?:['’]s)?\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.?|Lane|Parkway|Pkwy"
    r"|Terrace|Highway|Place|Square|Plaza|Mall|Center|Centre|High School|Elementary|School|Academy|College"
    r"|Church|Cathedral|Chapel|Library|Hospital|Medical|Stadium|Arena|Cinema|Theatre|Theater|Hotel|Inn"
    r"|Village|Campus|Embassy|Court|Hall|Tower|Building|Market)\b")
#: How far (degrees) a facility's own reading may lie from the focus city and still stand.
FACILITY_KEEP_DEG = 0.5
#: Readings a facility name may lose to the city being discussed (a county's, a state's or a
#: country's name in "Laurel County School District" is that place), and how often that city
#: must be named to be trusted as the setting.
FACILITY_OVERRIDES = frozenset({"village", "town", "region", "place"})
FACILITY_CITY_MENTIONS = 2
#: Features that are themselves a site (a station named so is the place itself).
SITE_FEATURES = frozenset({"station", "landmark", "military_base", "airport", "port", "dam", "industrial", "oil_gas"})
URBAN_HINTS = frozenset({"neighbourhood", "neighborhood", "district", "quarter", "suburb", "station"})
#: Cue words naming a site inside a place ("the al-Madi station"): the mention is part of it.
SITE_HINTS = frozenset({
    "station", "hospital", "mosque", "square", "roundabout", "bridge", "crossing", "checkpoint", "road",
    "highway", "junction", "refinery", "dam", "base", "airbase", "airport", "camp", "oilfield", "gas field",
})


#: A loose reading (skeleton, fuzzy, or a key equal to a name not written so) outside the
#: focus country and farther than this from every other place the document names is a far
#: namesake ("al-Kifah" in Tal Afar read as Kiffa, Mauritania): the name stays unresolved.
FAR_LOOSE_KM = 1200.0
#: A place this populous (or a capital, a country, a division) is well-known enough to keep.
MAJOR_POPULATION = 500_000


def geo_precision(place: Place | None, relation: str | None) -> int:
    if place is None:
        return 2
    if place.feature in AREA_FEATURES:
        return 3
    if relation or place.feature not in POINT_FEATURES:
        return 2
    return 1
