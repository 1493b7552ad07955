"""Attendance printed as a table: one row per member, one column per status, a mark in the member's column ("Nom
Prénom | Présent | Absent excusé | Absent | Pouvoir à"), or one column that says the status in words ("Conseillers
municipaux | Présence": "Présent", "Excusée", "Pouvoir à X", ``vocab.STATUS_CELL``). The columns are read by what
their header cell says (``vocab.ATTENDANCE_TABLE_COLUMNS``), not by their position. A table drawn with rules is read
from its cells, over the next page when it goes on there without its header; one set with spaces or tabs, from the
pieces of its lines, each in the column of the header piece it stands under. A roll call without header ("DUPONT
Jean ........ présent") is read a row at a time.
"""

from __future__ import annotations

import regex

from models.layout import IngestedDocument, Line, Table
from models.records import Attendance
from pipeline import vocab
from pipeline.layout import column_under
from pipeline.normalize.names import name_key, strip_civility, without_stops

HEADER_ROWS = 2  # rows at the top of a table where its header is looked for
MIN_STATUS_COLUMNS = 2  # a presence table has at least two status columns (présent, absent…)
FIRST_PAGES = 3  # pages at the start of a file where its presence table stands
MIN_SAID_ROWS = 3  # rows of a member and their status in words that make a roll call
CONTINUED_EDGE = 3.0  # points: a table going on over the next page keeps its left and right edges within this


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
        if is_presence_header(meanings):
            return k, meanings
    return None


def is_presence_header(meanings: dict[int, str]) -> bool:
    """A name column and at least ``MIN_STATUS_COLUMNS`` status columns, or one column of statuses in words."""
    statuses = [m for m in meanings.values() if m in ("present", "excused", "absent", "proxy")]
    return "name" in meanings.values() and (len(statuses) >= MIN_STATUS_COLUMNS or "status" in meanings.values())


def cell_status(text: str | None) -> tuple[str | None, str | None]:
    """The status a cell says in words, and the holder of the member's proxy (``vocab.STATUS_CELL``)."""
    text = " ".join((text or "").split())
    for status, pattern in vocab.STATUS_CELL if text else ():
        m = pattern.match(text)
        if m:
            holder = m.groupdict().get("to")
            return status, (without_stops(strip_civility(holder)[1]) if holder else None)
    return None, None


def table_attendance(table: Table, doc_id: str, delib_id: str | None,
                     header: tuple[int, dict[int, str]] | None = None) -> list[Attendance]:
    """One row per member of a presence table; a name in the proxy column is who holds the member's proxy.
    ``header``: the header row and its meanings, when the table prints none (it goes on from the page before)."""
    found = header or _header(table)
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
    said = next((cell_status(row[i]) for i, m in meanings.items() if m == "status" and i < len(row)), (None, None))
    if said[0]:
        return said
    marked = [m for i, m in meanings.items() if m in ("present", "excused", "absent")
              and i < len(row) and row[i] and vocab.STATUS_MARK.match(row[i])]
    return (marked[0] if len(marked) == 1 else None), None


def presence_tables(doc: IngestedDocument, doc_id: str, delib_id: str | None) -> list[Attendance]:
    """The members of the presence tables printed on the first pages of a file: drawn with rules, else set with
    spaces."""
    pages = range(1, min(FIRST_PAGES, len(doc.pages)) + 1)
    ruled = [row for table, header in _with_headers([t for page in pages for t in doc.tables(page)])
             for row in table_attendance(table, doc_id, delib_id, header)]
    return ruled or [row for page in pages for table in aligned_presence_tables(doc.pages[page - 1].lines)
                     for row in table_attendance(table, doc_id, delib_id)] \
        or [row for page in pages for row in said_statuses(doc.pages[page - 1].lines, doc_id, delib_id)]


def said_statuses(lines: list[Line], doc_id: str, delib_id: str | None) -> list[Attendance]:
    """The members of a roll call set as rows without a header: a member, a wide gap, their status in words ("BOYER
    Henri ........ présent", "TRAN Elise    pouvoir à ANDRIEU Grégoire"), ``MIN_SAID_ROWS`` such rows or more in a
    row."""
    rows, run = [], []
    for line in [*lines, None]:
        said = _said_row(line) if line is not None else None
        if said is not None:
            run.append((line, said))
            continue
        if len(run) >= MIN_SAID_ROWS:
            for row_line, (name, status, proxy) in run:
                civility, name = strip_civility(name)
                rows.append(Attendance(doc_id=doc_id, delib_id=delib_id, status=status, civility=civility or None,
                                       name=name, name_key=name_key(name), proxy_to=proxy, page=row_line.page))
        run = []
    return rows


def _said_row(line: Line) -> tuple[str, str, str | None] | None:
    """(member, status, proxy holder) of a row whose two pieces are a member and a status, apart by a wide gap or
    by dot leaders."""
    pieces = [text for _, _, text in line.segments] if len(line.segments) > 1 else _LEADERS.split(line.text)
    if len(pieces) != 2:
        return None
    name, said = _LEADERS.sub("", pieces[0]).strip(" :"), pieces[1].lstrip(" .…:")
    status, proxy = cell_status(said)
    return (without_stops(name), status, proxy) if status and vocab.NAME_LIKE.match(name) else None


_LEADERS = regex.compile(r"\s*(?:\.{3,}|…+)[.…\s]*")  # "BOYER Henri ........ présent"


def presence_table_areas(doc: IngestedDocument, pages: set[int]) -> list[Table]:
    """The presence tables among ``pages`` (those of the first pages), ruled or set with spaces: their cells are read
    by ``presence_tables``, never as lists ("Présent" in a member's row is no list heading)."""
    wanted = sorted(p for p in pages if p <= min(FIRST_PAGES, len(doc.pages)))
    aligned = [table for page in wanted for table in aligned_presence_tables(doc.pages[page - 1].lines)]
    if not any(p in doc.ruled_pages for p in wanted):
        return aligned
    first = range(1, min(FIRST_PAGES, len(doc.pages)) + 1)
    return [table for table, header in _with_headers([t for page in first for t in doc.tables(page)])
            if header is not None and table.page in wanted] + aligned


def _with_headers(tables: list[Table]) -> list[tuple[Table, tuple[int, dict[int, str]] | None]]:
    """Each table with the header it is read by: its own, or, for a table at the top of the next page that prints
    none, as many columns and the same width, the header of the presence table it goes on from (a roster of 40
    members over two pages)."""
    out, last = [], None
    for table in tables:
        own = _header(table)
        if own is not None:
            last = (table, own)
            out.append((table, own))
        elif last is not None and _goes_on(last[0], table):
            out.append((table, (-1, last[1][1])))  # (header row -1: every row of the table is a member's)
            last = (table, last[1])
        else:
            out.append((table, None))
            last = None
    return out


def _goes_on(before: Table, table: Table) -> bool:
    """A table on the next page, as many columns, the same left and right edges (``CONTINUED_EDGE``)."""
    return table.page == before.page + 1 and bool(table.rows) and bool(before.rows) \
        and len(table.rows[0]) == len(before.rows[0]) \
        and abs(table.bbox[0] - before.bbox[0]) <= CONTINUED_EDGE \
        and abs(table.bbox[2] - before.bbox[2]) <= CONTINUED_EDGE


def aligned_presence_tables(lines: list[Line]) -> list[Table]:
    """Presence tables set with spaces or tabs: a line whose pieces read as a presence table's header, and the lines
    below it whose pieces stand under its columns, each piece in the column it overlaps most (or stands nearest).
    The table ends at a line that starts outside the name column or runs across the next one."""
    out = []
    for i, line in enumerate(lines):
        if len(line.segments) < 2 or not is_presence_header(
                column_meanings(tuple(t for _, _, t in line.segments))):
            continue
        columns = [(x0, x1) for x0, x1, _ in line.segments]
        rows = [tuple(t for _, _, t in line.segments)]
        for below in lines[i + 1:]:
            cells = _under(below, columns)
            if cells is None:
                break
            rows.append(cells)
        if len(rows) > 1:
            out.append(Table(page=line.page, bbox=(line.x0, line.top, line.x1, lines[i + len(rows) - 1].bottom),
                             rows=tuple(rows), ruled=False))
    return out


def _under(line: Line, columns: list[tuple[float, float]]) -> tuple[str | None, ...] | None:
    """A line's pieces by the column each stands under; None when the line is not a row of the table."""
    pieces = line.segments or ((line.x0, line.x1, line.text),)
    first = pieces[0]
    if column_under(first[0], first[1], columns) != 0 or first[1] > columns[1][0]:
        return None
    cells: list[str | None] = [None] * len(columns)
    for piece in pieces:
        k = column_under(piece[0], piece[1], columns)
        cells[k] = piece[2] if cells[k] is None else f"{cells[k]} {piece[2]}"
    return tuple(cells)
