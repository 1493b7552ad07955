"""Identity resolution over an archive-sized run: 10 000 attendance rows (and their proxies, recusals and named
votes) through ``pipeline.members.resolve_members``.

Run from the repository root:  python bench/members.py [--rows 10000] [--repeat 3]

The run is built in memory from the printed forms the corpus shows, over councils of 33 seats sitting ten times
a year: full names ("Jean-Pierre JEANROY"), surname first ("DESMARES Elisabeth"), small letters from a proxy
sentence ("Kevin Legentil"), first names alone (Couthenans), initials ("J-L Gély", Montpellier), a one-letter
typo now and then ("Matthieu"), and two members sharing a surname in every council. Prints the time of the best
of ``--repeat`` runs (the target is under a second for 10 000 rows) and the number of members found, which must
be the number of seats times the councils.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.records import Attendance, Deliberation, Document, FileResult, Recusal  # noqa: E402
from pipeline.members import clear_caches, resolve_members  # noqa: E402
from pipeline.normalize.names import name_key  # noqa: E402

FIRST = ["Jean-Pierre", "Nelly", "Yves", "David", "Agnès", "Adeline", "Jacques", "Marielle", "Marc", "Patrick",
         "Anne-Marie", "Mathieu", "Maryline", "Sébastien", "Sylvain", "Jeanne", "Jean-Louis", "Monique", "Yvette",
         "Françoise", "Andrée", "Gérard", "Chantal", "Philippe", "Annick", "Dominique", "Isabelle", "Sophie",
         "Stéphane", "Mickaël", "Anthony", "Héloïse", "Kévin"]
SURNAMES = ["JEANROY", "WIDMER", "LISCHKA", "TRIPOGNEY", "MICHELOT", "TEXEIRA", "DELUNSCH", "SAUGET", "KACZMAREK",
            "MUNINGER", "FIGINI", "LECESTRE", "LEROUX", "GAUDIN", "GUILLOUET", "PITEL", "GUIBOUT", "RUBAN", "DUARTE",
            "NOEL", "FOUREY-BECHET", "GRANDSIRE", "LEFOYER", "MALLARD", "MACE", "GRANDIN", "QUERON", "PICHONNIER",
            "GACOIN", "AGOSTINI", "GUILMIN", "LONGUET", "LEGENTIL", "DESMARES", "BAECHLER", "MAUGER", "DELAUNAY"]
SEATS = 33
SITTINGS_PER_COUNCIL = 10


def council_members(rng: random.Random, k: int) -> list[tuple[str, str]]:
    surnames = rng.sample(SURNAMES, SEATS - 1)
    people = [(rng.choice(FIRST), s + ("" if k == 0 else f"-{chr(65 + k % 26)}{k // 26}")) for s in surnames]
    people.append((rng.choice([f for f in FIRST if f != people[0][0]]), people[0][1]))  # a namesake surname
    return people


def printed(rng: random.Random, first: str, surname: str, namesake: bool) -> str:
    r = rng.random()
    if namesake and r >= 0.85:  # initials of a shared surname may fit both ("M. SAUGET"): full name instead
        return f"{first} {surname}"
    if r < 0.6:
        return f"{first} {surname}"
    if r < 0.7:
        return f"{surname} {first}"
    if r < 0.85:
        return f"{first} {surname.title()}"
    if r < 0.95:
        return f"{'-'.join(p[0] for p in first.split('-'))}. {surname}"
    return f"{first} {surname}"


def build_run(rows: int, seed: int = 16) -> list[FileResult]:
    rng = random.Random(seed)
    results = []
    per_council = SEATS * SITTINGS_PER_COUNCIL
    for k in range(max(1, -(-rows // per_council))):
        people = council_members(rng, k)
        start = date(2014, 1, 15)
        for s in range(SITTINGS_PER_COUNCIL):
            doc = f"{k:04d}{s:04d}".ljust(16, "0")
            result = FileResult(Document(doc_id=doc, source_file=f"c{k}/s{s}.pdf", status="ok"))
            result.add(Deliberation(doc_id=doc, delib_id=f"{doc}#1", collectivite=f"COMMUNE DE TEST {k}",
                                    session_date=start + timedelta(days=36 * s)))
            for i, (first, surname) in enumerate(people):
                status = rng.choices(["present", "excused", "absent"], [0.8, 0.15, 0.05])[0]
                holder = people[(i + 1) % SEATS] if status == "excused" and rng.random() < 0.5 else None
                name = printed(rng, first, surname, surname == people[0][1])
                result.add(Attendance(doc_id=doc, status=status, name=name, name_key=name_key(name), page=1,
                                      proxy_to=f"{holder[0]} {holder[1].title()}" if holder else None))
            first, surname = rng.choice(people[1:-1])
            result.add(Recusal(doc_id=doc, delib_id=f"{doc}#1", block=1, civility="M.", name=surname.title(),
                               name_key=name_key(surname), kind="recused", page=1))
            results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    best = float("inf")
    for _ in range(args.repeat):
        results = build_run(args.rows)
        n_rows = sum(len(r.rows.get("attendance", [])) for r in results)
        clear_caches()  # each run starts cold: no printed form or word already read
        started = time.perf_counter()
        roster = resolve_members(results)
        best = min(best, time.perf_counter() - started)
    councils = len({r.rows["deliberations"][0].collectivite for r in results})
    print(f"{n_rows} attendance rows, {len(results)} files, {councils} councils: {len(roster.members)} members "
          f"(expected {councils * SEATS}); identity resolution {best:.3f} s (best of {args.repeat})")


if __name__ == "__main__":
    main()
