"""The budget imputation table -> budget_lines.csv; subsidy tables -> beneficiary amounts.

Three readings of one table, tried in order: a ruled table (cells from pdfplumber), then the text lines of the
imputation article read row by row — a row starts at an operation code or an imputation, its amounts are the
bare decimals it holds (in the order of the amount columns of the header), its label the rest of its text, so
cells that wrap over several lines are rebuilt. Columns are named by the meaning of their header
(``vocab.BUDGET_COLUMNS``), never by their position.
"""

from __future__ import annotations

import re

import regex

from models.layout import IngestedDocument, Table
from models.records import Amount, BudgetLine
from models.sections import Section
from pipeline import vocab
from pipeline.ingest import add_tables
from pipeline.normalize.amounts import format_french, parse_amount, parse_decimal

_SPACES = re.compile(r"\s+")
AMOUNT_COLUMNS = ("ae", "depense")


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()


def header_meanings(text: str) -> list[str]:
    """Column meanings in the order the header prints them ("Code Opération Imputation ... AE € Dépense €")."""
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
    return [meaning for _, meaning in sorted(found)]


def _amount(cell: str | None):
    parsed = parse_decimal(collapse((cell or "").replace("€", "")))
    return parsed.value if parsed.ok else None


def table_budget_lines(table: Table, doc_id: str, delib_id: str | None) -> list[BudgetLine]:
    """A ruled table whose header names at least an imputation or a code and an amount column."""
    if not table.rows:
        return []
    header_rows = 0
    columns: dict[int, str] = {}
    for row in table.rows[:3]:
        row_meanings = {}
        for i, cell in enumerate(row):
            meanings = header_meanings(collapse(cell))
            if len(meanings) == 1:
                row_meanings[i] = meanings[0]
        if len(row_meanings) >= 2:
            columns.update(row_meanings)
            header_rows += 1
        else:
            break
    meanings = set(columns.values())
    if not ({"code_operation", "imputation"} & meanings and {"ae", "depense"} & meanings):
        return []
    by_meaning = {m: i for i, m in columns.items()}
    out = []
    for row in table.rows[header_rows:]:
        def cell(meaning: str) -> str | None:
            i = by_meaning.get(meaning)
            return collapse(row[i]) if i is not None and i < len(row) and row[i] else None
        depense, ae = _amount(cell("depense")), _amount(cell("ae"))
        if depense is None and ae is None:
            continue
        out.append(BudgetLine(doc_id=doc_id, delib_id=delib_id, code_operation=cell("code_operation"),
                              imputation=_imputation(cell("imputation")), label=cell("label"), ae=ae,
                              depense=depense, page=table.page))
    return out


def _imputation(text: str | None) -> str | None:
    if not text:
        return None
    m = vocab.IMPUTATION_CODE.search(text)
    return _SPACES.sub("", m.group(0)) if m else text


def text_budget_lines(section: Section, doc_id: str, delib_id: str | None) -> list[BudgetLine]:
    """Rows of a table whose text came out as lines: find the header, then read row by row."""
    lines = [ln for p in section.paragraphs for ln in p.lines]
    header_end = None
    header_text = ""
    for i, line in enumerate(lines):
        # a header is a few short lines ("Code" / "Opération" / "Imputation budgétaire Libellé … Dépense €"), not
        # the sentence that introduces the table ("Les dépenses versées … sont imputées … comme suit :")
        window = [ln.text for ln in lines[max(0, i - 3): i + 1]
                  if len(ln.text.split()) <= 10 and not ln.text.rstrip().endswith(":")]
        header_text_try = collapse(" ".join(window))
        meanings = header_meanings(header_text_try)
        if len(meanings) >= 3 and {"ae", "depense"} & set(meanings):
            header_end, header_text = i, header_text_try
            if i + 1 < len(lines) and _row_start(lines[i + 1].text):
                break
    if header_end is None:
        return []
    amount_order = [m for m in header_meanings(header_text) if m in AMOUNT_COLUMNS] or ["depense"]
    rows: list[dict] = []
    for line in lines[header_end + 1:]:
        text = collapse(line.text)
        if _row_start(text):
            rows.append({"page": line.page, "parts": [text]})
        elif rows:
            if regex.match(r"^\s*\(?\s*(?:Adopt|Rejet)", text):
                break
            rows[-1]["parts"].append(text)
    out = []
    for row in rows:
        text = " ".join(row["parts"])
        code = vocab.OPERATION_CODE.search(text)
        rest = text[code.end():] if code else text
        imputation = vocab.IMPUTATION_CODE.search(rest)
        if imputation:
            rest = rest[: imputation.start()] + " " + rest[imputation.end():]
        amounts = list(vocab.BARE_AMOUNT.finditer(rest))
        values = [parse_decimal(a.group(0)).value for a in amounts]
        label = collapse(vocab.BARE_AMOUNT.sub(" ", rest)).strip(" |-–") or None
        if not values:
            continue
        if len(values) < len(amount_order):  # a missing cell: the last amount is the right-most column
            fields = dict(zip(amount_order[-len(values):], values))
        else:
            fields = dict(zip(amount_order, values[-len(amount_order):]))
        out.append(BudgetLine(doc_id=doc_id, delib_id=delib_id, code_operation=code.group(0) if code else None,
                              imputation=_SPACES.sub("", imputation.group(0)) if imputation else None,
                              label=label, ae=fields.get("ae"), depense=fields.get("depense"), page=row["page"]))
    return out


def _row_start(text: str) -> bool:
    text = text.lstrip(" |")
    return bool(vocab.OPERATION_CODE.match(text) or regex.match(r"^\d{3,4}\s*/\s*\d{2,6}\b", text))


def budget_lines(doc: IngestedDocument, section: Section, doc_id: str, delib_id: str | None) -> list[BudgetLine]:
    """The budget table of an imputation article: ruled cells where the page has them, else its text."""
    pages = sorted({ln.page for p in section.paragraphs for ln in p.lines})
    pages = pages + [pages[-1] + 1] if pages and pages[-1] < len(doc.pages) else pages  # a table may continue
    add_tables(doc, pages)
    ruled: list[BudgetLine] = []
    for number in pages:
        for table in doc.pages[number - 1].tables:
            ruled.extend(table_budget_lines(table, doc_id, delib_id))
    if ruled:
        return ruled
    return text_budget_lines(section, doc_id, delib_id)


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


def money_rows(page) -> int:
    """Lines whose last segment is an amount: the rows of a table of amounts, counted without pdfplumber."""
    return sum(1 for line in page.lines if len(line.segments) >= 2 and _ROW_AMOUNT.fullmatch(line.segments[-1][2])
               and regex.search(r"\d{2}", line.segments[-1][2]))


def subsidy_amounts(doc: IngestedDocument, doc_id: str, delib_id: str | None) -> list[Amount]:
    """Beneficiary | amount rows of ruled subsidy tables, with the beneficiary (and project) in the context. A
    table that goes on over the next pages without repeating its header keeps the columns found above."""
    # pdfplumber is slow: only ruled pages whose text names a beneficiary or an amount column, and their follow-ups
    pages = [n for n in doc.ruled_pages if vocab.SUBSIDY_PAGE_HINT.search(doc.pages[n - 1].text)
             and money_rows(doc.pages[n - 1]) >= MIN_MONEY_ROWS]
    pages = sorted({n for first in pages for n in range(first, first + 40) if n in doc.ruled_pages
                    and all(k in doc.ruled_pages for k in range(first, n + 1))})
    add_tables(doc, pages)
    out = []
    columns: dict[str, int] | None = None
    width = 0
    for number in pages:
        for table in doc.pages[number - 1].tables:
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
        if not name or not parsed.ok or any(regex.match(r"^\s*(?:sous-)?total\b", c or "", regex.IGNORECASE)
                                            for c in row):
            continue
        label = collapse(row[project]) if project is not None and project < len(row) and row[project] else ""
        context = " | ".join(part for part in (name, label, raw) if part)
        out.append(Amount(doc_id=doc_id, delib_id=delib_id, section="subsidy table", raw=raw,
                          value=parsed.value.value, currency="EUR", context=context[:200], page=page))
    return out
