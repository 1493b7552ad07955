"""Tables are a lazy, cached property of the ingested document: ``doc.tables(page)`` finds a page's ruled tables on
first request, keeps them, and the stages after ingest never import the reader."""

from __future__ import annotations

import ast

from conftest import REPO, SAMPLE_A
from pipeline.ingest import ingest


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
