"""Rebuild ``collectivites.csv`` from the official dataset ``@etalab/decoupage-administratif`` (npm package).

    npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-decoupage-administratif-6.0.0.tgz
    python pipeline/export/data/make_collectivites.py package/data pipeline/export/data/collectivites.csv

The package is Etalab's (DINUM) JSON of the INSEE Code officiel géographique with the SIREN of each commune and
EPCI (from the Banatic base of the DGCL). See README.md beside this file.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

EPCI_KINDS = {"CC": "communauté de communes", "CA": "communauté d'agglomération", "CU": "communauté urbaine",
              "METRO": "métropole", "MET69": "métropole"}


def rows(data: Path) -> list[dict]:
    def load(name: str) -> list[dict]:
        return json.loads((data / name).read_text(encoding="utf-8"))

    out = [{"kind": "region", "code": r["code"], "nom": r["nom"], "siren": "", "departement": ""}
           for r in load("regions.json")]
    out += [{"kind": "departement", "code": d["code"], "nom": d["nom"], "siren": "", "departement": d["code"]}
            for d in load("departements.json")]
    out += [{"kind": "epci", "code": e["code"], "nom": e["nom"], "siren": e["code"], "departement": ""}
            for e in load("epci.json")]
    out += [{"kind": "commune", "code": c["code"], "nom": c["nom"], "siren": c.get("siren", ""),
             "departement": c.get("departement", "")}
            for c in load("communes.json") if c.get("type") == "commune-actuelle"]
    return out


def main(data: str, target: str) -> None:
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["kind", "code", "nom", "siren", "departement"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(Path(data)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
