"""Derive actor rows from the PETRARCH2/Phoenix non-state actor dictionary (MIT licence).

    python -m frontwatch.extract.seed PATH/TO/Phoenix.MilNonState.actors.txt >> actors.csv

Phoenix lists each group as ``NAME_ [CCCREB] # note`` followed by ``+ALIAS_`` lines, where
``CCC`` is the ISO 3166 alpha-3 code of the country and ``REB``/``INS`` marks rebels or
insurgents. Only groups of the theatres in :data:`THEATRES` are kept, as inter code 2 with
their own id as side; one-word names are dropped (too easily an ordinary word), and the
``source`` column credits the file. This was run once to seed the packaged dictionary; the
output is reviewed by hand before it is appended.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from string import capwords
from pathlib import Path

THEATRES = {"SYR": "SY", "IRQ": "IQ", "YEM": "YE", "LBY": "LY", "UKR": "UA", "SDN": "SD", "MLI": "ML", "BFA": "BF",
            "NER": "NE", "MMR": "MM", "COD": "CD", "SOM": "SO", "NGA": "NG", "AFG": "AF", "LBN": "LB"}
SOURCE = "derived from PETRARCH2 Phoenix.MilNonState.actors.txt (MIT, openeventdata/petrarch2)"
_HEAD = re.compile(r"^([^+#\s][^\[]*?)\s*\[([A-Z]{3})(REB|INS)\]")


def _name(raw: str) -> str:
    return " ".join(w for w in raw.strip().strip("_").replace("_", " ").split())


def _keep(alias: str) -> bool:
    return len(alias.split()) >= 2  # Phoenix writes every name in capitals: acronyms cannot be told apart


def entries(path: Path, known: set[str]) -> Iterator[list[str]]:
    """CSV rows for the groups of :data:`THEATRES`, skipping aliases already in ``known`` (lower case)."""
    group: list[str] | None = None
    for line in [*path.read_text(encoding="utf-8", errors="replace").splitlines(), ""]:
        m = _HEAD.match(line)
        if m or not line.startswith("+"):
            if group is not None:
                yield group
                group = None
        if m and m.group(2) in THEATRES:
            name = _name(re.sub(r"\(.*?\)", "", m.group(1)))
            if name.lower() in known:
                continue  # curated by hand already
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            group = [f"{THEATRES[m.group(2)].lower()}-px-{slug}", capwords(name), "", "2", "", THEATRES[m.group(2)], "", "", SOURCE]
            aliases = [capwords(name)] if _keep(name) else []
            group[2] = "|".join(aliases)
        elif line.startswith("+") and group is not None:
            alias = _name(re.sub(r"\(.*?\)", "", line[1:]))
            if alias and _keep(alias) and alias.lower() not in known and "+" not in alias:
                group[2] = "|".join(filter(None, [group[2], capwords(alias)]))


def main(argv: list[str]) -> int:
    from frontwatch.extract.actors import load_default

    known = {x.lower() for a in load_default().actors.values() for x in (a.name, *a.aliases)}
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for row in entries(Path(argv[0]), known):
        if row[2]:
            writer.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
