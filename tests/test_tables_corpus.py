"""Subsidy and amount tables of real municipal deliberations (Montpellier 2013-2014): beneficiary | amount rows
go to amounts.csv with the beneficiary in the context. Expected values read on the PDFs by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import CORPUS, needs_corpus
from pipeline.process import process_file

pytestmark = needs_corpus


def subsidy_rows(name: str) -> list:
    result = process_file(CORPUS / name)
    return [a for a in result.rows["amounts"] if a.section == "subsidy table"]


def test_montpellier_coeur_de_livres_attribution_table():
    # 2013-02-04-0000061114.pdf p.3: Code association | Nom Association | Nature | Montant — 1076 | Cœur de Livres
    rows = subsidy_rows("montpellier/2013-02-04-0000061114.pdf")
    assert [(a.page, a.value, a.context) for a in rows] == [(3, Decimal("100000"), "Cœur de Livres | 100 000 €")]


def test_montpellier_occe_table_with_a_merged_structure_cell():
    # 2013-03-25-0000062236.pdf p.1: STRUCTURE | ECOLES | … | MONTANT; "OCCE 34" spans both schools
    rows = subsidy_rows("montpellier/2013-03-25-0000062236.pdf")
    assert [(a.value, a.context) for a in rows] == [
        (Decimal("800"), "OCCE 34 | OCCE Ecole DANTE ALIGHIERI | 800"),
        (Decimal("600"), "OCCE 34 | OCCE Ecole GOETHE | 600"),
    ]


@pytest.fixture(scope="module")
def attributions_2014():
    return subsidy_rows("montpellier/VilleMTP_MTP_AttribSub_2014.pdf")


def test_montpellier_2014_first_table_adds_up_to_its_printed_total(attributions_2014):
    # p.2: the environment section lists 12 associations, then "Total | 14 000 €"
    first = attributions_2014[:12]
    assert all(a.page == 2 for a in first)
    assert first[0].context == "ASSOCIATION DES PARCS ET JARDINS | TEMPS DES JARDINS EN LANGUEDOC ROUSSILLON | 500 €"
    assert first[-1].context == "TERRE NOURRICIERE | 1 500 €"
    assert sum(a.value for a in first) == Decimal("14000")


def test_montpellier_2014_tables_continue_over_pages_without_their_header(attributions_2014):
    pages = {a.page for a in attributions_2014}
    assert set(range(2, 31)) - pages <= {3}  # every page of the 30-page annex but the intro gives rows
    last = [a for a in attributions_2014 if a.page == 30]
    assert last[-1].context == "VOLLEY LOISIR MONTPELLIER VLM | 250 €"  # its project column is not named there
    assert not any("total" in a.context.lower() for a in attributions_2014)
