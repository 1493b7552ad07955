"""Text-layer corpus files against their hand-written ground truth (../shared/corpus/*.gold.json, GOLD.md): the
attendance lists, the printed tallies and the session's header, exactly. Each case names the formula it checks."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, needs_corpus
from pipeline.process import process_file

pytestmark = needs_corpus

# (file, what it checks). Scans are left to the OCR tests.
CASES = [
    ("bourg-en-bresse/deliberation-2016-02-01-n2016.02.16.pdf",
     "'Excusés ayant donné procuration : A à B'; 'A L'UNANIMITE des votants (31 voix), 8 abstentions'"),
    ("larbresle/compte-rendu-cm-2013-07-09.pdf", "'Etait absent, excusé et a donné pouvoir : A à B, …'"),
    ("cc_lisieres_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf",
     "'Étaient présents :' then 'Titulaires :'; 'Absents et absent(s) excusé(s) :'; counts '(25)'"),
    ("fargues-saint-hilaire/pv-cm-2018-12-13.pdf", "'POUR | 21' label-number rows; 'Délibération D2018-67'"),
    ("aiglun/CR CM 19122013.pdf", "'Vote favorable à l'unanimité' closing '1. Tarifs …' items"),
    ("montpellier/2014-04-05-0000070899.pdf", "'sous la présidence de Monsieur le doyen d'âge …, Max LEVITA'"),
    ("pierrefonds/20241210-PV.pdf", "'D2024-48 - Objet : …' headings"),
    # ground truth written this round from the page images, kept in bench/gold (a council with none in the corpus)
    ("couthenans/CR_conseil_municipal_24_02_2023.pdf", "first names only; 'Marc (pouvoir donné Patrick)'; '10 votes "
                                                       "pour, 2 abstentions' at the end of each item"),
    ("couthenans/CR_reunion_20210604.pdf", "'Adeline (procuration à Mario)' under 'Présents' and excused in a "
                                           "note; 'Vote : 14 pour / 0 contre / 0 abstention adopté'"),
]
BENCH_GOLD = REPO / "bench" / "gold"


def gold_file(relative: str) -> Path:
    """The corpus's own ground truth, else the one kept in bench/gold (written by reading the PDF's pages)."""
    own = CORPUS / (relative + ".gold.json")
    return own if own.exists() else BENCH_GOLD / (relative + ".gold.json")


def key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return " ".join(sorted("".join(c for c in s if not unicodedata.combining(c)).upper().split()))


@pytest.fixture(scope="module", params=[c[0] for c in CASES], ids=[c[0].split("/")[0] for c in CASES])
def case(request):
    gold = json.loads(gold_file(request.param).read_text(encoding="utf-8"))
    return gold, process_file(CORPUS / request.param)


def test_attendance_is_the_printed_lists(case):
    gold, result = case
    status = {"excused_no_vote": "excused"}
    found = {(status.get(a.status, a.status), key(a.name)) for a in result.rows.get("attendance", [])}
    expected = {(s, key(n)) for s in ("present", "excused", "absent") for n in gold["attendance"].get(s, [])}
    assert found == expected


def test_proxies_name_their_holder(case):
    gold, result = case
    found = {(key(a.name), key(a.proxy_to)) for a in result.rows.get("attendance", []) if a.proxy_to}
    assert found == {(key(p["from"]), key(p["to"])) for p in gold["attendance"].get("proxies", [])}


def test_printed_tallies(case):
    gold, result = case
    expected = Counter((d["pour"], d["contre"] or 0, d["abstention"] or 0)
                       for d in gold["deliberations"] if d.get("pour") is not None)
    found = Counter((v.pour, v.contre or 0, v.abstention or 0) for v in result.rows.get("votes", [])
                    if v.pour is not None)
    assert found == expected


def test_sitting_date_president_and_kind(case):
    gold, result = case
    delibs = result.rows["deliberations"]
    assert {d.session_date.isoformat() for d in delibs} == {gold["session_date"]}
    assert {key(d.president) for d in delibs if d.president} == ({key(gold["president"])} if gold["president"] else set())
    assert result.document.kind == ("deliberation" if len(gold["deliberations"]) == 1 else "session_record")


@pytest.mark.parametrize("path", [
    "larbresle/compte-rendu-cm-2013-07-09.pdf",  # "M. PERRAUD est désigné(e) en tant que secrétaire de séance."
    "bourg-en-bresse/deliberation-2016-02-01-n2016.02.16.pdf", "aiglun/CR CM 19122013.pdf",
    "pierrefonds/20241210-PV.pdf", "fargues-saint-hilaire/pv-cm-2018-12-13.pdf",  # "Secrétaire(s) de séance : …"
    # in the agenda's bulleted items: "▪ Désignation d'un secrétaire de séance (…) : Mme Anne-Marie DEFRANCE a été
    # désignée."
    "cc_lisieres_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf",
])
def test_the_secretary_is_the_member_the_lists_name(path):
    """The secretary as the gold names them: a surname alone is spelt as the lists print the one member of that
    surname ("PERRAUD" -> "Jean-Claude PERRAUD")."""
    gold = json.loads((CORPUS / (path + ".gold.json")).read_text(encoding="utf-8"))
    result = process_file(CORPUS / path)
    assert {d.secretary for d in result.rows["deliberations"]} == {gold["secretary"]}


@pytest.mark.parametrize("path,collectivite", [
    ("fargues-saint-hilaire/pv-cm-2018-12-13.pdf", "Commune de FARGUES SAINT-HILAIRE"),  # in the opening sentence
    ("cc_lisieres_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf", "Communauté de Communes des Lisières de L’Oise"),
    ("montpellier/CR_CM_20_06_2011.pdf", "Ville de Montpellier"),  # "Ville de Montpellier, le mercredi 22 juin 2011"
    ("flaux/PV DU 17 NOVEMBRE-tampon.pdf", None),  # "DEPARTEMENT du GARD" is where the commune lies, not who sits
])
def test_the_collectivite_is_the_councils_own(path, collectivite):
    result = process_file(CORPUS / path)
    assert {d.collectivite for d in result.rows["deliberations"]} == {collectivite}
