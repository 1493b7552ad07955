"""The budget imputation table -> budget_lines.csv; subsidy tables -> beneficiary amounts.

A budget table is found by its header and read by what its columns mean (``vocab.BUDGET_COLUMNS``: Programme, Code opération,
Chapitre, Nature, Fonction, Imputation, Libellé, AE / AP / crédits disponibles, CP / Montant proposé / Dépense,
Recette), never by their position or by one council's header words. Its readers are strategies tried in order
(``STRATEGIES``), each a function of the document, the pages to look at and the settings:

1. ``ruled``: cells of a table drawn with ruling lines (``doc.tables(page)``);
2. ``text rows``: the text lines of the imputation passage read row by row — a row starts at an operation code or
   an imputation, its amounts are the bare decimals it holds (in the order of the header's amount columns), its
   label the rest, so cells that wrap over several lines are rebuilt;
3. ``aligned``: a table drawn with horizontal rules only, or none: its header's columns give x ranges, every
   piece of text goes to the column it stands in and to the row of the amounts it is level with; it goes on over
   the next page (without its header, or with it repeated) past the page's running footer.

Total and subtotal rows ("Sous-total Insertion", "TOTAL") are not lines: each line keeps the printed (sub)total
of its group and of its table, which ``budget.total_vs_articles`` checks. ``imputation`` is the printed chain
chapitre / nature (or article) / fonction joined with ``/`` in the printed order, whether the table prints it in
one column ("6568/93446") or in separate ones (65 | 6574 | 564 -> "65/6574/564"). The ceiling column (AE, AP,
crédits disponibles or inscrits) goes to ``ae``, and ``ceiling`` says which one it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from models.layout import IngestedDocument, Line, Table
from models.records import Amount, BudgetLine
from models.sections import DeliberationSegment, Section
from pipeline import vocab
from pipeline.layout import column_under
from pipeline.normalize._text import collapse
from pipeline.normalize.amounts import format_french, parse_amount, parse_decimal

_SPACES = re.compile(r"\s+")
AMOUNT_COLUMNS = ("ae", "depense", "recette")
CODE_COLUMNS = ("code_operation", "imputation", "chapitre", "nature", "fonction")
# What a budget code looks like in its cell: "65", "6574", "204182", "6568/93446", "C02-446A05", "10001 Services …"
CODE_CELL = regex.compile(r"^\s*(?:[A-Z]\d{2}-[0-9A-Z]{4,8}|\d{2,6}(?:\s*[/.-]\s*\d{1,6})*)\b")
# Share of a table's lines whose code columns hold a budget code: below it, the table is something else (a
# subsidy list "Bénéficiaire | Nature (F/P) | Montant", a grid of salary groups "Groupes de fonctions | Montant").
MIN_CODED_SHARE = 0.5
CHAIN = ("chapitre", "nature", "fonction")  # the parts of an imputation printed in separate columns


# What a budget table's header cell means: (meaning, pattern, headers seen). Earlier rows win a word: "Libellé
# Opération" is a label, "Nature / Fonction" an imputation, before "opération" or "nature" alone are read.
# Which ceiling the ``ae`` column is, by its header.
# A row that sums others: the grand total, or a subtotal of the rows above it since the previous one.
# The passage that imputes the expenses and introduces the table, wherever it stands (an article, a "Dit que").


def imputes(text: str) -> bool:
    """Whether a passage says where the expenses are charged ("imputées sur", "seront prélevés sur")."""
    return vocab.searches_any(text, vocab.IMPUTATION_WORDING)


@dataclass(frozen=True, slots=True)
class BudgetSettings:
    """Every tolerance of the budget readers, in one place."""

    header_lines: int = 4  # lines of a text header ("Code" / "Opération" / "Imputation … Dépense €")
    header_words: int = 10  # a header line is short; the sentence that introduces the table is not
    header_band: float = 30.0  # points: height of a header whose cells wrap over several lines
    header_pieces: int = 16  # text lines before and after a header line where its other cells' lines may come
    continuation_pages: int = 1  # pages after the passage a table may run onto
    row_reach: float = 16.0  # points: how far above or below its amounts a wrapped cell line may stand
    row_merge: float = 3.0  # points: amounts closer than this vertically are on one row
    page_margin: float = 0.08  # share of the page height, top and bottom, where running heads and footers stand
    wide_line: float = 0.6  # a line wider than this share of the table that fits no column ends the table


SETTINGS = BudgetSettings()




def header_meanings(text: str) -> list[str]:
    """Column meanings in the order the header prints them ("Code Opération Imputation ... AE € Dépense €")."""
    return list(_header_meanings(text))


@lru_cache(maxsize=8192)  # the text readers try the same lines again and again, as windows and as headers
def _header_meanings(text: str) -> tuple[str, ...]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for meaning, pattern in vocab.BUDGET_COLUMNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if meaning not in (f for _, f in found):
                found.append((m.start(), meaning))
                taken.append((m.start(), m.end()))
            break
    return tuple(meaning for _, meaning in sorted(found))


def is_budget_header(meanings: list[str] | set[str]) -> bool:
    """An amount column and a column of budget codes (operation, imputation, chapitre, nature, fonction)."""
    return bool(set(meanings) & set(AMOUNT_COLUMNS)) and bool(set(meanings) & set(CODE_COLUMNS))


def coded(table: _Table) -> bool:
    """Whether most of the table's rows (totals aside) print a budget code in a code column."""
    rows = [cells for cells, _ in table.rows if not total_kind([c for c in cells.values() if c])]
    with_code = sum(1 for cells in rows if any(cells.get(m) and CODE_CELL.match(cells[m]) for m in CODE_COLUMNS))
    return bool(rows) and with_code >= MIN_CODED_SHARE * len(rows)


def ceiling_of(header: str) -> str | None:
    return next((name for name, pattern in vocab.BUDGET_CEILINGS if pattern.search(header)), None)


def total_kind(cells: list[str]) -> str | None:
    """``total`` / ``subtotal`` when a cell of the row says it sums others."""
    for cell in cells:
        for kind, pattern in vocab.BUDGET_TOTAL_ROWS:
            if cell and pattern.match(cell):
                return kind
    return None


def _amount(cell: str | None):
    parsed = parse_decimal(collapse((cell or "").replace("€", "")))
    return parsed.value if parsed.ok else None


def imputation_chain(cells: dict[str, str | None], order: list[str]) -> str | None:
    """The printed imputation: its own column ("6568/93446", "65 / 6574 / 564"), else the chapitre, nature and
    fonction columns joined with ``/`` in the order the header prints them."""
    own = cells.get("imputation")
    if own:
        parts = regex.findall(r"[0-9A-Z]{1,6}", own.replace("/", " "))
        codes = [p for p in parts if any(ch.isdigit() for ch in p)]
        return "/".join(codes) if codes else own
    parts = [cells.get(m) for m in order if m in CHAIN and cells.get(m)]
    return "/".join(collapse(p) for p in parts) or None


@dataclass(slots=True)
class _Table:
    """A budget table being read: its rows as {meaning: text}, its header order, its ceiling."""

    order: list[str]
    ceiling: str | None
    rows: list[tuple[dict[str, str | None], int]]  # (cells, page)
    columns: dict[int, str] | None = None  # ruled tables: the meaning of each cell index
    width: int = 0  # ruled tables: the number of cells a row has
    totals: bool = True  # whether its total rows can be checked (one column per meaning)


def lines_of_table(table: _Table, doc_id: str, delib_id: str | None, number: int) -> list[BudgetLine]:
    """A table's rows as budget lines; (sub)total rows are kept on the lines they sum, not read as lines."""
    out: list[BudgetLine] = []
    group, group_start, table_total = 1, 0, None
    amount_key = "depense" if "depense" in table.order else "recette"
    for cells, page in table.rows:
        kind = total_kind([c for c in cells.values() if c])
        if kind:
            printed = _amount(cells.get(amount_key))
            if kind == "subtotal":
                for line in out[group_start:]:
                    line.subtotal = printed
                group, group_start = group + 1, len(out)
            elif printed is not None:
                table_total = printed
            continue
        depense, ae = _amount(cells.get(amount_key)), _amount(cells.get("ae"))
        if depense is None and ae is None:
            continue
        code, label = code_and_label(cells)
        out.append(BudgetLine(doc_id=doc_id, delib_id=delib_id, code_operation=code,
                              imputation=imputation_chain(cells, table.order), label=label, ae=ae,
                              depense=depense, page=page, programme=cells.get("programme"),
                              ceiling=table.ceiling if ae is not None else None, table=number, group=group))
    for line in out:
        line.table_total = table_total
        if not table.totals:
            line.subtotal = line.table_total = None
    return out


def code_and_label(cells: dict[str, str | None]) -> tuple[str | None, str | None]:
    """An operation cell that holds its code and its name ("10001 Services administratifs") when the table has no
    label column of its own."""
    code, label = cells.get("code_operation"), cells.get("label")
    m = regex.match(r"^\s*(?P<code>\S+)\s+(?P<name>\p{L}.*)$", code or "", regex.VERSION1)
    if m and not label and CODE_CELL.match(m.group("code")):
        return m.group("code"), collapse(m.group("name"))
    return code, label


def table_budget_lines(table: Table, doc_id: str, delib_id: str | None, number: int = 1) -> list[BudgetLine]:
    """A ruled table whose header names what the amounts are for and an amount column."""
    found = ruled_table(table)
    return lines_of_table(found, doc_id, delib_id, number) if found else []


def ruled_table(table: Table, previous: _Table | None = None) -> _Table | None:
    """A ruled table with a budget header; or, right after one (``previous``), the same table going on over the
    next page without its header (as many columns, no header of its own)."""
    if not table.rows:
        return None
    header_rows, columns, headers = ruled_header(table)
    if not is_budget_header(columns.values()):
        if previous is None or previous.columns is None or header_rows or \
                max(len(r) for r in table.rows) != previous.width or table.page != previous.rows[-1][1] + 1:
            return None
        columns, header_rows = previous.columns, 0
        headers = {}
    order = [columns[i] for i in sorted(columns)]
    rows = [(ruled_cells(row, columns), table.page) for row in table.rows[header_rows:]]
    ceiling = ceiling_of(headers.get("ae", "")) if headers else previous.ceiling
    found = _Table(order, ceiling, rows, columns, max(len(r) for r in table.rows))
    found.totals = len(set(order)) == len(order)  # "Dépenses en - | Dépenses en +": no single column to total
    return found


def ruled_cells(row: tuple, columns: dict[int, str]) -> dict[str, str | None]:
    """A row's cells by meaning; of two columns of one meaning, the one filled in. ``_row``: the whole row's text,
    where a total row may say so in a column of no meaning ("TOTAUX" under "Section")."""
    cells: dict[str, str | None] = {"_row": collapse(" ".join(c for c in row if c)) or None}
    for i, meaning in sorted(columns.items()):
        value = collapse(row[i]) if i < len(row) else ""
        if value or meaning not in cells:
            cells[meaning] = value or None
    return cells


def ruled_header(table: Table) -> tuple[int, dict[int, str], dict[str, str]]:
    """The header rows of a ruled table (a cell naming one meaning each), the column of each meaning, and the
    header text of each meaning."""
    header_rows = 0
    columns: dict[int, str] = {}
    headers: dict[str, str] = {}
    for row in table.rows[:3]:
        row_meanings = {}
        for i, cell in enumerate(row):
            meanings = header_meanings(collapse(cell))
            if len(meanings) == 1:
                row_meanings[i] = meanings[0]
                headers[meanings[0]] = collapse(cell)
        if len(row_meanings) >= 2:
            columns.update(row_meanings)
            header_rows += 1
        else:
            break
    return header_rows, columns, headers


def merge_continued(tables: list[_Table]) -> list[_Table]:
    """A table cut by a page break is one table: a table on the next page with the same columns continues the
    one before when that one has printed no total yet."""
    out: list[_Table] = []
    for table in tables:
        last = out[-1] if out else None
        if last is not None and continues(last, table):
            last.rows.extend(table.rows)
        else:
            out.append(table)
    return out


def _imputation(text: str | None) -> str | None:
    if not text:
        return None
    m = vocab.IMPUTATION_CODE.search(text)
    return _SPACES.sub("", m.group(0)) if m else text


# --- Strategy 2: the text lines of the imputation passage, row by row -----------------------------------------

def text_header(lines: list[Line], settings: BudgetSettings) -> tuple[int, str] | None:
    """Where a header of a few short lines ends, and its text."""
    found = None
    for i, line in enumerate(lines):
        # a header is a few short lines ("Code" / "Opération" / "Imputation budgétaire Libellé … Dépense €"), not
        # the sentence that introduces the table ("Les dépenses versées … sont imputées … comme suit :")
        window = [ln.text for ln in lines[max(0, i - settings.header_lines + 1): i + 1]
                  if len(ln.text.split()) <= settings.header_words and not ln.text.rstrip().endswith(":")]
        text = collapse(" ".join(window))
        meanings = header_meanings(text)
        if len(meanings) >= 3 and is_budget_header(meanings):
            found = (i, text)
            if i + 1 < len(lines) and _row_start(lines[i + 1].text):
                break
    return found


def text_table(lines: list[Line], settings: BudgetSettings = SETTINGS) -> _Table | None:
    """Rows of a table whose text came out as lines: a row starts at an operation code or an imputation (or is a
    total row); the lines after it until the next are its wrapped cells."""
    header = text_header(lines, settings)
    if header is None:
        return None
    header_end, header_text = header
    order = header_meanings(header_text)
    amount_order = [m for m in order if m in AMOUNT_COLUMNS] or ["depense"]
    rows: list[tuple[int, list[str]]] = []
    for line in lines[header_end + 1:]:
        text = collapse(line.text)
        if _row_start(text) or total_kind([text]):
            rows.append((line.page, [text]))
        elif rows:
            if regex.match(r"^\s*\(?\s*(?:Adopt|Rejet)", text):
                break
            rows[-1][1].append(text)
    table = _Table(order, ceiling_of(header_text), [])
    for page, parts in rows:
        cells = text_row_cells(" ".join(parts), amount_order)
        if cells:
            table.rows.append((cells, page))
    return table


def text_row_cells(text: str, amount_order: list[str]) -> dict[str, str | None] | None:
    code = vocab.OPERATION_CODE.search(text)
    rest = text[code.end():] if code else text
    imputation = vocab.IMPUTATION_CODE.search(rest)
    if imputation:
        rest = rest[: imputation.start()] + " " + rest[imputation.end():]
    amounts = [a.group(0) for a in vocab.BARE_AMOUNT.finditer(rest)]
    label = collapse(vocab.BARE_AMOUNT.sub(" ", rest)).strip(" |-–") or None
    if not amounts:
        return None
    if len(amounts) < len(amount_order):  # a missing cell: the last amount is the right-most column
        cells: dict[str, str | None] = dict(zip(amount_order[-len(amounts):], amounts))
    else:
        cells = dict(zip(amount_order, amounts[-len(amount_order):]))
    cells.update(code_operation=code.group(0) if code else None, label=label,
                 imputation=_SPACES.sub("", imputation.group(0)) if imputation else None)
    return cells


_IMPUTATION_START = regex.compile(r"^\d{3,4}\s*/\s*\d{2,6}\b")  # "6574 / 025"


def _row_start(text: str) -> bool:
    text = text.lstrip(" |")
    return bool(vocab.OPERATION_CODE.match(text) or _IMPUTATION_START.match(text))


def text_budget_lines(section: Section, doc_id: str, delib_id: str | None) -> list[BudgetLine]:
    """The text reader on one section's lines (kept for callers that hold a section)."""
    table = text_table([ln for p in section.paragraphs for ln in p.lines])
    return lines_of_table(table, doc_id, delib_id, 1) if table else []


# --- Strategy 3: a table aligned in columns, with horizontal rules only or none -----------------------------

@dataclass(frozen=True, slots=True)
class _Piece:
    """A piece of text of a line, between wide gaps: a cell's text, or part of it."""

    page: int
    x0: float
    x1: float
    top: float
    text: str
    line: Line


def pieces(line: Line) -> list[_Piece]:
    parts = line.segments if len(line.segments) >= 2 else ((line.x0, line.x1, line.text),)
    return [_Piece(line.page, x0, x1, line.top, collapse(text), line) for x0, x1, text in parts if collapse(text)]


@dataclass(slots=True)
class _Column:
    x0: float
    x1: float
    texts: list[tuple[float, str]]  # (top, text) of the header pieces
    meanings: list[str]

    @property
    def header(self) -> str:
        return collapse(" ".join(t for _, t in sorted(self.texts)))


def header_columns(band: list[_Piece]) -> list[_Column]:
    """Header pieces that overlap horizontally make one column ("Crédits" over "disponibles")."""
    columns: list[_Column] = []
    for piece in sorted(band, key=lambda p: p.x0):
        column = next((c for c in columns if piece.x0 < c.x1 and c.x0 < piece.x1), None)
        if column is None:
            columns.append(_Column(piece.x0, piece.x1, [(piece.top, piece.text)], []))
        else:
            column.x0, column.x1 = min(column.x0, piece.x0), max(column.x1, piece.x1)
            column.texts.append((piece.top, piece.text))
    for column in columns:  # a narrow column may cut its header inside a word ("Cha" / "pitr" / "e")
        column.meanings = header_meanings(column.header) or header_meanings(column.header.replace(" ", ""))
    return [c for c in columns if c.meanings]


def find_aligned_header(lines: list[Line], settings: BudgetSettings) -> tuple[list[Line], list[_Column]] | None:
    """The first band of short lines whose columns name a budget table (its cells may wrap over a few lines,
    printed in any order), above the first row of amounts; returns the lines of the table's body."""
    for i, line in enumerate(lines):
        if not _short(line, settings) or not header_meanings(line.text):
            continue
        band = header_band(lines, i, settings)
        columns = header_columns([p for ln in band for p in pieces(ln)])
        meanings = [m for c in columns for m in c.meanings]
        if len(columns) >= 3 and len(meanings) >= 3 and is_budget_header(meanings):
            start = min(lines.index(ln) for ln in band)
            return [ln for ln in lines[start:] if ln not in band], columns
    return None


def _short(line: Line, settings: BudgetSettings) -> bool:
    """A header line is short and introduces nothing ("… selon la répartition suivante :" is no header)."""
    return len(line.text.split()) <= settings.header_words and not line.text.rstrip().endswith(":")


def header_band(lines: list[Line], i: int, settings: BudgetSettings) -> list[Line]:
    """The short lines level with line ``i`` (a header's cells wrap), above the reach of the first row of
    amounts below it."""
    line = lines[i]
    below = [ln for ln in lines[i:] if ln.page == line.page and ln.top > line.top]
    first_row = min((ln.top for ln in below if vocab.BARE_AMOUNT.search(ln.text)), default=None)
    reach = settings.header_pieces
    near = [ln for ln in lines[max(0, i - reach):i + reach]
            if ln.page == line.page and abs(ln.top - line.top) <= settings.header_band]
    return [ln for ln in near if _short(ln, settings)
            and (first_row is None or ln.top < first_row - settings.row_reach)]


def aligned_table(doc: IngestedDocument, lines: list[Line], settings: BudgetSettings = SETTINGS) -> _Table | None:
    """A table without vertical rules: the header's columns give x ranges, the amounts give the rows."""
    found = find_aligned_header(lines, settings)
    if found is None:
        return None
    rest, columns = found
    body = table_body(doc, rest, columns, settings)
    anchors: list[tuple[int, float]] = []
    for piece, column in body:
        if set(column.meanings) & set(AMOUNT_COLUMNS) and vocab.BARE_AMOUNT.search(piece.text):
            if not any(p == piece.page and abs(t - piece.top) <= settings.row_merge for p, t in anchors):
                anchors.append((piece.page, piece.top))
    cells: dict[tuple[int, float], dict[int, list[_Piece]]] = {a: {} for a in anchors}
    for piece, column in body:
        near = [a for a in anchors if a[0] == piece.page and abs(a[1] - piece.top) <= settings.row_reach]
        if near:
            row = min(near, key=lambda a: abs(a[1] - piece.top))
            cells[row].setdefault(columns.index(column), []).append(piece)
    order = [m for c in columns for m in c.meanings]
    ae_column = next((c for c in columns if "ae" in c.meanings), None)
    table = _Table(order, ceiling_of(ae_column.header) if ae_column else None, [])
    for anchor in sorted(anchors):
        table.rows.append((row_cells(cells[anchor], columns), anchor[0]))
    return table


def table_body(doc: IngestedDocument, lines: list[Line], columns: list[_Column], settings: BudgetSettings
               ) -> list[tuple[_Piece, _Column]]:
    """The pieces of the table's lines with their column, up to the first line that is no part of it: a line
    wider than the table's columns allow (the next article), past running heads and footers and a header
    repeated on the next page."""
    width = max(c.x1 for c in columns) - min(c.x0 for c in columns)
    out = []
    for line in lines:
        page = doc.pages[line.page - 1]
        found = pieces(line)
        if len(found) == 1 and line.x1 - line.x0 > settings.wide_line * width and not total_kind([line.text]):
            if page.height and not (settings.page_margin * page.height < line.top
                                    < (1 - settings.page_margin) * page.height):
                continue  # a running head or footer: the table may go on over the page
            break
        if len(header_meanings(line.text)) >= 2 and not vocab.BARE_AMOUNT.search(line.text):
            continue  # the header, repeated on a new page
        out.extend(placed for piece in found for placed in split_piece(piece, columns))
    return out


def split_piece(piece: _Piece, columns: list[_Column]) -> list[tuple[_Piece, _Column]]:
    """A piece over several columns whose gaps were too narrow to cut the line ("6574 564" under Nature and
    Fonction): one code or amount a column, when it holds as many as the columns it covers; else one column."""
    over = sorted((c for c in columns if min(c.x1, piece.x1) - max(c.x0, piece.x0) > 0), key=lambda c: c.x0)
    if len(over) >= 2:
        amounts = [m.group(0) for m in vocab.BARE_AMOUNT.finditer(piece.text)]
        tokens = piece.text.split()
        for parts in (amounts, tokens):
            if len(parts) == len(over) and all(vocab.BARE_AMOUNT.fullmatch(t) or CODE_CELL.fullmatch(t)
                                               for t in parts):
                return [(_Piece(piece.page, c.x0, c.x1, piece.top, t, piece.line), c) for t, c in zip(parts, over)]
    return [(piece, column_of(piece, columns))]


def column_of(piece: _Piece, columns: list[_Column]) -> _Column:
    """The column a piece stands in (``layout.column_under``)."""
    return columns[column_under(piece.x0, piece.x1, [(c.x0, c.x1) for c in columns])]


def row_cells(by_column: dict[int, list[_Piece]], columns: list[_Column]) -> dict[str, str | None]:
    """A row's text by meaning. A header cell that names several columns ("Programme Chapitre Nature" printed
    as one line) gets its pieces in order, one a meaning."""
    cells: dict[str, str | None] = {}
    for index, found in by_column.items():
        meanings = columns[index].meanings
        found = sorted(found, key=lambda p: (p.top, p.x0))
        if len(meanings) > 1 and len(found) == len(meanings):
            cells.update(zip(meanings, (p.text for p in sorted(found, key=lambda p: p.x0))))
        elif len(meanings) > 1 and set(meanings) <= set(AMOUNT_COLUMNS):
            amounts = [a.group(0) for p in found for a in vocab.BARE_AMOUNT.finditer(p.text)]
            cells.update(zip(meanings[-len(amounts):], amounts))
        else:
            text = collapse(" ".join(p.text for p in found))
            target = next((m for m in meanings if m == "label"), meanings[-1] if total_kind([text]) else meanings[0])
            cells[target] = text
    return cells


# --- Strategies, in order -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Where:
    """Where a budget table is looked for: the pages, the passage's own lines, and every line from its start on
    (over the next pages too)."""

    pages: list[int]
    own: list[Line]
    after: list[Line]


Strategy = Callable[[IngestedDocument, Where, BudgetSettings], list[_Table]]


def ruled_strategy(doc: IngestedDocument, where: Where, settings: BudgetSettings) -> list[_Table]:
    first, own_pages = where.own[0], {ln.page for ln in where.own}
    doc.read_tables([n for n in where.pages if n in own_pages])
    found: list[_Table] = []
    for number in where.pages:
        if number not in own_pages and not (found and found[-1].rows and found[-1].rows[-1][1] == number - 1):
            continue  # a page after the passage only holds the table going on: not opened when none goes on
        for table in doc.tables(number):
            if number == first.page and table.bbox[3] < first.top:
                continue  # above the passage: another deliberation's table
            read = ruled_table(table, found[-1] if found else None)
            if read is None:
                continue
            if number not in own_pages and not (found and continues(found[-1], read)):
                continue  # the page after the passage: only the table going on
            found.append(read)
    return merge_continued(found)


def continues(before: _Table, after: _Table) -> bool:
    return before.order == after.order and bool(before.rows) and bool(after.rows) \
        and after.rows[0][1] == before.rows[-1][1] + 1 \
        and not any(total_kind([c for c in cells.values() if c]) == "total" for cells, _ in before.rows)


def text_strategy(doc: IngestedDocument, where: Where, settings: BudgetSettings) -> list[_Table]:
    table = text_table(where.own, settings)
    return [table] if table and table.rows else []


def aligned_strategy(doc: IngestedDocument, where: Where, settings: BudgetSettings) -> list[_Table]:
    table = aligned_table(doc, where.after, settings)
    return [table] if table and table.rows else []


STRATEGIES: list[tuple[str, Strategy]] = [("ruled", ruled_strategy), ("text rows", text_strategy),
                                          ("aligned", aligned_strategy)]


def read_budget_tables(doc: IngestedDocument, where: Where, doc_id: str, delib_id: str | None,
                       settings: BudgetSettings = SETTINGS) -> list[BudgetLine]:
    """The first strategy that reads budget lines there."""
    for _, strategy in STRATEGIES:
        out: list[BudgetLine] = []
        for table in strategy(doc, where, settings):
            if not coded(table):
                continue
            out.extend(lines_of_table(table, doc_id, delib_id, len({b.table for b in out}) + 1))
        if out:
            return out
    return []


def budget_lines(doc: IngestedDocument, section: Section, doc_id: str, delib_id: str | None,
                 settings: BudgetSettings = SETTINGS) -> list[BudgetLine]:
    """The budget table of an imputation passage: on its pages and the next ones, from its first line on."""
    lines = [ln for p in section.paragraphs for ln in p.lines]
    if not lines:
        return []
    first = lines[0]
    last_page = min(len(doc.pages), lines[-1].page + settings.continuation_pages)
    pages = list(range(first.page, last_page + 1))
    after = [ln for n in pages for ln in doc.pages[n - 1].lines
             if (ln.page, ln.top) >= (first.page, first.top)]
    return read_budget_tables(doc, Where(pages, lines, after), doc_id, delib_id, settings)


def deliberation_budget_lines(doc: IngestedDocument, segment: DeliberationSegment, doc_id: str,
                              delib_id: str | None) -> list[BudgetLine]:
    """The budget table of a deliberation, read from the passage that says where the expenses are charged
    (``vocab.IMPUTATION_WORDING``, wherever it stands: an article, a "Dit que" clause, the body)."""
    for section in segment.sections:
        if section.kind not in ("header", "attendance", "title", "secretary", "signature") and imputes(section.text):
            found = budget_lines(doc, section, doc_id, delib_id)
            if found:
                return found
    return []

def budget_amounts(lines: list[BudgetLine]) -> list[Amount]:
    """Every amount of the budget table goes to amounts.csv too, with its row as context."""
    out = []
    for line in lines:
        context = " | ".join(str(v) for v in (line.code_operation, line.imputation, line.label) if v)
        for value in (line.ae, line.depense):
            if value is None:
                continue
            out.append(Amount(doc_id=line.doc_id, delib_id=line.delib_id, section="budget",
                              raw=format_french(value), value=value, currency="EUR", context=context[:200],
                              page=line.page))
    return out


# A page is worth opening in pdfplumber for a subsidy table only if this many of its lines end with an amount.
MIN_MONEY_ROWS = 2
_ROW_AMOUNT = regex.compile(r"\d[\d \u00a0\u202f.]*(?:,\d{2})?\s*€?\s*$")


_TWO_DIGITS = regex.compile(r"\d{2}")


def money_rows(page) -> int:
    """Lines whose last segment is an amount: the rows of a table of amounts, counted without pdfplumber."""
    return sum(1 for line in page.lines if len(line.segments) >= 2 and _ROW_AMOUNT.fullmatch(line.segments[-1][2])
               and _TWO_DIGITS.search(line.segments[-1][2]))


_TOTAL_CELL = regex.compile(r"^\s*(?:sous-)?total\b", regex.IGNORECASE)


def subsidy_amounts(doc: IngestedDocument, doc_id: str, delib_id: str | None) -> list[Amount]:
    """Beneficiary | amount rows of ruled subsidy tables, with the beneficiary (and project) in the context. A
    table that goes on over the next pages without repeating its header keeps the columns found above."""
    # pdfplumber is slow: only ruled pages whose text names a beneficiary or an amount column, and their follow-ups
    pages = [n for n in doc.ruled_pages if vocab.SUBSIDY_PAGE_HINT.search(doc.pages[n - 1].text)
             and money_rows(doc.pages[n - 1]) >= MIN_MONEY_ROWS]
    pages = sorted({n for first in pages for n in range(first, first + 40) if n in doc.ruled_pages
                    and all(k in doc.ruled_pages for k in range(first, n + 1))})
    headed = {n for n in pages if vocab.SUBSIDY_HEADER_HINT.search(doc.pages[n - 1].text)}
    doc.read_tables(sorted(headed))
    out = []
    columns: dict[str, int] | None = None
    width = 0
    for number in pages:
        if columns is None and number not in headed:
            continue  # no table of it can be a subsidy table's head, and none goes on onto it: not opened
        for table in doc.tables(number):
            found = subsidy_columns(table.rows[0])
            rows = table.rows[1:]
            if found:
                columns, width = found, len(table.rows[0])
            elif columns is not None and len(table.rows[0]) == width:
                rows = table.rows  # the same table, going on without its header
            elif columns is not None and (inferred := infer_subsidy_columns(table.rows)):
                rows, columns, width = table.rows, inferred, len(table.rows[0])  # going on, with other columns
            else:
                columns = None
                continue
            out.extend(_subsidy_rows(rows, columns, table.page, doc_id, delib_id))
    return out


def subsidy_columns(header: tuple) -> dict[str, int] | None:
    cells = [collapse(c) for c in header]
    columns: dict[str, int] = {}
    for meaning, pattern in vocab.SUBSIDY_COLUMNS:
        if meaning in columns:
            continue
        hits = [i for i, cell in enumerate(cells) if cell and pattern.search(cell) and i not in columns.values()]
        if hits:
            columns[meaning] = hits[-1] if meaning == "amount" else hits[0]  # the amount voted is right-most
    if "beneficiary" not in columns or "amount" not in columns:
        return None
    return columns


def infer_subsidy_columns(rows) -> dict[str, int] | None:
    """Columns of a headerless continuation table, from its cells: the amount is the right-most column of
    euro amounts, the beneficiary the column left of it with the most letters."""
    n = max(len(r) for r in rows)
    def share(i: int, test) -> float:
        cells = [collapse(r[i]) for r in rows if i < len(r) and r[i] and collapse(r[i])]
        return sum(1 for c in cells if test(c)) / len(cells) if cells else 0.0
    amount_cols = [i for i in range(n) if share(i, lambda c: c.endswith("€")) >= 0.6]
    if not amount_cols:
        return None
    what = amount_cols[-1]
    letters = {i: sum(sum(ch.isalpha() for ch in collapse(r[i])) for r in rows if i < len(r) and r[i])
               for i in range(what)}
    if not letters or max(letters.values()) == 0:
        return None
    return {"beneficiary": max(letters, key=lambda i: (letters[i], -i)), "amount": what}


def _subsidy_rows(rows, columns: dict[str, int], page: int, doc_id: str, delib_id: str | None) -> list[Amount]:
    out = []
    who, what, project = columns["beneficiary"], columns["amount"], columns.get("project")
    previous = ""
    for row in rows:
        if what >= len(row) or who >= len(row):
            continue
        name, raw = collapse(row[who]) or previous, collapse(row[what])  # a merged cell covers the rows below
        previous = name
        parsed = parse_amount(raw if "€" in raw or "euro" in raw.lower() else raw + " €")
        if not name or not parsed.ok or any(_TOTAL_CELL.match(c or "")
                                            for c in row):
            continue
        label = collapse(row[project]) if project is not None and project < len(row) and row[project] else ""
        context = " | ".join(part for part in (name, label, raw) if part)
        out.append(Amount(doc_id=doc_id, delib_id=delib_id, section="subsidy table", raw=raw,
                          value=parsed.value.value, currency="EUR", context=context[:200], page=page))
    return out
