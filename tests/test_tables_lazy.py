"""Tables are a lazy, cached property of the ingested document: ``doc.tables(page)`` finds a page's ruled tables on
first request, keeps them, and the stages after ingest never import the reader."""

from __future__ import annotations

import ast

from conftest import CORPUS, REPO, SAMPLE_A, needs_corpus
from pipeline.extract.budget import subsidy_amounts
from pipeline import ingest as ingest_module
from pipeline.ingest import find_ruled_tables, ingest


def test_tables_found_on_first_request_and_kept():
    doc = ingest(SAMPLE_A)
    assert doc.tables_read == set()
    budget_page = next(n for n in doc.ruled_pages if "Code" in doc.pages[n - 1].text
                       and "Imputation" in doc.pages[n - 1].text)
    first = doc.tables(budget_page)
    assert doc.tables_read == {budget_page}
    assert first and first[0].rows[0][0].startswith("Code")
    assert doc.tables(budget_page) is first  # the same list: not read twice
    assert doc.tables(len(doc.pages) + 5) == []  # no such page: no table, no error


def test_a_page_without_ruling_has_no_table_and_is_not_opened():
    doc = ingest(SAMPLE_A)
    plain = next(p.number for p in doc.pages if p.number not in doc.ruled_pages)
    assert doc.tables(plain) == [] and doc.tables_read == set()


def test_the_budget_reader_does_not_import_ingest():
    tree = ast.parse((REPO / "pipeline" / "extract" / "budget.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "pipeline.ingest" not in imported


def test_a_ruled_page_no_subsidy_table_can_head_or_go_on_to_is_not_opened():
    """Reference rendering f: page 16 is ruled, its text names no beneficiary column, and no subsidy table goes
    on onto it (none above either), so the subsidy reader leaves it closed; the pages it reads are the ones
    whose text could head such a table."""
    doc = ingest(REPO / "samples" / "pas-de-calais_cp_2024-06-17_n2024-273_f.pdf")
    assert subsidy_amounts(doc, doc.doc_id, None) == []
    assert 16 in doc.ruled_pages and sorted(doc.tables_read) == [12, 13, 14, 15, 27]


@needs_corpus
def test_a_subsidy_table_going_on_without_its_header_is_still_read():
    """Montpellier 2014's subsidy list runs from page 26 onto page 27, whose text names no column: the page is
    opened because the table goes on, and its 22 rows are read."""
    doc = ingest(CORPUS / "montpellier" / "VilleMTP_MTP_AttribSub_2014.pdf")
    amounts = subsidy_amounts(doc, doc.doc_id, None)
    on_27 = [a for a in amounts if a.page == 27]
    assert 27 in doc.tables_read and len(on_27) == 22
    assert (on_27[0].raw, on_27[0].context) == ("1 950 €", "ENTENTE SPORTIVE BOULISTE DE MONTPELLIER | 1 950 €")


def test_ruled_pages_kept_from_ingest_give_the_tables_the_file_gives(monkeypatch):
    """Ingest keeps the first ruled pages loaded, with their words, for the table reader; past the cap, pages are
    loaded again from the file. Either way a page's tables are the same, and reading them closes the page."""
    from_file = find_ruled_tables(SAMPLE_A, ingest(SAMPLE_A).ruled_pages)
    assert sorted(from_file) == [4, 13, 14, 15, 16, 18, 19, 20, 30]
    for cap in (32, 2):
        monkeypatch.setattr(ingest_module, "KEPT_RULED_PAGES", cap)
        doc = ingest(SAMPLE_A)
        assert sorted(doc.kept_pages) == doc.ruled_pages[:cap] and doc.kept_by is not None
        doc.read_tables(doc.ruled_pages)
        assert doc.kept_pages == {}
        assert {n: doc.pages[n - 1].tables for n in doc.ruled_pages if doc.pages[n - 1].tables} == from_file
        doc.release()
        assert doc.kept_by is None


def test_a_document_without_ruled_pages_keeps_nothing_open():
    doc = ingest(REPO / "samples" / "not-a-deliberation.pdf")
    assert doc.ruled_pages == [] and doc.kept_pages == {} and doc.kept_by is None
