"""Write every table of OUTPUTS.md as CSV: exact headers, deterministic rows, atomic files.

Two dialects: ``default`` is the output contract (comma, decimal point, UTF-8 without BOM); ``excel-fr``
(``--csv-dialect excel-fr``) is for French Excel, which opens such a file with a double click: ``;`` separator,
decimal comma, UTF-8 with a BOM (so accents show), and every text cell that Excel would turn into something else
(a deliberation number ``2019-07-15`` into a date, a SIRET into ``4,8E+13``, ``- d'approuver`` into a formula)
written as the text formula ``="2019-07-15"``, which Excel shows as the text itself. Only the cells change, never
the columns or the rows.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from models.records import TABLES, FileResult, Member, columns

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    delimiter: str
    decimal: str
    bom: bool
    protect_text: bool = False  # text cells Excel would convert are written as ="…"


DIALECTS = {"default": Dialect("default", ",", ".", False),
            "excel-fr": Dialect("excel-fr", ";", ",", True, protect_text=True)}

# Text Excel converts when it opens a CSV: numbers, dates and times, fractions, amounts, percentages, numbers in
# scientific notation (a doc_id such as 12e4…), and what it takes for a formula (= + - @ at the start).
EXCEL_CONVERTS = re.compile(r"[\d\s.,;:/%€$£+()'-]*\d[\d\s.,;:/%€$£+()'-]*|\d+[eE][+-]?\d+|[=+\-@].*", re.DOTALL)


def excel_text(value: str) -> str:
    """A text cell for French Excel: as it is, or ``="…"`` when Excel would convert it."""
    if EXCEL_CONVERTS.fullmatch(value):
        return '="' + value.replace('"', '""') + '"'
    return value


def protect_text_cells(record: object, names: list[str], cells: list[str]) -> list[str]:
    """The excel-fr cells of one record: its text fields (not numbers, dates, booleans or lists) protected."""
    return [excel_text(cell) if cell and isinstance(getattr(record, name), str) else cell
            for name, cell in zip(names, cells)]


def dialect_for(name: str | Dialect) -> Dialect:
    if isinstance(name, Dialect):
        return name
    if name not in DIALECTS:
        raise ValueError(f"CSV dialect must be one of {', '.join(DIALECTS)}, not {name!r}")
    return DIALECTS[name]


def format_value(value: object, decimal: str = ".") -> str:
    """One cell, as OUTPUTS.md says: decimal point with two decimals, ISO dates, true/false, ';'-joined lists
    (``decimal=","`` for the excel-fr dialect)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = f"{value.quantize(CENT):f}"
        return text.replace(".", decimal) if decimal != "." else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ";".join(format_value(v, decimal) for v in value)
    return str(value)


def record_row(record: object, names: list[str], decimal: str = ".") -> list[str]:
    return [format_value(getattr(record, name), decimal) for name in names]


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside ``path`` then rename it over ``path``: readers never see half a file.

    Not fsync'd: every output is derived from the result store, which is (``pipeline.store``), and the assembly
    record keeps each output's size and time, so an output a power cut left short is written again by the next
    ``--resume``. An fsync per file cost 1-5 ms on a laptop's disk, over a run's hundreds of reports and pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files: give them the user's usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def sorted_results(results: Iterable[FileResult]) -> list[FileResult]:
    """Files in a stable order: by doc_id, then by path (the same file given twice keeps both rows)."""
    return sorted(results, key=lambda r: (r.document.doc_id, r.document.source_file or ""))


def natural_key(text: str | None) -> tuple:
    """Sort key that orders embedded numbers by value: ``doc#2`` before ``doc#10``."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


def run_members(results: list[FileResult]) -> list[Member]:
    """The members of a run, for a caller that has not resolved them (the batch resolves them once and passes
    them on): resolution is deterministic, so the tables are the same either way."""
    from pipeline.members import resolve_members

    return resolve_members(results).members


def table_records(table: str, results: list[FileResult], members: list[Member] | None = None) -> Iterator:
    """The records of one table in the CSV's order. ``members`` is the run-level members table
    (``pipeline.members.resolve_members``): no file holds it."""
    if table == Member.TABLE:
        yield from members or ()
        return
    for result in results:
        if table == "documents":
            yield result.document
        else:  # by delib_id, then the order extraction gave (the table's natural order): sorted() is stable
            yield from sorted(result.rows.get(table, []), key=lambda r: natural_key(getattr(r, "delib_id", "")))


def table_text(table: str, results: list[FileResult], dialect: str | Dialect = "default",
               members: list[Member] | None = None) -> str:
    dialect = dialect_for(dialect)
    record_type = TABLES[table]
    names = columns(record_type)
    buf = io.StringIO()
    if dialect.bom:
        buf.write("\ufeff")
    writer = csv.writer(buf, delimiter=dialect.delimiter, lineterminator="\n")
    writer.writerow(names)
    for record in table_records(table, results, members):
        if not isinstance(record, record_type):
            raise TypeError(f"{type(record).__name__} record given for table {table}")
        cells = record_row(record, names, dialect.decimal)
        writer.writerow(protect_text_cells(record, names, cells) if dialect.protect_text else cells)
    return buf.getvalue()


def write_tables(results: Iterable[FileResult], out_dir: Path, dialect: str | Dialect = "default",
                 members: list[Member] | None = None) -> list[Path]:
    """Write every CSV of the output contract into ``out_dir``; a table with no rows still gets its header.
    ``members``: the run's members table (members.csv), resolved once over the run by ``pipeline.members``
    (resolved here when not given).

    Rows keep the order each file's extraction gave them (the table's natural order); files are sorted by doc_id.
    ``dialect``: ``default`` (the contract) or ``excel-fr`` (``;``, decimal comma, UTF-8 BOM).
    """
    dialect = dialect_for(dialect)
    ordered = sorted_results(results)
    members = run_members(ordered) if members is None else members
    written = []
    for table in TABLES:
        path = Path(out_dir) / f"{table}.csv"
        atomic_write_text(path, table_text(table, ordered, dialect, members))
        written.append(path)
    return written
