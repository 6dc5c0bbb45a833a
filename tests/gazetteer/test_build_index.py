"""A small index built from our curated file and user sources (no package sources): fast."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from frontwatch.errors import InputError, NotFound
from frontwatch.gazetteer import build, syria_module
from frontwatch.gazetteer.index import Gazetteer, load

FIX = Path(__file__).parents[1] / "fixtures" / "geoparse" / "gazetteer"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    out = tmp_path_factory.mktemp("gaz") / "small.built.pickle"
    syria, _ = syria_module.compile_csv(FIX / "syria_sample.csv", out.parent / "syria.tsv.gz")
    build.build(out, user_files=[str(FIX / "user_places.csv"), str(FIX / "user_places.geojson")],
                geonames_dumps=[str(FIX / "SY_sample.txt")], syria=str(syria), base=False)
    return load(str(out))


def test_compile_syria_skips_invalid_rows(tmp_path: Path) -> None:
    path, n = syria_module.compile_csv(FIX / "syria_sample.csv", tmp_path / "s.tsv.gz")
    assert n == 2
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith("name\tlat\tlon\tfeature")
    places = list(syria_module.places(path))
    assert {p.id for p in places} == {"sy:tall-shahim", "sy:kafr-nubl-kafr-nubl-airstrip"}
    assert places[1].alt_names == ("Kafr Nubl", "Kafr Nubl Airstrip")


def test_shipped_syria_file_is_small() -> None:
    assert syria_module.compiled_path().stat().st_size < 1_000_000


def test_get_lookup_and_children(small: Gazetteer) -> None:
    citadel = small.get("cu:aleppo-citadel")
    assert citadel.feature == "landmark" and 36.1 < citadel.lat < 36.3
    assert [p.id for p in small.lookup("Sjeikh Maqsud")] == ["cu:sheikh-maqsoud"]
    east = {p.id for p in small.children("cu:east-aleppo")}
    assert {"cu:bab-al-nayrab", "cu:salheen"} <= east and "cu:hamdaniyah" not in east
    assert small.get("cu:salheen").parents[0] == "cu:east-aleppo"
    ghouta_towns = {p.id for p in small.children("cu:east-ghouta")}
    assert {"cu:zamalka", "cu:arbin"} <= ghouta_towns
    with pytest.raises(NotFound):
        small.get("gn:0")


def test_user_sources_take_part(small: Gazetteer) -> None:
    cp = small.lookup("Qalat al-Madiq checkpoint")
    assert cp and cp[0].id == "u:user-places:mudiq-cp" and cp[0].source == "user:user_places.csv"
    assert small.lookup("Shambat Bridge")[0].country == "SD"
    assert not small.lookup("ignored")
    assert small.lookup("Kafr Nubl")[0].id.startswith("sy:")


def test_find_ranks_by_context(small: Gazetteer) -> None:
    found = small.find("Old City", near=(36.34, 43.13))
    assert found[0].place.id == "cu:mosul-old-city"
    found = small.find("Old City", near=(36.2, 37.16))
    assert found[0].place.id == "cu:aleppo-old-city"


def test_places_filters_and_info(small: Gazetteer) -> None:
    hoods = list(small.places(bbox=(37.0, 36.0, 37.3, 36.4), features={"neighbourhood"}))
    assert hoods and all(p.feature == "neighbourhood" for p in hoods)
    info = small.info()
    assert info["places"] == len(small)
    assert any("Syrian Civil War detailed map" in a for a in info["attribution"])
    assert any("user_places.csv" in a for a in info["attribution"])


def test_bad_user_file_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nSomewhere,95,10\n", encoding="utf-8")
    with pytest.raises(InputError, match="out of range"):
        build.build(tmp_path / "x.pickle", user_files=[str(bad)], base=False)


def test_load_missing_explicit_path_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        load(str(tmp_path / "nope.pickle"))


def test_geonames_dump_places_take_part(small: Gazetteer) -> None:
    found = small.lookup("Karyet Test")
    assert found and found[0].id == "gn:9990001" and found[0].feature == "village"
    assert small.get("gn:9990002").feature == "mountain"
    assert any("SY_sample.txt" in a for a in small.info()["attribution"])


def test_user_sources_are_recorded_and_kept_on_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "m.built.pickle"
    syria, _ = syria_module.compile_csv(FIX / "syria_sample.csv", tmp_path / "syria.tsv.gz")
    user = tmp_path / "mine.csv"
    user.write_text((FIX / "user_places.csv").read_text(encoding="utf-8"), encoding="utf-8")
    build.build(out, user_files=[str(user)], syria=str(syria), base=False)
    assert build.recorded_sources(out)["add"] == [str(user.resolve())]
    # rebuilt without naming the file again: its places are still there
    _, info = build.build(out, syria=str(syria), base=False)
    assert info["user_sources"]["add"] == [str(user.resolve())]
    assert any(k.startswith("user mine.csv") for k in info["counts"])
    # the flag drops them (and the manifest goes)
    _, info = build.build(out, syria=str(syria), base=False, keep_user_sources=False)
    assert not any(k.startswith("user ") for k in info["counts"])
    assert not build.manifest_path(out).exists()
