"""deliberations.xlsx: one sheet per table with its CSV's rows, typed cells, file names, a French column sheet."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from models.records import TABLES, Deliberation, Document, FileResult, Vote, csv_fields
from pipeline.export import workbook
from pipeline.export.csv_tables import write_tables


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


@pytest.fixture(scope="module")
def run(samples_run):
    out, results = samples_run
    return out, results, openpyxl.load_workbook(out / workbook.WORKBOOK)


def as_csv_text(value: object, kind: str) -> str:
    """A cell read back by openpyxl, written as the CSV writes it."""
    if value is None:
        return ""
    if kind == "decimal":
        return f"{value:.2f}"
    if kind == "date":
        return value.date().isoformat()
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def test_one_sheet_per_table_and_the_column_sheet(run):
    _, _, book = run
    assert book.sheetnames == [*TABLES, workbook.COLUMNS_SHEET]


def test_every_sheet_matches_its_csv_cell_for_cell(run):
    out, _, book = run
    names = {row[0]: Path(row[1]).name for row in read_csv(out / "documents.csv")[1:]}
    for table in TABLES:
        sheet, rows = book[table], read_csv(out / f"{table}.csv")
        columns = workbook.sheet_columns(table)
        assert [c.value for c in sheet[1]] == [name for name, _ in columns]
        assert sheet.max_row == len(rows), table  # header + the same data rows
        header = rows[0]
        for raw, cells in zip(rows[1:], sheet.iter_rows(min_row=2)):
            by_name = dict(zip((name for name, _ in columns), cells))
            for name, text in zip(header, raw):
                kind = dict(columns)[name]
                assert as_csv_text(by_name[name].value, kind) == text, (table, name)
            if "doc_id" in header and table != "documents":
                assert by_name[workbook.FILE_NAME].value == names[raw[header.index("doc_id")]]


def test_cells_are_typed(run):
    _, _, book = run
    deliberation = {c.column_letter: c for c in book["deliberations"][2]}
    header = [c.value for c in book["deliberations"][1]]
    cell = lambda name: deliberation[openpyxl.utils.get_column_letter(header.index(name) + 1)]  # noqa: E731
    assert cell("delib_id").data_type == "s" and cell("delib_id").value == "2024-273"
    assert cell("session_date").is_date and cell("session_date").value == datetime(2024, 6, 17)
    assert cell("n_present").data_type == "n" and isinstance(cell("n_present").value, int)
    amount = [c.value for c in book["articles"][1]].index("amount") + 1
    amounts = [r[0] for r in book["articles"].iter_rows(min_row=2, min_col=amount, max_col=amount, values_only=True)]
    assert 7127786.75 in amounts and book["articles"].cell(2, amount).number_format == "#,##0.00"
    unanimous = [r for r in book["votes"].iter_rows(min_row=2, values_only=True)]
    assert {type(r[[c.value for c in book["votes"][1]].index("unanimous")]) for r in unanimous} <= {bool, type(None)}
    conventions = book["conventions"]
    siret_col = [c.value for c in conventions[1]].index("siret") + 1
    assert {conventions.cell(r, siret_col).data_type for r in range(2, conventions.max_row + 1)
            if conventions.cell(r, siret_col).value} == {"s"}


def test_headers_are_frozen_and_filtered(run):
    _, _, book = run
    for table in TABLES:
        sheet = book[table]
        assert sheet.freeze_panes == "A2", table
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), table


def test_column_sheet_describes_every_column_in_french(run):
    _, _, book = run
    rows = list(book[workbook.COLUMNS_SHEET].iter_rows(min_row=2, values_only=True))
    described = {(table, column): text for table, column, _, text in rows}
    expected = {(table, name) for table in TABLES for name, _ in workbook.sheet_columns(table)}
    assert set(described) == expected and len(rows) == len(expected)
    assert all(text and len(text) > 10 for text in described.values())
    assert "Date de la séance." == described[("deliberations", "session_date")]


def test_french_descriptions_name_only_real_columns():
    """colonnes_fr.json is keyed by the record types' columns: none missing, none left over from a renamed one."""
    table_columns = {t: {f.name for f in csv_fields(rt)} for t, rt in TABLES.items()}
    every = set().union(*table_columns.values()) | {workbook.FILE_NAME}
    described = workbook.descriptions_fr()
    assert set(described) <= {"*", *TABLES}
    assert set(described["*"]) <= every
    for table, columns in described.items():
        if table != "*":
            assert set(columns) <= table_columns[table], table
    for table, columns in table_columns.items():
        for column in columns:
            assert workbook.description_fr(table, column), (table, column)


def test_a_deliberation_number_that_looks_like_a_date_stays_text(tmp_path):
    doc = Document(doc_id="00000000000000ab", source_file="registre/putanges.pdf", status="ok", pages=3)
    result = FileResult(doc)
    result.add(Deliberation(doc_id=doc.doc_id, delib_id="2019-07-15", session_date=date(2019, 7, 15)))
    result.add(Vote(doc_id=doc.doc_id, delib_id="2019-07-15", block=1, pour=12, unanimous=True))
    for dialect, delimiter, decimal in (("default", ",", "."), ("excel-fr", ";", ",")):
        out = tmp_path / dialect
        write_tables([result], out, dialect)
        book = openpyxl.load_workbook(workbook.write_workbook(out, delimiter, decimal))
        row = [c for c in book["deliberations"][2]]
        assert (row[0].value, row[1].value, row[2].value) == ("00000000000000ab", "putanges.pdf", "2019-07-15")
        assert row[2].data_type == "s" and row[5].is_date
        votes = [c.value for c in book["votes"][2]]
        assert votes[:4] == ["00000000000000ab", "putanges.pdf", "2019-07-15", 1] and True in votes


def test_two_runs_write_the_same_workbook(run, tmp_path):
    out, _, _ = run
    for name in (f"{t}.csv" for t in TABLES):
        (tmp_path / name).write_bytes((out / name).read_bytes())
    assert workbook.write_workbook(tmp_path).read_bytes() == (out / workbook.WORKBOOK).read_bytes()
