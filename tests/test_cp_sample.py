"""The second reference-genre sample (samples/make_cp_sample.py, rendered with fpdf2): a Commission permanente
deliberation of another département, its budget table (Programme | Chapitre | Nature | Fonction | Libellé |
Crédits disponibles | Montant proposé, horizontal rules only, cut by a page break, subtotals and a total) and two
unlabelled annexes (a convention and an avenant). Expected values written by hand from the text of the script."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from conftest import CORPUS, SAMPLES, load_script, needs_corpus
from models.records import FileResult
from pipeline.extract import budget
from pipeline.process import process_file
from pipeline.reconcile import RULES, evaluate

SAMPLE = SAMPLES / "dordogne_cp_2024-09-09_n24-cp-0412.pdf"

BUDGET_LINES = [
    ("Insertion", "65/6574/564", "Les Jardins de la Vézère - chantier d'insertion maraîcher", Decimal("145000.00"),
     Decimal("23500.00"), 1, 1, Decimal("35500.00")),
    ("Insertion", "65/6574/564", "Trait d'Union Emploi - accompagnement vers l'emploi", Decimal("145000.00"),
     Decimal("12000.00"), 2, 1, Decimal("35500.00")),
    ("Jeunesse", "65/6574/33", "Mission Locale du Périgord Noir - avenant n° 1", Decimal("30000.00"),
     Decimal("5500.00"), 2, 2, Decimal("26000.00")),
    ("Jeunesse", "65/6574/33", "Foyer de jeunes travailleurs de Sarlat - fonctionnement", Decimal("30000.00"),
     Decimal("8000.00"), 2, 2, Decimal("26000.00")),
    ("Jeunesse", "204/20421/33", "Maison des jeunes de Terrasson - équipement de la salle d'activités",
     Decimal("40000.00"), Decimal("12500.00"), 2, 2, Decimal("26000.00")),
]


@pytest.fixture(scope="module")
def result() -> FileResult:
    return process_file(SAMPLE)


def _findings(result: FileResult, rule: str) -> list:
    return [f for f in result.rows["findings"] if f.rule == rule]


def test_budget_lines_by_the_meaning_of_their_columns(result):
    got = [(b.programme, b.imputation, b.label, b.ae, b.depense, b.page, b.group, b.subtotal)
           for b in result.rows["budget_lines"]]
    assert got == BUDGET_LINES
    assert {(b.ceiling, b.table, b.table_total) for b in result.rows["budget_lines"]} == {
        ("crédits disponibles", 1, Decimal("61500.00"))}
    assert all(b.code_operation is None for b in result.rows["budget_lines"])


def test_subtotals_total_and_imputation_article_are_checked(result):
    found = [(f.status, f.expected, f.found) for f in _findings(result, "budget.total_vs_articles")]
    assert found == [("pass", "35 500,00 €", "35 500,00 €"), ("pass", "26 000,00 €", "26 000,00 €"),
                     ("pass", "61 500,00 €", "61 500,00 €"), ("pass", "61 500,00 €", "61 500,00 €")]
    within = _findings(result, "budget.line_within_ae")
    assert [f.status for f in within] == ["pass"] * 5
    assert within[0].expected == "≤ 145 000,00 € (crédits disponibles)"


def test_the_convention_and_the_avenant(result):
    got = [(c.annex, c.kind, c.avenant_no, c.counterparty, c.siret, c.siret_valid, c.representative,
            c.representative_role, c.signatory, c.amount, c.amount_before, c.amount_added, c.period_start,
            c.period_end, c.ibans) for c in result.rows["conventions"]]
    assert got == [
        (1, "convention", None, "Les Jardins de la Vézère", "44306184100021", True, "Hervé LACOSTE", "Président",
         "Hervé LACOSTE", Decimal("23500"), None, None, date(2024, 1, 1), date(2024, 12, 31),
         ["FR1420041010050500013M02606"]),
        (2, "avenant", 1, "Mission Locale du Périgord Noir", None, None, "Nadine FAURE", "Trésorière",
         "Nadine FAURE", Decimal("29500"), Decimal("24000"), Decimal("5500"), date(2024, 1, 1),
         date(2024, 12, 31), []),
    ]
    assert result.annexes_present == [1, 2]
    assert [(c.convention_ref, c.object, c.signed_place, c.signed_date, c.page, c.signatory_page)
            for c in result.rows["conventions"]] == [
        ("2024-01377", "CONVENTION D'OBJECTIFS ET DE MOYENS Convention n° 2024-01377", "Périgueux",
         date(2024, 9, 16), 3, 3),
        ("2023-00871", "AVENANT N° 1 à la convention pluriannuelle d'objectifs n° 2023-00871 du 14 mars 2023",
         "Périgueux", date(2024, 9, 16), 4, 4)]


def test_the_deliberation_is_signed_where_and_when_its_closing_says(result):
    # "Fait et délibéré à Périgueux, le 9 septembre 2024." then the President's signature
    (d,) = result.rows["deliberations"]
    assert (d.signatory, d.signed_place, str(d.signed_date)) == ("Claire DELMAS-VIGNAUD", "Périgueux", "2024-09-09")
    assert [f.status for f in _findings(result, "dates.signature_not_before_session")] == ["pass"]


def test_convention_rules_pass_on_the_sample(result):
    amounts = _findings(result, "conventions.amount_matches_article")
    assert [(f.status, f.found) for f in amounts] == [("pass", "23 500,00 €"), ("pass", "29 500,00 €")]
    assert [f.status for f in _findings(result, "conventions.signatory_matches_representative")] == ["pass", "pass"]
    assert [f.status for f in _findings(result, "annexes.referenced_present")] == ["pass", "pass"]
    ids = {(i.kind, i.value, i.valid) for i in result.identifiers}
    assert {("siret", "44306184100021", True), ("siren", "412345670", True), ("rna", "W243004517", True),
            ("iban", "FR1420041010050500013M02606", True)} <= ids


def _tally(result: FileResult, votants: int | None, pour: int | None = None) -> list:
    """The vote rule on the sample's records, with the counts the header prints ("Votants : 11") when given,
    and the tally altered when ``pour`` is given."""
    rows = dict(result.rows)
    rows["deliberations"] = [replace(d, counts_printed={"votants": votants} if votants else {})
                             for d in rows["deliberations"]]
    if pour is not None:
        rows["votes"] = [replace(v, pour=pour) for v in rows["votes"]]
    rows.pop("findings", None)
    return [f for f in evaluate(FileResult(document=result.document, rows=rows)) if f.rule == "votes.sum_vs_members"]


def test_votes_sum_with_printed_votants_less_the_recused_member(result):
    # 11 votants, Mme LAGARDE took no part and the council does not count her as an abstention: 10 = 10 + 0 + 0
    passed = _tally(result, 11)
    assert [(f.status, f.expected, f.found) for f in passed] == [("pass", "10", "10")]
    assert "printed votants" in passed[0].message and "recused" in passed[0].message
    failed = _tally(result, 11, pour=12)  # a tally raised by 2
    assert [(f.status, f.expected, f.found) for f in failed] == [("fail", "10", "12")]


def test_votes_sum_on_the_rendered_document_and_an_altered_copy(result, tmp_path):
    # the header prints "Votants : 11"; Mme LAGARDE took no part: 11 − 1 = 10 = pour 10
    assert [(f.status, f.expected, f.found) for f in _findings(result, "votes.sum_vs_members")] == [
        ("pass", "10", "10")]
    assert "printed votants 11 − 1 recused" in _findings(result, "votes.sum_vs_members")[0].message
    make = load_script("make_cp_sample")
    altered = make.build(tmp_path, (("Pour : 10", "Pour : 12"),), "altered.pdf")
    make.REPLACE.clear()
    found = [f for f in process_file(altered).rows["findings"] if f.rule == "votes.sum_vs_members"]
    assert [(f.status, f.expected, f.found) for f in found] == [("fail", "10", "12")]


def test_header_meanings_in_printed_order():
    assert budget.header_meanings("Code Opération Imputation budgétaire Libellé Opération AE € Dépense €") == [
        "code_operation", "imputation", "label", "ae", "depense"]
    assert budget.header_meanings("Programme Chapitre Nature Fonction Libellé Crédits disponibles Montant "
                                  "proposé") == ["programme", "chapitre", "nature", "fonction", "label", "ae",
                                                 "depense"]
    assert budget.header_meanings("Chap. Article Intitulé AP CP") == ["chapitre", "nature", "label", "ae",
                                                                     "depense"]


def test_imputation_chain_in_printed_order():
    assert budget.imputation_chain({"imputation": "6568 / 93446"}, ["imputation"]) == "6568/93446"
    assert budget.imputation_chain({"nature": "6574", "chapitre": "65", "fonction": "564"},
                                   ["chapitre", "nature", "fonction"]) == "65/6574/564"
    assert budget.imputation_chain({"nature": "20421", "fonction": "33"}, ["fonction", "nature"]) == "33/20421"


def test_the_rules_this_sample_exercises_are_registered():
    assert {"votes.sum_vs_members", "budget.total_vs_articles", "budget.line_within_ae"} <= set(RULES)


def test_unlabelled_annexes_linked_by_the_party_their_article_names(tmp_path):
    """Bound in another order than their numbers, the acts still get the number the article gives them next to
    their counterparty's name (by place alone, the avenant would have taken annexe 1)."""
    make = load_script("make_cp_sample")
    swapped = process_file(make.build(tmp_path, (), "swapped.pdf", annexes_swapped=True))
    got = [(c.annex, c.kind, c.counterparty) for c in swapped.rows["conventions"]]
    assert got == [(2, "avenant", "Mission Locale du Périgord Noir"), (1, "convention", "Les Jardins de la Vézère")]


@pytest.mark.parametrize("borders, repeat_header, tight", [("ALL", True, False), ("ALL", False, False),
                                                          ("NONE", True, False), ("NONE", False, False),
                                                          ("NONE", False, True), ("HORIZONTAL_LINES", True, True)])
def test_the_same_lines_ruled_or_unruled_header_repeated_or_not(tmp_path, borders, repeat_header, tight):
    """The table fully ruled (read from its cells, the page-2 part joined to the page-1 part) or with no rules at
    all (read by alignment), its header repeated after the page break or not, its code columns so tight that the
    header words break and a row's codes run together: the same lines and totals."""
    make = load_script("make_cp_sample")
    path = make.build(tmp_path, (), f"look_{borders}_{repeat_header}_{tight}.pdf", borders=borders,
                      repeat_header=repeat_header, tight=tight)
    result = process_file(path)
    got = [(b.programme, b.imputation, b.label, b.ae, b.depense, b.page, b.group, b.subtotal)
           for b in result.rows["budget_lines"]]
    assert got == BUDGET_LINES
    assert {(b.table, b.table_total) for b in result.rows["budget_lines"]} == {(1, Decimal("61500.00"))}
    assert [f.status for f in _findings(result, "budget.total_vs_articles")] == ["pass"] * 4


@needs_corpus
def test_an_operation_table_of_a_commune_with_its_total():
    """Fargues-Saint-Hilaire, 13 December 2018, p. 4: "Opération Imputation Montant TTC", the operation's code and
    name in one cell, a "Total" row of 269 192 € (read from the PDF by hand)."""
    result = process_file(CORPUS / "fargues-saint-hilaire" / "pv-cm-2018-12-13.pdf")
    lines = result.rows["budget_lines"]
    assert len(lines) == 13
    assert [(b.code_operation, b.imputation, b.label, b.depense) for b in lines[:2]] == [
        ("10001", "2183", "Services administratifs", Decimal("16768")),
        ("10002", "2152", "Acquisition matériel divers", Decimal("2000"))]
    assert (lines[-1].code_operation, lines[-1].imputation, lines[-1].depense) == ("38", "2031", Decimal("21570"))
    assert {b.table_total for b in lines} == {Decimal("269192")}
    assert sum(b.depense for b in lines) == Decimal("269192")


@needs_corpus
@pytest.mark.parametrize("name", ["2013-02-04-0000061123.pdf", "2013-03-25-0000062253.pdf"])
def test_a_subsidy_list_is_no_budget_table(name):
    """Montpellier's "CODE | STRUCTURE | Nature (F/P) | Montant" lists beneficiaries, not budget codes."""
    assert process_file(CORPUS / "montpellier" / name).rows.get("budget_lines", []) == []
