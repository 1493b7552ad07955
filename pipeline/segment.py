"""Lines -> paragraphs -> named sections, per deliberation: a state machine over the ingested lines.

States, in reading order: header -> attendance -> title -> visas -> decision (recusals, blocks, articles, votes)
-> signature -> annexes. The French formulas that move it from one state to the next are rows of
``pipeline.vocab``. A session record (compte rendu, registre) holding several deliberations is cut at each
numbered deliberation heading; its header and attendance apply to all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import regex

from models.layout import MISREAD_CONFIDENCE, IngestedDocument, Line, Table
from models.sections import DeliberationSegment, InformationSegment, Paragraph, Section, Segmentation, breaks_word
from pipeline import vocab
from pipeline.layout import column_under, layout, text_lines
from pipeline.normalize.counts import parse_count
from pipeline.normalize.names import names_a_person, split_proxy

# A vertical gap larger than this share of the line height separates two paragraphs.
PARAGRAPH_GAP = 0.75
# Texts whose formulas are remembered (per process): a paragraph is asked the same questions by several stages.
TEXT_CACHE = 4096
# Minutes whose headings give only two points, where the votes close more than this many times as many items,
# are cut by the votes: two headings are too few to trust (Flaux 17/11/2023: "10" of the OCR'd margin box before
# two visas, 12 votes). More headings are kept, whatever the votes: a budget voted chapter by chapter is one point.
VOTE_CLOSED_SHARE = 2
SHORT_LINE = 0.15  # a line ending this share of the text width before the right edge ends its paragraph's heading
INDENT_TOLERANCE = 2.0  # points: two lines whose left edges differ by less are at the same indent
LINE_SPACING_SLACK = 1.0  # points: a row of names this much further below than the row above is still the list's
LIST_ROW_GAP = 1.2  # line heights: a wider gap is a blank line, which ends a paragraph whatever the lines above
LIST_INDENT = 30.0  # points: a paragraph that goes on with a list starts within this of the list's last line


@lru_cache(maxsize=TEXT_CACHE)
def opens_attendance(text: str) -> bool:
    """A line that opens an attendance list, even when its heading wraps before the colon ("Absents ayant voté
    par procuration en application de l'article L 2121-20 du Code Général des" / "Collectivités Territoriales :",
    Montpellier CR 2011): a heading of ``vocab.ATTENDANCE_HEADINGS`` once its colon is put back."""
    head = text.split(":", 1)[0].rstrip()
    return vocab.matches_any(head + " :", vocab.ATTENDANCE_HEADINGS, vocab.ATTENDANCE_WRAPPED) \
        or ":" in text and vocab.matches_any(text, vocab.ATTENDANCE_HEADINGS)  # "… présents : 10 : BERTIN Gérard"


@lru_cache(maxsize=TEXT_CACHE)
def starts_paragraph(text: str) -> bool:
    """Headings and formulas always open a new paragraph, even without a blank line before them."""
    if vocab.ARTICLE.match(text) or vocab.VISA.match(text) or opens_attendance(text):
        return True
    if vocab.matches_any(text, vocab.DECISION_OPEN, vocab.VOTE_START, vocab.SIGNATURE_HEAD, vocab.DELIB_HEADINGS):
        return True
    # "Le Conseil Municipal, après en avoir délibéré, à l'unanimité des Membres présents ;" (Putanges 2019)
    return bool(vocab.SECRETARY_LINE.match(text) or vocab.ANNEX_LABEL.match(text) or inline_vote(text)
                or vocab.RAPPORTEUR_LINE.match(text) or vocab.PRESIDENT_LINE.match(text))


def _opens_information(prev: Line, line: Line) -> bool:
    """The title of an information item printed right under a line that ends a sentence or an item of a list:
    "- Bilan annuel des cessions et acquisitions" then "Décisions prises par délégation du Conseil Municipal au
    maire :" (the last line of the agenda, then the item, Pierrefonds 2025). Not the second line of a title
    ("Mme le Maire Articles L 2122-22 et L 2122-23 du Code Général des Collectivités Territoriales –" / "Lecture des
    décisions prises …", Montpellier CR 2011)."""
    return (_ends_sentence(prev.text) or bool(vocab.LEADING_BULLET.match(prev.text))) \
        and information_heading_line(line.text)


_LETTER = regex.compile(r"\p{L}")


def information_heading_line(text: str) -> bool:
    """A line that is the title of an information item, capitalised ("Décisions prises par délégation du Conseil
    Municipal au maire :" printed right under the last line of the agenda, Pierrefonds 2025)."""
    first = _LETTER.search(text)
    return bool(first) and first.group(0).isupper() and vocab.matches_any(text, vocab.INFORMATION_HEADINGS)


def vote_tables(doc: IngestedDocument) -> dict[int, list[tuple[Table, int]]]:
    """Ruled tables that give each row its own vote (a VOTE column), by page, with that column's index.

    pdfplumber is slow: only ruled pages with a line or a cell that reads like the column's header are opened."""
    pages = [page.number for page in doc.pages if page.number in doc.ruled_pages and any(
        vocab.VOTE_COLUMN.match(text) for line in page.lines for text in (line.text, *(s[2] for s in line.segments)))]
    if not pages:
        return {}
    doc.read_tables(pages)  # one opening of the PDF for all these pages
    out: dict[int, list[tuple[Table, int]]] = {}
    for number in pages:
        for table in doc.tables(number):
            column = next((i for row in table.rows[:3] for i, cell in enumerate(row)
                           if cell and vocab.VOTE_COLUMN.match(" ".join(cell.split()))), None)
            if column is not None:
                out.setdefault(number, []).append((table, column))
    return out


def table_row_paragraphs(table: Table, column: int) -> list[Paragraph]:
    """A vote table read row by row: the row's other cells (beneficiary, amounts) as one paragraph, then its vote
    cell as a paragraph of its own, so that each row is a decision block of the deliberation."""
    x0, top, x1, bottom = table.bbox
    out = []
    header_done = False
    for k, row in enumerate(table.rows):
        cells = [" ".join((c or "").split()) for c in row]
        if not header_done:
            header_done = column < len(cells) and bool(vocab.VOTE_COLUMN.match(cells[column]))
            continue
        y = top + k  # the rows keep their order; their exact height is not known
        rest = " | ".join(c for i, c in enumerate(cells) if c and i != column)
        vote = cells[column] if column < len(cells) else ""
        for text in (rest, vote):
            if text:
                out.append(Paragraph([Line(page=table.page, text=text, x0=x0, top=y, x1=x1, bottom=y + 0.5)]))
    return out


def in_table(line: Line, table: Table) -> bool:
    """Whether a line stands inside a table's box (its page is the caller's to check)."""
    x0, top, x1, bottom = table.bbox
    return line.top >= top - 2 and line.bottom <= bottom + 2 and line.x0 >= x0 - 2 and line.x1 <= x1 + 2


def side_by_side_lists(lines: list[Line]) -> list[Line]:
    """Attendance lists printed side by side ("Présents :" on the left, "Absents excusés :" on the right, their
    names row by row): the text layer gives each row as one line with a wide gap, so the right list's names would
    run into the left one. Where a line's later piece opens an attendance list, that piece and the pieces below it
    at the same left edge are read after the left column, until a line crosses that edge or the rows stop."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        edge = next((x0 for x0, _, text in line.segments[1:] if ":" in text and opens_attendance(text)), None)
        if edge is None:
            out.append(line)
            i += 1
            continue
        band = [line]
        while i + len(band) < len(lines) and _in_band(band[-1], lines[i + len(band)], edge):
            band.append(lines[i + len(band)])
        left = [part for ln in band for part in [_pieces(ln, lambda x0: x0 < edge - SIDE_TOLERANCE)] if part]
        right = [part for ln in band for part in [_pieces(ln, lambda x0: x0 >= edge - SIDE_TOLERANCE)] if part]
        out.extend(left + right)
        i += len(band)
    return out


def label_cells(lines: list[Line]) -> list[Line]:
    """A list's heading printed in a cell of its own left of its names ("Présents  |  Gilles Roumieu, Sandrine
    Pujol-Castan, …", a table of two columns, ruled or not): the heading is a line of its own above the names, as a
    heading alone on its line is read (``attendance_status``)."""
    out: list[Line] = []
    for line in lines:
        label = line.segments[0][2] if len(line.segments) > 1 else ""
        # (not lists printed side by side, "Présents :   Absents excusés :": ``side_by_side_lists`` reads those)
        if label and len(label) <= 40 and _STATUS_STEM.search(label) and _bare_heading(label.rstrip(" :")) \
                and not opens_attendance(line.segments[1][2]):
            out.extend(split_line(line, len(label)))
        else:
            out.append(line)
    return out


# Where a sentence ends on a line and something else may start: ". Étaient présents : …", "; Absents : …"
# Where a list may start inside a run of text: after a sentence's end, or before "Étaient présents", a verb that opens
# nothing but a list ("… DU 03 JUILLET 2019 Etaient présents : …", a compte rendu of 2019 set as one paragraph)
_SENTENCE_THEN = regex.compile(r"[.;]\s+(?=\p{Lu})|(?<=\p{L})\s[-–]\s*(?=\p{Lu})|\s(?=(?:[ÉE]tai(?:en)?t|Sont)\s+(?:pr[ée]sente?s?|absente?s?|excus[ée]e?s?|repr[ée]sent[ée]e?s?)\b)"
                               # a heading in capitals after a comma or a name: "…, Président, PRESENTS : Mmes …"
                               # (2021), "… M. POIRIER Yvon ABSENTS EXCUSÉS : ABSENTS NON EXCUSÉS : …" (2019)
                               r"|,?\s+(?=\p{Lu}{3,}\b[^\p{Ll}:]{0,40}:)"
                               # the secretary's line after the last name: "Absent : Mr MAHIEU Secrétaire : Mme X." (2012)
                               # (or its designation: "… Paula FERREIRA DA SILVA. Désignation du secrétaire de séance
                               # : Madame X est désignée …", a comité syndical of 2011)
                               r"|\s(?=(?i:(?:d[ée]signation\s+(?:du|de\s+la)\s+)?secr[ée]ta(?:ires?|riat))\b[^:]{0,20}:)"
                               # a heading right after a surname in capitals: "… Secrétaire : Gérard BOUVERET Présents :
                               # Henri MASSON, …" (2014), "… Mme Françoise VASSEUR Est absent:/" (2017)
                               r"|(?<=\b\p{Lu}{2,})\s+(?=(?:(?:Sont|Est|[ÉE]tai(?:en)?t)\s+(?i:pr[ée]sente?s?|absente?s?|"
                               r"excus[ée]e?s?)|Pr[ée]sente?s?|Absente?s?|Excus[ée]e?s?|Pouvoirs?|Procurations?)\b[^:]{0,40}:)"
                               # … or after a count or a word, when a name follows its colon: "… Absents : 2 Présents :
                               # Sandrine PERRIER, …", "… conseillers municipaux Procurations : Aurélie FALCO" (2018), "…
                               # Votants : 28 Membres présents : M. PELISSIER Henri, Maire, …" (2012); or a heading that
                               # opens with its article: "… René PY Le ou les membre(s) absent(s) ayant donné un pouvoir :
                               # …" (2016), "Noms des absents …" (2015); after an hour's dash, "… 18 h 00- Présents :
                               # BERTIN Jean-Paul, …" (2015); after the chair's office and its colon, "… sous la présidence
                               # de M. Francis STOLL, Maire : Membres présents : Joseph HUEBER, …" (2018); "… du 21/07/2020
                               # Titulaires présents : B. ALTHAUSER, …" (a conseil communautaire, 2020)
                               r"|(?<=[\p{L}\d),*:/-])\s+(?=(?:(?:Membres|Conseillers|D[ée]l[ée]gu[ée]s|Titulaires|Suppl[ée]ants)"
                               r"\s+(?i:pr[ée]sents|absents|excus[ée]s|repr[ée]sent[ée]s)|Pr[ée]sente?s?|Absente?s?|Excus[ée]e?s?|"
                               r"Pouvoirs?|Procurations?)\b[^:\d]{0,40}:"
                               r"\s*(?:M\.|Mme|Monsieur|Madame|MM\.?|Mmes|\p{Lu}\.\s*\p{Lu}|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}|"
                               # (or the next heading or nothing, the list empty: "… ROUX Ghislaine Absents non excusés :
                               # Pouvoirs : Mme …")
                               r"\p{Lu}{2,}\s+\p{Lu}\p{Ll}|(?:Pouvoirs?|Procurations?|Absente?s?|Excus[ée]e?s?)\b[^:\d]{0,40}:|$)"
                               r"|(?:Le\s+ou\s+les|Les|Noms?\s+des)\s+[^:]{0,60}:)"
                               # a heading with a capital and without its colon, after anything, when a name follows it
                               # (``vocab.RUN_IN_HEAD``): "… PAGAT et VIALLON Absents excusés Mme ARNAUD qui avait donné
                               # pouvoir …" (2012), "… Date d affichage 2 octobre 2013 Présent(e)s C. Rouquier, Président,
                               # …" (a conseil communautaire, 2013)
                               r"|\s(?=(?=\p{Lu})(?i:" + vocab.RUN_IN_HEAD + r")\s*,?\s+(?:" + vocab.CIVILITY_THEN_NAME + "|"
                               + vocab.LISTED_NAME + "))"
                               # … or its count between two colons, then the names: "… EN EXERCICE 15 : présents : 15 :
                               # VERNEUIL Patrick, …" (2008)
                               r"|(?<=:)\s+(?=(?i:pr[ée]sents?|absents?|excus[ée]s?)\s*:\s*\d{1,3}\s*:\s*(?:"
                               + vocab.CIVILITY_THEN_NAME + "|" + vocab.LISTED_NAME + "))")


_LINKED = regex.compile(r"(?i)\b(?:du|de|des|d'|d’|le|la|les|un|une|au|aux|en|et|à)\s*$")


def cut_at_inline_lists(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph in which a sentence ends and an attendance list starts ("… sous la présidence de M. Jean DUPONT,
    Maire. Étaient présents : A, B. Absents excusés : C." as one run of text, its heading anywhere in a line or
    across two) is cut there: each list is then a paragraph of its own, as when printed on lines of its own."""
    lines = list(paragraph.lines)
    text = " ".join(line.text for line in lines)
    if ":" not in text and not _STATUS_STEM.search(text):  # (a heading may lack its colon: "Absents M. X")
        return [paragraph]
    # (not inside the paragraph's own heading: "ABSENTS AYANT DONNE PROCURATION :" is one heading, 2021)
    # (a heading printed without its colon ends where its words do: "PRESENTS Pascal LORENZI, …", 2014)
    found = attendance_status(text) if opens_attendance(text) else None
    heading_end = (found[1] if found[1] else text.find(":")) if found else -1
    # (nor after a word that holds the next one to it: "1. DESIGNATION DU SECRETAIRE DE SEANCE : …", 2022)
    cut = next((m.end() for m in _SENTENCE_THEN.finditer(text) if m.end() > heading_end
                and not _LINKED.search(text, 0, m.start() + 1)
                and (opens_attendance(text[m.end():]) or vocab.SECRETARY_LINE.match(text[m.end():]))), None)
    if cut is None:
        return [paragraph]
    start = 0
    for k, line in enumerate(lines):
        if cut <= start + len(line.text):
            break
        start += len(line.text) + 1
    if cut == start:
        head, tail = lines[:k], lines[k:]
    else:
        first, rest = split_line(lines[k], cut - start)
        head, tail = lines[:k] + [first], [rest] + lines[k + 1:]
    return [Paragraph(head), *cut_at_inline_lists(Paragraph(tail))]


def split_line(line: Line, at: int) -> tuple[Line, Line]:
    """A line cut in two at a position of its text: its pieces (``segments``) are cut where the text is, the piece
    astride the cut in proportion of its characters; OCR's words go to the side their left edge is on."""
    if not 0 < at < len(line.text):
        raise ValueError(f"a line is cut inside its text, not at {at}")
    start = 0
    segments = tuple(line.segments) or ((line.x0, line.x1, line.text),)
    for k, (x0, x1, text) in enumerate(segments):
        if at < start + len(text) or k == len(segments) - 1:  # (the space between two pieces: the next one)
            p = min(max(at - start, 0), len(text))
            cut = x0 + (x1 - x0) * p / max(len(text), 1)
            head = (*segments[:k], (x0, round(cut, 2), text[:p].rstrip())) if text[:p].strip() else segments[:k]
            tail = ((round(cut, 2), x1, text[p:].lstrip()), *segments[k + 1:])
            break
        start += len(text) + 1
    return (replace(line, text=" ".join(t for _, _, t in head), x1=head[-1][1], segments=head,
                    words=tuple(w for w in line.words if w[0] < cut)),
            replace(line, text=" ".join(t for _, _, t in tail), x0=tail[0][0], segments=tail,
                    words=tuple(w for w in line.words if w[0] >= cut)))


# A tally set as a small table with spaces: a row of labels ("Votants   Pour   Contre   Abstentions") and, under it,
# a row of as many numbers ("5   3   1   1").
_TALLY_LABEL = regex.compile(r"^\s*(?:votants?|pour|contre|abstentions?|suffrages\s+exprim[ée]s|exprim[ée]s|nuls?|"
                             r"blancs?)\s*$", regex.IGNORECASE)
_TALLY_NUMBER = regex.compile(r"^\s*\d{1,3}\s*$")
_SPECK_EDGES = " _-–—|.,:;" + vocab.SPECKS
MAX_SPECKS = 1  # pieces of a tally's row of numbers that are no number (OCR's specks) and still leave it a row


def tally_rows(lines: list[Line]) -> list[Line]:
    """A tally printed as a row of labels over a row of numbers becomes one line that pairs them ("Votants : 5 –
    Pour : 3 – Contre : 1 – Abstentions : 1"), each number with the label it stands under (``layout.column_under``,
    one number a label), on the labels' line and page. A line of dust between the two rows (".", a scanned table)
    goes with them."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and lines[j].page == line.page and not lines[j].text.strip(_SPECK_EDGES):
            j += 1
        below = lines[j] if j < len(lines) else None
        # (a speck OCR reads beside a label or between two numbers is no cell: "Contre _ Abstention", "Votants . j Pour",
        # "10 ste 7 2 1", "8:", "Votants Se Pour")
        cells = [(x0, x1, t.strip(_SPECK_EDGES)) for x0, x1, t in line.segments
                 if len(t.strip(_SPECK_EDGES)) > 1 and not (line.words and _misread_piece(line, x0, x1, t))]
        labels = [t for _, _, t in cells]
        columns = [(x0, x1) for x0, x1, _ in cells]
        numbers = [(x0, x1, t.strip(_SPECK_EDGES)) for x0, x1, t in (below.segments if below is not None else ())
                   if _TALLY_NUMBER.match(t.strip(_SPECK_EDGES))]
        if below is not None and below.page == line.page and len(labels) >= 2 \
                and len(numbers) == len(labels) and all(_TALLY_LABEL.match(t) for t in labels) \
                and len(below.segments) - len(numbers) <= MAX_SPECKS \
                and [column_under(x0, x1, columns) for x0, x1, _ in numbers] == list(range(len(labels))):
            text = " – ".join(f"{label} : {value.strip()}" for label, (_, _, value) in zip(labels, numbers))
            x1 = max(line.x1, below.x1)
            out.append(replace(line, text=text, x1=x1, bottom=below.bottom, segments=((line.x0, x1, text),)))
            i = j + 1
            continue
        out.append(line)
        i += 1
    return out


def _misread_piece(line: Line, x0: float, x1: float, text: str) -> bool:
    """Whether a piece of an OCR'd line (``x0``-``x1``) is dust read as letters: three characters at most, each of
    its words read under ``MISREAD_CONFIDENCE`` ("Se" at 0 % between "Votants" and "Pour", a scanned tally)."""
    confs = [conf for w0, w1, _, conf in line.words if w0 >= x0 - 0.5 and w1 <= x1 + 0.5]
    return len(text.strip()) <= 3 and bool(confs) and max(confs) < MISREAD_CONFIDENCE


SIDE_TOLERANCE = 4.0  # points: pieces starting within this of the right list's edge belong to it
SIDE_ROWS_GAP = 4.0  # line heights, top to top: a wider gap between two rows ends the lists printed side by side


def _in_band(previous: Line, line: Line, edge: float) -> bool:
    """Whether a line is still a row of the lists side by side: on the same page, close below the row before,
    and no piece of it crosses the right list's edge (a sentence across the page ends the band)."""
    height = max(previous.bottom - previous.top, 1.0)
    pieces = line.segments or ((line.x0, line.x1, line.text),)
    return line.page == previous.page and 0 <= line.top - previous.top <= SIDE_ROWS_GAP * height and \
        not any(x0 < edge - SIDE_TOLERANCE < x1 - SIDE_TOLERANCE for x0, x1, _ in pieces)


def _pieces(line: Line, keep) -> Line | None:
    """The pieces of a line whose left edge ``keep`` accepts, as a line of their own (None when none is)."""
    pieces = [p for p in (line.segments or ((line.x0, line.x1, line.text),)) if keep(p[0])]
    if not pieces:
        return None
    return replace(line, text=" ".join(t for _, _, t in pieces), x0=pieces[0][0], x1=pieces[-1][1],
                   segments=tuple(pieces))


def lines_to_paragraphs(doc: IngestedDocument, lines: list[Line] | None = None) -> list[Paragraph]:
    """The paragraphs of the document's text (``lines``: its text lines in reading order, when already laid out)."""
    tables = vote_tables(doc)
    emitted: set[int] = set()
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    above: Line | None = None  # the line before the last one, in whichever paragraph
    for line in tally_rows(side_by_side_lists(label_cells(text_lines(doc) if lines is None else lines))):
        table = next(((t, c) for t, c in tables.get(line.page, []) if in_table(line, t)), None)
        if table is not None:  # a vote table's lines are replaced by its rows
            if id(table[0]) not in emitted:
                emitted.add(id(table[0]))
                if current:
                    paragraphs.append(Paragraph(current))
                    current = []
                paragraphs.extend(table_row_paragraphs(*table))
            continue
        if current:
            prev = current[-1]
            height = max(prev.bottom - prev.top, line.bottom - line.top, 1.0)
            gap = line.top - prev.bottom
            # (a row of names no further below than the line above it is the list's line spacing: a line's box is its
            # glyphs' ink, and names without accents or descenders, "Bellini Roustan", "C MAILLARD D LEROUX", look
            # further apart; the line above may be the list's heading, alone in its paragraph)
            spaced = gap > PARAGRAPH_GAP * height and not (
                above is not None and above.page == line.page and gap <= prev.top - above.bottom + LINE_SPACING_SLACK
                and gap <= LIST_ROW_GAP * height and _is_names_row(line))
            new = (line.page != prev.page and _ends_sentence(prev.text)) or \
                  (line.page == prev.page and (spaced or gap < -height)) or \
                  starts_paragraph(line.text) and not _wrapped(prev, line) and not _names_go_on(prev, line) or \
                  _ends_block(prev.text) or \
                  bool(vocab.RAPPORTEUR_LINE.match(prev.text)) or _opens_listed_decision(prev, line) or \
                  _after_secretary_line(prev, line) or _sentence_after_list(current[0], prev, line) or \
                  _second_vote(prev.text, line.text) or _opens_information(prev, line)
            if new and not breaks_word(prev.text):  # a word broken at the line's end goes on below
                paragraphs.append(Paragraph(current))
                current = []
        above = current[-1] if current else (paragraphs[-1].lines[-1] if paragraphs else None)
        current.append(line)
    if current:
        paragraphs.append(Paragraph(current))
    return [part for paragraph in paragraphs for part in cut_at_inline_lists(paragraph)]


def _names_go_on(prev: Line, line: Line) -> bool:
    """A row of names in columns under another, at its indent, goes on with the list even when it opens like a
    heading: "C MAILLARD   D LEROUX   S BOUTEMY" / "V THERY   MC BOULET   TAVERNIER" (an initial, not the roman rank
    V). (Rows of two pieces or more: a title alone on its line, "ORDRE DU JOUR", is no row.)"""
    return line.page == prev.page and abs(line.x0 - prev.x0) < INDENT_TOLERANCE and len(prev.segments) > 1 \
        and len(line.segments) > 1 and _row_of_names(prev) and _row_of_names(line) and not opens_attendance(line.text)


def _is_names_row(line: Line) -> bool:
    return bool(vocab.NAME_LIKE.match(line.text)) or _row_of_names(line)


_ENDS_WITH_NUMBER = regex.compile(r"\b\d+\s*$")


def _wrapped(prev: Line, line: Line) -> bool:
    """A line that goes on with the sentence of the line before it, at the same indent, is not a heading even when
    it opens with a number or a status word: "… de l'article L5211-" then "5 III du Code Général …" (Aiglun 2013),
    "… (26 voix contre, 1 abstention et 3 pour) des" then "Membres présents et représentés :" (Putanges 2020)."""
    if line.page != prev.page or abs(line.x0 - prev.x0) >= INDENT_TOLERANCE:
        return False
    if _POSITION_GOING_ON.match(line.text) and _ENDS_WITH_NUMBER.search(prev.text):
        return True
    if any(kind == "item" and pattern.match(line.text) for kind, pattern in vocab.DELIB_HEADINGS):
        return bool(regex.search(r"(?:[\p{Ll},]|[\p{L}\d]-)\s*$", prev.text))
    # before an attendance heading, the sentence goes on after a word of running text ("des"), not after the last
    # name of a list printed without a final stop ("Présents : …, Mme VIDAL Océane" then "Excusés : …")
    return bool(regex.search(r"(?:(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’]*|[\p{L}\d]-)\s*$", prev.text)) \
        and vocab.matches_any(line.text, vocab.ATTENDANCE_HEADINGS)


def _sentence_after_list(first: Line, prev: Line, line: Line) -> bool:
    """A list closed by its full stop, then a sentence on the next line ("Absents non excusés : Monsieur PAQUIER." /
    "Le quorum étant atteint, le Conseil de Communauté peut délibérer.", a communauté de communes, 2015): the
    sentence is no part of the list."""
    return prev.text.rstrip().endswith(".") and bool(_SENTENCE_START.match(line.text)) \
        and opens_attendance(first.text)


def _after_secretary_line(prev: Line, line: Line) -> bool:
    """The sentence that follows the line naming the secretary ("Secrétaire : Mme CARON a été élue secrétaire de
    séance" then "Monsieur le maire ouvre la séance …", 2023) is a paragraph of its own, not the rest of the name."""
    return bool(vocab.SECRETARY_LINE.match(prev.text)) and (
        bool(_SENTENCE_START.match(line.text)) or prev.text.rstrip().endswith(".") and line.text[:1].isupper()
        or counts_only(line.text))  # "Secrétaire de Séance : X" / "Conseillers en exercice : 10" (2018)


def _opens_listed_decision(prev: Line, line: Line) -> bool:
    """A decision of a list that carries its own vote ("- vote par 5 voix pour et 2 contre les taux d'imposition
    2024 ;" under "Le Conseil municipal :", a compte rendu sommaire): a paragraph of its own."""
    return bool(vocab.LEADING_BULLET.match(line.text)) and _ends_sentence(prev.text) and is_vote_text(line.text)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", ")", "»"))


def _second_vote(previous: str, text: str) -> bool:
    """Two votes on consecutive lines: "DM1 pour budget communal approuvé : Vote : 14 pour / 0 contre / 0
    abstention adopté" then the same for the budget assainissement (Couthenans 2021)."""
    return bool(vocab.VOTE_ANYWHERE.search(previous) and vocab.VOTE_ANYWHERE.search(text)
                and vote_fields(previous) & vote_fields(text))


def _ends_block(text: str) -> bool:
    """A vote result closes its paragraph ("(Adopté)", "Adopté à l'unanimité") once its sentence is over: not
    "ADOPTÉ PAR 5 VOIX POUR, 1 VOIX CONTRE (M. LEMAIRE Hugo) ET 1 ABSTENTION (Mme" above "VIDAL Océane)"."""
    return bool(_VOTE_RESULT.match(text)) and not _goes_on(text)


def _goes_on(text: str) -> bool:
    """A line whose sentence goes on below it: a parenthesis left open, or a comma, a link word ("et", "de"), a
    civility or a bare count at its end ("… ET 1" above "ABSTENTION (Mme VIDAL Océane)")."""
    last = text.rstrip()
    word = regex.search(r"[\p{L}\d.'’]+$", last)
    return last.count("(") > last.count(")") or last.endswith((",", "(")) or bool(word) and (
        bool(vocab.NAME_LINK.fullmatch(word.group(0).rstrip("."))) or word.group(0).isdigit())


# A vote's position word that goes on with the count ending the line above ("… ET 1" / "ABSTENTION (Mme …)"); a
# label with its colon or its own count ("Contre : 2", "CONTRE 1 (Jean Marie SALANON)") is a tally line of its own.
_POSITION_GOING_ON = regex.compile(r"^\s*(?:voix\s+)?(?:pour|contre|abstentions?)\b(?!\s*[:\d])", regex.IGNORECASE)


_VOTE_RESULT = regex.compile(r"^\s*\(?\s*(?:Adopt|Rejet)[ée]", regex.IGNORECASE)


@lru_cache(maxsize=TEXT_CACHE)
def attendance_status(text: str) -> tuple[str, int] | None:
    """(status, end of the heading) when a paragraph opens an attendance list: "Présents : …", or a heading
    alone on its first line with the names below it ("Absent\nHélène", Couthenans 2021)."""
    for status, pattern in vocab.ATTENDANCE_HEADINGS if vocab.matches_any(text, vocab.ATTENDANCE_HEADINGS) else ():
        m = pattern.match(text)
        if m:
            return heading_status(status, m.group(0)), m.end()
    first, _, rest = text.partition("\n")
    if rest.strip() and _COUNT_LABEL_LINE.match(rest):
        return None
    if rest.strip():
        for status, pattern in vocab.ATTENDANCE_BARE_HEADINGS:
            if pattern.match(first):
                return status, len(first)
    bare = _bare_heading(first)
    if bare:  # "Était absente avec procuration" alone on its line, the names below it or in the next paragraphs
        return bare, len(first)
    if not rest.strip():  # "Maryline : absente non excusée": the names come first (heading end 0)
        for status, pattern in vocab.ATTENDANCE_INVERTED:
            if pattern.match(first):
                return status, 0
    return None


# The line under a heading alone on its line that makes it a count's label, not a list's heading: another label or a
# count ("Présents" / "Votants" / ": 15", a header's table of counts flattened to lines, 2022)
_COUNT_LABEL_LINE = regex.compile(r"\s*(?:votants?|absents?|excus[ée]s?|pouvoirs?|procurations?|repr[ée]sent[ée]s|"
                                  r"exprim[ée]s|en\s+exercice|suffrages|:?\s*\d{1,3})\s*:?\s*(?:\n|$)", regex.IGNORECASE)
_STATUS_STEM = regex.compile(r"pr[ée]sent|absent|excus|procuration|pouvoir|repr[ée]sent", regex.IGNORECASE)


def _bare_heading(line: str) -> str | None:
    """The status of a line that is a whole list heading printed without its colon ("Était absente avec
    procuration", "Absents excusés", a syndicat's minutes of 2019)."""
    line = line.strip()
    if not line or len(line) > 80 or line.endswith(":") or not _STATUS_STEM.search(line):
        return None
    head = line + " :"
    for status, pattern in vocab.ATTENDANCE_HEADINGS:
        m = pattern.match(head)
        if m and m.end() == len(head) and status != "guests":
            return heading_status(status, head)
    return None


def heading_status(meaning: str, heading: str) -> str:
    """The status a heading gives: its row's meaning, or for the general grammar (``words``) what its words say
    ("Etait absent, excusé et a donné pouvoir :" -> excused)."""
    if meaning != "words":
        return meaning
    return next((status for status, pattern in vocab.ATTENDANCE_WORDS if pattern.match(heading)), "present")


@lru_cache(maxsize=TEXT_CACHE)
def recusal_kind(text: str) -> str | None:
    if not vocab.searches_any(text, vocab.RECUSALS):
        return None
    return next(kind for kind, pattern in vocab.RECUSALS if pattern.search(text))


@lru_cache(maxsize=TEXT_CACHE)
def decision_open(text: str) -> bool:
    return vocab.matches_any(text, vocab.DECISION_OPEN)


@lru_cache(maxsize=TEXT_CACHE)
def vote_start(text: str) -> bool:
    return vocab.matches_any(text, vocab.VOTE_START)


@lru_cache(maxsize=TEXT_CACHE)
def inline_vote(text: str) -> bool:
    return (decision_open(text) or bool(vocab.DECISION_SUBJECT.match(text))) and bool(vocab.INLINE_VOTE.search(text))


def vote_counts(text: str) -> dict[str, int]:
    return dict(_vote_counts(text))  # a copy: callers may keep or change it


@lru_cache(maxsize=TEXT_CACHE)
def _vote_counts(text: str) -> tuple[tuple[str, int], ...]:
    """The counts a vote prints ("Pour : 24 voix", "14 pour / 0 contre", "et une abstention"): for each field, the
    first match that reads as a count ("Voter pour" is not one)."""
    counts: dict[str, int] = {}
    for field_name, pattern in vocab.VOTE_COUNTS:
        if field_name in counts:
            continue
        for m in pattern.finditer(text, overlapped=True):
            parsed = parse_count(m.group("n"))
            if parsed.ok and isinstance(parsed.value, int):
                counts[field_name] = parsed.value
                break
    return tuple(counts.items())


def vote_fields(text: str) -> set[str]:
    """What a vote paragraph says: its count fields, and "result" for an outcome or unanimity. "Pour à
    l'unanimité" also gives "pour". Two paragraphs that say the same thing are two votes."""
    fields = set(vote_counts(text))
    if vocab.UNANIMOUS.search(text) or vocab.MAJORITY.search(text) or vocab.searches_any(text, vocab.OUTCOMES):
        fields.add("result")
    if vocab.POUR_UNANIMOUS.search(text):
        fields.add("pour")
    return fields


@lru_cache(maxsize=TEXT_CACHE)
def vote_text(text: str) -> str:
    """The part of a paragraph that is the vote: a decision sentence that carries its vote ("Après en avoir
    délibéré, le Conseil Municipal, à l'unanimité des Membres présents :") stops at its colon or semicolon, before
    the decisions it introduces ("➢ Décide d'acquérir … AB 400, 401,402 pour un montant", Putanges 2020)."""
    if inline_vote(text):
        m = vocab.INLINE_VOTE.search(text)
        depth = text.count("(", 0, m.end()) - text.count(")", 0, m.end())
        for end in regex.finditer(r"[()]|[:;](?=\s|$)", text, pos=m.end()):
            depth += {"(": 1, ")": -1}.get(end.group(), 0)
            if end.group() in ":;" and depth <= 0:  # not a colon inside "(2 contre : MM. LOISEAU et NEAU)"
                return text[: end.start()]
    return text


def signature_head(text: str) -> bool:
    return vocab.matches_any(text, vocab.SIGNATURE_HEAD)


def delib_heading(text: str) -> regex.Match | None:
    if not vocab.matches_any(text, vocab.DELIB_HEADINGS):  # most lines: one match says no row can
        return None
    for _, pattern in vocab.DELIB_HEADINGS:
        m = pattern.match(text)
        if m:
            return m
    return None


class DecisionMachine:
    """Decision part of one deliberation: recusals, blocks opened by "Après en avoir délibéré", articles,
    votes. A recusal sentence belongs to the block it stands in; one that follows a closed block opens the next."""

    def __init__(self, segment: DeliberationSegment) -> None:
        self.segment = segment
        self.block = 0
        self.block_open = False  # a block has been opened and not yet closed by a vote
        self.block_has_content = False
        self.current: Section | None = None  # section receiving continuation paragraphs
        self.voted: dict[int, set[str]] = {}  # block -> what its vote paragraphs said (see vote_fields)
        self.fed: list[tuple[str, int, Paragraph]] = []  # (kind, block, paragraph) in reading order

    def _new_block(self) -> None:
        self.block += 1
        self.block_open = True
        self.block_has_content = False

    def _ensure_block(self) -> None:
        if self.block == 0:
            self._new_block()

    def _add(self, kind: str, paragraph: Paragraph, label: str = "") -> Section:
        section = Section(kind, [paragraph], label=label, block=self.block or None)
        self.segment.sections.append(section)
        self.current = section
        return section

    def feed(self, paragraph: Paragraph) -> None:
        text = vocab.LEADING_BULLET.sub("", paragraph.flat)
        if recusal_kind(text) and not vocab.ARTICLE.match(text):
            before, recusal = split_heading(paragraph)
            if recusal is not None:
                # the end of the previous vote or a table row, then the recusal sentence on its own lines:
                # "− Abstentions : 3, …\nPierrefonds animations 2000 €\nMadame Jacqueline HEURTAULT, présidente
                # de l'association, ne prend pas part au vote." (Pierrefonds 2016)
                self.feed(before)
                self.feed(recusal)
                return
        kind = self._feed(paragraph)
        self.fed.append((kind, self.block, paragraph))

    def _vote(self, paragraph: Paragraph, text: str) -> None:
        """A vote paragraph: a new section, or the rest of the block's vote. A paragraph that says again what the
        block's vote already said (a second "Pour", a second result) is the vote of a new block (Pierrefonds: one
        vote per subsidy, per sub-point), except after an article (a result repeated after a trailing article,
        Pas-de-Calais CP 2024)."""
        fields = vote_fields(vote_text(text))
        said = self.voted.get(self.block)
        voted = [s for s in self.segment.sections if s.kind == "vote" and s.block == self.block]
        after_article = self.current is not None and self.current.kind == "article"
        if voted and said is not None and said & fields and not after_article:
            self._new_block()
            voted = []
        if voted:
            voted[-1].paragraphs.append(paragraph)
            self.current = voted[-1]
        else:
            self._ensure_block()
            self._add("vote", paragraph)
        self.voted[self.block] = self.voted.get(self.block, set()) | fields
        self.block_has_content = True
        self.block_open = False

    def _feed(self, paragraph: Paragraph) -> str:
        text = vocab.LEADING_BULLET.sub("", paragraph.flat)
        kind = recusal_kind(text)
        if kind and not vocab.ARTICLE.match(text):
            if not self.block_open or self.block_has_content and self._block_voted():
                self._new_block()
            self._add("recusal", paragraph, label=kind)
            if not (inline_vote(text) or vote_start(text)):
                return "recusal"
            # "Après en avoir délibéré, le Conseil, à l'unanimité des Membres présents, à l'exception de
            # Monsieur X qui ne prend pas part au vote" (Putanges): the same sentence also carries the vote.
            self._add("vote", paragraph)
            self.voted[self.block] = vote_fields(vote_text(text))
            self.block_has_content = True
            self.block_open = False
            return "vote"
        if decision_open(text):
            if inline_vote(text):  # the decision sentence carries the vote
                if not self.block_open or self.block_has_content:
                    self._new_block()
                self._vote(paragraph, text)
                return "vote"
            if not self.block_open or self.block_has_content:
                self._new_block()
            self._add("decision", paragraph)
            return "decision"
        m = vocab.ARTICLE.match(text)
        if m:
            self._ensure_block()
            number = re.sub(r"\s+", "", m.group("num"))
            self.block_has_content = True
            self._add("article", paragraph, label=number)
            return "article"
        if is_vote_text(paragraph.flat):  # (not the sitting's printed counts: "Votants : 13" under "Présents : 11")
            self._vote(paragraph, text)
            return "vote"
        if self.current is not None:
            self.current.paragraphs.append(paragraph)
        else:
            self._add("body", paragraph)
        return "body"

    def close(self) -> None:
        """End of the deliberation. A departure ("quitte la séance", "sort de séance") is a recusal only when it is
        tied to a vote: a vote of its block follows it and the member comes back after that vote, or it says
        which vote it is about; otherwise it is a movement and stays in the text. A recusal that followed the last
        vote, with nothing voted after it, belongs to that vote ("Adopté à l'unanimité. Mme X ... ne prend pas part
        au vote.", Montpellier CR 2011)."""
        for section in self.segment.of_kind("recusal"):
            if section.label != "departure":
                continue
            i = next((i for i, (_, _, p) in enumerate(self.fed) if p is section.paragraphs[0]), len(self.fed))
            after = self.fed[i + 1:]
            vote_at = next((j for j, (k, b, _) in enumerate(after) if k == "vote" and b == section.block), None)
            tied = bool(vocab.DEPARTURE_FOR_VOTE.search(section.paragraphs[0].flat)) or vote_at is not None and any(
                vocab.RETURNS.search(p.flat) for _, _, p in after[vote_at:])
            if tied:
                section.label = "recused"
            else:
                section.kind, section.label, section.block = "body", "", None
        if self.block_open and not self.block_has_content and self.block > 1:
            for section in self.segment.sections:
                if section.block == self.block and section.kind == "recusal":
                    section.block = self.block - 1
            self.block -= 1

    def _block_voted(self) -> bool:
        return any(s.kind == "vote" and s.block == self.block for s in self.segment.sections)


def is_vote(paragraph: Paragraph) -> bool:
    return is_vote_text(paragraph.flat)


@lru_cache(maxsize=TEXT_CACHE)
def is_vote_text(flat: str) -> bool:
    text = vocab.LEADING_BULLET.sub("", flat)
    return (vote_start(text) or inline_vote(text) or bool(vocab.VOTE_ANYWHERE.search(text)) or listed_vote(flat)) \
        and not counts_only(text)


def listed_vote(text: str) -> bool:
    """A decision of a list with its own vote, read with its bullet ("- autorise à l'unanimité le Maire …")."""
    return bool(vocab.LISTED_DECISION.match(text) and vocab.INLINE_VOTE.search(text))


_COUNT_WORDS = regex.compile(r"(?i)\b(?:nombre|de|d'|des|du|conseillers?|membres?|municipaux|d[ée]l[ée]gu[ée]s|"
                             r"titulaires|et|total)\b|[\s,;:.|/–-]+|"
                             # counts no field holds, printed among the others: "… – Absents : 2", "Excusés : 1"
                             r"\b(?:absent|excus[ée])(?:e|s|es|\(e?s?\))*\s*:\s*\d+\b")


@lru_cache(maxsize=TEXT_CACHE)
def _counts_among_header_lines(text: str) -> bool:
    """The sitting's counts set in a box among the header's other lines ("Nombre de votants : 10 Date de la
    publication : 26/02/2019 Nombre d'absents excusés : 0 …", a compte rendu of 2019): "votants" with no position,
    outcome nor unanimity is a count of the sitting, not a vote."""
    return bool(vote_start(text)) and not vote_fields(vote_text(text)) \
        and vocab.searches_any(text, vocab.PRINTED_COUNTS)


def counts_only(text: str) -> bool:
    """A block of the sitting's printed counts and nothing else ("Conseillers en exercice : 15" / "Présents : 12" /
    "Votants : 14" in a header): no vote, whatever "Votants :" opens."""
    rest = text
    for _, pattern in vocab.PRINTED_COUNTS:
        rest = pattern.sub(" ", rest)
    return rest != text and not _COUNT_WORDS.sub("", rest)


def heading_kind(paragraph: Paragraph, vote: bool | None = None) -> str | None:
    """The kind of deliberation heading a paragraph opens with (``vocab.DELIB_HEADINGS``), if any; ``vote``: whether
    the paragraph is a vote, when already known."""
    first = paragraph.lines[0].text
    if not vocab.matches_any(first, vocab.DELIB_HEADINGS) or (is_vote(paragraph) if vote is None else vote) or attendance_status(first):
        return None
    for kind, pattern in vocab.DELIB_HEADINGS:
        m = pattern.match(first)
        if m:
            return None if vocab.NOT_A_TITLE.search(m.group("title")) else kind
    return None


def same_vote(previous: Paragraph, paragraph: Paragraph) -> bool:
    """Whether a vote paragraph goes on with the vote paragraph just before it ("Pour : 57" then "Adopté à
    l'unanimité") rather than being a vote of its own (it says again what the first said)."""
    said = vote_fields(vote_text(vocab.LEADING_BULLET.sub("", previous.flat)))
    return not said & vote_fields(vote_text(vocab.LEADING_BULLET.sub("", paragraph.flat)))


def decision_points(paragraphs: list[Paragraph]) -> list[tuple[int, bool]]:
    """Where each decision point of a session record starts: (paragraph index, starts with a heading)."""
    return session_points(paragraphs)[0]


def session_points(paragraphs: list[Paragraph], sitting: SittingVotes | None = None
                   ) -> tuple[list[tuple[int, bool]], dict[int, str]]:
    """Where each decision point of a session record starts: (paragraph index, starts with a heading); and where
    each information item starts, with its kind (see ``information_starts``).

    Every vote belongs to the nearest heading before it; a vote with no heading before it (the agenda, the
    previous minutes) is a point of its own, titled by the paragraph just before it. Headings that own no vote
    (agenda lists, information points) are not decision points. Heading kinds are tried from the strongest
    (printed deliberation numbers) to the weakest (dashed items): the first that gives two voted headings wins,
    so a dashed line inside a numbered deliberation is not taken for a heading. Under headings that are not
    printed deliberation numbers, a point that owns several votes is cut again at the next weaker headings that
    separate them (Pierrefonds: "1. Budget – Commune" holds "- Approbation du compte de gestion", "- Affectation
    des résultats", … each voted). ``sitting``: ``sitting_votes(paragraphs)``, when the caller has it."""
    last_attendance, voting, votes = sitting or sitting_votes(paragraphs)
    kinds = ranked_chain(paragraphs, {i: heading_kind(p, voting[i]) for i, p in enumerate(paragraphs)
                                      if i > last_attendance})
    best: list[tuple[int, bool]] = []
    levels = vocab.HEADING_LEVELS
    for li, level in enumerate(levels):
        heads = [i for i, k in kinds.items() if k in level]
        points = _owned_points(paragraphs, heads, votes, voting, last_attendance)
        if sum(1 for _, headed in points if headed) >= 2:
            if 0 < li < len(levels) - 1:  # sub-points: the weakest kind, dashed items
                points = _split_points(points, votes, kinds, levels[-1] - levels[-2], len(paragraphs))
            points = sub_numbered_points(paragraphs, points, votes)
            return numbered_acts(paragraphs, points, information_starts(paragraphs, points, votes, kinds, level))
        best = best or points
    return best, {}


class SittingVotes(NamedTuple):
    """Where a session record's attendance lists end (``sitting_lists_end``), which paragraphs after them are votes,
    and where each vote starts (a vote paragraph that goes on with the one before it, ``same_vote``, starts none)."""

    last_attendance: int
    voting: list[bool]
    votes: list[int]


def sitting_votes(paragraphs: list[Paragraph]) -> SittingVotes:
    last_attendance = sitting_lists_end(paragraphs)
    voting = [i > last_attendance and is_vote(p) for i, p in enumerate(paragraphs)]
    votes = [i for i, p in enumerate(paragraphs) if voting[i]
             and not (i > 0 and voting[i - 1] and same_vote(paragraphs[i - 1], p))]
    return SittingVotes(last_attendance, voting, votes)


def ranked_chain(paragraphs: list[Paragraph], kinds: dict[int, str | None]) -> dict[int, str | None]:
    """``kinds`` where the "ranked" headings ("1 – Vente d'un terrain") are only those whose ranks follow each
    other in the record (1, 2, 3 …, from the first one's): a numbered sentence of a point's text ("5 - Les taux
    sont fixés chaque année.") breaks the run and is no heading."""
    expected = None
    out = dict(kinds)
    for i, kind in kinds.items():
        if kind != "ranked":
            continue
        rank = _rank(paragraphs[i])
        if rank is not None and (expected is None or rank == expected):
            expected = rank + 1
        else:
            out[i] = None
    return out


_DIGIT = regex.compile(r"\d")


def number_shape(number: str) -> str:
    """A printed deliberation number with its digits as 9: "DL-055-07-13" -> "DL-999-99-99"."""
    return _DIGIT.sub("9", number.upper())


_REGISTER_NUMBER = regex.compile(r"\d\D+\d|\p{L}")  # "DL-055-07-13", not "13"


def numbered_acts(paragraphs: list[Paragraph], points: list[tuple[int, bool]], information: dict[int, str]
                  ) -> tuple[list[tuple[int, bool]], dict[int, str]]:
    """An item that owns no vote, where the council takes note, and that prints a number of the session's own
    deliberation numbering is a deliberation of that session (the council takes note of a report or of the mayor's
    decision, and the act is numbered and registered: "DL-065-07-13 Rapport d'activité 2012 de la CCPA … prennent
    acte", L'Arbresle 2013), not an information item; so is an act numbered in the register inside an information
    item (a decision taken by delegation, "DL-055-07-13 - Signature du marché …"). The mayor's own decisions
    numbered otherwise ("DM 2024-10" beside "D2024-52", Pierrefonds 2024), and items under an agenda's ranks ("13
    Questions diverses"), stay information."""
    def number(i: int) -> str | None:  # a register's number, not an agenda's rank ("13 Questions diverses")
        m = delib_heading(paragraphs[i].lines[0].text)
        found = m.groupdict().get("num") if m else None
        return found if found and _REGISTER_NUMBER.search(found) else None

    shapes = {number_shape(n) for i, headed in points if headed for n in [number(i)] if n}
    acts = {i for i, kind in information.items()
            if kind == "prise_acte" and number(i) and number_shape(number(i)) in shapes}
    # an act numbered in the register inside an information item: "III. DECISIONS PRISES EN VERTU DES POUVOIRS
    # DELEGUES" then "DL-055-07-13 - Signature du marché …" (L'Arbresle 2013)
    bounds = sorted({i for i, _ in points} | set(information)) + [len(paragraphs)]
    for i in information:
        end = next(b for b in bounds if b > i)
        acts |= {j for j in range(i + 1, end) if number(j) and number_shape(number(j)) in shapes}
    if not acts:
        return points, information
    return sorted([*points, *((i, True) for i in acts)]), {i: k for i, k in information.items() if i not in acts}


def takes_note(segment: DeliberationSegment) -> bool:
    """A numbered deliberation whose council takes note of a report or of a decision, with no vote
    (``numbered_acts``)."""
    return bool(segment.number) and any(kind == "prise_acte" and pattern.search(section.text)
                                        for section in segment.sections for kind, pattern in vocab.INFORMATION_TEXT)


def information_title(paragraph: Paragraph) -> str:
    """The title an item prints on its heading line(s), after its number: "IX. QUESTIONS DIVERSES –
    INFORMATIONS" -> "QUESTIONS DIVERSES – INFORMATIONS"; a heading that wraps is read whole."""
    head, _ = heading_lines(paragraph)
    lines = head.lines  # a line that says the council takes note ends the title ("Le conseil municipal prend acte.")
    cut = next((j for j in range(1, len(lines)) if any(p.search(lines[j].text) for kind, p in vocab.INFORMATION_TEXT
                                                       if kind == "prise_acte")), len(lines))
    head = Paragraph(lines[:cut])
    m = delib_heading(paragraph.lines[0].text)
    text = head.flat if m is None else m.group("title") + " " + " ".join(ln.text for ln in head.lines[1:])
    return " ".join(text.split())


def information_kind(paragraph: Paragraph, body: list[Paragraph], headed: bool) -> str | None:
    """What an item that owns no vote is, if it is information: its title read by ``vocab.INFORMATION_HEADINGS``
    (each title on its own line, "QUESTIONS DIVERSES"), else, for a heading of the session's level, what its text
    says (``vocab.INFORMATION_TEXT``: "Le conseil municipal prend acte.")."""
    title = information_title(paragraph)
    for kind, pattern in vocab.INFORMATION_HEADINGS:
        if pattern.match(title) or pattern.match(paragraph.lines[0].text):
            return kind
    if not headed:
        return None
    text = " ".join(p.flat for p in [paragraph, *body])
    return next((kind for kind, pattern in vocab.INFORMATION_TEXT if pattern.search(text)), None)


def information_starts(paragraphs: list[Paragraph], points: list[tuple[int, bool]], votes: list[int],
                       kinds: dict[int, str | None], level: set[str]) -> dict[int, str]:
    """The items of a session record that are only information, by the paragraph they start at, with their kind.

    An item is information when it owns no vote and its title says so (it runs to the next decision point or
    titled item: the mayor's decisions listed under "ELUS – Décisions prises par le maire …" are each numbered,
    Aiglun 2013), or when it is a heading of the session's level whose own text says so (it runs to the next
    heading of that level). It must print something of its own: an agenda line ("V. Questions diverses" followed
    by the next line of the agenda) is not an item."""
    starts = {a for a, _ in points}
    titled = [i for i in sorted(kinds) if i not in starts and i not in votes and _information_line(paragraphs[i])]
    heads = [i for i in sorted(kinds) if kinds[i] in level and i not in starts and i not in votes]
    first: dict[str, Paragraph] = {}  # each printed number, with the heading that prints it first
    for i in sorted(kinds):
        m = delib_heading(paragraphs[i].lines[0].text) if kinds[i] else None
        if m and m.groupdict().get("num"):
            first.setdefault(m.group("num"), paragraphs[i])
    out: dict[int, str] = {}
    covered = -1  # the end of the last titled item found: a heading inside it is one of its entries
    for i in sorted(set(titled) | set(heads)):
        stops = starts | set(titled) | (set() if i in titled else set(heads))
        end = min([b for b in stops if b > i], default=len(paragraphs))
        if i < covered or any(i < v < end for v in votes) \
                or _repeats(paragraphs[i], [paragraphs[a] for a in [*out, *starts] if a < i]):
            continue
        body = paragraphs[i + 1: end]
        kind = information_kind(paragraphs[i], body, kinds[i] in level) \
            if _prints_text(paragraphs[i], body, kinds, i, level, first) else None
        if kind:
            out[i] = kind
            if i in titled:
                covered = min([b for b in starts | set(titled) if b > i], default=len(paragraphs))
    return out


def _information_line(paragraph: Paragraph) -> bool:
    title = information_title(paragraph)
    return vocab.matches_any(title, vocab.INFORMATION_HEADINGS) \
        or vocab.matches_any(paragraph.lines[0].text, vocab.INFORMATION_HEADINGS)


def _prints_text(head: Paragraph, body: list[Paragraph], kinds: dict[int, str | None], at: int,
                 level: set[str], first: dict[str, Paragraph]) -> bool:
    """Whether an item prints text of its own, so that it is not a line of the agenda ("V. Questions diverses"
    then "- RPQS eau et assainissement 2023", Pierrefonds 2024): text after its heading that is no heading, a line
    that says the council takes note ("… rapport d'activités\nLe conseil municipal prend acte.", Montpellier CR
    2011), a paragraph that is no heading, or items numbered like the session's deliberations (the mayor's
    decisions "DM 2024-10 : Objet : Fermages 2024", Pierrefonds 2024; "14. RESEAUX - EAU - …", Aiglun 2013)."""
    rest = heading_lines(head)[1]
    if rest is not None and heading_kind(rest, False) is None and not vocab.LEADING_BULLET.match(rest.flat):
        return True
    later = " ".join(line.text for line in head.lines[1:])
    if vocab.searches_any(later, vocab.INFORMATION_TEXT):
        return True
    return any(kinds.get(at + 1 + k) in level and _first_printed(p, first) or kinds.get(at + 1 + k) is None
               and not vocab.LEADING_BULLET.match(p.flat) for k, p in enumerate(body))


def _repeats(paragraph: Paragraph, earlier: list[Paragraph]) -> bool:
    """A heading that prints again the number of an item or a point already read: a line of the register's index
    at its end ("2019-03-24 INFORMATION SUR L'OPERATION …", Putanges 2019)."""
    m = delib_heading(paragraph.lines[0].text)
    num = m.groupdict().get("num") if m else None
    return bool(num) and any((e := delib_heading(p.lines[0].text)) and e.groupdict().get("num") == num
                             for p in earlier)


def _first_printed(paragraph: Paragraph, first: dict[str, Paragraph]) -> bool:
    """Whether a heading prints its number for the first time: the index of a register lists the numbers again
    at its end ("2019-03-25 QUESTIONS DIVERSES" then "2019-03-25A VENTE MAISON …", Putanges 2019)."""
    m = delib_heading(paragraph.lines[0].text)
    num = m.groupdict().get("num") if m else None
    return not num or first.get(num) is paragraph


def _owned_points(paragraphs: list[Paragraph], heads: list[int], votes: list[int], voting: list[bool],
                  last_attendance: int) -> list[tuple[int, bool]]:
    """Each vote's point: the nearest heading before it, else the paragraph just before it (its title), else the
    vote itself (also when it says what it approves: "Le procès-verbal de la séance du … est approuvé.")."""
    starts: dict[int, bool] = {}
    for i in votes:
        owner = max((h for h in heads if h < i), default=None)
        if owner is not None:
            starts.setdefault(owner, True)
        elif i - 1 > last_attendance and i - 1 not in starts and not voting[i - 1] \
                and not vocab.SECRETARY_LINE.match(paragraphs[i - 1].flat) \
                and not _names_its_approval(paragraphs[i - 1], paragraphs[i]):
            starts.setdefault(i - 1, False)  # titled by the paragraph before it
        else:
            starts.setdefault(i, False)
    return sorted(starts.items())


def _names_its_approval(before: Paragraph, vote: Paragraph) -> bool:
    """A vote that approves the last minutes in a sentence of its own ("Le procès-verbal de la séance du 6 mars
    2025 est approuvé.") titles its point, unless the paragraph before it is that point's title ("Approbation du
    procès-verbal du Conseil municipal du 13 mai 2024", Putanges 2024)."""
    return bool(vocab.MINUTES_APPROVED.search(vocab.LEADING_BULLET.sub("", vote.flat))) \
        and not vocab.APPROVAL_TITLE.match(vocab.LEADING_BULLET.sub("", before.flat))


def _split_points(points: list[tuple[int, bool]], votes: list[int], kinds: dict[int, str | None],
                  weaker: set[str], end: int) -> list[tuple[int, bool]]:
    """Cut the points that own several votes at the weaker headings between those votes. Only the first weaker
    heading after the point's heading or after a vote opens a sub-point: the dashed lines that follow it are a
    list inside that sub-point ("− D'autoriser Mme le maire …", "− De désigner Maître …", Pierrefonds
    2017)."""
    out: list[tuple[int, bool]] = []
    bounds = [a for a, _ in points[1:]] + [end]
    for (a, headed), b in zip(points, bounds):
        own = [v for v in votes if a <= v < b]
        marks = sorted({a, *own})
        subs = [min(found) for m, n in zip(marks, marks[1:] + [b])
                for found in [[i for i in range(m + 1, n) if kinds.get(i) in weaker]] if found]
        owners = {max((h for h in subs if h < v), default=a) for v in own}
        if len(own) < 2 or len(owners) < 2:
            out.append((a, headed))
            continue
        out.extend((h, True if h != a else headed) for h in sorted(owners))
    return out


TITLE_MAX_WORDS = 14  # a title after a vote is a line of a few words ("M 49 - budget primitif 2023")
TITLE_SHORT = 0.8  # ... that ends before this share of the width of the text column on its page


def titled_after_votes(paragraphs: list[Paragraph], points: list[tuple[int, bool]], sitting: SittingVotes
                       ) -> list[tuple[int, bool]]:
    """Cut a point of minutes that owns several votes where a title follows one of them: a vote closes an item and
    the short line under it opens the next ("Vote : à l'unanimité" / "M 49 - budget primitif 2023" / the item's
    text / "Vote : à l'unanimité" / "CCPU – Marché nocturne 2023" / …, a scanned procès-verbal, Flaux 2023, whose
    underlined titles OCR reads as plain lines, and whose margin box of counts gave two lines the look of ranked
    headings). Only the paragraph right under a vote can open a point, and only when its first line is a title
    (``_title_after_vote``)."""
    _, voting, votes = sitting
    columns: dict[int, tuple[float, float]] = {}  # page -> left and right edges of its text, when first needed
    out: list[tuple[int, bool]] = []
    bounds = [a for a, _ in points[1:]] + [len(paragraphs)]
    for (a, headed), b in zip(points, bounds):
        out.append((a, headed))
        own = [v for v in votes if a <= v < b]
        out.extend((v + 1, True) for v, following in zip(own, own[1:])
                   if v + 1 < following and not voting[v + 1] and _title_after_vote(paragraphs, v + 1, columns))
    return out


def _title_after_vote(paragraphs: list[Paragraph], i: int, columns: dict[int, tuple[float, float]]) -> bool:
    """Whether paragraph ``i`` opens with a title: a line of a few words (after a dash or a bullet) that starts with
    a capital or a number, ends without punctuation, stops well short of the text column's right edge (the column's
    widest line on the page; ``columns`` keeps each page's edges once measured), and is no formula of a decision's
    body (article, visa, decision, signature, secretary, a member leaving or coming back)."""
    line = paragraphs[i].lines[0]
    text = vocab.LEADING_BULLET.sub("", line.text).strip()
    if not text or not (text[0].isupper() or text[0].isdigit()) or text[-1] in ".,;:" \
            or len(text.split()) > TITLE_MAX_WORDS:
        return False
    if line.page not in columns:
        page = [ln for p in paragraphs for ln in p.lines if ln.page == line.page]
        columns[line.page] = min(ln.x0 for ln in page), max(ln.x1 for ln in page)
    left, right = columns[line.page]
    if line.x1 > left + TITLE_SHORT * (right - left):
        return False
    return not (vocab.ARTICLE.match(text) or vocab.VISA.match(text) or vocab.SECRETARY_LINE.match(text)
                or vocab.matches_any(text, vocab.DECISION_OPEN, vocab.SIGNATURE_HEAD)
                or vocab.searches_any(text, vocab.RECUSALS) or attendance_status(text))


def sub_numbered_points(paragraphs: list[Paragraph], points: list[tuple[int, bool]], votes: list[int]
                        ) -> list[tuple[int, bool]]:
    """A point whose parts are numbered under its rank (``vocab.SUB_POINTS``), each part with a vote of its own and
    none before the first part, is one deliberation per part ("20240909 6 Fête du Lac : délibérations relatives à
    …" then "6-1 Indemnisation …", "6-2 Subvention …", each "Après en avoir délibéré … à l'unanimité", Putanges
    09/09/2024). The first part keeps the point's heading and what it says before its parts."""
    out: list[tuple[int, bool]] = []
    for (a, headed), b in zip(points, [a for a, _ in points[1:]] + [len(paragraphs)]):
        rank = _rank(paragraphs[a]) if headed else None
        subs = [i for i in range(a + 1, b) if rank is not None and _part_of(paragraphs[i], rank)]
        parts = list(zip(subs, subs[1:] + [b]))
        if len(subs) < 2 or any(a < v < subs[0] for v in votes) \
                or not all(any(start < v < end for v in votes) or _takes_note(paragraphs[start:end])
                           for start, end in parts) or not any(start < v < end for v in votes for start, end in parts):
            out.append((a, headed))
            continue
        # a heading numbered in roman right above its first part is a section's title ("I – ADMINISTRATION
        # GÉNÉRALE" then "1.1 – Approbation du procès-verbal …"): each part is a point. Else the first part keeps
        # the point's heading, which says what the parts are ("6 Fête du Lac : délibérations relatives à …")
        first = subs[0] if subs[0] == a + 1 and _roman(paragraphs[a]) else a
        out.extend([(first, True), *((start, True) for start in subs[1:])])
    return out


def _takes_note(paragraphs: list[Paragraph]) -> bool:
    """A part where the council takes note of a report or a debate, with no vote ("Le Conseil municipal prend acte
    de la tenue du débat d'orientation budgétaire")."""
    return any(pattern.search(p.flat) for p in paragraphs for kind, pattern in vocab.INFORMATION_TEXT
               if kind == "prise_acte")


_LAST_RANK = regex.compile(r"(\d{1,3})\D*$")


def _rank(paragraph: Paragraph) -> int | None:
    """The rank ending a point's number ("20240909 6" -> 6, "12." -> 12, "IV" -> 4)."""
    m = delib_heading(paragraph.lines[0].text)
    number = m.groupdict().get("num") or "" if m else ""
    last = _LAST_RANK.search(number)
    if last:
        return int(last.group(1))
    return _ROMAN.get(number.strip().upper())


def _roman(paragraph: Paragraph) -> bool:
    m = delib_heading(paragraph.lines[0].text)
    return bool(m) and (m.groupdict().get("num") or "").strip().upper() in _ROMAN


_ROMAN = {numeral: value for value, numeral in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), 1)}


def _part_of(paragraph: Paragraph, rank: int) -> bool:
    m = next((m for _, pattern in vocab.SUB_POINTS if (m := pattern.match(paragraph.lines[0].text))), None)
    return m is not None and int(m.group("rank")) == rank and not is_vote(paragraph)


def _move_forward_recusals(parts: list[tuple[DeliberationSegment, list[Paragraph]]]) -> None:
    """A recusal printed before the heading of the point it is about, and naming that point ("M. Passet et F.
    Dombre-Coste ne participent pas au vote de l'affaire 64" just before "64 | Attributions de subventions …",
    Montpellier CR 2011-12), goes to that point."""
    for (_, body), (following, next_body) in zip(parts, parts[1:]):
        if not following.number:
            continue
        for p in [p for p in body if recusal_kind(p.flat)]:
            target = vocab.RECUSAL_TARGET.search(p.flat)
            if target and target.group("num") == following.number:
                body.remove(p)
                next_body.insert(0, p)


def heading_lines(paragraph: Paragraph) -> tuple[Paragraph, Paragraph | None]:
    """A heading printed indented above its text ("1. Tarifs publics locaux …" at 46 pt, then "Proposition de
    créer …" at 43 pt, Aiglun 2013): the heading is its first line and the lines indented like it or more (a
    title that wraps), the text starts at the first line back at the left margin."""
    lines = paragraph.lines
    for j in range(1, len(lines)):
        if lines[j].page != lines[0].page or lines[j].x0 < lines[0].x0 - INDENT_TOLERANCE:
            return Paragraph(lines[:j]), Paragraph(lines[j:])
    # the same indent: the heading ends with the first line that stops short of the text's right edge ("5.
    # Attribution de compensation 2014" above a justified paragraph), or with a title in capitals that a sentence
    # follows ("DÉLIBÉRATION 2024-06 : RÉFECTION DE LA TOITURE DE L'ÉGLISE" then "Le conseil municipal retient …")
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    for j in range(len(lines) - 1):
        if lines[j].x1 < right - SHORT_LINE * (right - left) and not breaks_word(lines[j].text) \
                or _SENTENCE_START.match(lines[j + 1].text) and _capitals_title(lines[j].text):
            return Paragraph(lines[: j + 1]), Paragraph(lines[j + 1:])
    return paragraph, None


# The first words of the text under a title: "Le conseil municipal …", "Monsieur le Maire expose …", "Vu …"; not a
# subtitle in small letters ("Plan de Sauvegarde du Petit Bard", Montpellier 2014).
_SENTENCE_START = regex.compile(r"^\s*(?:Les?|La|L['’]|Il|Vu|Considérant|Après|Monsieur|Madame|M\.|Mme)\s*\p{Ll}")


def _capitals_title(text: str) -> bool:
    """A line of a title set in capitals (a stray "n°" aside), that does not announce the title below it (":")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) \
        and not text.rstrip().endswith((":", "-", "–"))


def split_heading(paragraph: Paragraph) -> tuple[Paragraph, Paragraph | None]:
    """A paragraph that runs on into a recusal sentence ("28 Opération Grand Cœur Vente …\nMadame le Maire,
    Messieurs Lévita, … administrateurs de la SERM ne participent pas au vote.", Montpellier CR 2011): what comes
    before, and the recusal cut off it at the line where its names begin (None when it begins the paragraph)."""
    lines = paragraph.lines
    for j in range(1, len(lines)):
        if vocab.NAME_LIST_START.match(lines[j].text) and not _ends_in_list(lines[j - 1].text) \
                and recusal_kind(" ".join(ln.text for ln in lines[j:])) \
                and not recusal_kind(" ".join(ln.text for ln in lines[:j])):
            return Paragraph(lines[:j]), Paragraph(lines[j:])
    return paragraph, None


def _ends_in_list(text: str) -> bool:
    """A line that stops inside a list of names, which the next line goes on with: "… Evelyne NACHEL ainsi que"
    then "Monsieur René HOCQ, intéressés à l'affaire" (Pas-de-Calais CP 2024); a comma, a link word, a civility or
    a SURNAME in capitals at its end."""
    last = text.rstrip()
    word = regex.search(r"[\p{L}.'’-]+$", last)
    return last.endswith((",", ";")) or bool(word) and (
        bool(vocab.NAME_LINK.fullmatch(word.group(0).rstrip("."))) or word.group(0).lower() in (
            "mesdames", "messieurs", "madame", "monsieur", "mme", "mmes", "m.", "mm.")
        or bool(regex.fullmatch(r"\p{Lu}{2,}(?:[-']\p{Lu}{2,})*", word.group(0))))


def sitting_lists_end(paragraphs: list[Paragraph]) -> int:
    """The last attendance paragraph of the sitting: the last before the first vote, with the paragraphs of names
    that go on with its list ("Absents et absent(s) excusé(s) :" then the names below, CC Lisières de l'Oise
    13/03/2025). An attendance list printed after the votes belongs to an annexed document (the members of a
    commission whose report is annexed, Aiglun 2016), not to the sitting. -1 without a list."""
    # (a count is no list: "Présents : 15", 2016)
    lists = [i for i, p in enumerate(paragraphs) if attendance_status(p.text) and not counts_only(p.flat)]
    if not lists:
        return -1
    first_vote = next((i for i, p in enumerate(paragraphs) if i > lists[0] and is_vote(p)), len(paragraphs))
    end = max(i for i in lists if i < first_vote)
    while end + 1 < first_vote and _continues_list(paragraphs[end], paragraphs[end + 1]):
        end += 1
    return end


def vote_closed_points(paragraphs: list[Paragraph], last_attendance: int | None = None) -> list[tuple[int, bool]]:
    """The items of minutes whose headings the grammar does not know (titles in a margin box, OCR'd titles),
    cut by the vote that closes each item: an item runs from the paragraph after one vote to the next vote, and
    its first paragraph is its title. Fewer than two items: none. ``last_attendance``: ``sitting_lists_end``, when
    the caller has it."""
    first = (sitting_lists_end(paragraphs) if last_attendance is None else last_attendance) + 1
    while first < len(paragraphs) and _goes_on_with_the_lists(paragraphs[first]):
        first += 1
    starts: list[int] = []
    opened: int | None = None
    for i in range(first, len(paragraphs)):
        if is_vote(paragraphs[i]):
            # a decision of a list, with its vote ("- approuve à l'unanimité le compte administratif 2023 ;"), is an
            # item of its own, titled by itself, after a lead ("Le Conseil municipal :") or another such decision
            if vocab.LEADING_BULLET.match(paragraphs[i].flat) and (
                    opened is None or paragraphs[opened].flat.rstrip().endswith(":")):
                starts.append(i)
            elif opened is not None:
                starts.append(opened)
            opened = None
        elif opened is None:
            opened = i
    return [(i, True) for i in starts] if len(starts) >= 2 else []


def _goes_on_with_the_lists(paragraph: Paragraph) -> bool:
    """A paragraph right after the attendance lists that still belongs to the sitting's header, not to its first
    item: a proxy ("M. Sylviane LAURO donne pouvoir à M. Philippe POULEAU", Aiglun 2016), the secretary."""
    return not is_vote(paragraph) and bool(vocab.PROXY_HEADING_WORD.search(paragraph.flat)
                                           or vocab.SECRETARY_LINE.match(paragraph.flat))


def designation(doc: IngestedDocument) -> tuple[str, str] | None:
    """(what the document calls itself, the line that says so) from its first lines (``vocab.DOCUMENT_KINDS``)."""
    lines = (line for page in doc.pages for line in page.lines)  # the first lines only, not the whole file's
    for line in islice(lines, vocab.DOCUMENT_KIND_LINES):
        for meaning, pattern in vocab.DOCUMENT_KINDS:
            if pattern.search(line.text):
                return meaning, line.text.strip()
    return None


def information_segments(paragraphs: list[Paragraph], starts: dict[int, str], bounds: list[int],
                         points: list[tuple[int, bool]]) -> list[InformationSegment]:
    """The information items of a session record: each from its start to the next point or item."""
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if a not in starts:
            continue
        m = delib_heading(paragraphs[a].lines[0].text)
        out.append(InformationSegment(item=m.groupdict().get("num") if m else None,
                                      title=information_title(paragraphs[a]), kind=starts[a],
                                      paragraphs=paragraphs[a:b], after=sum(1 for p, _ in points if p < a)))
    return out


def extract_starts(paragraphs: list[Paragraph]) -> list[int]:
    """Where each extract of a file of extracts starts: a file that prints the sitting's header and attendance again
    before each deliberation ("Extrait du registre des délibérations", one per deliberation, each with its own
    lists and its own vote). An extract is an attendance list that comes after a vote, with a vote of its own
    after it; it starts at the first paragraph of its page after that vote (its letterhead, "EXTRAIT DU
    REGISTRE…", "Séance du …", see ``_extract_start``). Fewer than two: not a file of extracts ([])."""
    votes = [i for i, p in enumerate(paragraphs) if is_vote(p)]
    lists = [i for i, p in enumerate(paragraphs) if attendance_status(p.text) and not is_vote(p)]
    starts: list[int] = []
    for i in lists:
        before = [v for v in votes if v < i]
        if not starts:
            starts.append(i)
        elif before and before[-1] > starts[-1]:
            starts.append(i)
    if len(starts) < 2 or not all(any(a < v < b for v in votes) for a, b in zip(starts, starts[1:] + [1 << 30])):
        return []
    return [0] + [_extract_start(paragraphs, max(v for v in votes if v < i), i) for i in starts[1:]]


def _extract_start(paragraphs: list[Paragraph], last_vote: int, attendance: int) -> int:
    """Where an extract starts, between the previous extract's vote and its own attendance list: its first
    letterhead, "Extrait du registre …" or "Séance du …" line (``vocab.EXTRACT_OPENERS``), else the last page that
    opens there (the previous extract's articles and signature may run onto a page of their own), else its
    attendance list."""
    span = range(last_vote + 1, attendance + 1)
    opener = next((j for j in span if _opening_line(paragraphs[j]) is not None), None)
    if opener is not None:
        return opener
    return next((j for j in reversed(span) if _opens_page(paragraphs, j)), attendance)


def _opening_line(paragraph: Paragraph) -> int | None:
    """The first line of a paragraph that opens an extract (``vocab.EXTRACT_OPENERS``), if any."""
    return next((k for k, line in enumerate(paragraph.lines)
                 if any(p.match(line.text) for _, p in vocab.EXTRACT_OPENERS)), None)


def _opens_page(paragraphs: list[Paragraph], j: int) -> bool:
    """Whether paragraph ``j`` starts a page, or runs onto a new page (a page's first line glued to the last line
    of the page before, "Le Maire, Alain MARCHAND" then "EXTRAIT DU REGISTRE …")."""
    p = paragraphs[j]
    return p.page_end != p.page or j > 0 and paragraphs[j - 1].page_end != p.page


def split_extracts(paragraphs: list[Paragraph], starts: list[int]) -> list[list[Paragraph]]:
    """The paragraphs of each extract. The paragraph an extract starts at may hold the previous extract's last
    lines ("Le Maire, Alain MARCHAND" then, on the next page, "EXTRAIT DU REGISTRE …"): it is cut at its line that
    opens the extract, else where it runs onto a new page."""
    parts: list[list[Paragraph]] = []
    for a, b in zip(starts, starts[1:] + [len(paragraphs)]):
        part = paragraphs[a:b]
        lines = part[0].lines
        cut = _opening_line(part[0]) or next((k for k, ln in enumerate(lines) if ln.page != lines[0].page), 0)
        if parts and cut:
            parts[-1].append(Paragraph(lines[:cut]))
            part = [Paragraph(lines[cut:]), *part[1:]]
        parts.append(part)
    return parts


def extracts_to_segmentation(paragraphs: list[Paragraph], starts: list[int]) -> Segmentation:
    """A file of extracts: each extract read as a single deliberation, with its own header, attendance, vote and
    signature; the annexes after the last one's signature are the file's."""
    seg = Segmentation(extracts=True)
    for k, part in enumerate(split_extracts(paragraphs, starts), 1):
        segment = DeliberationSegment(index=k)
        seg.annexes.extend(_feed_single(segment, part))
        seg.deliberations.append(segment)
    return seg


def paragraphs_to_segmentation(paragraphs: list[Paragraph], minutes: bool = False,
                               extracts: bool = True) -> Segmentation:
    """The deliberations of a file. ``minutes``: the file calls itself the minutes of a sitting (procès-verbal,
    compte rendu, registre): when no heading the grammar knows cuts it into items, the votes do (and no item is
    then told apart as information). ``extracts``: the file may be a file of extracts; not when it calls itself
    the minutes of a sitting (an attendance list in an annexed report does not make it one, Aiglun 2016)."""
    starts = extract_starts(paragraphs) if extracts else []
    # a file of extracts holds one deliberation per header: parts that are session records themselves (the
    # minutes of two sittings in one file) are read as a session record, as before
    if starts and not any(sum(1 for _, headed in decision_points(part) if headed) >= 2
                          for part in split_extracts(paragraphs, starts)):
        return extracts_to_segmentation(paragraphs, starts)
    seg = Segmentation()
    everything, end = paragraphs, sitting_end(paragraphs)
    paragraphs = paragraphs[:end]
    sitting = sitting_votes(paragraphs)
    points, information = session_points(paragraphs, sitting)
    headed = sum(1 for _, h in points if h)
    closed = vote_closed_points(paragraphs, sitting.last_attendance) if minutes else []
    if closed and (headed < 2 or headed == 2 and len(closed) > VOTE_CLOSED_SHARE * headed):
        points, information = closed, []
    else:
        points = titled_after_votes(paragraphs, points, sitting)
    # (minutes whose items print no heading: one decision per vote after the lists; not when no list was found,
    # where a counts line run into the opening sentence may read as a vote, "Votants : 18 L'an deux mille …", 2016)
    if sum(1 for _, headed in points if headed) >= 2 \
            or minutes and len(points) >= 2 and sitting.last_attendance >= 0:
        seg.multi = True
        bounds = sorted({i for i, _ in points} | set(information)) + [len(paragraphs)]
        session = DeliberationSegment(index=0)
        _feed_single(session, paragraphs[: bounds[0]], stop_at_decision=False)
        seg.session = session.sections
        seg.information = information_segments(paragraphs, information, bounds, points)
        ends = dict(zip(bounds, bounds[1:]))
        parts: list[tuple[DeliberationSegment, list[Paragraph]]] = []
        for k, (a, headed) in enumerate(points, 1):
            b = ends[a]
            m = delib_heading(paragraphs[a].lines[0].text) if headed else None
            title, rest = split_heading(paragraphs[a])
            if rest is None and headed:
                title, rest = heading_lines(title)
            segment = DeliberationSegment(index=k, number=(m.groupdict().get("num") if m else None),
                                          heading=title.flat)
            body = paragraphs[a + 1: b]
            if is_vote(paragraphs[a]):
                body = paragraphs[a: b]
            else:
                segment.sections.append(Section("title", [title]))
                body = ([rest] if rest else []) + body
            parts.append((segment, body))
        _move_forward_recusals(parts)
        for segment, body in parts:
            machine = DecisionMachine(segment)
            for p in body:
                machine.feed(p)
            machine.close()
            seg.deliberations.append(segment)
        for p in everything[end:]:  # the pages annexed after the sitting's closing
            add_annex(seg.annexes, p)
        return seg
    segment = DeliberationSegment(index=1)
    annexes = _feed_single(segment, everything)
    seg.deliberations.append(segment)
    seg.annexes = annexes
    return seg


class SingleReader:
    """The state machine of a single deliberation: header, attendance, title, body and visas, then the decision
    (``DecisionMachine``), the signature, and the annexes after the signature page."""

    PREAMBLE = ("header", "attendance", "title", "body", "visas")

    def __init__(self, segment: DeliberationSegment, stop_at_decision: bool) -> None:
        self.segment = segment
        self.stop_at_decision = stop_at_decision
        self.state = "header"
        self.machine = DecisionMachine(segment)
        self.annexes: list[Section] = []
        self.signature_page: int | None = None
        self.last: Section | None = None

    def add(self, kind: str, p: Paragraph, label: str = "") -> None:
        self.last = Section(kind, [p], label=label)
        self.segment.sections.append(self.last)

    def feed(self, p: Paragraph) -> None:
        if self.state == "annexes":
            self.annex(p)
        elif self.state == "signature":
            self.signature(p)
        elif self.state in self.PREAMBLE:
            self.preamble(p)
        elif signature_head(p.flat):
            self.state, self.signature_page = "signature", p.page_end
            self.add("signature", p)
        else:
            self.machine.feed(p)

    def annex(self, p: Paragraph) -> None:
        add_annex(self.annexes, p)

    def signature(self, p: Paragraph) -> None:
        if p.page_end != self.signature_page:  # the annexes start on the next page, maybe within this paragraph
            head, p = split_at_page(p, self.signature_page)
            self.last.paragraphs.extend(head)
            self.state = "annexes"
            self.annex(p)
        else:
            self.last.paragraphs.append(p)

    def preamble(self, p: Paragraph) -> None:
        text = p.flat
        if counts_only(text) or vocab.PRESIDENT_LINE.match(text) or _counts_among_header_lines(text):
            # the sitting's printed counts ("Présents : 11" / "Votants : 13"): no list, no vote; who chairs
            # ("Président de séance : …"): no list either
            self.add("header", p)
            return
        found = attendance_status(p.text)
        if found:
            self.state = "attendance"
            self.add("attendance", p, label=found[0])
        elif vocab.SECRETARY_LINE.match(text) or names_secretary(text):
            self.add("secretary", p)
        elif self.state == "attendance" and self.last is not None and self.last.kind == "attendance" \
                and _continues_list(self.last.paragraphs[-1], p):
            self.last.paragraphs.append(p)
        elif vocab.VISA.match(text):
            self.state = "visas"
            self.add("visas", p)
        elif decision_open(text) or vocab.ARTICLE.match(text) or recusal_kind(text) or vote_start(text) \
                or inline_vote(text) or is_vote_text(text):
            # "Le conseil communautaire, après en avoir délibéré, à l'unanimité …", "Après un tour de table, le Conseil
            # Municipal, par 7 voix POUR 0 voix CONTRE 1 ABSTENTION" (2018)
            if self.stop_at_decision:
                self.state = "decision"
                self.machine.feed(p)
            else:
                self.add("body", p)
        else:
            self.text(p, text)

    def text(self, p: Paragraph, text: str) -> None:
        """A paragraph of the preamble that is none of its formulas: header, title or body by where it stands."""
        if self.state == "header":
            self.add("header", p)
        elif self.state == "attendance" or self.state == "title" and _title_like(text):
            self.state = "title"
            self.add("title", p)
        elif self.state == "title":
            self.state = "body"
            self.add("body", p)
        else:  # body, or visas: a visa that wraps over a paragraph break, or the assembly's preamble
            self.last.paragraphs.append(p)


def names_secretary(text: str) -> bool:
    """A sentence of its own that designates the sitting's secretary ("Mme Nolwenn LE BRIS a été désignée
    secrétaire de séance.", "Monsieur Gilles GRANGE est élu secrétaire de séance.")."""
    return len(text) <= SECRETARY_SENTENCE and bool(_SECRETARY_WORD.search(text)) \
        and vocab.matches_any(text, vocab.SECRETARY)


_SECRETARY_WORD = regex.compile(r"secr[ée]ta(?:ire|riat)", regex.IGNORECASE)  # every wording of vocab.SECRETARY holds it


SECRETARY_SENTENCE = 240  # characters: longer, the paragraph says more than who the secretary is


def _feed_single(segment: DeliberationSegment, paragraphs: list[Paragraph], *, stop_at_decision: bool = True
                 ) -> list[Section]:
    """Read a single deliberation's paragraphs into its sections; returns the annex sections (after the
    signature)."""
    reader = SingleReader(segment, stop_at_decision)
    for p in paragraphs:
        reader.feed(p)
    reader.machine.close()
    return reader.annexes


def add_annex(annexes: list[Section], p: Paragraph) -> None:
    """A paragraph of the annexes: a new annex where a label ("Annexe 2") or a document's opening on a new page
    starts one, else the annex going on."""
    label = vocab.ANNEX_LABEL.match(p.lines[0].text)
    if label or not annexes or p.page != annexes[-1].page_end and _starts_document(p.flat):
        annexes.append(Section("annex", [p], label=label.group("num") if label else ""))
    else:
        annexes[-1].paragraphs.append(p)


def sitting_end(paragraphs: list[Paragraph]) -> int:
    """Where the pages annexed to a session record start: the first paragraph on a page after the one where the
    sitting is closed ("La séance est levée à 22h06", "Séance close à 20h00", ``vocab.SITTING_CLOSED``) once a
    point was voted; the signatures on the closing page stay with the record. ``len(paragraphs)`` when none."""
    start = sitting_lists_end(paragraphs) + 1
    voted = False
    for i in range(max(0, start), len(paragraphs)):
        voted = voted or is_vote(paragraphs[i])
        if voted and vocab.searches_any(paragraphs[i].flat, vocab.SITTING_CLOSED):
            page = paragraphs[i].page_end
            return next((j for j in range(i + 1, len(paragraphs)) if paragraphs[j].page > page), len(paragraphs))
    return len(paragraphs)


def _continues_list(last: Paragraph, paragraph: Paragraph) -> bool:
    """Whether a paragraph goes on with the member list before it ("Pouvoirs :" then one name per dashed line; a
    "Titulaires :" sub-heading). It stands at the list's left edge, or opens with a bullet: a title printed
    further left after the list ("Garantie d'emprunt – Ville de Montpellier", Montpellier 2014) is not a name."""
    previous, text = last.text, paragraph.flat
    bullet = bool(vocab.LEADING_BULLET.match(text))
    if not bullet and abs(paragraph.lines[0].x0 - last.lines[-1].x0) > LIST_INDENT:
        return False
    # (a civility ends no sentence: "…, Mme Pascale GODARD, M." / "Fernand RIBOULET, …", 2019)
    open_list = not _ends_sentence(previous) or previous.rstrip().endswith((":", ";")) or bullet \
        or bool(_ENDS_WITH_CIVILITY.search(previous) or vocab.ENDS_WITH_OFFICE.search(previous))
    if vocab.matches_any(text, vocab.ATTENDANCE_SUBHEADING):  # "Titulaires :" inside "Étaient présents :"
        return True
    if _PLURAL_CIVILITY_THEN_NAME.match(text) and _looks_like_names(text):
        return True  # "… Aurélie GOUJON." / "Messieurs Bernard BERTONI, Jean Claude KOCH, …" (2020): no sentence opens so
    if len(last.lines) == 1 and attendance_status(previous) and not previous.split(":", 1)[-1].strip() \
            and (bullet and names_a_person(vocab.LEADING_BULLET.sub("", text)) or _OPENS_WITH_A_NAME.match(text)
                 or _row_of_names(paragraph.lines[0])):
        # the heading alone, then its bulleted names with their offices ("Étaient absents :" / "• M.Delacroix
        # Maire du Mesnil saint-Aubin", 2019), or a row of names in columns ("Absents :" / "LYON      MASSON", "Pouvoirs
        # :" / "MORENO à LAURENT")
        return True
    # a proxy a line, without commas ("D. LEROY MARCHAND a donné pouvoir à C. BESANÇON", 2019), even after a list
    # closed by its stop ("Excusés : …, Mme Marion JUSTRABO." / "M'* Sylviane LAURO donne pouvoir à …", Aiglun 2016)
    return open_list and _looks_like_names(text) or _gives_a_proxy(paragraph.lines[0].text)


_GRANTOR_TO_HOLDER = regex.compile(r"\s+[àa]\s+")


def _row_of_names(line: Line) -> bool:
    """A row of names in columns, or a proxy: two pieces or more, or "X à Y", each piece a member as lists print them
    (or a grantor "à" a holder). One piece alone may be a title in capitals ("ORDRE DU JOUR")."""
    parts = [_GRANTOR_TO_HOLDER.split(text, maxsplit=1) for _, _, text in line.segments]
    return (len(parts) > 1 or len(parts[0]) > 1) and all(vocab.NAME_LIKE.match(p) for part in parts for p in part)


def _gives_a_proxy(line: str) -> bool:
    line = vocab.LEADING_BULLET.sub("", line)  # "- Mme Odile SIMONIN ayant donné procuration de vote à …" (2016)
    return line[:1].isupper() and bool(_PROXY_SENTENCE.search(line)) and split_proxy(line)[1] is not None


# A plural civility and a name: the members of one gender after those of the other, in a paragraph of their own
_PLURAL_CIVILITY_THEN_NAME = regex.compile(r"^\s*(?:Messieurs|Mesdames|MM\.?|Mmes)\s+\p{Lu}")
# A paragraph that opens with a member: a civility and a name, or "Prénom NOM" ("Mme Océane PAUGAM", "Kévin CADIOU")
_OPENS_WITH_A_NAME = regex.compile(r"^\s*(?:(?:M\.|Mme|Mlle|Monsieur|Madame|MM\.?|Mmes)\s+\p{Lu}|"
                                   r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}{2,}\b|"
                                   r"\p{Lu}{2,}(?:[- ]\p{Lu}{2,})*\s+\p{Lu}\p{Ll}+)", regex.VERSION1)  # "HAEGEL Christine"


_PROXY_SENTENCE = regex.compile(r"\b(?:donne|donn[ée]e?|remis)\s+(?:son\s+|sa\s+)?(?:pouvoir|procuration|mandat)"
                                r"(?:\s+de\s+vote)?\s+[àa]\b",
                                regex.IGNORECASE)


_ENDS_WITH_CIVILITY = regex.compile(r"(?:^|\s)(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame)\s*$")


def _title_like(text: str) -> bool:
    """What may follow a title: its number "(N°2024-273)", a second line in capitals."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return bool(vocab.NUMBER.search(text)) and len(text) < 40 or bool(letters) and upper / len(letters) > 0.8


def _looks_like_names(text: str) -> bool:
    """A continuation of a member list: mostly capitalised words, and commas, one name per dashed line, or names
    set in columns ("M. Jean DUPONT      Mme Claire MARTIN"). A note
    in parentheses is not counted ("- Monsieur Jean-Claude THUILLIER (absent excusé)", Pierrefonds 2023)."""
    words = [w for w in regex.findall(r"[\p{L}'’-]+", regex.sub(r"\([^)]*\)", " ", text))
             if any(c.isalpha() for c in w)]
    if not words:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    named = vocab.ENDS_WITH_OFFICE.sub("", text)  # "Bernard CASTAING Adjoints." (2018): a name and the group's office
    return caps / len(words) >= 0.6 and ("," in text or bool(vocab.LEADING_BULLET.match(text))
                                         or len(vocab.PERSON_IN_LIST.findall(text)) >= 2
                                         or not vocab.PERSON_IN_LIST.sub("", named).strip(" ,;.-"))


def split_at_page(p: Paragraph, page: int) -> tuple[list[Paragraph], Paragraph]:
    """A paragraph that runs over a page break, cut there: its lines on ``page`` (if any), and the rest."""
    head = [ln for ln in p.lines if ln.page == page]
    return ([Paragraph(head)] if head else []), Paragraph([ln for ln in p.lines if ln.page != page])


def _starts_document(text: str) -> bool:
    return bool(regex.match(r"^\s*(?:Objet\s*:|AVENANT|CONVENTION|P[ôo]le\s|Annexe)", text, regex.IGNORECASE))


def segment(doc: IngestedDocument) -> Segmentation:
    named = designation(doc)
    minutes = bool(named) and named[0] == "session_record"
    blocks = layout(doc)
    text = [line for block in blocks if block.kind == "text" for line in block.lines]
    seg = paragraphs_to_segmentation(lines_to_paragraphs(doc, text), minutes=minutes,
                                     extracts=not minutes or "extrait" in named[1].lower())
    seg.margins = [Paragraph(block.lines) for block in blocks if block.kind == "margin"]
    return seg
