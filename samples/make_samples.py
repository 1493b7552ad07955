"""Generate realistic sample deliberation PDFs from a plain-text seed.

What it does
------------
``samples/seed.txt`` is the text layer of a real deliberation: the Pas-de-Calais
"Commission Permanente" deliberation N°2024-273 of 17 June 2024, followed by
its annexes (report by thématique, avenants, conventions).  This script parses
that text back into a document structure and lays it out again with reportlab
(pure Python, built-in Type1 fonts only), the way French councils' PDFs look:

* style ``a`` -- a Département word-processor export: Helvetica, justified text,
  bold centred header, bold article headings, a fully ruled budget table with a
  shaded header row, footer "Commission Permanente du ... – N°... – Page X/Y";
* style ``b`` -- a different look: Times, other margins and sizes, letterhead
  block at the top of the first page, bold+underlined article headings, the
  budget table WITHOUT any ruling (columns only aligned, amounts right-aligned),
  footer "Département du Pas-de-Calais — Délibération ..." left and page number
  right;
* style ``c`` -- a narrow column in Courier: every list and sentence wraps at
  other words;
* style ``d`` -- A4 landscape (long lines), DejaVu Serif (a TrueType font that
  matplotlib ships, embedded), justified text, the budget table without ruling,
  the conventions and avenants flowed through two columns (two frames: the text
  layer comes column by column);
* style ``e`` -- US letter, large DejaVu Sans type, ragged right, a running
  header "Commission Permanente du ... – N°..." and "Page X sur Y" on every
  page; the conventions set in two columns on a baseline grid and written line
  by line ACROSS the columns, word by word with no space character between the
  words (``InterleavedColumns``), so that the text layer joins the two lines of
  a row and only the geometry gives the reading order and the word breaks;
* style ``f`` -- A4, small DejaVu Sans type, justified and hyphenated with
  French patterns (pyphen), words in capitals excepted: first names and
  "euros" are cut at line ends, which PDFium reports as soft hyphens.

It also writes ``not-a-deliberation.pdf`` (a one-page municipal newsletter
invitation) as a negative sample.

How the seed is reconstructed
-----------------------------
* Runs of spaces (justification artefacts) are collapsed; the lines of a
  paragraph are re-joined (a line ending in a hyphen is glued to the next one)
  and re-flowed.  A blank line normally ends a paragraph, except when the text
  obviously continues (no final punctuation and the next line starts in lower
  case).  Short lines followed by a capitalised line become line breaks.
* Headings ("Article 1  4   :" -> "Article 14 :", "Thématique 2", "Opération 3 :",
  "AVENANT N°2", ...) become their own paragraphs.
* The bullets of the original (Symbol font U+F0B7) were lost by the text
  extraction: a line starting with exactly ONE space that follows a blank line
  (or follows another bullet item ending with punctuation) is a list item and is
  drawn with a real bullet "•" (Symbol font, extracted as U+2022).  A single
  leading space that follows a non-blank line marks a page start of the original
  and is otherwise ignored (the line continues or starts a paragraph).
* The budget table after "Article 14" is parsed from the broken lines with a
  regex on the operation code ``C\\d\\d-\\w+``, the imputation ``\\d{4}/\\d{5}``,
  the (wrapped) label and the two amounts -- nothing is hard-coded, so a textual
  replacement applied to the seed changes the table.
* Annex grids (Durée / Coût / Public-Cible / Objectifs / ...), the CNFPT RIB,
  the "Type de formation demandée | Tarif" table and the CNFPT "ANNEXE 2 ACTIONS
  DE FORMATION - SUITE" sheet are rebuilt as real tables; signature blocks are
  laid out side by side in two columns.
* Names and contradictions of the seed are kept verbatim (e.g. the Résidence
  Pour Tous avenant names "Jean-Claude LOUIS" but is signed "Gérard FONTAINE").

Usage::

    python samples/make_samples.py [--out DIR] [--style a|b|c|d|e|f|all]
                                   [--replace OLD NEW]... [--suffix TEXT]

Builds are deterministic (``invariant=1``): building twice gives byte-identical
files.  ``build_pdf`` / ``build_non_deliberation`` are the importable API.
"""

import argparse
import pathlib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_SEED = HERE / "seed.txt"
STEM = "pas-de-calais_cp_2024-06-17_n2024-273"
STYLES = ("a", "b", "c", "d", "e", "f")

__all__ = ["build_pdf", "build_non_deliberation", "load_seed", "parse_document", "main"]


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# Characters the built-in Type1 fonts (WinAnsi) cannot show -> closest equivalent.
CHAR_MAP = {
    "\u202f": "\u00a0",  # narrow no-break space -> no-break space
    "\u2009": "\u00a0",
    "\u2007": "\u00a0",
    "\u2002": " ",
    "\u2003": " ",
    "\uf0b7": "\u2022",  # Symbol-font private-use bullet -> bullet
    "\uf0a7": "\u2022",
    "\uf0d8": "\u2022",
    "\u25cf": "\u2022",
    "\u25aa": "\u2022",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\u2032": "'",
}


def to_winansi(s: str) -> str:
    """Map characters outside WinAnsi (cp1252) to something printable."""
    out = []
    for ch in s:
        ch = CHAR_MAP.get(ch, ch)
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            dec = unicodedata.normalize("NFKD", ch)
            keep = "".join(c for c in dec if _cp1252_ok(c) and not unicodedata.combining(c))
            out.append(keep or "?")
    return "".join(out)


def _cp1252_ok(c: str) -> bool:
    try:
        c.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def clean(line: str) -> str:
    """Collapse justification runs of spaces and strip."""
    line = to_winansi(line)
    return re.sub(r"[ \t]+", " ", line).strip(" \t")


def is_blank(line: str) -> bool:
    return not line.strip(" \t\u00a0\u202f\r\f")


def lead_spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


NOISE_RE = re.compile(r"^[\u2026.\u00b7_\-=]{8,}$")  # runs of dots etc.
END_PUNCT = tuple(".;:!?")


# ---------------------------------------------------------------------------
# Document model
# ---------------------------------------------------------------------------

@dataclass
class Block:
    """A paragraph-like element.  ``text`` may contain '\\n' (hard line breaks)."""

    kind: str
    text: str = ""
    marker: str = ""
    last: str = ""  # last source line (collapsed), for joining decisions

    def add(self, t: str, hard: bool = False) -> None:
        if not self.text:
            self.text = t
        elif hard:
            self.text += "\n" + t
        elif self.text.endswith("-") and not self.text.endswith(" -") and t[:1].isalpha():
            self.text += t
        else:
            self.text += " " + t
        self.last = t


@dataclass
class BudgetTable:
    header: List[str]
    rows: List[Tuple[str, str, str, str, str]]


@dataclass
class Grid:
    title: List[str]
    rows: List[Tuple[str, List[Block]]]


@dataclass
class KVTable:
    rows: List[Tuple[str, str]]


@dataclass
class TarifTable:
    header: List[str]
    rows: List[Tuple[str, str]]


@dataclass
class Signature:
    left: List[str]
    right: List[str]


@dataclass
class Closing:
    """Final signature of the deliberation proper."""

    first: List[List[str]]
    date: str
    second: List[List[str]]


@dataclass
class TrainingSheet:
    titles: List[str]
    ident: List[Tuple[str, str]]
    header: List[str]
    theme: List[str]
    rows: List[List[str]]
    place: List[str]
    sign: List[str]


@dataclass
class PageBreakMark:
    pass


@dataclass
class Part:
    kind: str  # 'deliberation' or 'annex'
    label: Optional[str]
    items: list = field(default_factory=list)
    name: str = ""


@dataclass
class Document:
    number: str
    date: str
    title: str
    parts: List[Part]


# ---------------------------------------------------------------------------
# Generic paragraph parser
# ---------------------------------------------------------------------------

ARTICLE_RE = re.compile(r"^Article\s+(\d(?:\s*\d)*)\s*([:.])\s*(.*)$")
H1_RE = re.compile(
    r"^(Thématique \d+|AVENANT N°\s*\d+|AVENANT A LA CONVENTION|CONVENTION|Préambule"
    r"|ANNEXE \d+(?: - .*)?)$"
)
H2_RE = re.compile(r"^(Opérations? (?:complémentaire )?\d+\b.*?:|\d+-\d+\s*:|Eléments complémentaires\b)")
H3_RE = re.compile(r"^\d+\.\d+\.?\s+\S")
ITEM_RE = re.compile(r"^(-|o|\d{1,2}\.|\d{1,2}-|[a-o]\))\s+(\S.*)$")
BULLET_RE = re.compile(r"^\u2022\s*(.*)$")
VOTE_RE = re.compile(r"^(Pour\s*:\s*\d+\s*voix|Contre\s*:|Abstention\s*:|Absents\s+sans\s+délégation)")
LETTERHEAD_RE = re.compile(r"^(Pôle|Direction|Service) ")
PAGENO_RE = re.compile(r"^(\d{1,3}|Page \d+ sur \d+)$")
PERSON_RE = re.compile(
    r"^[A-ZÉÈ][a-zéèëêïîôçà]+(?:[- ][A-ZÉÈ][a-zéèëêïîôçà]+)*\s+"
    r"[A-ZÉÈÀÇ][A-ZÉÈÀÇ'\-]+(?:\s[A-ZÉÈÀÇ][A-ZÉÈÀÇ'\-]+)*\.?$"
)

HEADING_KINDS = ("article", "h1", "h2", "h3")


def normalize_article(t: str) -> str:
    m = ARTICLE_RE.match(t)
    assert m
    num = re.sub(r"\s+", "", m.group(1))
    sep, rest = m.group(2), m.group(3).strip()
    head = f"Article {num}." if sep == "." else f"Article {num} :"
    return f"{head} {rest}".strip()


def classify(t: str):
    """Return (kind, marker, text) for a line that forces a new block, else None."""
    m = BULLET_RE.match(t)
    if m:
        return "bullet", "", m.group(1)
    if ARTICLE_RE.match(t):
        return "article", "", normalize_article(t)
    if H1_RE.match(t):
        return "h1", "", t
    if H2_RE.match(t):
        return "h2", "", t
    if H3_RE.match(t):
        return "h3", "", t
    if t == "(Adopté)":
        return "adopted", "", t
    if re.fullmatch(r"\*{5,}", t):
        return "stars", "", t
    if re.fullmatch(r"DECIDE\s*:", t):
        return "decide", "", t
    if t.startswith("Dans les conditions de vote"):
        return "vote_intro", "", t
    if VOTE_RE.match(t):
        return "vote", "", t
    if re.match(r"^Vu\b", t):
        return "para", "", t
    if re.match(r"^Objet\s*:", t):
        return "objet", "", t
    if LETTERHEAD_RE.match(t) and len(t) < 80:
        return "letterhead", "", t
    if PAGENO_RE.match(t):
        return "pageno", "", t
    m = ITEM_RE.match(t)
    if m:
        return "item", m.group(1), m.group(2)
    return None


def line_width(lines: Sequence[str]) -> int:
    lens = sorted(len(clean(l)) for l in lines if not is_blank(l))
    if not lens:
        return 90
    return max(60, lens[int(len(lens) * 0.9) - 1 if len(lens) > 1 else 0])


def parse_blocks(lines: Sequence[str], width: int, cell: bool = False) -> List[Block]:
    """Turn raw lines into paragraph blocks (see module docstring)."""
    blocks: List[Block] = []
    cur: Optional[Block] = None
    blank = False
    prev = ""  # previous non-blank collapsed line
    short = lambda s: len(s) < 0.72 * width  # noqa: E731

    def start(kind: str, text: str, marker: str = "") -> Block:
        b = Block(kind, marker=marker)
        b.add(text)
        blocks.append(b)
        return b

    for raw in lines:
        if is_blank(raw):
            blank = True
            continue
        lead = lead_spaces(raw)
        t = clean(raw)
        if NOISE_RE.match(t.replace(" ", "")):
            blocks.append(Block("rule"))
            cur, blank, prev = None, False, ""
            continue
        c = classify(t)
        if c is not None:
            kind, marker, text = c
            if kind == "letterhead" and cur is not None and cur.kind == "letterhead" and not blank:
                cur.add(text, hard=True)
            elif kind == "vote" and cur is not None and cur.kind == "vote" and not VOTE_RE.match(t):
                cur.add(text)
            else:
                cur = start(kind, text, marker)
        elif lead == 1 and (blank or cur is None):
            # bullet candidate (the bullet glyph was lost by the extraction)
            last_kind = blocks[-1].kind if blocks else None
            if cur is None and cell:
                cur = start("bullet", t)
            elif last_kind in HEADING_KINDS or t.startswith("\u00ab"):
                cur = start("indent", t)
            elif cur is None:
                cur = start("para", t)
            else:
                cur = start("bullet", t)
        elif lead == 1 and cur is not None:
            # page start of the original (no blank line before)
            if cur.kind == "bullet" and prev.endswith((";", ".", ",")):
                cur = start("bullet", t)
            elif prev.endswith(END_PUNCT) and cur.kind not in HEADING_KINDS:
                cur = start("para", t)
            else:
                cur.add(t)
        elif blank:
            if (
                cur is not None
                and cur.kind not in HEADING_KINDS + ("letterhead", "pageno", "adopted", "stars", "decide", "objet")
                and not prev.endswith(END_PUNCT)
                and (
                    t[:1].islower()
                    or t[:1] == "("
                    or (t[:1].isdigit() and prev[-1:].islower())
                    or (cur.kind in ("para", "indent") and not short(prev) and prev[-1:].islower())
                )
            ):
                cur.add(t)
            else:
                cur = start("para", t)
        else:
            if cur is None:
                cur = start("para", t)
            elif cur.kind in HEADING_KINDS:
                # a long heading line wraps onto the next line ("Opération 3 : ... \n(dispositif 2.3)")
                if not short(prev) and (cur.kind != "article" or len(cur.text) > 14):
                    cur.add(t)
                else:
                    cur = start("para", t)
            elif cur.kind in ("pageno", "adopted", "stars", "decide"):
                cur = start("para", t)
            elif short(prev) and not t[:1].islower():
                cur.add(t, hard=True)
            else:
                cur.add(t)
        blank = False
        prev = t
    return blocks


# ---------------------------------------------------------------------------
# Special structures
# ---------------------------------------------------------------------------

AMOUNT = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})*,\d\d"
BUDGET_ROW_RE = re.compile(
    r"(C\d\d-\w+)\s+(\d{4}/\d{5})\s+(.+?)\s+(" + AMOUNT + r")\s+(" + AMOUNT + r")(?=\s+C\d\d-\w+\s+\d{4}/\d{5}|\s*$)"
)


def parse_budget_table(header_lines: Sequence[str], data_lines: Sequence[str]) -> BudgetTable:
    # header: blank-separated groups; the last group holds "Libellé ... AE € Dépense €"
    groups: List[List[str]] = []
    curg: List[str] = []
    for l in header_lines:
        if is_blank(l):
            if curg:
                groups.append(curg)
                curg = []
        else:
            curg.append(clean(l))
    if curg:
        groups.append(curg)
    header: List[str] = []
    for g in groups[:-1]:
        header.append("\n".join(g))
    lastg = " ".join(groups[-1]) if groups else ""
    m = re.match(r"^(.+?)\s+(\S+\s*€)\s+(\S+\s*€)$", lastg)
    if m:
        header += [m.group(1), m.group(2), m.group(3)]
    else:
        header.append(lastg)
    flat = " ".join(clean(l) for l in data_lines if not is_blank(l))
    rows = [tuple(x.strip() for x in m.groups()) for m in BUDGET_ROW_RE.finditer(flat)]
    if not rows:
        raise ValueError("budget table: no row could be parsed from the seed")
    return BudgetTable(header, rows)  # type: ignore[arg-type]


GRID_LABELS = [
    "Durée",
    "Coût",
    "Public-Cible",
    "Publics-Cible",
    "Objectifs",
    "Déroulement de l’action (procédure)",
    "Territoire d’intervention",
    "Profil du. de la professionnel.le intervenant sur la mission",
    "Profil du professionnel intervenant sur la mission",
    "Modalités de financement",
    "Modalités de versement",
    "Bilan",
]


def _grid_label_at(lines: Sequence[str], i: int) -> Tuple[Optional[str], int]:
    if is_blank(lines[i]):
        return None, 0
    for k in (4, 3, 2, 1):
        chunk = lines[i : i + k]
        if len(chunk) < k or any(is_blank(x) for x in chunk):
            continue
        joined = " ".join(clean(x) for x in chunk)
        if joined in GRID_LABELS:
            return "\n".join(clean(x) for x in chunk), k
    return None, 0


def is_grid(lines: Sequence[str]) -> bool:
    found = {clean(l) for l in lines}
    return "Durée" in found and "Coût" in found


def parse_grid(lines: Sequence[str], width: int) -> Grid:
    title: List[str] = []
    rows: List[Tuple[str, List[str]]] = []
    i = 0
    while i < len(lines):
        label, k = _grid_label_at(lines, i)
        if label:
            rows.append((label, []))
            i += k
            continue
        if rows:
            rows[-1][1].append(lines[i])
        elif not is_blank(lines[i]):
            title.append(clean(lines[i]))
        i += 1
    return Grid(title, [(lab, parse_blocks(content, width, cell=True)) for lab, content in rows])


RIB_LABELS = [
    "Titulaire du compte",
    "Adresse",
    "Domiciliation du compte",
    "Code Banque",
    "Code guichet",
    "N° de compte",
    "Clé",
    "IBAN",
    "BIC",
]


def parse_rib(lines: Sequence[str]) -> KVTable:
    rows = []
    for l in lines:
        t = clean(l)
        if not t:
            continue
        for lab in sorted(RIB_LABELS, key=len, reverse=True):
            if t.startswith(lab + " ") or t == lab:
                rows.append((lab, t[len(lab) :].strip()))
                break
        else:
            if rows:
                rows[-1] = (rows[-1][0], rows[-1][1] + " " + t)
    return KVTable(rows)


TARIF_LINE_RE = re.compile(r"^\d[\d \u00a0]* euros / jour / groupe$")


def parse_tarif(lines: Sequence[str]) -> TarifTable:
    header = [x.strip() for x in re.split(r"\s{3,}", lines[0].strip()) if x.strip()]
    rows = []
    desc: List[str] = []
    for l in lines[1:]:
        t = clean(l)
        if not t:
            continue
        if TARIF_LINE_RE.match(t):
            rows.append((" ".join(desc), t))
            desc = []
        else:
            desc.append(t)
    return TarifTable([clean(h) for h in header], rows)


def parse_signature(lines: Sequence[str]) -> Signature:
    first = next(l for l in lines if not is_blank(l))
    if re.search(r"\S\s{6,}\S", first.strip()):
        left, right = [], []
        for l in lines:
            if is_blank(l):
                continue
            parts = [p for p in re.split(r"\s{6,}", to_winansi(l).strip()) if p.strip()]
            if len(parts) >= 2:
                left.append(clean(parts[0]))
                right.append(clean(" ".join(parts[1:])))
            elif parts:
                left.append(clean(parts[0]))
        return Signature(left, right)
    texts = [clean(l) for l in lines if not is_blank(l)]
    for i, t in enumerate(texts):
        if PERSON_RE.match(t):
            return Signature(texts[: i + 1], texts[i + 1 :])
    half = len(texts) // 2
    return Signature(texts[:half], texts[half:])


def parse_training_sheet(lines: Sequence[str]) -> TrainingSheet:
    """The CNFPT "ANNEXE 2 ACTIONS DE FORMATION - SUITE" sheet (spreadsheet text, jumbled)."""
    S = _stripped(lines)
    row_re = re.compile(
        r"^(\d+) (\d+) (\d+) (\d+)\s+(" + AMOUNT + r"\s*€)\s+(" + AMOUNT + r"\s*€)$"
    )
    h0 = next(i for i, t in enumerate(S) if t.startswith("THEMATIQUES"))
    used = {h0}
    rows: List[List[str]] = []
    first_label = None
    for r, t in enumerate(S):
        m = row_re.match(t)
        if not m or r < h0:
            continue
        j = r - 1
        while j > h0 and not S[j]:
            j -= 1
        k = j
        while k - 1 > h0 and S[k - 1]:
            k -= 1
        label = [S[x] for x in range(k, j + 1)]
        if first_label is None:
            first_label = k
        used.update(range(k, j + 1))
        used.add(r)
        rows.append([" ".join(label)] + [g.strip() for g in m.groups()])
    if not rows:
        raise ValueError("training sheet: no row found")
    header = [S[h0]]
    for x in range(h0 + 1, first_label):
        used.add(x)
        t = S[x]
        if not t:
            continue
        if t[:1].isupper() or len(header) == 1:
            header.append(t)
        else:
            header[-1] += "\n" + t
    ident_labels = [t for t in S[:h0] if t]
    rest = [S[x] for x in range(h0 + 1, len(S)) if S[x] and x not in used]
    titles = [t for t in rest if re.match(r"^(ANNEXE \d+|ACTIONS DE FORMATION|ANNEE \d{4})", t)]
    sign = [t for t in rest if re.match(r"^(Pour le Président|\(cachet)", t) or PERSON_RE.match(t)]
    place = [t for t in rest if t.startswith("Fait à")]
    others = [t for t in rest if t not in titles and t not in sign and t not in place]
    name_val = next((t for t in others if t.isupper()), "")
    siret_val = next((t for t in others if re.fullmatch(r"\d{14}", t.replace(" ", ""))), "")
    theme = [t for t in others if t not in (name_val, siret_val)]
    ident = [(lab, siret_val if lab.upper().startswith("SIRET") else name_val) for lab in ident_labels]
    sign.sort(key=lambda x: 0 if x.startswith("Pour") else 2 if x.startswith("(") else 1)
    return TrainingSheet(titles, ident, header, theme, rows, place, sign)


# ---------------------------------------------------------------------------
# Document parser
# ---------------------------------------------------------------------------

ANNEX_LABEL_RE = re.compile(r"^Annexe \d+$")


def _stripped(lines: Sequence[str]) -> List[str]:
    return [clean(l) for l in lines]


def split_sections(lines: Sequence[str]) -> List[Tuple[int, int, Optional[str]]]:
    """Return (start, end, label) of the deliberation and of each annex."""
    S = _stripped(lines)
    starts: List[Tuple[int, Optional[str]]] = []
    for i, t in enumerate(S):
        if ANNEX_LABEL_RE.match(t):
            starts.append((i, t))
        elif t == "Pôle Solidarités":
            back = [x for x in S[max(0, i - 15) : i] if x]
            if not any(ANNEX_LABEL_RE.match(x) for x in back[-4:]):
                starts.append((i, None))
    if not starts:
        raise ValueError("seed: no annex found")
    out = [(0, starts[0][0], None)]
    for n, (i, lab) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        out.append((i, end, lab))
    return out


def parse_deliberation(lines: Sequence[str]) -> Tuple[Part, str, str, str]:
    S = _stripped(lines)
    width = line_width(lines)
    items: list = []
    # --- header (up to "La Commission Permanente ...") -------------------
    body0 = next(i for i, t in enumerate(S) if t.startswith("La Commission Permanente"))
    groups: List[List[str]] = []
    g: List[str] = []
    for t in S[:body0]:
        if not t:
            if g:
                groups.append(g)
                g = []
        else:
            g.append(t)
    if g:
        groups.append(g)
    seen_attendance = False
    title = ""
    number = ""
    date = ""
    for g in groups:
        joined = " ".join(g)
        if re.match(r"^\(N°", joined):
            items.append(Block("number", joined))
            m = re.search(r"N°\s*([\d-]+)", joined)
            number = m.group(1) if m else ""
        elif re.match(r"^(Secrétaire|Étaient|Etaient|Excusé|Absent|Présent)", joined):
            seen_attendance = True
            b = Block("attendance")
            for t in g:
                b.add(t)
            items.append(b)
        elif joined.upper() == joined and not seen_attendance:
            items.append(Block("head", "\n".join(g)))
            m = re.search(r"R[EÉ]UNION DU (\d{1,2}) ([A-ZÉÛ]+) (\d{4})", joined)
            if m:
                date = f"{m.group(1)} {m.group(2).lower()} {m.group(3)}"
        elif joined.upper() == joined:
            items.append(Block("title", joined))
            title = joined
        else:
            items.extend(parse_blocks(g, width))
    # --- closing signature ------------------------------------------------
    close0 = next(
        (i for i, t in enumerate(S) if t.startswith("LE PRESIDENT DU CONSEIL") or t.startswith("LE PRÉSIDENT DU CONSEIL")),
        len(S),
    )
    # --- budget table -----------------------------------------------------
    code_re = re.compile(r"^C\d\d-\w+\s+\d{4}/\d{5}")
    c0 = next((i for i in range(body0, close0) if code_re.match(S[i])), None)
    if c0 is None:
        raise ValueError("seed: budget table not found")
    h0 = c0 - 1
    while h0 > body0 and not S[h0].endswith(":"):
        h0 -= 1
    t_end = c0
    while t_end < close0 and S[t_end] != "(Adopté)" and not NOISE_RE.match(S[t_end].replace(" ", "")):
        t_end += 1
    items.extend(parse_blocks(lines[body0 : h0 + 1], width))
    # keep the article heading + intro together with the table
    items.append(parse_budget_table(lines[h0 + 1 : c0], lines[c0:t_end]))
    items.extend(parse_blocks(lines[t_end:close0], width))
    # closing
    cg: List[List[str]] = []
    g = []
    for t in S[close0:]:
        if not t:
            if g:
                cg.append(g)
                g = []
        else:
            g.append(t)
    if g:
        cg.append(g)
    di = next((k for k, grp in enumerate(cg) if re.match(r"^[A-ZÉ][A-ZÉ\- ]+, le ", grp[0])), None)
    if di is None:
        items.append(Closing(cg, "", []))
    else:
        items.append(Closing(cg[:di], " ".join(cg[di]), cg[di + 1 :]))
    return Part("deliberation", None, items, "Délibération"), number, date, title


def _find(S: Sequence[str], pred, start: int = 0, end: Optional[int] = None) -> Optional[int]:
    end = len(S) if end is None else end
    for i in range(start, end):
        if pred(S[i]):
            return i
    return None


def parse_text_part(lines: Sequence[str], width: int) -> list:
    """Running text of an annex, with its embedded tables and signature block."""
    S = _stripped(lines)
    items: list = []
    # special regions: (start, end, parser)
    regions = []
    sig = _find(S, lambda t: t.startswith("Pour le Département du Pas-de-Calais"))
    text_end = sig if sig is not None else len(lines)
    tarif = _find(S, lambda t: bool(re.search(r"\bTarif$", t)) and "formation" in t, 0, text_end)
    if tarif is not None:
        tar_lines = [i for i in range(tarif, text_end) if TARIF_LINE_RE.match(S[i])]
        if tar_lines:
            last = tar_lines[0]
            for i in tar_lines[1:]:
                if i - last <= 14:
                    last = i
            regions.append((tarif, last + 1, "tarif"))
    rib = _find(S, lambda t: t.startswith("Titulaire du compte"), 0, text_end)
    if rib is not None:
        e = rib
        while e < text_end and S[e] and any(S[e].startswith(l) for l in RIB_LABELS):
            e += 1
        regions.append((rib, e, "rib"))
    regions.sort()
    pos = 0
    for s, e, kind in regions:
        items.extend(parse_blocks(lines[pos:s], width))
        if kind == "tarif":
            items.append(parse_tarif(lines[s:e]))
        else:
            items.append(parse_rib(lines[s:e]))
        pos = e
    items.extend(parse_blocks(lines[pos:text_end], width))
    if sig is not None:
        items.append(parse_signature(lines[sig:]))
    return items


def split_subparts(lines: Sequence[str]) -> List[Tuple[int, int, str]]:
    """Split an annex section into running text / grid / sheet sub-parts."""
    S = _stripped(lines)
    cuts: List[Tuple[int, str]] = []
    for i, t in enumerate(S):
        if re.match(r"^Annexe N°\d+\b", t):
            j = i - 1
            while j > 0 and not S[j]:
                j -= 1
            cuts.append((j if S[j].startswith("\u00ab") else i, "grid"))
        elif re.match(r"^ANNEXE \d+(?: - .*)?$", t) and i > 0:
            cuts.append((i, "annex"))
        elif t.startswith("Nom de la collectivité"):
            cuts.append((i, "sheet"))
    cuts.sort()
    # an "ANNEXE n" title inside a spreadsheet annex does not start a new sub-part
    sheet_at = min((c for c, k in cuts if k == "sheet"), default=None)
    if sheet_at is not None:
        cuts = [(c, k) for c, k in cuts if not (k == "annex" and c > sheet_at)]
    bounds = [(0, "text")] + cuts
    out = []
    for n, (s, kind) in enumerate(bounds):
        e = bounds[n + 1][0] if n + 1 < len(bounds) else len(lines)
        if kind == "annex" and is_grid(lines[s:e]):
            kind = "grid"
        out.append((s, e, kind))
    return out


def parse_annex(lines: Sequence[str], label: Optional[str]) -> Part:
    width = line_width(lines)
    S = _stripped(lines)
    start = 0
    if label is not None:
        start = next(i for i, t in enumerate(S) if t == label) + 1
    body = lines[start:]
    items: list = []
    for n, (s, e, kind) in enumerate(split_subparts(body)):
        sub = body[s:e]
        if n > 0:
            items.append(PageBreakMark())
        if kind == "grid":
            items.append(parse_grid(sub, width))
        elif kind == "sheet":
            items.append(parse_training_sheet(sub))
        else:
            items.extend(parse_text_part(sub, width))
    name = _annex_name(S)
    return Part("annex", label, items, name)


def _annex_name(S: Sequence[str]) -> str:
    for t in S:
        if t.startswith("Objet"):
            return t[:90]
        if t.startswith("Thématique"):
            return "Rapport par thématique"
    return "Annexe"


def parse_document(text: str) -> Document:
    lines = text.split("\n")
    secs = split_sections(lines)
    s, e, _ = secs[0]
    delib, number, date, title = parse_deliberation(lines[s:e])
    parts = [delib]
    for s, e, lab in secs[1:]:
        parts.append(parse_annex(lines[s:e], lab))
    return Document(number=number, date=date, title=title, parts=parts)


def load_seed(seed_path: Optional[pathlib.Path] = None, replacements: Sequence[Tuple[str, str]] = ()) -> str:
    path = pathlib.Path(seed_path) if seed_path is not None else DEFAULT_SEED
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\f", "\n")
    for old, new in replacements:
        if not old or old not in text:
            raise ValueError(f"replacement: {old!r} not found in the seed text")
        text = text.replace(old, new)
    return text


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

@dataclass
class Look:
    name: str
    font: str
    bold: str
    italic: str
    bolditalic: str
    size: float
    leading: float
    margins: Tuple[float, float, float, float]  # left, right, top, bottom
    space_after: float
    article_markup: str  # format with {t}
    budget_ruled: bool
    accent: colors.Color
    pagesize: Tuple[float, float] = A4
    align: int = TA_JUSTIFY  # body text: justified (word spacing stretched) or ragged right (TA_LEFT)
    headings: str = ""  # "centred": centred bold headings in the accent colour (style a); else plain ones
    footer: str = "b"  # "a": centred rule and "Page X/Y"; "b": text left, number right; "e": "Page X sur Y"
    running_header: bool = False  # "Commission Permanente du ... – N°..." at the top of every page
    # the conventions and avenants set in two columns on their pages: "frames" (two frames, the text layer in
    # reading order) or "lines" (written line by line across the columns, see InterleavedColumns)
    two_column_annexes: str = ""
    ttf: Optional[Tuple[str, str, str, str]] = None  # TrueType files (regular, bold, italic, bold italic)
    glue_names: bool = True  # no line break inside "M. Prénom NOM" (False: breaks wherever the width says)
    # a language ("fr_FR"): words are hyphenated at line ends (reportlab with pyphen's patterns), words in
    # capitals excepted (a word processor's "do not hyphenate words in CAPS")
    hyphenate: str = ""
    budget_valign: str = "MIDDLE"  # where a budget row's amounts stand beside its wrapped label: TOP, MIDDLE, BOTTOM


LOOKS = {
    "a": Look(
        name="a",
        font="Helvetica",
        bold="Helvetica-Bold",
        italic="Helvetica-Oblique",
        bolditalic="Helvetica-BoldOblique",
        size=10,
        leading=13,
        margins=(2.2 * cm, 2.0 * cm, 1.8 * cm, 2.2 * cm),
        space_after=5,
        article_markup="<b>{t}</b>",
        budget_ruled=True,
        accent=colors.HexColor("#1f4e79"),
        headings="centred",
        footer="a",
    ),
    "b": Look(
        name="b",
        font="Times-Roman",
        bold="Times-Bold",
        italic="Times-Italic",
        bolditalic="Times-BoldItalic",
        size=11.5,
        leading=14,
        margins=(2.8 * cm, 2.4 * cm, 2.2 * cm, 2.6 * cm),
        space_after=6,
        article_markup="<b><u>{t}</u></b>",
        budget_ruled=False,
        accent=colors.black,
    ),
    # A narrow column in a monospaced font: every list and sentence wraps at other words than in a and b.
    "c": Look(
        name="c",
        font="Courier",
        bold="Courier-Bold",
        italic="Courier-Oblique",
        bolditalic="Courier-BoldOblique",
        size=9,
        leading=11.5,
        margins=(3.6 * cm, 3.4 * cm, 2.0 * cm, 2.4 * cm),
        space_after=4,
        article_markup="<b>{t}</b>",
        budget_ruled=False,
        accent=colors.black,
    ),
    # A4 landscape (long lines), a proportional serif TrueType font (DejaVu Serif, shipped with matplotlib),
    # justified text, the budget table without ruling lines, the conventions and avenants in two columns.
    "d": Look(
        name="d",
        font="DejaVuSerif",
        bold="DejaVuSerif-Bold",
        italic="DejaVuSerif-Italic",
        bolditalic="DejaVuSerif-BoldItalic",
        size=9.5,
        leading=12.5,
        margins=(2.0 * cm, 2.0 * cm, 1.6 * cm, 2.0 * cm),
        space_after=5,
        article_markup="<b>{t}</b>",
        budget_ruled=False,
        accent=colors.black,
        pagesize=landscape(A4),
        two_column_annexes="frames",
        glue_names=False,
        budget_valign="BOTTOM",
        ttf=("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    ),
    # US letter, large type in a proportional sans TrueType font (DejaVu Sans), ragged right, a running header
    # and "Page X sur Y" on every page.
    "e": Look(
        name="e",
        font="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        bolditalic="DejaVuSans-BoldOblique",
        size=12.5,
        leading=16,
        margins=(2.5 * cm, 2.0 * cm, 2.6 * cm, 2.4 * cm),
        space_after=7,
        article_markup="<u>{t}</u>",
        budget_ruled=True,
        accent=colors.black,
        pagesize=LETTER,
        align=TA_LEFT,
        footer="e",
        running_header=True,
        two_column_annexes="lines",
        glue_names=False,
        ttf=("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    ),
    # A4, small DejaVu Sans type, justified AND hyphenated (French patterns): words, first names and amounts'
    # "euros" are cut at line ends ("Em-/manuelle", "eu-/ros"); the budget table without ruling.
    "f": Look(
        name="f",
        font="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        bolditalic="DejaVuSans-BoldOblique",
        size=8.5,
        leading=11,
        margins=(2.4 * cm, 2.4 * cm, 2.0 * cm, 2.2 * cm),
        space_after=4,
        article_markup="<b>{t}</b>",
        budget_ruled=False,
        accent=colors.black,
        glue_names=False,
        hyphenate="fr_FR",
        budget_valign="TOP",
        ttf=("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    ),
}


def hyphenator(lang: str):
    """reportlab's hyphenation callable for ``lang``: (head, tail) pairs of a word, none for a word in capitals."""
    import pyphen

    dic = pyphen.Pyphen(lang=lang)

    def pairs(word: str):
        return [] if any(c.isupper() for c in word[1:]) else dic.iterate(word)

    return pairs


def register_fonts(look: Look) -> None:
    """Register a look's TrueType fonts (the DejaVu files matplotlib ships, so no system font is needed)."""
    if look.ttf is None:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if look.font in pdfmetrics.getRegisteredFontNames():
        return
    import matplotlib

    folder = pathlib.Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    names = (look.font, look.bold, look.italic, look.bolditalic)
    for name, file in zip(names, look.ttf):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    for (bold, italic), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names):
        addMapping(look.font, bold, italic, name)


class Styles:
    def __init__(self, look: Look):
        L = look
        self.look = look
        base = ParagraphStyle(
            "body",
            fontName=L.font,
            fontSize=L.size,
            leading=L.leading,
            alignment=L.align,
            spaceAfter=L.space_after,
            bulletFontName="Symbol",
            bulletFontSize=L.size - 1, hyphenationLang=hyphenator(L.hyphenate) if L.hyphenate else "",
        )
        self.body = base
        self.indent = ParagraphStyle("indent", parent=base, firstLineIndent=1.0 * cm)
        self.bullet = ParagraphStyle("bullet", parent=base, leftIndent=0.9 * cm, bulletIndent=0.35 * cm, spaceAfter=2)
        self.item = ParagraphStyle("item", parent=base, leftIndent=0.9 * cm, bulletIndent=0.2 * cm, spaceAfter=2,
                                   bulletFontName=L.font)
        self.subitem = ParagraphStyle("subitem", parent=self.item, leftIndent=1.6 * cm, bulletIndent=1.0 * cm)
        self.left = ParagraphStyle("left", parent=base, alignment=TA_LEFT)
        self.center = ParagraphStyle("center", parent=base, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)
        if L.headings == "centred":
            self.head = ParagraphStyle("head", parent=base, fontName=L.bold, fontSize=L.size + 2,
                                       leading=L.leading + 3, alignment=TA_CENTER, spaceAfter=6)
            self.title = ParagraphStyle("title", parent=base, fontName=L.bold, fontSize=L.size + 2,
                                        leading=L.leading + 3, alignment=TA_CENTER, spaceBefore=10, spaceAfter=4,
                                        textColor=L.accent)
            self.number = ParagraphStyle("number", parent=base, fontName=L.bold, alignment=TA_CENTER, spaceAfter=12)
            self.article = ParagraphStyle("article", parent=base, alignment=TA_LEFT, spaceBefore=6, spaceAfter=4,
                                          keepWithNext=1)
            self.h1 = ParagraphStyle("h1", parent=base, fontName=L.bold, fontSize=L.size + 2, leading=L.leading + 3,
                                     alignment=TA_LEFT, spaceBefore=8, spaceAfter=6, keepWithNext=1,
                                     textColor=L.accent)
            self.h2 = ParagraphStyle("h2", parent=base, fontName=L.bold, alignment=TA_LEFT, spaceBefore=6,
                                     spaceAfter=4, keepWithNext=1)
            self.h3 = ParagraphStyle("h3", parent=base, fontName=L.bolditalic, alignment=TA_LEFT, spaceBefore=4,
                                     keepWithNext=1)
        else:
            self.head = ParagraphStyle("head", parent=base, fontName=L.bold, fontSize=L.size, leading=L.leading,
                                       alignment=TA_LEFT, spaceAfter=2)
            self.title = ParagraphStyle("title", parent=base, fontName=L.bold, fontSize=L.size + 1.5,
                                        leading=L.leading + 3, alignment=TA_CENTER, spaceBefore=14, spaceAfter=2)
            self.number = ParagraphStyle("number", parent=base, fontName=L.italic, alignment=TA_CENTER,
                                         spaceAfter=14)
            self.article = ParagraphStyle("article", parent=base, alignment=TA_LEFT, spaceBefore=8, spaceAfter=4,
                                          keepWithNext=1)
            self.h1 = ParagraphStyle("h1", parent=base, fontName=L.bold, fontSize=L.size + 1.5,
                                     leading=L.leading + 3, alignment=TA_CENTER, spaceBefore=8, spaceAfter=8,
                                     keepWithNext=1)
            self.h2 = ParagraphStyle("h2", parent=base, fontName=L.bolditalic, alignment=TA_LEFT, spaceBefore=6,
                                     spaceAfter=4, keepWithNext=1)
            self.h3 = ParagraphStyle("h3", parent=base, fontName=L.italic, alignment=TA_LEFT, spaceBefore=4,
                                     keepWithNext=1)
        self.attendance = ParagraphStyle("attendance", parent=base, spaceAfter=6)
        self.letterhead = ParagraphStyle("letterhead", parent=base, fontName=L.bold, fontSize=L.size - 0.5,
                                         leading=L.leading - 1, alignment=TA_LEFT, textColor=L.accent, spaceAfter=8)
        self.pageno = ParagraphStyle("pageno", parent=base, fontSize=L.size - 2, alignment=TA_RIGHT)
        self.label = ParagraphStyle("label", parent=base, fontName=L.bold, fontSize=L.size + 2, leading=L.leading + 2,
                                    alignment=TA_RIGHT, spaceAfter=10)
        self.vote = ParagraphStyle("vote", parent=base, leftIndent=0.6 * cm, spaceAfter=2)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=L.size - 1, leading=L.leading - 1.5, spaceAfter=2,
                                   alignment=TA_LEFT)
        self.cell_bullet = ParagraphStyle("cellbullet", parent=self.cell, leftIndent=0.55 * cm,
                                          bulletIndent=0.15 * cm)
        self.cell_item = ParagraphStyle("cellitem", parent=self.cell, leftIndent=0.55 * cm, bulletIndent=0.05 * cm,
                                        bulletFontName=L.font)
        self.cell_subitem = ParagraphStyle("cellsubitem", parent=self.cell_item, leftIndent=1.2 * cm,
                                           bulletIndent=0.75 * cm)
        self.cell_bold = ParagraphStyle("cellbold", parent=self.cell, fontName=L.bold)
        self.cell_right = ParagraphStyle("cellright", parent=self.cell, alignment=TA_RIGHT)
        self.cell_center = ParagraphStyle("cellcenter", parent=self.cell, alignment=TA_CENTER)
        self.sig = ParagraphStyle("sig", parent=base, alignment=TA_CENTER, spaceAfter=1)
        self.signame = ParagraphStyle("signame", parent=self.sig, fontName=L.bold)


NBSP = "\u00a0"
_GLUE_RULES = [
    # SIRET / SIREN numbers and IBANs are never broken across lines
    (re.compile(r"\b\d{3} \d{3} \d{3}(?: \d{5})?\b"), None),
    (re.compile(r"\bFR\d\d(?: [0-9A-Z]{4})+(?: [0-9A-Z]{1,3})?\b"), None),
    # thousands separators and the currency sign stay with their number
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NBSP),
    (re.compile(r"(?<=\d) (?=€)"), NBSP),
    # French typography: no line break before ; : ! ? » nor after «
    (re.compile(r"(?<=\S) (?=[:;!?\u00bb])"), NBSP),
    (re.compile(r"(?<=\u00ab) (?=\S)"), NBSP),
    # "M. Prénom NOM" / "Prénom NOM": a person's name is not split (unless the look says otherwise, see NAMES_GLUED)
    (re.compile(r"\b(?:M\.|Mme) (?=[A-ZÉ])"), "names"),
    (re.compile(r"\b[A-ZÉÈ][a-zéèëêïîôç]+(?:-[A-ZÉÈ][a-zéèëêïîôç]+)? [A-ZÉÈÀÇ][A-ZÉÈÀÇ]+(?:-[A-ZÉÈÀÇ]+)*\b"), "names"),
]
# Whether names are glued (styles a-c); styles d and e let a line break between "M." or a first name and the
# surname, as a word processor does without no-break spaces. Set by ``render`` for the look being laid out.
NAMES_GLUED = {"on": True}


def typo(text: str) -> str:
    """Non-breaking spaces where a word processor would have them.

    The built-in fonts encode U+00A0 as an ordinary space byte, so the text layer
    is unchanged; only the line breaking is affected (numbers, SIRET, IBAN and
    names are never split across lines)."""
    for rx, rep in _GLUE_RULES:
        if rep == "names" and not NAMES_GLUED["on"]:
            continue
        if rep in (None, "names"):
            text = rx.sub(lambda m: m.group(0).replace(" ", NBSP), text)
        else:
            text = rx.sub(rep, text)
    return text


def _markup(text: str) -> str:
    return esc(typo(text)).replace("\n", "<br/>")


class DottedRule(Flowable):
    def __init__(self, width_frac: float = 1.0):
        super().__init__()
        self.width_frac = width_frac

    def wrap(self, aw, ah):
        self._w = aw * self.width_frac
        return self._w, 10

    def draw(self):
        c = self.canv
        c.saveState()
        c.setDash(1, 2)
        c.setLineWidth(0.6)
        c.line(0, 4, self._w, 4)
        c.restoreState()


class HRule(Flowable):
    def __init__(self, width: float = 0.7, space: float = 6):
        super().__init__()
        self.lw = width
        self.space = space

    def wrap(self, aw, ah):
        self._w = aw
        return aw, self.space

    def draw(self):
        self.canv.setLineWidth(self.lw)
        self.canv.line(0, self.space / 2, self._w, self.space / 2)


class InterleavedColumns(Flowable):
    """Running text set in two columns on a baseline grid and written to the page line by line ACROSS the columns
    (left line, then the right line level with it, ...), the way some producers write a page: the text layer's
    order is not the reading order (a text extractor joins the two lines of a row into one), only the geometry
    tells the columns apart. ``lines``: (text, font, size, leading, space after,
    indent) in reading order; the columns are filled left then right, split over pages."""

    def __init__(self, lines: list, gutter: float, height: Optional[float] = None):
        super().__init__()
        self.lines = lines
        self.gutter = gutter
        self.fixed = height  # a page's share: the whole frame height; else the two columns are balanced

    def _fill(self, height: float) -> int:
        """How many lines two columns of ``height`` hold."""
        n, col, used = 0, 0, 0.0
        for ln in self.lines:
            if used + ln[3] > height + 1e-6:
                col, used = col + 1, 0.0
                if col == 2 or ln[3] > height + 1e-6:
                    break
            used += ln[3] + ln[4]
            n += 1
        return n

    def _balanced(self) -> float:
        """The least height at which two columns hold every line."""
        low, high = 0.0, sum(ln[3] + ln[4] for ln in self.lines) + 1
        while high - low > 0.05:
            mid = (low + high) / 2
            low, high = (low, mid) if self._fill(mid) >= len(self.lines) else (mid, high)
        return high

    def wrap(self, aw, ah):
        self.aw = aw
        self.height = self.fixed if self.fixed is not None else self._balanced()
        return aw, self.height

    def split(self, aw, ah):
        height = ah - 1e-3
        n = self._fill(height)
        if n == 0:
            return []
        if n >= len(self.lines):  # they all fit, though not in balanced columns
            return [InterleavedColumns(self.lines, self.gutter, height)]
        return [InterleavedColumns(self.lines[:n], self.gutter, height),
                InterleavedColumns(self.lines[n:], self.gutter)]

    def draw(self):
        colw = (self.aw - self.gutter) / 2
        placed, col, y = [], 0, self.height
        for text, font, size, leading, after, indent in self.lines:
            if y - leading < -1e-6 and col == 0:
                col, y = 1, self.height
            y -= leading
            placed.append((round(y, 1), col, col * (colw + self.gutter) + indent, y + (leading - size) * 0.5,
                           text, font, size))
            y -= after
        c = self.canv
        from reportlab.pdfbase.pdfmetrics import stringWidth

        for _, _, x, base, text, font, size in sorted(placed, key=lambda p: (-p[0], p[1])):
            # word by word, with no space character between the words (as TeX writes a page): the text layer's
            # spaces are the extractor's reading of the gaps
            space = stringWidth(" ", font, size)
            for word in text.replace(NBSP, " ").split(" "):
                c.setFont(font, size)
                c.drawString(x, base, word)
                x += stringWidth(word, font, size) + space


def wrap_words(text: str, font: str, size: float, width: float) -> List[str]:
    """Break ``text`` into lines of at most ``width`` at ordinary spaces (a no-break space glues its words)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: List[str] = []
    for hard in text.split("\n"):
        line = ""
        for word in hard.split(" "):
            trial = f"{line} {word}" if line else word
            if line and stringWidth(trial, font, size) > width:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return out


class Renderer:
    def __init__(self, look: Look, frame_width: float, landscape_width: float):
        self.look = look
        self.st = Styles(look)
        self.fw = frame_width
        self.lw = landscape_width

    # -- blocks ----------------------------------------------------------
    def block(self, b: Block, in_cell: bool = False):
        st = self.st
        t = b.text
        k = b.kind
        if k == "rule":
            return [DottedRule()]
        if in_cell:
            if k == "bullet":
                return [Paragraph(_markup(t), st.cell_bullet, bulletText="\u2022")]
            if k == "item":
                style = st.cell_subitem if b.marker in ("o", "-") else st.cell_item
                return [Paragraph(_markup(t), style, bulletText=b.marker)]
            if k in HEADING_KINDS:
                return [Paragraph(_markup(t), st.cell_bold)]
            return [Paragraph(_markup(t), st.cell)]
        if k == "article":
            return [Paragraph(self.look.article_markup.format(t=_markup(t)), st.article)]
        if k in ("h1", "h2", "h3"):
            return [Paragraph(_markup(t), getattr(st, k))]
        if k == "bullet":
            return [Paragraph(_markup(t), st.bullet, bulletText="\u2022")]
        if k == "item":
            style = st.subitem if b.marker == "o" else st.item
            return [Paragraph(_markup(t), style, bulletText=b.marker)]
        if k == "indent":
            return [Paragraph(_markup(t), st.indent)]
        if k == "letterhead":
            return [Paragraph(_markup(t), st.letterhead)]
        if k == "pageno":
            return [Paragraph(_markup(t), st.pageno)]
        if k == "head":
            return [Paragraph(_markup(t), st.head)]
        if k == "title":
            return [Paragraph(_markup(t), st.title)]
        if k == "number":
            return [Paragraph(_markup(t), st.number)]
        if k == "attendance":
            m = re.match(r"^([^:]{1,60}:)(.*)$", t, re.S)
            if m:
                return [Paragraph(f"<b>{_markup(m.group(1))}</b>{_markup(m.group(2))}", st.attendance)]
            return [Paragraph(_markup(t), st.attendance)]
        if k == "decide":
            return [Paragraph(f"<b>{_markup(t)}</b>", st.center if self.look.headings == "centred" else st.left)]
        if k == "stars":
            return [Paragraph(_markup(t), st.center)]
        if k == "adopted":
            return [Paragraph(f"<b>{_markup(t)}</b>", st.left)]
        if k == "vote_intro":
            return [Paragraph(_markup(t), st.body)]
        if k == "vote":
            m = re.match(r"^([^:]{1,60}:)(.*)$", t, re.S)
            if m:
                return [Paragraph(f"<b>{_markup(m.group(1))}</b>{_markup(m.group(2))}", st.vote)]
            return [Paragraph(_markup(t), st.vote)]
        if k == "objet":
            m = re.match(r"^(Objet\s*:)(.*)$", t, re.S)
            return [Paragraph(f"<b>{_markup(m.group(1))}</b><b>{_markup(m.group(2))}</b>", st.body)]
        if t.startswith("Après en avoir délibéré"):
            return [Paragraph(_markup(t), st.body)]
        return [Paragraph(_markup(t), st.body)]

    # -- tables ----------------------------------------------------------
    def budget(self, bt: BudgetTable):
        st = self.st
        L = self.look
        hdr_style = ParagraphStyle("bh", parent=st.cell, fontName=L.bold, alignment=TA_CENTER)
        hdr_style_r = ParagraphStyle("bhr", parent=hdr_style, alignment=TA_RIGHT)
        w = self.fw
        # fixed columns sized on their content, the label column takes the rest
        from reportlab.pdfbase.pdfmetrics import stringWidth

        def need(col: int) -> float:
            cells = [r[col] for r in bt.rows]
            wmax = max([stringWidth(to_winansi(c), L.font, st.cell.fontSize) for c in cells] or [0])
            if col < len(bt.header):
                for word in bt.header[col].split():
                    wmax = max(wmax, stringWidth(to_winansi(word), L.bold, st.cell.fontSize))
            return wmax + 14

        cw = [need(0), need(1), 0.0, max(need(3), 0.15 * w), max(need(4), 0.15 * w)]
        cw[2] = w - sum(cw)
        hdr_style_l = ParagraphStyle("bhl", parent=hdr_style, alignment=TA_LEFT)
        header = [Paragraph(_markup(h), hdr_style if L.budget_ruled else hdr_style_l if i < 3 else hdr_style_r)
                  for i, h in enumerate(bt.header)]
        data = [header]
        for code, imp, lab, ae, dep in bt.rows:
            data.append([
                Paragraph(_markup(code), st.cell),
                Paragraph(_markup(imp), st.cell),
                Paragraph(_markup(lab), st.cell),
                Paragraph(_markup(ae), st.cell_right),
                Paragraph(_markup(dep), st.cell_right),
            ])
        t = Table(data, colWidths=cw, repeatRows=1, hAlign="CENTER")
        cmds = [
            ("VALIGN", (0, 0), (-1, -1), L.budget_valign),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if L.budget_ruled:
            cmds += [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
            ]
        else:
            cmds += [("BOTTOMPADDING", (0, 0), (-1, 0), 6), ("LEFTPADDING", (0, 0), (0, -1), 0)]
        t.setStyle(TableStyle(cmds))
        return [Spacer(1, 4), t, Spacer(1, 8)]

    def grid(self, g: Grid):
        st = self.st
        L = self.look
        out = []
        for i, t in enumerate(g.title):
            style = ParagraphStyle("gt", parent=st.center, fontName=L.bold, fontSize=L.size + (1 if i else 0),
                                   spaceAfter=4)
            out.append(Paragraph(_markup(t), style))
        out.append(Spacer(1, 8))
        label_style = ParagraphStyle("gl", parent=st.cell, fontName=L.bold)
        data = []
        starts = []
        lw = 3.6 * cm
        cw = self.fw - lw
        for label, blocks in g.rows:
            starts.append(len(data))
            flows = []
            for b in blocks:
                flows.extend(self.block(b, in_cell=True))
            if not flows:
                flows = [Paragraph("", st.cell)]
            # the first row holds the label and enough content to be at least as tall
            # as the label; the other paragraphs get a row each so that the grid can
            # split between pages
            label_p = Paragraph(_markup(label), label_style)
            label_h = label_p.wrap(lw - 12, 10000)[1]
            first_chunk: list = []
            height = 0.0
            while flows and (not first_chunk or height < label_h):
                f = flows.pop(0)
                first_chunk.append(f)
                height += f.wrap(cw - 12, 10000)[1] + f.getSpaceAfter()
            data.append([label_p, first_chunk])
            for f in flows:
                data.append(["", f])
        t = Table(data, colWidths=[lw, self.fw - lw], hAlign="CENTER", splitByRow=1)
        cmds = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LINEAFTER", (0, 0), (0, -1), 0.6, colors.black),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        for s in starts:
            cmds.append(("LINEABOVE", (0, s), (-1, s), 0.6, colors.black))
            cmds.append(("TOPPADDING", (0, s), (-1, s), 5))
        ends = [s - 1 for s in starts[1:]] + [len(data) - 1]
        for e in ends:
            cmds.append(("BOTTOMPADDING", (0, e), (-1, e), 5))
        if L.name == "a":
            cmds.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")))
        t.setStyle(TableStyle(cmds))
        out.append(t)
        return out

    def kv(self, kv: KVTable):
        st = self.st
        data = [[Paragraph(_markup(a), st.cell_bold), Paragraph(_markup(b), st.cell)] for a, b in kv.rows]
        # a narrow frame (a column of a two-column page) gives the value the whole rest of the width
        widths = [5 * cm, self.fw - 7 * cm] if self.fw > 13 * cm else [0.34 * self.fw, 0.66 * self.fw]
        t = Table(data, colWidths=widths, hAlign="LEFT")
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        return [Spacer(1, 2), KeepTogether([t]), Spacer(1, 8)]

    def tarif(self, tt: TarifTable):
        st = self.st
        hs = ParagraphStyle("th", parent=st.cell, fontName=self.look.bold, alignment=TA_CENTER)
        data = [[Paragraph(_markup(h), hs) for h in tt.header]]
        for d, p in tt.rows:
            data.append([Paragraph(_markup(d), st.cell), Paragraph(_markup(p), st.cell_center)])
        t = Table(data, colWidths=[self.fw * 0.62, self.fw * 0.30], hAlign="CENTER")
        cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
        if self.look.name == "a":
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")))
        t.setStyle(TableStyle(cmds))
        return [Spacer(1, 2), KeepTogether([t]), Spacer(1, 8)]

    def signature(self, s: Signature):
        st = self.st

        def split(lines: List[str]):
            for i, ln in enumerate(lines):
                if PERSON_RE.match(ln):
                    return lines[:i], [ln], lines[i + 1 :]
            return lines, [], []

        def paras(lines: List[str], style):
            return [Paragraph(_markup(ln), style) for ln in lines] or ""

        lpre, lname, lpost = split(s.left)
        rpre, rname, rpost = split(s.right)
        data = [
            [paras(lpre, st.sig), paras(rpre, st.sig)],
            [paras(lname, st.signame), paras(rname, st.signame)],
        ]
        if lpost or rpost:
            data.append([paras(lpost, st.sig), paras(rpost, st.sig)])
        t = Table(data, colWidths=[self.fw / 2, self.fw / 2])
        t.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 1), (-1, 1), 1.5 * cm),
        ]))
        return [Spacer(1, 10), KeepTogether([t])]

    def closing(self, c: Closing):
        st = self.st
        from reportlab.pdfbase.pdfmetrics import stringWidth

        longest = max([stringWidth(to_winansi(ln), self.look.bold, self.look.size)
                       for grp in c.first + c.second for ln in grp] or [0])
        indent = max(0.0, min(self.fw * 0.45, self.fw - longest - 12))
        rs = ParagraphStyle("cl", parent=st.left, leftIndent=indent, spaceAfter=2)
        rsb = ParagraphStyle("clb", parent=rs, fontName=self.look.bold)
        out: list = [Spacer(1, 10)]
        for grp in c.first:
            for ln in grp:
                out.append(Paragraph(_markup(ln), rsb if ln.isupper() else rs))
            out.append(Spacer(1, 6))
        if c.date:
            out.append(Paragraph(_markup(c.date), ParagraphStyle("cd", parent=st.left, spaceBefore=6, spaceAfter=10)))
        for grp in c.second:
            for ln in grp:
                out.append(Paragraph(_markup(ln), rs))
            out.append(Spacer(1, 4))
        return [KeepTogether(out)]

    def sheet(self, s: TrainingSheet):
        st = self.st
        L = self.look
        W = self.lw
        out: list = []
        ts = ParagraphStyle("sh", parent=st.center, fontName=L.bold, fontSize=L.size + 1, spaceAfter=2)
        for t in s.titles:
            out.append(Paragraph(_markup(t), ts))
        out.append(Spacer(1, 10))
        idt = Table([[Paragraph(_markup(a), st.cell_bold), Paragraph(_markup(b), st.cell)] for a, b in s.ident],
                    colWidths=[8 * cm, 8 * cm], hAlign="LEFT")
        idt.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        out += [idt, Spacer(1, 12)]
        hs = ParagraphStyle("shh", parent=st.cell, fontName=L.bold, alignment=TA_CENTER, fontSize=L.size - 1.5,
                            leading=L.leading - 2.5)
        data = [[Paragraph(_markup(h), hs) for h in s.header]]
        spans = []
        for th in s.theme:
            spans.append(len(data))
            data.append([Paragraph(f"<i>{esc(th)}</i>", st.cell)] + [""] * (len(s.header) - 1))
        for r in s.rows:
            data.append([Paragraph(_markup(r[0]), st.cell)]
                        + [Paragraph(_markup(x), st.cell_center) for x in r[1:5]]
                        + [Paragraph(_markup(x), st.cell_right) for x in r[5:]])
        n = len(s.header)
        first = W * 0.30
        cw = [first] + [(W - first) / (n - 1)] * (n - 1)
        t = Table(data, colWidths=cw, repeatRows=1)
        cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r in spans:
            cmds.append(("SPAN", (0, r), (-1, r)))
        if L.name == "a":
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")))
        t.setStyle(TableStyle(cmds))
        out += [t, Spacer(1, 16)]
        left = [Paragraph(_markup(x), st.left) for x in s.place]
        right = [Paragraph(_markup(x), st.sig) if not PERSON_RE.match(x) else Paragraph(_markup(x), st.signame)
                 for x in s.sign]
        sig = Table([[left, right]], colWidths=[W / 2, W / 2])
        sig.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        out.append(sig)
        return out

    # -- parts -------------------------------------------------------------
    def part(self, p: Part, first: bool, columns: Optional["Renderer"] = None):
        """Flowables of a part. ``columns``: the renderer of a two-column frame, used for the running text of
        conventions and avenants (the pieces between page breaks that hold no grid nor spreadsheet)."""
        st = self.st
        mode = self.look.two_column_annexes
        two_col = bool(mode) and p.kind == "annex" and p.name.startswith("Objet")
        pieces: List[list] = [[]]
        for it in p.items:
            if isinstance(it, PageBreakMark):
                pieces.append([])
            pieces[-1].append(it)
        wide = [any(isinstance(it, (Grid, TrainingSheet)) for it in piece) for piece in pieces]
        out: list = []
        if not first:
            two_frames = two_col and mode == "frames" and not wide[0]
            out += [NextPageTemplate("columns" if two_frames else "portrait"), PageBreak()]
        label = [Paragraph(_markup(p.label), st.label)] if p.label else []
        n_thema = [0]
        for k, piece in enumerate(pieces):
            if mode == "lines" and two_col and not wide[k]:
                out += (label if k == 0 else []) + self.interleaved(piece)
                continue
            r = columns if two_col and not wide[k] else self
            if k == 0:
                out += label if r is self else [Paragraph(_markup(p.label), columns.st.label)] if p.label else []
            out += r.items(piece, n_thema, columns if two_col else None)
        return out

    def items(self, items: list, n_thema: List[int], columns: Optional["Renderer"]) -> list:
        out: list = []
        skip = 0
        for idx, it in enumerate(items):
            if skip:
                skip -= 1
                continue
            if (
                isinstance(it, Block)
                and it.kind == "article"
                and idx + 2 < len(items)
                and isinstance(items[idx + 1], Block)
                and isinstance(items[idx + 2], BudgetTable)
            ):
                # the article introducing the budget table stays on the table's page
                out.append(KeepTogether(self.block(it) + self.block(items[idx + 1]) + self.budget(items[idx + 2])))
                skip = 2
                continue
            if isinstance(it, PageBreakMark):
                nxt = items[idx + 1] if idx + 1 < len(items) else None
                wide = any(isinstance(x, (Grid, TrainingSheet)) for x in items[idx + 1:])
                if isinstance(nxt, TrainingSheet):
                    out += [NextPageTemplate("landscape"), PageBreak()]
                elif columns is not None and not wide:
                    out += [NextPageTemplate("columns"), PageBreak()]
                else:
                    out += [NextPageTemplate("portrait"), PageBreak()]
            elif isinstance(it, Block):
                if it.kind == "h1" and it.text.startswith("Thématique"):
                    n_thema[0] += 1
                    if n_thema[0] > 1:
                        out.append(PageBreak())
                out += self.block(it)
            else:
                out += self.table(it)
        return out

    def interleaved(self, items: list) -> list:
        """Style "lines": the blocks of a piece as InterleavedColumns, the tables between them full width."""
        out: list = []
        run: list = []
        for it in items + [None]:
            if isinstance(it, Block):
                run += self.column_lines(it)
                continue
            if run:
                out.append(InterleavedColumns(run, COLUMN_GUTTER))
                out += [] if isinstance(it, PageBreakMark) else [Spacer(1, 6)]
                run = []
            if isinstance(it, PageBreakMark):
                out += [NextPageTemplate("portrait"), PageBreak()]
            elif it is not None:
                out += self.table(it)
        return out

    def column_lines(self, b: Block) -> list:
        L = self.look
        if b.kind == "rule" or not b.text:
            return []
        bold = b.kind in HEADING_KINDS + ("objet", "decide", "adopted")
        font = L.bold if bold else L.font
        size, leading = L.size - 1, L.leading - 1
        prefix, indent = "", 0.0
        if b.kind == "bullet":
            prefix, indent = "\u2022 ", 0.4 * cm
        elif b.kind == "item":
            prefix, indent = b.marker + " ", 0.8 * cm if b.marker == "o" else 0.4 * cm
        width = (self.fw - COLUMN_GUTTER) / 2 - indent
        lines = [(t, font, size, leading, 0.0, indent) for t in wrap_words(prefix + typo(b.text), font, size, width)]
        # on a baseline grid: a paragraph ends with a blank line, so the two columns' lines stand level
        lines[-1] = lines[-1][:4] + (leading,) + lines[-1][5:]
        return lines

    def table(self, it) -> list:
        for kind, method in ((BudgetTable, self.budget), (Grid, self.grid), (KVTable, self.kv),
                             (TarifTable, self.tarif), (Signature, self.signature), (Closing, self.closing),
                             (TrainingSheet, self.sheet)):
            if isinstance(it, kind):
                return method(it)
        return []


def _numbered_canvas(look: Look, number: str, date: str):
    """Canvas class that draws the footer with the total page count on save."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self._saved_pages = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int):
            w, h = self._pagesize
            n = self._pageNumber
            left, right, top, bottom = look.margins
            self.saveState()
            if look.running_header:
                self.setFont(look.italic, 9)
                self.drawString(left, h - top + 0.9 * cm,
                                to_winansi(f"Commission Permanente du {date} \u2013 N°{number}"))
                self.setLineWidth(0.4)
                self.line(left, h - top + 0.7 * cm, w - right, h - top + 0.7 * cm)
            if look.footer == "a":
                self.setFont("Helvetica", 8)
                self.setStrokeColor(colors.HexColor("#808080"))
                self.setLineWidth(0.5)
                self.line(left, bottom - 0.55 * cm, w - right, bottom - 0.55 * cm)
                txt = f"Commission Permanente du {date} \u2013 N°{number} \u2013 Page {n}/{total}"
                self.drawCentredString(w / 2, bottom - 0.95 * cm, to_winansi(txt))
            elif look.footer == "e":
                self.setFont(look.font, 9)
                self.drawCentredString(w / 2, bottom - 1.2 * cm, f"Page {n} sur {total}")
            else:
                self.setFont("Times-Italic", 9)
                self.drawString(left, bottom - 1.1 * cm,
                                to_winansi(f"Département du Pas-de-Calais \u2014 Délibération {number}"))
                self.setFont("Times-Roman", 10)
                self.drawRightString(w - right, bottom - 1.1 * cm, str(n))
            self.restoreState()

    return NumberedCanvas


COLUMN_GUTTER = 1.0 * cm


def page_templates(look: Look) -> Tuple[list, float, float, float]:
    """The page templates of a look (its own page size, a landscape page for the spreadsheet annex, and two
    columns for the conventions) and the widths of the text frame, the landscape frame and a column."""
    left, right, top, bottom = look.margins
    pw, ph = look.pagesize
    lpw, lph = landscape(A4)
    pad = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    fw, fh = pw - left - right, ph - top - bottom
    colw = (fw - COLUMN_GUTTER) / 2
    frame_p = Frame(left, bottom, fw, fh, id="p", **pad)
    frame_l = Frame(1.8 * cm, 2.0 * cm, lpw - 3.6 * cm, lph - 3.6 * cm, id="l", **pad)
    cols = [Frame(left, bottom, colw, fh, id="c1", **pad),
            Frame(left + colw + COLUMN_GUTTER, bottom, colw, fh, id="c2", **pad)]
    templates = [
        PageTemplate(id="portrait", frames=[frame_p], pagesize=look.pagesize),
        PageTemplate(id="landscape", frames=[frame_l], pagesize=landscape(A4)),
        PageTemplate(id="columns", frames=cols, pagesize=look.pagesize),
    ]
    return templates, fw, lpw - 3.6 * cm, colw


def render(doc_model: Document, style: str, out_path: pathlib.Path) -> pathlib.Path:
    if style not in LOOKS:
        raise ValueError(f"unknown style {style!r} (expected one of {', '.join(STYLES)})")
    look = LOOKS[style]
    register_fonts(look)
    left, right, top, bottom = look.margins
    title = f"Délibération N°{doc_model.number} \u2013 {doc_model.title}"
    doc = BaseDocTemplate(
        str(out_path),
        pagesize=look.pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=to_winansi(title),
        author="Département du Pas-de-Calais",
        subject=to_winansi(f"Commission Permanente du {doc_model.date} \u2013 N°{doc_model.number}"),
        creator="delib samples/make_samples.py (style %s)" % style,
        keywords="délibération, commission permanente, Pas-de-Calais",
        invariant=1,
        pageCompression=1,
    )
    NAMES_GLUED["on"] = look.glue_names  # the paragraphs below are marked up for this look
    templates, fw, lw, colw = page_templates(look)
    doc.addPageTemplates(templates)
    r = Renderer(look, fw, lw)
    columns = Renderer(look, colw, lw) if look.two_column_annexes == "frames" else None
    story: list = []
    for i, part in enumerate(doc_model.parts):
        if i == 0 and style == "b":
            story += _letterhead_b(r, part)
            continue
        story += r.part(part, first=(i == 0), columns=columns)
    doc.build(story, canvasmaker=_numbered_canvas(look, doc_model.number, doc_model.date))
    return out_path


def _letterhead_b(r: Renderer, part: Part) -> list:
    """Style b: header lines as a letterhead at the top of the first page."""
    heads = [it for it in part.items if isinstance(it, Block) and it.kind == "head"]
    rest = Part(part.kind, part.label, [it for it in part.items if not (isinstance(it, Block) and it.kind == "head")],
                part.name)
    out: list = []
    if heads:
        top = heads[0]
        out.append(Paragraph(f"<b>{_markup(top.text)}</b>",
                             ParagraphStyle("lh", parent=r.st.left, fontName=r.look.bold, fontSize=13, leading=16,
                                            spaceAfter=2)))
        out.append(HRule(1.2, 8))
        for h in heads[1:]:
            out.append(Paragraph(_markup(h.text), r.st.head))
        out.append(HRule(0.4, 10))
    return out + r.part(rest, first=True)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

def build_pdf(
    style: str,
    out_path: pathlib.Path,
    replacements: Sequence[Tuple[str, str]] = (),
    seed_path: Optional[pathlib.Path] = None,
) -> pathlib.Path:
    """Lay the seed deliberation out in ``style`` (one of ``STYLES``) and write ``out_path``.

    Each ``(old, new)`` replacement is applied literally (all occurrences) to the
    seed text before parsing; a ValueError is raised if ``old`` is absent.
    """
    out_path = pathlib.Path(out_path)
    if style not in LOOKS:
        raise ValueError(f"unknown style {style!r} (expected one of {', '.join(STYLES)})")
    text = load_seed(seed_path, replacements)
    model = parse_document(text)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    return render(model, style, out_path)


def build_non_deliberation(out_path: pathlib.Path) -> pathlib.Path:
    """One short page that is clearly not a deliberation (newsletter invitation)."""
    out_path = pathlib.Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(out_path),
        pagesize=A4,
        title="La Lettre de Beaumarais n°42 – Juin 2024",
        author="Mairie de Beaumarais",
        subject="Invitation à l'inauguration de la médiathèque",
        creator="delib samples/make_samples.py (negative sample)",
        invariant=1,
        pageCompression=1,
    )
    m = 2.2 * cm
    doc.addPageTemplates([PageTemplate(id="p", frames=[Frame(m, m, A4[0] - 2 * m, A4[1] - 2 * m)])])
    base = ParagraphStyle("n", fontName="Helvetica", fontSize=11, leading=15, spaceAfter=8, alignment=TA_JUSTIFY)
    mast = ParagraphStyle("m", parent=base, fontName="Helvetica-Bold", fontSize=22, leading=26, alignment=TA_CENTER,
                          textColor=colors.HexColor("#2e7d32"))
    sub = ParagraphStyle("s", parent=base, alignment=TA_CENTER, fontName="Helvetica-Oblique", fontSize=10)
    h = ParagraphStyle("h", parent=base, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    bul = ParagraphStyle("bl", parent=base, leftIndent=0.8 * cm, bulletIndent=0.3 * cm, bulletFontName="Symbol",
                         spaceAfter=3)
    story = [
        Paragraph("La Lettre de Beaumarais", mast),
        Paragraph("Bulletin d'information municipal – n°42 – juin 2024", sub),
        HRule(1.5, 14),
        Paragraph("Vous êtes invités à l'inauguration de la nouvelle médiathèque !", h),
        Paragraph(
            "Après dix-huit mois de travaux, la médiathèque « Les Mots Passants » ouvre ses portes place du "
            "Marché. Le maire et toute l'équipe municipale ont le plaisir de vous convier à son inauguration "
            "le samedi 6 juillet 2024 à 10 h 30. Venez découvrir les nouveaux espaces de lecture, la "
            "ludothèque et le coin numérique.",
            base,
        ),
        Paragraph("Au programme de la matinée :", base),
        Paragraph("10 h 30 : coupé de ruban et visite guidée des espaces ;", bul, bulletText="\u2022"),
        Paragraph("11 h 00 : lecture de contes par la compagnie Les Petites Oreilles ;", bul, bulletText="\u2022"),
        Paragraph("11 h 45 : verre de l'amitié offert dans le jardin de la médiathèque ;", bul, bulletText="\u2022"),
        Paragraph("toute la journée : inscriptions gratuites et atelier de jeux de société.", bul,
                  bulletText="\u2022"),
        Paragraph("Infos pratiques", h),
        Paragraph(
            "Entrée libre, accessible aux personnes à mobilité réduite. Parking conseillé rue des Tilleuls. "
            "Horaires d'ouverture à partir du 9 juillet : mardi et vendredi de 14 h à 18 h 30, mercredi et "
            "samedi de 10 h à 12 h 30 et de 14 h à 18 h.",
            base,
        ),
        Paragraph("Et aussi ce mois-ci", h),
        Paragraph(
            "Fête de la musique le 21 juin sur le parvis de l'église ; collecte des encombrants le 27 juin "
            "(inscription en mairie) ; le centre de loisirs d'été ouvre le 8 juillet.",
            base,
        ),
        Spacer(1, 14),
        Paragraph("Renseignements : accueil de la mairie – 03 21 00 00 00 – contact@beaumarais.example",
                  sub),
    ]
    doc.build(story)
    return out_path


def output_name(style: str, suffix: str = "") -> str:
    return f"{STEM}_{style}{suffix}.pdf"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=pathlib.Path, default=HERE, help="output directory (default: samples/)")
    ap.add_argument("--style", choices=STYLES + ("all",), default="all",
                    help="layout style; 'all' also writes not-a-deliberation.pdf")
    ap.add_argument("--replace", nargs=2, action="append", default=[], metavar=("OLD", "NEW"),
                    help="literal replacement applied to the seed before layout (repeatable)")
    ap.add_argument("--suffix", default="", help="text appended to the output file stems")
    ap.add_argument("--seed", type=pathlib.Path, default=None, help="seed text (default: samples/seed.txt)")
    ap.add_argument("--dump", action="store_true", help="print the parsed structure instead of writing PDFs")
    args = ap.parse_args(argv)
    reps = [tuple(x) for x in args.replace]
    try:
        text = load_seed(args.seed, reps)
    except (ValueError, OSError) as exc:
        ap.error(str(exc))
    if args.dump:
        dump(parse_document(text))
        return 0
    styles = STYLES if args.style == "all" else (args.style,)
    for s in styles:
        p = build_pdf(s, args.out / output_name(s, args.suffix), reps, args.seed)
        print(p)
    if args.style == "all":
        p = build_non_deliberation(args.out / f"not-a-deliberation{args.suffix}.pdf")
        print(p)
    return 0


def dump(doc: Document, file=None) -> None:
    file = file or sys.stdout
    print(f"number={doc.number!r} date={doc.date!r} title={doc.title!r}", file=file)
    for p in doc.parts:
        print(f"=== PART {p.kind} label={p.label!r} name={p.name!r}", file=file)
        for it in p.items:
            if isinstance(it, Block):
                m = f" [{it.marker}]" if it.marker else ""
                print(f"  {it.kind:11s}{m} {it.text!r}", file=file)
            elif isinstance(it, Grid):
                print(f"  GRID title={it.title}", file=file)
                for lab, blocks in it.rows:
                    print(f"    | {lab!r}", file=file)
                    for b in blocks:
                        m = f" [{b.marker}]" if b.marker else ""
                        print(f"    |   {b.kind:9s}{m} {b.text!r}", file=file)
            else:
                print(f"  {it!r}", file=file)


if __name__ == "__main__":
    sys.exit(main())
