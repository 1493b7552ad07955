"""The reference deliberation (Pas-de-Calais CP, 17 June 2024, N°2024-273) in every rendering: the sample PDFs
(conftest.SEED_SAMPLES: ruled and unruled budget tables, other page sizes, fonts, justification, two-column
conventions) and its flattened text layer. Expected values written by hand from the seed
(tests/expected/samples__seed.json and the literals below)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from conftest import REPO, SAMPLE_A, SAMPLE_B, SAMPLES, SEED_SAMPLES
from models.records import Document, FileResult
from pipeline.extract.deliberation import extract_deliberations
from pipeline.normalize.names import name_key
from pipeline.process import process_file
from pipeline.segment import segment
from pipeline.textdoc import text_to_document

EXPECTED = json.loads((REPO / "tests/expected/samples__seed.json").read_text(encoding="utf-8"))


def seed_text_result() -> FileResult:
    doc = text_to_document((SAMPLES / "seed.txt").read_text(encoding="utf-8"), "seed.txt")
    result = FileResult(Document(doc_id=doc.doc_id, source_file="seed.txt", status="ok"))
    extract_deliberations(doc, segment(doc), result)
    return result


@pytest.fixture(scope="module", params=[f"sample_{p.stem[-1]}" for p in SEED_SAMPLES] + ["seed_text"])
def result(request) -> FileResult:
    if request.param == "seed_text":
        return seed_text_result()
    return process_file({f"sample_{p.stem[-1]}": p for p in SEED_SAMPLES}[request.param])


def test_one_deliberation_with_its_header_and_signature(result):
    (delib,) = result.rows["deliberations"]
    exp = EXPECTED["deliberations"][0]
    assert delib.delib_id == "2024-273"
    assert delib.collectivite == exp["collectivite"]
    assert delib.assembly == exp["assembly"]
    assert delib.session_date == date(2024, 6, 17)
    assert (delib.president, delib.secretary) == (exp["president"], exp["secretary"])
    assert (delib.n_present, delib.n_excused, delib.n_absent, delib.n_excused_no_vote) == (37, 2, 5, 4)
    assert delib.n_articles == 14
    assert (delib.signatory, delib.signed_place, delib.signed_date) == ("Jean-Claude LEROY", "ARRAS", date(2024, 6, 17))


def test_the_title_without_the_number_printed_under_it(result):
    # style d sets "(N°2024-273)" close under the title, in the same paragraph: a line that is the number alone
    # is not part of the title
    (delib,) = result.rows["deliberations"]
    assert delib.title == EXPECTED["deliberations"][0]["title"]


def test_every_member_with_status_and_civility(result):
    got = [(r.status, r.civility, r.name) for r in result.rows["attendance"]]
    assert got == [(r["status"], r["civility"], r["name"]) for r in EXPECTED["attendance"]]
    assert all(r.delib_id == "2024-273" and r.page == 1 for r in result.rows["attendance"])
    assert result.rows["attendance"][1].name_key == "MIREILLE HINGREZ-CEREDA"


def test_every_recusal_in_its_block(result):
    got = [(r.block, r.civility, r.name, r.kind) for r in result.rows["recusals"]]
    assert got == [(r["block"], r["civility"], r["name"], r["kind"]) for r in EXPECTED["recusals"]]
    by_block = Counter(r.block for r in result.rows["recusals"])
    assert by_block == {1: 18, 2: 5, 3: 6, 4: 11}
    # every recused member is found in the attendance lists, accents aside ("PÉRIN" / "PERIN")
    assert all(r.member_status for r in result.rows["recusals"])
    assert {r.member_status for r in result.rows["recusals"] if r.kind == "interested_absent"} == {"absent"}


def test_four_votes_that_sum_to_44(result):
    votes = result.rows["votes"]
    got = [(v.block, v.articles, v.pour, v.contre, v.abstention, v.absents_no_delegation, v.outcome, v.unanimous)
           for v in votes]
    assert got == [(v["block"], v["articles"], v["pour"], v["contre"], v["abstention"], v["absents_no_delegation"],
                    v["outcome"], v["unanimous"]) for v in EXPECTED["votes"]]
    assert all(v.pour + v.contre + v.abstention + v.absents_no_delegation == 44 for v in votes)


def test_fourteen_articles(result):
    got = [(a.article, a.block, a.kind, a.amount, a.n_items, a.annexes, a.counterparty, a.cited_articles)
           for a in result.rows["articles"]]
    assert got == [(a["article"], a["block"], a["kind"], Decimal(a["amount"]) if a["amount"] else None, a["n_items"],
                    a["annexes"], a["counterparty"], a["cited_articles"]) for a in EXPECTED["articles"]]


BUDGET = [
    ("C02-446A05", "6568/93446", "Indemnisation des organismes référents", "8395650.00", "5867917.70"),
    ("C02-428C02", "6568/93428", "Accompagnement des jeunes", "667500.00", "561140.00"),
    ("C01-444H03", "6568/93444", "Référent insertion professionnelle", "1583100.00", "1259869.05"),
    ("C01-444H02", "6568/93444", "Appui aux parcours intégrés 2021-2027", "13989480.46", "687145.98"),
    ("C02-428O10", "6568/93428", "Agence départementale pour l’information sur le logement (EPF)", "100000.00",
     "100000.00"),
    ("C02-428B02", "6568/93428", "Logement des Jeunes", "600000.00", "532000.00"),
    ("C02-441B02", "6568/93441", "Inclusion budgétaire (EPF)", "60000.00", "45000.00"),
    ("C02-428B04", "6568/93428", "Politique inclusive en faveur du logement", "2870691.00", "657200.24"),
]


def test_the_eight_budget_lines(result):
    got = [(b.code_operation, b.imputation, b.label, b.ae, b.depense) for b in result.rows["budget_lines"]]
    assert got == [(c, i, lbl, Decimal(ae), Decimal(d)) for c, i, lbl, ae, d in BUDGET]
    assert sum(b.depense for b in result.rows["budget_lines"]) == Decimal("9710272.97")
    assert len({b.page for b in result.rows["budget_lines"]}) == 1


# theme -> [(operation, amount, fund)]
OPERATIONS = {
    1: [("1 et 1.bis", "1525742.70", None), ("2", "914100", None), ("3", "1703600", None), ("4", "2415375", None),
        ("5", "185000", None), ("6", "38200", None), ("7", "345769.05", None)],
    2: [("1", "100000", None), ("2", "45000", None), ("3", "18000", "FSL"), ("4", "157200.24", None),
        ("complémentaire 1", "37130.40", "FSL"), ("complémentaire 2", "36099", "FSL"),
        ("complémentaire 3", "20000", "FSL"), ("complémentaire 4", "600000", None)],
    3: [("1", "50000", None), ("2", "250000", None), ("3", "28907.31", None), ("4", "358238.67", None)],
    4: [("1", "30000", None), ("2", "52000", None), ("3", "350000", None), ("4", "561140", None)],
}


def test_report_operations_of_the_four_themes(result):
    ops = result.rows["operations"]
    got = {}
    for op in ops:
        got.setdefault(op.theme, []).append((op.operation, op.amount, op.fund))
    assert got == {t: [(n, Decimal(a), f) for n, a, f in rows] for t, rows in OPERATIONS.items()}
    assert {op.annex for op in ops} == {2}
    # theme 1 adds up to article 1; theme 3 to article 10; theme 4 to article 12
    for theme, total in ((1, "7127786.75"), (3, "687145.98"), (4, "993140.00")):
        assert sum(op.amount for op in ops if op.theme == theme) == Decimal(total)
    first = ops[0]
    assert (first.n_structures, first.places, first.dispositif) == (7, 18801, ["1.1", "1.1 bis"])
    assert (first.period_start, first.period_end) == (date(2024, 1, 1), date(2025, 12, 31))


CONVENTIONS = [  # annex, kind, avenant_no, ref, counterparty, siret, representative, signatory, amount, period
    (7, "avenant", 2, "2023-01628", "Cheval Bleu", "48054398200023", "Marie-Andrée PAU", "Marie-Andrée PAU",
     "185000", (date(2024, 1, 1), date(2024, 12, 31))),
    (8, "avenant", 1, "2023-06665", "Centre National de la Fonction Publique Territoriale (CNFPT)", None,
     "Elisa LOOSFELD", "Elisa LOOSFELD", "52800", (None, None)),
    (9, "convention", None, None,
     "Association interdépartementale D’Information sur le Logement du Nord et du Pas-de-Calais",
     "34309733300078", "Jean-Noël VERFAILLIE", "Jean-Noël VERFAILLIE", "18000", (date(2024, 1, 1), date(2024, 12, 31))),
    (10, "avenant", None, None, "BLANZY POURRE", "48782289200013", "Olivier CARON", "Olivier CARON", "37130.40",
     (date(2024, 1, 1), date(2024, 12, 31))),
    (11, "avenant", None, None, "Résidence Pour Tous", "41351608900013", "Jean-Claude LOUIS", "Gérard FONTAINE",
     "36099", (date(2024, 1, 1), date(2024, 12, 31))),
    (12, "avenant", None, None, "FACE Côte d’Opale", None, "Hélène GUY", "Hélène GUY", "20000",
     (date(2024, 1, 1), date(2024, 12, 31))),
    (13, "convention", None, "2024-04102", "Caisse d’Allocation Familiales du Pas-de-Calais", None,
     "Jean-Jacques PION", "Jean Jacques PION", "600000", (None, date(2027, 12, 31))),
]


def test_the_seven_conventions_and_avenants(result):
    got = [(c.annex, c.kind, c.avenant_no, c.convention_ref, c.counterparty, c.siret, c.representative, c.signatory,
            c.amount, (c.period_start, c.period_end)) for c in result.rows["conventions"]]
    assert got == [row[:8] + (Decimal(row[8]),) + row[9:] for row in CONVENTIONS]
    assert all(c.siret_valid for c in result.rows["conventions"] if c.siret)
    cnfpt = result.rows["conventions"][1]
    assert cnfpt.ibans == ["FR7610071750000000100516217"]


def test_the_cheval_bleu_payment_schedule(result):
    payments = [p for p in result.rows["payments"] if p.annex == 7]
    got = [(p.rank, p.amount, p.kind, p.budget_year) for p in payments]
    assert got == [(1, Decimal("69000"), "advance", 2023), (2, Decimal("111000"), "advance", 2024),
                   (3, Decimal("46000"), "interim", 2023), (4, None, "balance", 2024)]
    assert payments[2].condition.startswith("à verser avant le 31 décembre 2024, sous réserve de transmission")


def test_amounts_keep_their_section_and_context(result):
    amounts = result.rows["amounts"]
    article1 = [a for a in amounts if a.section == "article 1"]
    assert [(a.raw, a.value) for a in article1] == [("7 127 786,75 €", Decimal("7127786.75"))]
    assert "pour un montant total de 7 127 786,75 €" in article1[0].context
    budget = [a for a in amounts if a.section == "budget"]
    assert len(budget) == 16 and sum(a.value for a in budget if a.raw == "5 867 917,70") == Decimal("5867917.70")
    assert all(len(a.context) <= 200 for a in amounts)
    assert any(a.section == "annexe 2" and a.value == Decimal("1525742.70") for a in amounts)


@pytest.mark.parametrize("sample, pages", [(SAMPLE_A, [2, 3, 3, 4]), (SAMPLE_B, [3, 4, 4, 5])])
def test_votes_keep_their_page(sample, pages):
    assert [v.page for v in process_file(sample).rows["votes"]] == pages


def test_name_keys_match_two_spellings():
    keys = {name_key(r.name) for r in seed_text_result().rows["recusals"]}
    assert "ETIENNE PERIN" in keys and "MIREILLE HINGREZ-CEREDA" in keys
