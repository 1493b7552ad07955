"""``deliberations.xlsx``: every table of the run in one Excel workbook, for the people who open files by double
click.

One sheet per CSV of the output contract, with exactly the rows of that CSV (the workbook is built from the CSV
files the run has just written, so the two cannot disagree), typed from the record types of
``models/records.py``: amounts and counts are numbers, dates are dates, booleans are booleans, and every text
column — ``delib_id`` (``2019-07-15`` is a deliberation number, not a date), codes, SIRETs — is text. Beside each
``doc_id`` stands ``file_name``, the name of the PDF it comes from. Header rows are frozen and filtered. A last
sheet, "Colonnes", describes every column in French: the descriptions are ``data/colonnes_fr.json``, keyed by
the record types' columns (a test checks the two match), so each is written once.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from models.records import TABLES, csv_fields

WORKBOOK = "deliberations.xlsx"
COLUMNS_SHEET = "Colonnes"
FILE_NAME = "file_name"  # the column added beside doc_id
DESCRIPTIONS = Path(__file__).resolve().parent / "data" / "colonnes_fr.json"
TEXT_MAX = 32767  # Excel's limit for one cell
FIXED_DATE = datetime(2000, 1, 1)  # the workbook's creation date: two runs write the same bytes
KIND_BY_TYPE = {"int": "integer", "Decimal": "decimal", "date": "date", "bool": "boolean"}
KIND_FR = {"text": "texte", "integer": "entier", "decimal": "nombre décimal", "date": "date",
           "boolean": "booléen (VRAI/FAUX)", "list": "liste (valeurs séparées par « ; »)"}


@functools.cache
def descriptions_fr() -> dict[str, dict[str, str]]:
    """table -> column -> French description; ``*`` holds the descriptions shared by several tables."""
    return json.loads(DESCRIPTIONS.read_text(encoding="utf-8"))


def description_fr(table: str, column: str) -> str | None:
    described = descriptions_fr()
    return described.get(table, {}).get(column) or described["*"].get(column)


def column_kind(f: dataclasses.Field) -> str:
    """The cell type of a record field: text, integer, decimal, date, boolean or list."""
    type_name = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    if type_name.startswith("list"):
        return "list"
    return KIND_BY_TYPE.get(type_name, "text")


def sheet_columns(table: str) -> list[tuple[str, str]]:
    """(column, kind) of a table's sheet: its CSV columns, with ``file_name`` right after ``doc_id`` (documents
    already carries ``source_file``)."""
    out = []
    for f in csv_fields(TABLES[table]):
        out.append((f.name, column_kind(f)))
        if f.name == "doc_id" and table != "documents":
            out.append((FILE_NAME, "text"))
    return out


def read_csv(path: Path, delimiter: str) -> Iterator[list[str]]:
    """A written CSV's data rows, one at a time (utf-8-sig also reads the excel-fr dialect's BOM)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        next(reader, None)  # the header
        yield from reader


def unprotect(text: str) -> str:
    """``="2019-07-15"`` (a text cell of the excel-fr dialect, see csv_tables.excel_text) -> ``2019-07-15``."""
    if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
        return text[2:-1].replace('""', '"')
    return text


def typed(text: str, kind: str, decimal: str) -> object:
    """One CSV cell as the value Excel stores; ``None`` for an empty cell."""
    if text == "":
        return None
    if decimal != ".":  # the excel-fr dialect
        text = unprotect(text)
    if kind == "integer":
        return int(text)
    if kind == "decimal":
        return float(text.replace(decimal, "."))
    if kind == "date":
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    if kind == "boolean":
        return text == "true"
    return text[:TEXT_MAX]


class _Formats:
    def __init__(self, book) -> None:
        self.header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                       "valign": "top"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.decimal = book.add_format({"num_format": "#,##0.00"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})


WIDTHS = {"text": 24, "list": 14, "integer": 10, "decimal": 16, "date": 12, "boolean": 10}


def write_cell(sheet, row: int, col: int, value: object, kind: str, fmt: _Formats) -> None:
    if value is None:
        return
    if kind == "date":
        sheet.write_datetime(row, col, value, fmt.date)
    elif kind == "decimal":
        sheet.write_number(row, col, value, fmt.decimal)
    elif kind == "integer":
        sheet.write_number(row, col, value)
    elif kind == "boolean":
        sheet.write_boolean(row, col, value)
    else:
        sheet.write_string(row, col, value)


def write_table_sheet(book, fmt: _Formats, table: str, rows: Iterable[list[str]], names: dict[str, str],
                      decimal: str) -> None:
    """One table's sheet: frozen, filtered header, then the CSV's rows as typed cells."""
    columns = sheet_columns(table)
    sheet = book.add_worksheet(table[:31])
    for c, (name, kind) in enumerate(columns):
        sheet.write_string(0, c, name, fmt.header)
        sheet.set_column(c, c, max(WIDTHS[kind], len(name) + 2))
    sheet.freeze_panes(1, 0)
    csv_names = [name for name, _ in columns if name != FILE_NAME]
    r = 0
    for r, raw in enumerate(rows, 1):
        values = dict(zip(csv_names, raw))
        for c, (name, kind) in enumerate(columns):
            text = names.get(values.get("doc_id", ""), "") if name == FILE_NAME else values.get(name, "")
            write_cell(sheet, r, c, typed(text, kind, decimal), kind, fmt)
    sheet.autofilter(0, 0, max(r, 1), len(columns) - 1)


def write_columns_sheet(book, fmt: _Formats) -> None:
    """"Colonnes": sheet, column, type and French description of every column of the workbook."""
    sheet = book.add_worksheet(COLUMNS_SHEET)
    for c, (title, width) in enumerate((("feuille", 16), ("colonne", 22), ("type", 22), ("description", 100))):
        sheet.write_string(0, c, title, fmt.header)
        sheet.set_column(c, c, width, fmt.wrap if title == "description" else None)
    sheet.freeze_panes(1, 0)
    r = 0
    for table in TABLES:
        for name, kind in sheet_columns(table):
            r += 1
            for c, value in enumerate((table, name, KIND_FR[kind], description_fr(table, name) or "")):
                sheet.write_string(r, c, value)
    sheet.autofilter(0, 0, r, 3)


def file_names(out_dir: Path, delimiter: str) -> dict[str, str]:
    """doc_id -> the name of its PDF (several names joined by ``; `` when the same content was given twice)."""
    names: dict[str, list[str]] = {}
    path = out_dir / "documents.csv"
    if path.exists():
        for row in read_csv(path, delimiter):
            found = names.setdefault(row[0], [])
            name = Path(row[1]).name if len(row) > 1 and row[1] else ""
            if name and name not in found:
                found.append(name)
    return {doc_id: "; ".join(found) for doc_id, found in names.items()}


def write_workbook(out_dir: Path, delimiter: str = ",", decimal: str = ".") -> Path:
    """``deliberations.xlsx`` from the CSVs just written in ``out_dir`` (in their dialect), atomically."""
    import xlsxwriter

    out_dir = Path(out_dir)
    target = out_dir / WORKBOOK
    fd, tmp = tempfile.mkstemp(prefix=f".{WORKBOOK}.", suffix=".tmp", dir=out_dir)
    os.close(fd)
    try:
        book = xlsxwriter.Workbook(tmp, {"constant_memory": True})
        book.set_properties({"created": FIXED_DATE})
        fmt = _Formats(book)
        names = file_names(out_dir, delimiter)
        for table in TABLES:
            path = out_dir / f"{table}.csv"
            rows = read_csv(path, delimiter) if path.exists() else iter(())
            write_table_sheet(book, fmt, table, rows, names, decimal)
        write_columns_sheet(book, fmt)
        book.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# --- The column dictionary (docs/columns.md), generated from the same descriptions --------------------------

COLUMNS_DOC = Path(__file__).resolve().parents[2] / "docs" / "columns.md"
KIND_EN = {"text": "text", "integer": "integer", "decimal": "decimal (2 places)", "date": "date (YYYY-MM-DD)",
           "boolean": "true/false", "list": "list (`;`-joined)"}


def column_dictionary() -> str:
    """docs/columns.md: every column of every CSV, its type, and its description in English (models/records.py)
    and in French (the workbook's "Colonnes" sheet). Generated: ``make docs``; a test checks it is current."""
    lines = ["# Column dictionary / Dictionnaire des colonnes", "",
             "Generated from `models/records.py` and `pipeline/export/data/colonnes_fr.json` by `make docs`; "
             "do not edit by hand (a test checks this file is current). Every CSV of the output folder, and the "
             "sheet of the same name in `deliberations.xlsx` (which adds `file_name`, the PDF's name, after "
             "`doc_id`). See [outputs.md](outputs.md) for the conventions of the files.", ""]
    for table, record_type in TABLES.items():
        lines += [f"## `{table}.csv`", "", record_type.TITLE, "", "| column | type | description | en français |",
                  "|---|---|---|---|"]
        for f in csv_fields(record_type):
            enum = f.metadata.get("enum")
            values = f" Values: {', '.join(f'`{v}`' for v in enum)}." if enum else ""
            required = " Always filled." if f.metadata.get("required") else ""
            english = f"{f.metadata['description']}{values}{required}".replace("|", "\\|")
            french = (description_fr(table, f.name) or "").replace("|", "\\|")
            lines.append(f"| `{f.name}` | {KIND_EN[column_kind(f)]} | {english} | {french} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    COLUMNS_DOC.parent.mkdir(exist_ok=True)
    COLUMNS_DOC.write_text(column_dictionary(), encoding="utf-8")
    print(f"wrote {COLUMNS_DOC}")
