"""Attendance printed as a table: one row per member, one column per status, a mark in the member's column ("Nom
Prénom | Présent | Absent excusé | Absent | Pouvoir à"). The columns are read by what their header cell says
(``vocab.ATTENDANCE_TABLE_COLUMNS``), not by their position.
"""

from __future__ import annotations

from models.layout import IngestedDocument, Table
from models.records import Attendance
from pipeline import vocab
from pipeline.normalize.names import name_key, strip_civility

HEADER_ROWS = 2  # rows at the top of a table where its header is looked for
MIN_STATUS_COLUMNS = 2  # a presence table has at least two status columns (présent, absent…)
FIRST_PAGES = 3  # pages at the start of a file where its presence table stands


def column_meanings(row: tuple[str | None, ...]) -> dict[int, str]:
    """What each header cell means (the first meaning of ``vocab.ATTENDANCE_TABLE_COLUMNS`` it reads as)."""
    out = {}
    for i, cell in enumerate(row):
        text = " ".join((cell or "").split())
        meaning = next((m for m, p in vocab.ATTENDANCE_TABLE_COLUMNS if text and p.search(text)), None)
        if meaning:
            out[i] = meaning
    return out


def _header(table: Table) -> tuple[int, dict[int, str]] | None:
    for k, row in enumerate(table.rows[:HEADER_ROWS]):
        meanings = column_meanings(row)
        statuses = [m for m in meanings.values() if m in ("present", "excused", "absent", "proxy")]
        if "name" in meanings.values() and len(statuses) >= MIN_STATUS_COLUMNS:
            return k, meanings
    return None


def table_attendance(table: Table, doc_id: str, delib_id: str | None) -> list[Attendance]:
    """One row per member of a presence table; a name in the proxy column is who holds the member's proxy."""
    found = _header(table)
    if found is None:
        return []
    k, meanings = found
    name_col = next(i for i, m in meanings.items() if m == "name")
    rows = []
    for row in table.rows[k + 1:]:
        name = " ".join((row[name_col] or "").split()) if name_col < len(row) else ""
        civility, name = strip_civility(name)
        if not name or not any(c.isalpha() for c in name):
            continue
        status, proxy = _row_status(row, meanings)
        if status:
            rows.append(Attendance(doc_id=doc_id, delib_id=delib_id, status=status, civility=civility or None,
                                   name=name, name_key=name_key(name), proxy_to=proxy, page=table.page))
    return rows


def _row_status(row: tuple[str | None, ...], meanings: dict[int, str]) -> tuple[str | None, str | None]:
    """The status a row marks, and the holder of its proxy (a proxy makes the member excused)."""
    proxy = next((" ".join(row[i].split()) for i, m in meanings.items()
                  if m == "proxy" and i < len(row) and row[i] and any(c.isalpha() for c in row[i])
                  and not vocab.STATUS_MARK.match(row[i])), None)
    if proxy:
        return "excused", strip_civility(proxy)[1]
    marked = [m for i, m in meanings.items() if m in ("present", "excused", "absent")
              and i < len(row) and row[i] and vocab.STATUS_MARK.match(row[i])]
    return (marked[0] if len(marked) == 1 else None), None


def presence_tables(doc: IngestedDocument, doc_id: str, delib_id: str | None) -> list[Attendance]:
    """The members of the presence tables printed on the first pages of a file."""
    return [row for page in range(1, min(FIRST_PAGES, len(doc.pages)) + 1)
            for table in doc.tables(page) for row in table_attendance(table, doc_id, delib_id)]
