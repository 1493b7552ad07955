"""Write every table of OUTPUTS.md as CSV: exact headers, deterministic rows, atomic files."""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from models.records import TABLES, FileResult, columns

CENT = Decimal("0.01")


def format_value(value: object) -> str:
    """One cell, as OUTPUTS.md says: decimal point with two decimals, ISO dates, true/false, ';'-joined lists."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value.quantize(CENT):f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ";".join(format_value(v) for v in value)
    return str(value)


def record_row(record: object, names: list[str]) -> list[str]:
    return [format_value(getattr(record, name)) for name in names]


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside ``path`` then rename it over ``path``: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sorted_results(results: Iterable[FileResult]) -> list[FileResult]:
    """Files in a stable order: by doc_id, then by path (the same file given twice keeps both rows)."""
    return sorted(results, key=lambda r: (r.document.doc_id, r.document.source_file or ""))


def natural_key(text: str | None) -> tuple:
    """Sort key that orders embedded numbers by value: ``doc#2`` before ``doc#10``."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


def table_text(table: str, results: list[FileResult]) -> str:
    record_type = TABLES[table]
    names = columns(record_type)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for result in results:
        if table == "documents":
            records = [result.document]
        else:  # by delib_id, then the order extraction gave (the table's natural order): sorted() is stable
            records = sorted(result.rows.get(table, []), key=lambda r: natural_key(getattr(r, "delib_id", "")))
        for record in records:
            if not isinstance(record, record_type):
                raise TypeError(f"{type(record).__name__} record given for table {table}")
            writer.writerow(record_row(record, names))
    return buf.getvalue()


def write_tables(results: Iterable[FileResult], out_dir: Path) -> list[Path]:
    """Write every CSV of the output contract into ``out_dir``; a table with no rows still gets its header.

    Rows keep the order each file's extraction gave them (the table's natural order); files are sorted by doc_id.
    """
    ordered = sorted_results(results)
    written = []
    for table in TABLES:
        path = Path(out_dir) / f"{table}.csv"
        atomic_write_text(path, table_text(table, ordered))
        written.append(path)
    return written
