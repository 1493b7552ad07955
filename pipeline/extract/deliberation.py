"""Sections -> deliberation records: header, attendance, recusals, votes, articles, signature, amounts.

One function per record family (``section_to_attendance``, ``section_to_vote``, ...); every value keeps its page.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import regex

from models.layout import IngestedDocument
from models.records import (Amount, Article, Attendance, Deliberation, FileResult, Information, Recusal, Vote,
                            VoteMember)
from models.sections import (AnnexRecords, DeliberationRecords, DeliberationSegment, Extraction, Paragraph, Section,
                             SessionContext, Segmentation)
from pipeline import vocab
from pipeline.normalize._text import collapse
from pipeline.extract import entities
from pipeline.extract.annexes import convention_record, link_annexes, report_operations, sections_to_documents
from pipeline.extract.attendance_table import presence_table_areas, presence_tables
from pipeline.extract.budget import budget_amounts, deliberation_budget_lines, subsidy_amounts
from pipeline.extract.identifiers import identifiers
from pipeline.extract.votes import named_voters, not_voting, section_to_vote
from pipeline.layout import RUNNING_EDGE_LINES, running_lines
from pipeline.normalize.amounts import find_amounts
from pipeline.normalize.dates import find_dates, parse_date
from pipeline.normalize.ids import parse_delib_number
from pipeline.normalize.names import (CIVILITIES, as_listed, before_the_text_goes_on, find_member, group_civility,
                                     holder_only, initials_for_first_names, mask_parens, name_key, names_a_person,
                                     parse_name, split_names, split_proxy, strip_civility, without_stops)
from pipeline.segment import (attendance_status, decision_open, in_table, is_vote, names_secretary, vote_counts,
                              vote_text)

CONTEXT_CHARS = 200
COLUMN_EDGE = 4.0  # points: segments starting within this of each other on two lines start one column
# A "vote" whose counts exceed the members listed by this factor is not the council's: "Pour : 49 / Contre : 33"
# for a residents' survey in a 15-member council (Couthenans 2021). The margin covers lists read incompletely; a
# list of fewer names than the smallest council (7 members, CGCT L2121-2) is not trusted for this.
MAX_VOICES_PER_MEMBER = 2
MIN_COUNCIL = 7




# --- Header ------------------------------------------------------------------------------------------------

HEADER_KINDS = ("header", "title")
COLLECTIVITE_KINDS = ("header", "title", "body")


def _first_match(table, text: str) -> regex.Match | None:
    return next((m for _, pattern in table for m in [pattern.search(text)] if m), None)


def _collectivites(paragraph: Paragraph) -> list[tuple[int, str, str]]:
    """(rank, kind, name) of every collectivité the paragraph names: a letterhead line ("COMMUNE DE
    PUTANGES-LE-LAC", rank 0), the council's own ("le Conseil Municipal de la Commune de FARGUES SAINT-HILAIRE",
    rank 1), another name in a sentence (rank 2)."""
    out = []
    for line in paragraph.lines:
        if vocab.COLLECTIVITE.match(line.text.strip()):
            out.extend((0, f.meaning, _named(m)) for f in vocab.COLLECTIVITE_NAMED
                       for m in [f.pattern.search(line.text)] if m)
    flat = collapse(paragraph.flat)
    for f in vocab.COLLECTIVITE_NAMED:
        # a commune named by its council alone is read within its line: a place name has no line break
        texts = [line.text for line in paragraph.lines] if "name" in f.pattern.groupindex else [flat]
        for m in (m for text in texts for m in f.pattern.finditer(text)):
            own = vocab.COUNCIL_OF.search(m.string[max(0, m.start() - 40): m.start()])
            out.append((1 if own else 2, f.meaning, _named(m)))
    return out


def _named(m: regex.Match) -> str:
    """The collectivité a match names: its ``name`` group where the formula has one (the commune of "conseil
    municipal de Villeneuve-sur-Lot"), else the whole match ("Commune de Beaumont")."""
    return collapse(m.group("name") if "name" in m.groupdict() else m.group(0))


def collectivite_of(sections: list[Section], assembly: str | None) -> str | None:
    """The collectivité the header names, before the attendance lists (an agenda names other collectivités). A
    municipal or community council's is a commune or an EPCI: a département line in its letterhead ("DEPARTEMENT
    du GARD" above the minutes of Flaux) says where it lies, not who deliberates."""
    head = []
    for section in sections:
        if section.kind == "attendance":
            break
        if section.kind in COLLECTIVITE_KINDS:
            head.append(section)
    found = sorted((c for s in head for p in s.paragraphs for c in _collectivites(p)), key=lambda c: c[0])
    local = assembly and regex.search(r"MUNICIPAL|COMMUNAUTAIRE", assembly)
    wanted = ("commune", "epci") if local else ("commune", "epci", "departement", "region")
    return next((name for _, kind, name in found if kind in wanted), None)


def _assembly(paragraph: Paragraph) -> str | None:
    m = vocab.ASSEMBLY.search(collapse(paragraph.flat))
    return collapse(m.group(0)).upper() if m else None


def _president(paragraph: Paragraph) -> str | None:
    # a sentence may wrap over lines; a "Président de séance : …" line is read as the line it is
    m = _first_match(vocab.PRESIDENT, paragraph.flat) or _first_match(vocab.PRESIDENT, paragraph.text)
    if not m or vocab.PRESIDENT_TITLE.fullmatch(collapse(m.group("name"))):
        return None  # "sous la présidence de Monsieur le Maire": the office, no name (the lists may name the mayor)
    # (the sentence after a heading in capitals: "SOUS LA PRESIDENCE DE M. THIERRY VALETTE" / "L'an deux mille …")
    return _person_name(holder_only(m.group("name"))) or None


def _secretary(paragraph: Paragraph) -> str | None:
    m = _first_match(vocab.SECRETARY, paragraph.flat)
    # the name ends with its sentence: "Secrétaire de séance : Madame Nathalie Caron. Mme le maire demande …" (a
    # compte rendu set as one paragraph, 2019); not at an initial ("M. P. LEGRAND")
    if not m:
        return None
    # (after a dash, as the lists before it print their names: "Secrétaire de séance : - ROUANNE S.", 2011; the stop
    # after the name, which the line's pattern leaves out, may close an initial: without_stops keeps it then)
    name = m.group("name") + ("." if m.string[m.end("name"):m.end("name") + 1] == "." else "")
    return _person_name(before_the_text_goes_on(vocab.LEADING_BULLET.sub(
        "", _SENTENCE_END.split(name, maxsplit=1)[0]))) or None


_SENTENCE_END = regex.compile(r"(?<=\p{L}{2})(?<!\b(?:MM|Mme|Mmes|Mlle|Mr))\.\s+(?=\p{Lu})", regex.VERSION1)  # (not "MM. X")


def _number(paragraph: Paragraph) -> str | None:
    m = vocab.NUMBER.search(paragraph.flat)
    parsed = parse_delib_number(m.group(0)) if m else None
    return parsed.value if parsed and parsed.ok else None


# Each header field: the sections it is read in and how one paragraph gives it; the first paragraph wins.
HEADER_READERS = (
    ("assembly", HEADER_KINDS, _assembly),
    # (the decision's sentence may say it: "Le Conseil municipal, sous la présidence de M. X, Maire, après en avoir
    # délibéré, à l'unanimité, …"; the header's sections come first)
    ("president", ("header", "title", "body", "decision", "vote"), _president),
    ("secretary", ("secretary",), _secretary),
    ("number", HEADER_KINDS, _number),
)


def header_fields(sections: list[Section], known: frozenset[str] | set[str] = frozenset()) -> dict:
    """Collectivité, assembly, session date, president, secretary and number from the header-like sections;
    ``known``: fields not looked for (a point of a session record takes them from the session's header)."""
    out: dict = {}
    # the assembly's name may stand on two header lines ("DELIBERATION DE LA COMMISSION PERMANENTE" / "DU CONSEIL
    # DEPARTEMENTAL"): look for it in the header read as one text
    m = vocab.ASSEMBLY.search(collapse(" ".join(s.text for s in sections if s.kind in HEADER_KINDS)))
    if m:
        out["assembly"] = collapse(m.group(0)).upper()
    collectivite = collectivite_of(sections, out.get("assembly")) if "collectivite" not in known else None
    if collectivite:
        out["collectivite"] = collectivite
    for name, kinds, read in HEADER_READERS:
        if name in out or name in known:
            continue
        value = next((v for s in sections if s.kind in kinds for p in s.paragraphs for v in [read(p)] if v), None)
        if value:
            out[name] = value
    if "session_date" not in known:
        for section in sections:
            if section.kind in HEADER_KINDS:
                for paragraph in section.paragraphs:
                    _sitting_date(out, paragraph.flat, paragraph.page)
    return out


def _sitting_date(out: dict, text: str, page: int) -> None:
    """Keep the date of the sitting: a date said to be the sitting's ("Séance du …") wins over the first date
    printed; a date of convocation, display or issue of the minutes is never taken."""
    if out.get("session_date_sure"):
        return
    for value, _, start, _ in find_dates(text):
        before = text[max(0, start - 60): start]
        if vocab.APPROVED_MINUTES_DATE.search(before):  # "Approbation du procès-verbal de la séance du …"
            continue
        other, sitting = vocab.OTHER_DATE_CONTEXT.search(before), vocab.SITTING_DATE_CONTEXT.search(before)
        if other and not (sitting and sitting.start() > other.start()):  # the nearer words say whose date
            continue  # "Date de convocation : 5 mars 2024 Séance du 12 mars 2024": the second is the sitting's
        sure = bool(sitting)
        if sure or "session_date" not in out:
            out.update(session_date=value, session_date_page=page, session_date_sure=sure)
        if sure:
            return


def printed_counts(sections: list[Section]) -> tuple[dict[str, int], str | None]:
    """The counts the header prints (en exercice, présents, votants, pouvoirs), each from the first formula of
    ``vocab.PRINTED_COUNTS`` that reads it, and the printed text they were read from."""
    counts: dict[str, int] = {}
    quotes: list[str] = []
    for section in sections:
        if section.kind not in ("header", "title", "attendance", "secretary", "body"):
            continue
        for paragraph in section.paragraphs:
            text = paragraph.text
            for field_name, pattern in vocab.PRINTED_COUNTS:
                m = pattern.search(text) if field_name not in counts else None
                if m:
                    counts[field_name] = int(m.group("n"))
                    line = text[text.rfind("\n", 0, m.start()) + 1: (text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
                    if line not in quotes:
                        quotes.append(line.strip())
    return counts, " / ".join(quotes) or None


def with_margin_counts(printed: tuple[dict[str, int], str | None], margins: list[Paragraph], pages: set[int]
                       ) -> tuple[dict[str, int], str | None]:
    """The counts the text prints, and those only a box in the margin of its pages prints ("Nombre de membres /
    en exercice : 11 / présents : 9 / votants : 10" beside the opening sentence, which the layout keeps out of the
    text)."""
    counts, quote = printed
    boxed, boxed_quote = printed_counts([Section("header", [p for p in margins if p.page in pages])])
    added = {k: v for k, v in boxed.items() if k not in counts}
    if not added:
        return counts, quote
    return {**counts, **added}, " / ".join(q for q in (quote, boxed_quote) if q)


def _person_name(text: str) -> str:
    _, name = strip_civility(collapse(text))
    # "Bertrand GAUTIER, Maire", "Pierre-Jean ZANNETTACCI (Maire)" (L'Arbresle 2013), "DENIS JUVIN - MAIRE" (Flaux)
    name = regex.sub(r"\s*(?:,|\(|\s[-–]\s)\s*(?:maire|pr[ée]sidente?|adjointe?|vice-pr[ée]sidente?)\b.*$", "", name,
                     flags=regex.IGNORECASE)
    # "monsieur LEGRAND Paul maire" (2023): the office without a comma, in small letters (a surname is not)
    name = _OFFICE_WITHOUT_COMMA.sub("", name)
    name = _SPACED_HYPHEN.sub("-", name)  # "Jean- Marc LEVEAU" (2017)
    return without_stops(name.strip(" ,;"))  # ("BRAUD T." keeps its initial's stop)


_OFFICE_WITHOUT_COMMA = regex.compile(r"\s+(?:[Mm]aire|[Pp]r[ée]sidente?)\s*$")
_SPACED_HYPHEN = regex.compile(r"(?<=\p{L})(?:\s+[-–]\s*|[-–]\s+)(?=\p{Lu})")


def title_of(segment: DeliberationSegment) -> str | None:
    """The deliberation's title, without the colon that led to its text ("Convention CAUE :" -> "Convention
    CAUE", a compte rendu's item heading)."""
    title = _printed_title(segment)
    return (_HEADING_COLON.sub("", title) or title) if title else title


_HEADING_COLON = regex.compile(r"\s*:\s*$")


def _printed_title(segment: DeliberationSegment) -> str | None:
    if segment.heading and segment.number is not None or segment.heading and segment_heading_title(segment.heading) \
            != collapse(segment.heading):
        return segment_heading_title(segment.heading)
    parts = []
    for section in segment.of_kind("title"):
        for paragraph in section.paragraphs:
            # the number printed on a line of its own under the title ("(N°2024-273)") is not part of it, however
            # close below the title the layout sets it
            kept = [ln for ln in paragraph.lines if not _number_alone(ln.text)]
            flat = collapse(Paragraph(kept).flat if kept else paragraph.flat)
            number = vocab.NUMBER.search(flat)
            if number and len(flat) - len(number.group(0)) < 6:
                continue  # "(N°2024-273)" alone
            printed = next((m for kind, pattern in vocab.DELIB_HEADINGS if kind == "numbered"
                            and (m := pattern.match(flat)) and m.group("title")), None)
            if printed:  # "N° 2024-003 – Attribution d'un fonds de concours …": the number is read apart
                flat = collapse(printed.group("title"))
            flat = TITLE_NUMBER_TAIL.sub("", flat)  # "Vente d'un terrain – Délibération n° 2024-015": read apart
            if flat.endswith(",") or vocab.ASSEMBLY.search(flat) and flat.endswith(","):
                continue  # "La Commission Permanente du Conseil départemental du Pas-de-Calais,"
            subject = vocab.OBJECT_LINE.match(flat)  # "Objet : Tarifs de la restauration scolaire …"
            parts.append(collapse(subject.group("title")) if subject else flat)
        if parts:
            break
    if not parts and segment.heading:  # (a decision of a list titled by itself: without its bullet and its ";")
        title = segment_heading_title(segment.heading)
        return vocab.LEADING_BULLET.sub("", title).rstrip(" ;") if vocab.LEADING_BULLET.match(title) else title
    return " ".join(parts) or _object_line(segment)


TITLE_NUMBER_TAIL = regex.compile(r"\s*[-–—]\s*(?i:d[ée]lib[ée]ration\s+)?(?i:n°)\s*[\w/.-]+\s*$")


def _number_alone(text: str) -> bool:
    """A line that only prints the deliberation's number: "(N°2024-273)", "Délibération n° 2024-012"."""
    text = regex.sub(r"^\s*(?i:d[ée]lib[ée]ration|DCM)\b", "", text)
    number = vocab.NUMBER.search(text)
    return bool(number) and len(collapse(text)) - len(number.group(0)) < 6


def _object_line(segment: DeliberationSegment) -> str | None:
    """A header that prints the deliberation's object on an "Objet :" line and no title of its own."""
    return next((collapse(m.group("title")) for s in segment.of_kind("header") for p in s.paragraphs
                 for m in [vocab.OBJECT_LINE.match(collapse(p.flat))] if m), None)


def segment_heading_title(heading: str) -> str:
    for _, pattern in (*vocab.DELIB_HEADINGS, *vocab.SUB_POINTS):
        m = pattern.match(heading)
        if m:
            return collapse(m.group("title"))
    return collapse(heading)


# --- Attendance --------------------------------------------------------------------------------------------

def section_to_attendance(section: Section, doc_id: str, delib_id: str | None) -> list[Attendance]:
    """One row per member of an attendance list; proxies ("pouvoir à", "procuration à") give proxy_to. The list of
    people present who are not members ("Assistait également : …") gives none."""
    if section.label == "guests":
        return []
    found = _heading_end(section)
    proxy_heading = section.label == "excused" and bool(vocab.PROXY_HEADING_WORD.search(section.text[:found or 0]))
    entries = _entries(section, found or 0)
    inverted = _first_match(vocab.ATTENDANCE_INVERTED, section.text) if not found else None
    if inverted:  # "Maryline : absente non excusée" (Couthenans 2023)
        entries = [(collapse(inverted.group("names")), section.page)]
    rows, group = [], None
    # "tous les conseillers municipaux en exercice, à l'exception de : …": the members named after it are absent
    excepted = section.label == "present" and bool(vocab.ALL_PRESENT.search(section.text))
    status = section.label
    for entry, page in entries:  # "Mmes ANDRÉ, BERNARD, MM. CHARLES": a plural civility heads the entries after it
        if excepted and (cut := vocab.PRESENT_EXCEPT.search(entry)):
            # "… à l'exception de Messieurs Hervé COATANEA et Pascal TANGUY, absents excusés." (2011): excused
            at = section.text.find(entry[:40])
            rest = section.text[at:] if at >= 0 else entry
            entry = entry[cut.end():]
            status = "excused" if _EXCEPTED_EXCUSED.search(rest.split(".")[0]) else "absent"
        found = _entry_rows(entry, page, status, proxy_heading, doc_id, delib_id)
        opens = group_civility(entry)
        if opens is not None:
            group = opens or None
        elif any(row.civility for row in found):
            group = None  # a civility of its own ends the group
        for row in found:
            row.civility = row.civility or group
        rows.extend(found)
    return rows


def listed_attendance(sections: list[Section], doc: IngestedDocument | None, doc_id: str,
                      delib_id: str | None) -> list[Attendance]:
    """The members the attendance lists name, and those of a presence table (the roster's table first, the lists
    outside it after: "Pouvoirs : …" below the table). A list read inside a presence table's box is one of its
    cells ("Présent" in a member's row), not a list."""
    lists = member_lists(sections)
    tables = presence_table_areas(doc, {s.page for s in lists}) if doc is not None and lists else []
    outside = [s for s in lists if not any(t.page == s.page and in_table(s.paragraphs[0].lines[0], t) for t in tables)]
    rows = listed_once([row for section in outside for row in section_to_attendance(section, doc_id, delib_id)])
    if doc is not None and (not rows or len(outside) < len(lists)):
        table = presence_tables(doc, doc_id, delib_id)
        rows = listed_once(table + rows) if table else rows
    return initials_not_civilities(rows)


def initials_not_civilities(rows: list[Attendance]) -> list[Attendance]:
    """Where a sitting's lists name their members by an initial and a surname ("R. MAILLET, C. DEMAY, M. DEGRAND", a
    procès-verbal of 2017; a presence table), "M. DEGRAND" is an initial and a surname too, not "Monsieur DEGRAND"
    (``names.initials_for_first_names``; a list with a "Mme" is not such a list)."""
    printed = [f"{row.civility} {row.name}" if row.civility and row.civility != "M." else row.name for row in rows]
    if not initials_for_first_names(printed):
        return rows
    # (only before a surname alone: "Messieurs R. LE GUENNEC C. BRIAND" gives "M." to names that print their initial)
    return [dataclasses.replace(row, civility=None, name=f"M. {row.name}", name_key=name_key(f"M. {row.name}"))
            if row.civility == "M." and _SURNAME_ALONE.match(row.name) else row for row in rows]


_SURNAME_ALONE = regex.compile(r"^[\p{Lu}'’ -]+$")


def member_lists(sections: list[Section]) -> list[Section]:
    """The attendance lists, in order. "Étaient également présents :" names people who are not members when it comes
    after the members' lists (the town hall's secretary, the press); as the first list, after the sentence that
    names who presides, it names the members ("… sous la présidence de M. HAUCHECORNE, Maire. Etaient également
    présents : M. Lecanu, …", a commune's minutes, 2020)."""
    lists, members_seen = [], False
    for section in sections:
        if section.kind != "attendance":
            continue
        if section.label == "guests" and not members_seen:
            section = dataclasses.replace(section, label="present")
        members_seen = True
        lists.append(section)
    return lists


def listed_once(rows: list[Attendance]) -> list[Attendance]:
    """A member named in two lists of the absent ("Absents : M. GALLET, …" then "Pouvoirs : M. GALLET a donné
    pouvoir à Mme CARON", a compte rendu of 2023) is one member: one row, where the first list names them, excused
    when either list excuses them or names their proxy. A member listed present and also absent is a contradiction
    of the document, left for the validation to report."""
    kept: list[Attendance] = []
    for row in rows:
        same = [k for k in kept if k.status != "present" and row.status != "present" and _same_row_member(k, row)]
        if len(same) != 1:
            kept.append(row)
            continue
        first = same[0]
        if "excused" in (row.status, first.status) or row.proxy_to or first.proxy_to:
            first.status = "excused" if first.status == "absent" else first.status
        first.proxy_to = first.proxy_to or row.proxy_to
        first.note = first.note or row.note
    return kept


def _same_row_member(a: Attendance, b: Attendance) -> bool:
    """The same name, in whatever order of first name and surname, or a surname alone that ends the other's name
    ("Excusés : Viviane JAMES, Kévin LEGENTIL, …" then "Pouvoirs : Monsieur LEGENTIL donne pouvoir à monsieur
    BEAUFRERE, … madame JAMES donne pouvoir à …", Putanges 16/12/2024, see ``_same_member``); and no civility that
    tells them apart."""
    if a.civility and b.civility and a.civility != b.civility:
        return False
    if sorted(a.name_key.split()) == sorted(b.name_key.split()):
        return True
    shorter, longer = sorted((a, b), key=lambda row: len(row.name_key.split()))
    return _same_member(shorter.name, longer.name)


_EXCEPTED_EXCUSED = regex.compile(r"\b(?:absente?s?\s+)?excus[ée]e?s?\b", regex.IGNORECASE)


def _entry_status(entry: str, status: str) -> tuple[str, str]:
    """A status note inside the entry overrides the list's: "Monsieur Jean-Claude THUILLIER (absent excusé)" under
    "Absents :" (Pierrefonds 2023). Returns (status, entry without the note)."""
    note = vocab.ENTRY_STATUS.search(entry)
    if not note:
        return status, entry
    words = note.group("note").lower()
    status = "excused" if "excus" in words and "non" not in words else "absent"
    return status, (entry[: note.start()] + entry[note.end():]).strip()


def _entry_rows(entry: str, page: int, status: str, proxy_heading: bool, doc_id: str,
                delib_id: str | None) -> list[Attendance]:
    """The members of one entry of a list, with their proxy and late arrival."""
    status, entry = _entry_status(entry, status)
    substitute = vocab.SUBSTITUTE.fullmatch(entry)
    if substitute and status == "present":  # the delegate is away, the substitute sits for them: no proxy
        return [*_entry_rows(substitute.group("who"), page, "excused", False, doc_id, delib_id),
                *_entry_rows(substitute.group("sub"), page, "present", False, doc_id, delib_id)]
    arrival = _first_match(vocab.ARRIVAL, entry)
    person_text, proxy = split_proxy(entry)
    if not vocab.ROLE_WORDS.match(person_text):  # ("Maires Adjoints" is an office, whole)
        person_text = vocab.OFFICE_AFTER_NAME.sub("", person_text)  # "M.Delacroix Maire du Mesnil saint-Aubin"
        person_text = vocab.OFFICE_BEFORE_NAME.sub("", person_text)  # "Adjoints Evelyne Combes"
    # a member who gave a proxy is excused (OUTPUTS.md), in whatever list: "Adeline (procuration à Mario)" among
    # those present, "Mme PETIT Claire (procuration à M. DUPONT Jean)" under "Absents :"
    if proxy and status in ("present", "absent"):
        status = "excused"
    if proxy is None and proxy_heading:  # "Nadine MALHOMME à Georges CARRET" (L'Arbresle 2013)
        entry = regex.sub(r"^\s*(?:et\s+)?de\s+(?=\p{Lu})", "", entry)  # "Procurations : de X à Y, et de Z à W" (2022)
        m = _first_match(vocab.PROXY_PAIRS, entry) or _HOLDER_IN_PARENTHESES.fullmatch(entry)
        if m:  # (or the holder alone in parentheses: "BURGARD Thomas (KLÉE Martine)", Alsace 2022)
            person_text, proxy = m.group("who"), holder_only(m.group("to"))
    return [Attendance(doc_id=doc_id, delib_id=delib_id, status=status, civility=person.civility or None,
                       name=person.name, name_key=name_key(person.name),
                       proxy_to=_person_name(proxy) if proxy else None, page=page,
                       arrived_at=int(arrival.group("num")) if arrival else None, note=_note(entry))
            for person in ([] if vocab.ROLE_WORDS.match(person_text) else split_names(person_text))  # "Vices présidents"
            if not vocab.ROLE_WORDS.match(person.name)]  # "Maire", "Adjoints": an office, not a member


_HOLDER_IN_PARENTHESES = regex.compile(r"(?P<who>[^()]+?)\s*\(\s*(?P<to>(?:(?:M\.|Mme|Monsieur|Madame)\s+)?"
                                       r"\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*\)\s*", regex.VERSION1)


_NOTE_IN_BRACKETS = regex.compile(r"\(([^()]{3,120})\)")


def _note(entry: str) -> str | None:
    notes = _NOTE_IN_BRACKETS.findall(entry)
    return "; ".join(collapse(n) for n in notes) or None


def late_arrivals(attendance: list[Attendance], doc_id: str, delib_id: str, index: int) -> list[VoteMember]:
    """The members who arrived at a later point than this one (``index``: its rank in the file) did not vote on
    it: ``not_voting`` rows of vote_members.csv."""
    return [VoteMember(doc_id=doc_id, delib_id=delib_id, block=None, position="not_voting", civility=a.civility,
                       name=a.name, name_key=a.name_key, page=a.page)
            for a in attendance if a.arrived_at and index < a.arrived_at]


def _heading_end(section: Section) -> int | None:
    found = attendance_status(section.text)
    return found[1] if found else None


# a line that ends a name: a surname (a capitalised word) or a closing note "(pouvoir à M. X)"; not "représenté
# par", "pouvoir à", nor a comma already
_ENDS_A_NAME = regex.compile(r"(?:(?:^|(?<!\b(?:par|à|de|du))\s)\p{Lu}[\p{L}'’-]+|\))\s*$", regex.VERSION1)


def _list_text(section: Section) -> tuple[str, list[tuple[int, int]]]:
    """The text of a list with its entry boundaries made explicit, and the (offset, page) of each line."""
    lines = [line for paragraph in section.paragraphs for line in paragraph.lines]
    # a paragraph's end ends an entry (a name does not wrap over a blank line), and in columns a line's end does too
    # (a name does not wrap from one row of columns to the next)
    ends = {id(paragraph.lines[-1]) for paragraph in section.paragraphs}
    columns = _column_starts(lines[1:])
    texts = [lines[0].text + ("," if id(lines[0]) in ends and len(lines) > 1 else "")] + [
        _in_columns(line, columns) + ("," if columns or id(line) in ends else "") for line in lines[1:]]
    for k in range(1, len(texts)):  # one name a line, no commas: a line opened by a civility starts an entry
        civility, rest = strip_civility(texts[k])
        if civility and rest[:1].isupper() and _ENDS_A_NAME.search(texts[k - 1]):
            texts[k - 1] += ","
        # one proxy a line, no commas: "Pouvoirs : T MARCHAIS à E RATIER" / "JC ROBINEAU à JL GARNIER" (2013)
        # (the line before ends with a whole proxy: not "… Jean-" / "Claude GROSS à …", nor "…, M. Loïc" / "JÉGO à …",
        # nor "… Hervé BLANC à Thomas" / "REY Ginette COLOMBAT à …": the next grantor is printed as the one before;
        # nor "… à Mme Nadia Belkacem et M. Philippe" / "Lecomte à Mme Jocelyne Devaux", 2017)
        elif _PROXY_LINE.match(texts[k]) and (last := _PROXY_LINE.search(regex.split(r"[,;]", texts[k - 1])[-1])) \
                and not texts[k - 1].rstrip().endswith((",", "-", "–")) \
                and not _CIVILITY_THEN_ONE_WORD.search(texts[k - 1]) \
                and _word_form(strip_civility(texts[k])[1].split()[0]) == _word_form(
                    strip_civility(last.group().lstrip(": "))[1].split()[0]):
            texts[k - 1] += ","
    pages, offset = [], 0
    for line, line_text in zip(lines, texts):
        pages.append((offset, line.page))
        offset += len(line_text) + 1
    return "\n".join(texts), pages


_CIVILITY_THEN_ONE_WORD = regex.compile(r"(?:^|\s)(?:M\.|Mme|Mlle|Monsieur|Madame)\s+\p{Lu}[\p{L}'’-]*\s*$")
_PROXY_LINE = regex.compile(r"(?:^|:\s*)(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}"
                           r"\s+(?:[àa]|pouvoir\s+[àa]|procuration\s+[àa])\s+(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu}",
                           regex.VERSION1)


def _with_separators(body: str) -> str:
    """The list's other separators turned into commas: dashes, slashes, sub-headings; printed counts dropped."""
    # one name per dashed line (Pierrefonds; "− Monsieur Antonio MENDES à …" with a minus sign, Pierrefonds 2016)
    body = _LINE_BULLETS.sub(",\n", body)
    body = _INLINE_BULLET.sub(",", body)  # bullets inside a line ("… VIDAME ■ MM RENAUD …", 2016)
    if len(_RANK_BEFORE_NAME.findall(body)) >= 2:  # numbered members: "1. Monsieur X 2. Madame Odette Y …" (2014)
        body = _RANK_BEFORE_NAME.sub(",", body)
    body = _BROKEN_WORD.sub("", body)  # a word broken at a line's end: "M Ro- main MICHEL" (2017)
    # a surname glued to the first name after it by the text layer: "M. FRÉMAUDPatrick" (2018)
    body = _GLUED_FIRST_NAME.sub(" ", body)
    # surnames joined by stops: "CAYROL.FONTANGES.VIGUIE" (2011); a surname's initial closing it, the next surname
    # after it: "Mmes LAPORTE S. ROUSSEL E. et M. MARCHAL J." (2019)
    if len(_STOP_BETWEEN_SURNAMES.findall(body)) >= 2:
        body = _STOP_BETWEEN_SURNAMES.sub(",", body)
    body = _GLUED_STOP.sub(",", body)  # (no space: never a sentence's end)
    # a member commune named by itself inside the list: "Bessac : Josiane FABRE. Garrigoux : Patrick SOLANILLA ;
    # Jessica MAURY. Gaujac : …" (a conseil communautaire, 2016)
    body = _PLACE_LABEL.sub(", ", body)
    # surname-first names with nothing between them, two a line: "GUYOT Arnaud HENRY Gérard" / "DEMANGE Patrice
    # DESFOSSEZ Cédric" (a syndicat's procès-verbal, 2020)
    if _SURNAME_FIRST.match(body) and not _FIRST_NAME_FIRST_LINE.search(body) \
            and len(_AFTER_SURNAME_FIRST.findall(body)) >= 2:
        body = _AFTER_SURNAME_FIRST.sub(", ", body)
    # initials then surnames with nothing between members: "J. BRUNEL G. MARCILLAC M. TEYSSIER … JM VALADE" (2011)
    if len(_BEFORE_INITIAL_SURNAME.findall(body)) >= max(3, body.count(",") + 1):
        body = _BEFORE_INITIAL_SURNAME.sub(", ", body)
    if _SURNAME_THEN_INITIAL.search(body):  # (a list printed "SURNAME I.", not "I. SURNAME")
        body = _AFTER_SURNAME_INITIAL.sub(", ", body)
    # one member a line, each line a sentence: "BOLE-RICHARD Anne (2e adjointe), qui donne procuration à Agnès
    # Barthod." / "ÉTIENNE Nathalie …" (2015)
    body = _STOP_AT_LINE_END.sub(",\n", body)
    # "Titulaires :" inside a list, and the count printed after it ("… VALENTE-LE HIR (25)") are not names
    for _, pattern in vocab.ATTENDANCE_SUBHEADING:
        body = pattern.sub(",", body)
    body = vocab.SEAT_KIND_INSIDE.sub(",", body)
    body = vocab.MEMBER_COMMUNE_LABEL.sub(", ", body)  # "Commune de Borne : Monsieur Bellini, …"
    body = vocab.MEMBER_COMMUNE_AFTER.sub(",", body)  # "… et Mme RABIER pour BOURG LE VIDAME  MM RENAUD …"
    if len(_STAR_SEPARATOR.findall(body)) >= 2:  # "M. PERRILLAT* Mme LAURENT* M. VANDAMME*" (2015)
        body = _STAR_SEPARATOR.sub(",", body)
    for _, pattern in vocab.LIST_CLOSINGS:  # "…, Paul DURAND formant la majorité des membres en exercice."
        body = pattern.sub(",", body)
    body = regex.sub(r"\(\s*\d{1,3}\s*\)\s*(?=[\n,;.]|$)", " ", body)
    # "Denis JUVIN - Catherine MARTEL - Patricia MICHOT" (Flaux 2023): a spaced dash between names separates them,
    # except between two surnames in capitals ("Philippe ROUVIER - COROUGE": one compound surname)
    body = vocab.SPACED_SURNAME_HYPHEN.sub(r"\g<a>-\g<b>", body)
    if mask_parens(body).count(",") >= 2:
        # a list whose entries the commas already separate: a spaced dash inside a name joins its parts, as a text
        # layer spaces them ("SARRAN Jean - Marc, PUJOS - DARRIEU Marie - Claude", 2021)
        body = _SPACED_NAME_DASH.sub("-", body)
    if len(vocab.DASH_SEPARATOR.findall(body)) >= 2:
        # a list the dashes separate, typed with a space on one side only: "QUEMENER Anne- KERBRAT Erwan",
        # "(arrivée à 22h30)- HAMON Sylvie", "–Mmes DE LA MOTTE" (a commune's minutes, 2018); not "Jean- Louis"
        body = _ONE_SIDED_DASH.sub(", ", body)
    body = vocab.DASH_SEPARATOR.sub(", ", body)
    # "Anne-Marie (pouvoir donné à Yves) / Marielle (pouvoir donné à Agnès)" (Couthenans 2022-2023)
    return regex.sub(r"\s+/\s*|\s*/\s+", ", ", body)


_PLACE_LABEL = regex.compile(r"(?<=[.;]|^)\s*\p{Lu}\p{Ll}[\p{L}'’ -]{1,40}?\s*:\s+(?=" + vocab.NAME_START + ")")
_SURNAME_FIRST = regex.compile(r"[\s,;]*(?:(?:M\.|Mme|MM\.?|Mmes)\s+)?(?!(?:MM|MME|MMES|MR|MRS)\b)\p{Lu}{2,}(?:[- ]\p{Lu}{2,})*\s+\p{Lu}\p{Ll}+\b")
_FIRST_NAME_FIRST_LINE = regex.compile(r"(?m)^\s*(?:(?:M\.|Mme|MM\.?|Mmes|Monsieur|Madame)\s+)?\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)?\s+\p{Lu}{2,}")
_AFTER_SURNAME_FIRST = regex.compile(r"(?<=\b\p{Lu}{2,}\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(?=\p{Lu}{2,}(?:[- ]\p{Lu}{2,})*\s+\p{Lu}\p{Ll})")
_BEFORE_INITIAL_SURNAME = regex.compile(r"(?<=\b\p{Lu}{2,})\s+(?=(?:\p{Lu}\.|(?!(?:LE|LA|DE|DU|DI|DA|EL)\s)\p{Lu}{2}\s)\s*"
                                        r"\p{Lu}{2,}\b)")
_RANK_BEFORE_NAME = regex.compile(r"(?:^|\s)\d{1,3}\s*[.)]\s+(?=" + vocab.NAME_START + ")")
_LINE_BULLETS = regex.compile(r"\n\s*(?:[-–−•▪●◦■□]\s+)+")
_INLINE_BULLET = regex.compile(r"\s+[•▪●◦■□➢](?=\s)")
_BROKEN_WORD = regex.compile(r"(?<=\p{L})-\s+(?=\p{Ll})")
_GLUED_FIRST_NAME = regex.compile(r"(?<=\b\p{Lu}{2,})(?=\p{Lu}\p{Ll}+\b)")
_GLUED_STOP = regex.compile(r"(?<=\b\p{Lu}{3,})\.(?=\p{Lu}{3,}\b)")
_AFTER_SURNAME_INITIAL = regex.compile(r"(?<=\b\p{Lu}{2,}\s\p{Lu}\.)\s+(?=\p{Lu}{2,}\b)")
_STOP_AT_LINE_END = regex.compile(r"(?<=\p{L}{2}|\))\.[ \t]*\n(?=\s*\p{Lu})")
_STOP_BETWEEN_SURNAMES = regex.compile(r"(?<=\b\p{Lu}{3,})\s?\.\s?(?=\p{Lu}{3,}\b)")
_SURNAME_THEN_INITIAL = regex.compile(r"\b\p{Lu}{2,}\s\p{Lu}\.\s*(?:[,;]|et\b|$)")
_STAR_SEPARATOR = regex.compile(r"(?<=\S)\*(?=\s|$)")
_ONE_SIDED_DASH = regex.compile(r"(?<=\p{Ll}|\))[-–]\s+(?=\p{Lu}{2,}\b)|(?<=\p{Lu}{2})[-–]\s+(?=\p{Lu}\p{Ll})|(?<=\)|\s)[-–](?=(?:Mmes|Mme|MM\.|M\.|Ms|Messieurs|"
                                r"Mesdames)\s|\p{Lu}{2,}\b)", regex.VERSION1)
# (between two first names in small letters, "Jean - Marc"; two surnames in capitals are SPACED_SURNAME_HYPHEN's;
# "NIGGEL - Alessandra" is two members, Flaux 2022)
_SPACED_NAME_DASH = regex.compile(r"(?<=\b\p{Lu}\p{Ll}+)(?:\s+[-–]\s*|[-–]\s+)(?=\p{Lu}\p{Ll}+\b)(?!(?i:maire|pr[ée]sident|adjoint|"
                                  r"conseill|d[ée]l[ée]gu|vice))", regex.VERSION1)


def _split_outside_parens(body: str, start: int) -> list[tuple[str, int]]:
    """(entry, offset) cut at commas and semicolons outside parentheses (``mask_parens``: one left open before the
    next opens closes at its comma)."""
    entries, entry_start, last = [], start, 0
    for pos, ch in enumerate(mask_parens(body)):
        if ch in ",;":
            entries.append((body[last:pos], entry_start))
            last, entry_start = pos + 1, start + pos + 1
    entries.append((body[last:], entry_start))
    return entries


def _entries(section: Section, start: int) -> list[tuple[str, int]]:
    """Split a list after its heading into entries (one person, or one person with their proxy), with pages.

    Separators are commas and semicolons outside parentheses; names that wrap over lines are joined.
    """
    text, pages = _list_text(section)
    nobody = _NO_ONE_THEN.match(text, start)
    if nobody:  # "Est absent:/ M Sébastien POULAIN a été élu secrétaire de séance." (2017): no one, then a sentence
        return []
    # the list ends with its stop where a sentence follows: "Absents : M BEAUCOUR Didier. Ajout ordre du jour :
    # Unanimité. Gros travaux salle polyvalente …" (a procès-verbal set as one paragraph, 2015)
    after = _SENTENCE_AFTER_STOP.search(text, start)
    if after:
        text = text[:after.start() + 1]
    entries = [(part, at) for entry, at in _split_outside_parens(_with_separators(text[start:]), start)
               for chained in _split_chained_proxies(entry) for part in _split_and(chained)]
    out: list[tuple[str, int]] = []
    for entry, at in entries:
        entry = without_stops(collapse(entry))  # "BOUSQUET L." keeps its initial's stop
        # the verb of the next list's heading, left on the line before it: "… M. Eric DESJARDINS Sont" / "excusés M.
        # Guy MOREL …" (a commune's procès-verbal, 2017)
        entry = _NEXT_HEADING_VERB.sub("", entry)
        if vocab.NO_ONE.match(entry):  # "Absent(s) : Aucun"
            continue
        if out and _PROXY_AFTER_COMMA.match(entry):  # "MARECHAL Jacques, pouvoir à BARRAU Guy" (2024)
            # (past an office between them: "Jean-Marc PAOLI, conseiller, Procuration à Josette SANTONI", 2021)
            k = len(out) - 1
            while k > 0 and vocab.ROLE_WORDS.match(out[k][0]):
                k -= 1
            out[k] = (f"{out[k][0]}, {entry}", out[k][1])
        elif entry:
            out.append((entry, next((pg for off, pg in reversed(pages) if off <= at), section.page)))
    return out


# A list that names no one ("/", "néant", "aucun"), the text going on after it with a sentence
_NO_ONE_THEN = regex.compile(r"\s*(?:/|(?i:n[ée]ant|aucun(?:e|\(e\))?))\s*[.;]?\s+(?=(?:M\.?|Mme|Monsieur|Madame|Le|La|Les|Il|Elle)"
                             r"\s+\S+(?:\s+\S+){0,3}\s+(?:a|est|sont|ont)\s)")
# (not a list's sub-heading whose names follow its colon: "… LEMAIRE Didier. Membres suppléants avec Voix
# Délibératives : LEBLEU Agnès, …", a comité syndical of 2009; the secretary's designation is no list's)
_SENTENCE_AFTER_STOP = regex.compile(r"(?<=\p{L}{2})\.\s+(?=\p{Lu}\p{Ll}+(?:\s+[\p{Ll}'’-]+){2,}\b)"
                                     r"(?![^.:]{0,40}\b(?i:membres|d[ée]l[ée]gu[ée]s|titulaires|suppl[ée]ant|pr[ée]sent|"
                                     r"absent|excus[ée]|repr[ée]sent|pouvoir|procuration)[^.:]{0,60}:\s*" + vocab.NAME_START + ")")
_NEXT_HEADING_VERB = regex.compile(r"\s+(?:Sont|Est|[ÉE]tai(?:en)?t)$")
# An entry that is the proxy of the entry before it, the comma between them: "MARECHAL Jacques, pouvoir à BARRAU
# Guy", "Mme X, représentée par M. Y", "M. Z, a donné procuration à Mme W".
_PROXY_AFTER_COMMA = regex.compile(r"(?:qui\s+)?(?:(?:a|ayant)\s+donn[ée]\s+|donne\s+)?(?:pouvoirs?|procurations?)"
                                   r"(?:\s+donn[ée]e?)?\s+[àa]\s+\S|repr[ée]sent[ée]e?\s+par\s+\S", regex.IGNORECASE)


def _column_starts(lines: list) -> set[int]:
    """The left edges (rounded) of the columns of a list printed in columns ("M. Jean DUPONT      Mme Claire
    MARTIN" over "M. Paul PETIT       Mme Anne DURAND"): the edges where a wide-gap segment starts on two lines or
    more of a list that prints no comma. A justified paragraph's gaps fall anywhere: they line up with nothing."""
    if any("," in line.text or ";" in line.text for line in lines):
        return set()
    rows = [line for line in lines if len(line.segments) > 1 and vocab.NAME_LIKE.match(line.segments[0][2])]
    starts = Counter(round(x0 / COLUMN_EDGE) for line in rows for x0, _, text in line.segments[1:]
                     if vocab.NAME_LIKE.match(text))
    # (a single row of columns is its own evidence: "CASSAGNES      LAPORTE" under "Absents :")
    return {edge for edge, n in starts.items() if n >= min(2, len(rows))}



def _in_columns(line, columns: set[int]) -> str:
    """A line of a list in columns with its columns as entries of their own."""
    if not columns or len(line.segments) < 2:
        return line.text
    parts, current = [], [line.segments[0][2]]
    for x0, _, text in line.segments[1:]:
        if round(x0 / COLUMN_EDGE) in columns:
            parts.append(" ".join(current))
            current = [text]
        else:
            current.append(text)
    parts.append(" ".join(current))
    return ", ".join(p.strip() for p in parts if p.strip())


_PROXY_VERB = regex.compile(r"\s+(?:(?:a|ayant|avait)\s+donn[ée]|donne)\s+(?:pouvoir|procuration|d[ée]l[ée]gation)\s+[àa]\s+",
                           regex.IGNORECASE)


_INITIAL_WORD = regex.compile(r"\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}{1,2}\.?")
_BARE_TO = regex.compile(r"(?<=\p{Lu}[\p{L}'’-]+)\s+[àa]\s+(?=(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu})", regex.VERSION1)


def _split_chained_proxies(entry: str) -> list[str]:
    """Proxies run together without a separator: "H. TONNELIER a donné pouvoir à R. MOUTON A. PRUNEAU a donné
    pouvoir à T. BECK" (a commune's compte rendu, 2019) -> one entry each. Between two proxy verbs, the holder of the
    first ends at a link word ("… à monsieur Dominique GAUDIN et Viviane JAMES donne pouvoir …", Putanges 2024), a
    civility, a full stop, or else where a word of the same form as the holder's first opens the next grantor (an
    initial, a name in capitals, a capitalised first name)."""
    verbs = list(_PROXY_VERB.finditer(entry))
    if len(verbs) < 2:  # or "à" alone: "Isabelle GIROUD à Sébastien DUVAL Hervé BLANC à Aurélie ROUX" (2014)
        verbs = list(_BARE_TO.finditer(entry)) if not verbs else verbs
    if len(verbs) < 2:
        return [entry]
    parts, start = [], 0
    for before, after in zip(verbs, verbs[1:]):
        between = entry[before.end():after.start()]
        cut = _holder_end(between)
        if cut is None:
            return [entry]
        parts.append(entry[start:before.end() + cut[0]].rstrip(" ,;."))
        start = before.end() + cut[1]
    return [*parts, entry[start:]]


def _holder_end(between: str) -> tuple[int, int] | None:
    """(end of the holder, start of the next grantor) in the text between two proxy verbs."""
    link = regex.search(r"\s+(?:et|puis)\s+|\s*[,;]\s*", between)
    if link:
        return link.start(), link.end()
    words = list(regex.finditer(r"\S+", between))
    civility = [w for w in words[1:] if strip_civility(w.group())[0] and not strip_civility(w.group())[1]]
    if civility:
        return civility[-1].start(), civility[-1].start()
    stop = next((w for w in words[1:-1] if w.group().endswith(".") and _word_form(w.group()) != "initial"), None)
    if stop:
        return stop.end(), stop.end()
    named = [w for w in words if not strip_civility(w.group())[0]]
    kind = _word_form(named[0].group()) if named else None
    cut = next((w.start() for w in named[1:] if _word_form(w.group()) == kind), None)
    return (cut, cut) if cut is not None else None


def _word_form(word: str) -> str:
    if _INITIAL_WORD.fullmatch(word):  # "R.", "J.-L.", "JC", "T"
        return "initial"
    if regex.fullmatch(r"\p{Lu}[\p{Lu}'’-]+", word):
        return "capitals"
    return "capitalised" if word[:1].isupper() else "other"


_AND_OR_BRACKET = regex.compile(r"[()]|\s+(?:&|et)\s+(?=\p{Lu})")


def _split_and(entry: str) -> list[str]:
    """ "David & Adeline (procuration à Mario)" -> two entries, so the proxy stays with its own person; an "et"
    inside parentheses ("(pouvoir à M. X et Mme Y)") is left alone."""
    parts, depth, last = [], 0, 0
    for m in _AND_OR_BRACKET.finditer(entry):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(entry[last: m.start()])
            last = m.end()
    parts.append(entry[last:])
    return [p for p in parts if p.strip()]


# --- Recusals ----------------------------------------------------------------------------------------------

def recusal_formula(section: Section) -> tuple[str, regex.Match | None]:
    """The recusal sentence and its formula: the paragraph that holds the formula (the text appended after it — a
    debate, the next rapporteur's name — is not part of the recusal), the section's kind of formula first."""
    text = collapse(section.paragraphs[0].text) if section.paragraphs else ""
    if not vocab.searches_any(text, vocab.RECUSALS):
        text = collapse(section.text)
    m = next((found for kind, pattern in vocab.RECUSALS if kind == section.label
              for found in [pattern.search(text)] if found), None)
    return text, m or _first_match(vocab.RECUSALS, text)


def recused_names(section: Section, text: str, m: regex.Match | None, president: str | None) -> str:
    """The names a recusal sentence gives: before the formula, the pronoun's subject, or after it."""
    names = recusal_names_text(text[: m.start()] if m else text)
    if m and vocab.PRONOUN_SUBJECT.search(text[: m.start()]):
        names = sentence_subject(text[: m.start()])
    after = _names_after(section, m) if m else None
    if after and not (names and names_a_person(names)):
        # "Les administrateurs de la SERM présents ne prennent pas part au vote : M. Lévita, S. Fleurence"
        # (Montpellier CR 2011-12)
        names = after
    if president:  # "Mme le Maire ne prend pas part au vote": the session's president, with the civility printed
        names = vocab.PRESIDENT_TITLE.sub(
            lambda t: (t.group("civility") + " " if t.group("civility") else "") + president, names)
    return names


def section_to_recusals(section: Section, doc_id: str, delib_id: str | None, articles: list[int],
                        members: list[Attendance], president: str | None = None) -> list[Recusal]:
    text, m = recusal_formula(section)
    rows = []
    for person in split_names(recused_names(section, text, m, president)):
        if not person.civility and vocab.NOT_A_MEMBER.match(person.name):
            continue  # "Les", "Pour la Sauvegarde du Patrimoine …": the words around the formula, not a member
        member = find_member(person.name, members)
        rows.append(Recusal(doc_id=doc_id, delib_id=delib_id, block=section.block, articles=articles,
                            civility=person.civility or None, name=person.name, name_key=name_key(person.name),
                            kind=section.label, member_status=member.status if member else None,
                            page=section.page))
    return rows


_OPEN_BRACKETS = regex.compile(r"\([^)]*\)?")
_RELATIVE_END = regex.compile(r"[\s,]+(?:qui|lequel|laquelle|lesquels)?[\s,]*$")
_LOWER_WORDS_END = regex.compile(r",\s*(?:\p{Ll}[\p{L}'’-]*\s*){1,4}$")
_TOKEN_OR_COMMA = regex.compile(r"[^\s,]+|,")
_CAPITAL_START = regex.compile(r"^\p{Lu}")
_CIVILITY_OR_INITIAL = regex.compile(r"(?:M|Mme|MM|\p{Lu}(?:-\p{Lu})?)\.?")


def recusal_names_text(before: str) -> str:
    """The names that stand before a recusal formula: the run of name-like words that ends the text, after
    dropping parentheses ("(avec la procuration de H. Martin)") and a trailing description ("membres du
    Conseil d'administration du G.I.P.")."""
    text = _OPEN_BRACKETS.sub(" ", before)
    text = vocab.RECUSAL_MOVEMENT.sub("", text)
    text = _RELATIVE_END.sub("", text)
    # a few words in lower case after the names, between commas: "Mme X, concernée,", "M. Y, directement intéressé,"
    text = _LOWER_WORDS_END.sub("", text)
    text = vocab.RECUSAL_DESCRIPTION.sub("", text).rstrip(" ,;")
    tokens = _TOKEN_OR_COMMA.findall(text)
    keep: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(".;:")
        # a civility in lower case heads a group too ("Madame Andrée Noël, messieurs David, Grandsire et Grandin",
        # Putanges 2022)
        if token == "," or vocab.NAME_LINK.fullmatch(bare) or _CAPITAL_START.match(bare) or \
                vocab.PRESIDENT_TITLE_WORD.fullmatch(bare) or bare.lower() in CIVILITIES:
            # a full stop ends the previous sentence, not a civility nor an initial ("M. Passet et F. Dombre-Coste",
            # Montpellier CR 2011-12)
            if token != "," and token.endswith((".", ";", ":")) and not _CIVILITY_OR_INITIAL.fullmatch(token) and keep:
                break  # the end of the previous sentence
            keep.append(token)
        else:
            break
    names = " ".join(reversed(keep)).replace(" ,", ",").strip(" ,")
    if regex.match(r"(?:de|du|des|d')\s", names) and not names_a_person(names):
        # the complement of a noun, not a list of members: "les conseillers municipaux membres du SIAC de
        # Fromentel qui ne prennent pas part au vote" (Putanges 2020) names no one
        return ""
    return regex.sub(r"^(?:(?:et|ainsi|que|de|du|des|la|le|d'|l')\s*)+", "", names)


def sentence_subject(before: str) -> str:
    """The names that open the sentence ending in ``before``: who "il" or "elle" is in "M.TANGUY précise
    qu'ayant pris part à la rédaction du document, il ne prendra pas part au vote" (Pierrefonds 2017)."""
    starts = [m.end() for m in vocab.SENTENCE_START.finditer(before)]
    sentence = before[starts[-1] if starts else 0:]
    keep: list[str] = []
    for token in regex.findall(r"[^\s,]+", sentence):
        bare = token.strip(".;:")
        if not (_CAPITAL_START.match(bare) or bare.lower() in CIVILITIES or vocab.NAME_LINK.fullmatch(bare)):
            break
        keep.append(token)
    names = " ".join(keep).strip(" ,")
    return names if names_a_person(names) or regex.search(r"\p{Lu}{2,}", names) else ""


def _names_after(section: Section, m: regex.Match) -> str | None:
    """Names printed after the formula and a colon, over the lines the list wraps on: a line goes on when the one
    before ends with a comma, "et", a civility or an initial ("… : M. Lévita, S.\nFleurence, M. Passet"); the
    rapporteur's name on the next lines is not part of it."""
    raw = section.paragraphs[0].text if section.paragraphs else ""
    lines = raw.split("\n")
    if not vocab.RECUSAL_NAMES_AFTER.match(m.string[m.end():]):
        return None
    k = next((k for k in range(len(lines))  # the line where the formula ends
              if any(p.search(collapse(" ".join(lines[: k + 1]))) for _, p in vocab.RECUSALS)), None)
    if k is None:
        return None
    taken = [lines[k][lines[k].find(":") + 1:] if ":" in lines[k] else ""]
    for line in lines[k + 1:]:
        if not regex.search(r"(?:,|\bet|\b(?:M|Mme|MM)\.?|\b\p{Lu}\.|\p{Lu}-\p{Lu}\.?)\s*$", taken[-1]):
            break
        taken.append(line)
    names = collapse(" ".join(taken))
    return names or None


# --- Votes -------------------------------------------------------------------------------------------------

# --- Articles ----------------------------------------------------------------------------------------------

def _article_amount(kind: str, body: str, amounts: list) -> object:
    """The amount a financing article validates: the one printed after "total", else the first."""
    if kind != "financing" or not amounts:
        return None
    total = next((a for a in amounts if vocab.TOTAL_WORD.search(body[max(0, a.start - 40): a.start])), None)
    return (total or amounts[0]).value


def _annexes_cited(body: str) -> list[int]:
    annexes: list[int] = []
    for ref in vocab.ANNEX_REFS.finditer(body):
        for n in regex.findall(r"\d+", ref.group("nums")):
            if int(n) not in annexes:
                annexes.append(int(n))
    return annexes


def _articles_cited(kind: str, body: str) -> list[int]:
    ref = vocab.CITED_ARTICLES.search(body) if kind == "imputation" else None
    return [int(n) for n in regex.findall(r"\d+", ref.group("nums"))] if ref else []


def _article_counterparty(kind: str, body: str) -> str | None:
    """Who an authorisation article names as the other party ("… avec l'ADIL, la convention …"), else the spaCy
    fallback; not a plural set ("avec les structures citées …")."""
    if kind != "authorization":
        return None
    cp = vocab.COUNTERPARTY.search(body)
    if cp is None:
        return entity_counterparty(body)
    return None if vocab.PLURAL_PARTIES.match(cp.group("who")) else collapse(cp.group("who"))


def section_to_article(section: Section, doc_id: str, delib_id: str | None) -> tuple[Article, list]:
    text = collapse(section.text)
    m = vocab.ARTICLE.match(text)
    body = collapse(m.group("rest")) if m else vocab.LEADING_BULLET.sub("", text)
    kind = next((name for name, pattern in vocab.ARTICLE_KINDS if pattern.match(body)), "other")
    amounts = find_amounts(body)
    items = vocab.ITEMS.search(body)
    return Article(doc_id=doc_id, delib_id=delib_id, article=int(section.label), block=section.block, kind=kind,
                   amount=_article_amount(kind, body, amounts), n_items=int(items.group("n")) if items else None,
                   annexes=_annexes_cited(body), counterparty=_article_counterparty(kind, body),
                   text=body if kind != "imputation" else _first_sentence(body), page=section.page,
                   cited_articles=_articles_cited(kind, body)), amounts


class _ClauseReader:
    """Reads the clauses of a decision line by line (see ``decision_clauses``)."""

    def __init__(self) -> None:
        self.clauses: list[tuple[list, int | None]] = []
        self.current: list | None = None
        self.started = False

    def paragraph(self, paragraph: Paragraph, block: int | None) -> None:
        first = paragraph.lines[0].text.strip()
        if self.current is not None and not (first[:1].islower()
                                             and not self.current[-1].text.rstrip().endswith((".", ";"))):
            self.current = None  # a new paragraph ends a clause, unless it goes on after a page break
        for line in paragraph.lines:
            if not self.started:
                self.started = _opens_decision(line, paragraph)
            else:
                self.line(line, line is paragraph.lines[0], block)

    def line(self, line, first_of_paragraph: bool, block: int | None) -> None:
        text = line.text.strip()
        vote = is_vote(Paragraph([line]))
        m = vocab.CLAUSE_START.match(text)
        if m and (m.group("bullet") or text[:1].isupper()) and not vote:
            self.current = [line]
            self.clauses.append((self.current, block))
        elif self.current is not None and (first_of_paragraph or not vote):
            self.current.append(line)  # the clause goes on (on its next line, or after a page break)
        else:
            self.current = None


def _opens_decision(line, paragraph: Paragraph) -> bool:
    text = line.text.strip()
    return decision_open(vocab.LEADING_BULLET.sub("", text)) or vocab.matches_any(text, vocab.CLAUSE_LEAD) \
        or (line is paragraph.lines[-1] and vocab.matches_any(paragraph.flat, vocab.CLAUSE_LEAD))


def decision_clauses(segment: DeliberationSegment) -> list[tuple[Paragraph, int | None]]:
    """The clauses of a decision that numbers no articles (see ``vocab.CLAUSE_VERBS``), in reading order, each
    with its block: after the sentence that opens the decision ("Après en avoir délibéré", "il est proposé au
    Conseil Municipal :"), every line that starts with the verb of a decision (after a bullet, or capitalised)
    starts a clause, which runs to the next clause, a vote, a line that is neither, or the end of its paragraph
    (a clause cut by a page break goes on in a paragraph that starts in lower case)."""
    reader = _ClauseReader()
    for section in segment.sections:
        if section.kind == "signature":
            break
        if section.kind in ("header", "attendance", "title", "secretary"):
            continue
        for paragraph in section.paragraphs:
            reader.paragraph(paragraph, section.block)
    votes = [s.block for s in segment.of_kind("vote") if s.block]
    return [(Paragraph(lines), block or (votes[0] if votes else None)) for lines, block in reader.clauses]


def _amount_runs(paragraph: Paragraph, clause_of_line: dict[int, int]) -> list[tuple[int | None, Paragraph]]:
    """The paragraph cut into runs of lines of one clause (its rank) or of none (None)."""
    runs: list[tuple[int | None, list]] = []
    for line in paragraph.lines:
        rank = clause_of_line.get(id(line))
        if runs and runs[-1][0] == rank:
            runs[-1][1].append(line)
        else:
            runs.append((rank, [line]))
    return [(rank, Paragraph(lines)) for rank, lines in runs]


def entity_counterparty(body: str) -> str | None:
    """The counterparty of an authorisation ``vocab.COUNTERPARTY`` does not read, in the sentence around "avec":
    the proper name right after "avec" ("D'autoriser Monsieur le Maire à signer avec la Caisse d'Allocations
    Familiales de l'Orne la convention …"); else, when the sentence names something (a capitalised word after
    "avec"), the first organisation, else the first person, that spaCy finds in it. Only that sentence is given
    to the model, and only then: "avec le prestataire ainsi que tous les documents" names no one."""
    span = vocab.SIGN_WITH.search(body)
    if not span:
        return None
    sentence = span.group(0)
    named = vocab.NAME_AFTER_WITH.search(sentence)
    if named:
        words = named.group("who").split()
        while words and words[-1] in vocab.NAME_PARTICLES:
            words.pop()
        who = " ".join(words).rstrip(".,;:")
        if who.lower() not in CIVILITIES:  # "avec M." cut at its full stop names no one yet
            return who
    after = sentence[regex.search(r"\bavec\b", sentence).end():]
    if not regex.search(r"\p{Lu}", after):
        return None
    found = entities.organisations([sentence])[0] or entities.persons([sentence])[0]
    return collapse(found[0]) if found else None


def _first_sentence(text: str) -> str:
    m = regex.search(r"^.*?:\s", text)
    return collapse(m.group(0)) if m else text


# --- Signature ---------------------------------------------------------------------------------------------

def signature_fields(section: Section) -> dict:
    out: dict = {}
    lines = [ln.text.strip() for p in section.paragraphs for ln in p.lines if ln.text.strip()]
    for i, text in enumerate(lines):
        m = vocab.SIGNED_AT.match(text)
        if m and "signed_date" not in out:
            parsed = parse_date(m.group("date"))
            if parsed.ok:
                out["signed_place"] = m.group("place").strip()
                out["signed_date"] = parsed.value
                continue
        if "signatory" not in out and i > 0 and _is_person_line(text):
            out["signatory"] = _person_name(text)
        after_office = vocab.SIGNATORY_AFTER_OFFICE.search(text)
        if "signatory" not in out and after_office and _is_person_line(after_office.group("name")):
            out["signatory"] = _person_name(after_office.group("name"))
    # the mayor or the president signs in person ("Le Maire, / Pierre LAMBERT"), not for them ("Pour le Maire, par
    # délégation, l'Adjoint"): the signatory is who presided, when nothing else says it
    text = " ".join(lines)
    out["signed_by_president"] = bool(vocab.PRESIDENT_TITLE.search(text)) and not vocab.SIGNED_FOR_PRESIDENT.search(text)
    return out


def _is_person_line(text: str) -> bool:
    """A signature's name line: first name(s) then a SURNAME in capitals, nothing else."""
    return bool(regex.match(r"^(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu}[\p{Ll}'-]+(?:[- ]\p{Lu}[\p{Ll}'-]+)*"
                            r"\s+\p{Lu}{2,}(?:[- ']\p{Lu}{2,})*\.?$", text))


# --- Amounts -----------------------------------------------------------------------------------------------

def paragraph_amounts(paragraph: Paragraph, doc_id: str, delib_id: str | None, section_name: str) -> list[Amount]:
    text = paragraph.text
    rows = []
    for money in find_amounts(text):
        page = _page_at(paragraph, money.start)
        rows.append(Amount(doc_id=doc_id, delib_id=delib_id, section=section_name, raw=collapse(money.raw),
                           value=money.value, currency=money.currency, context=_context(text, money.start,
                                                                                          money.end),
                           page=page))
    return rows


def _page_at(paragraph: Paragraph, offset: int) -> int:
    pos = 0
    for line in paragraph.lines:
        pos += len(line.text) + 1
        if offset < pos:
            return line.page
    return paragraph.page_end


def _context(text: str, start: int, end: int) -> str:
    """The sentence around an amount, at most CONTEXT_CHARS characters."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start))
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = collapse(text[left:right])
    if len(sentence) <= CONTEXT_CHARS:
        return sentence
    raw = collapse(text[start:end])
    at = sentence.find(raw)
    half = (CONTEXT_CHARS - len(raw)) // 2
    a = max(0, at - half)
    return sentence[a: a + CONTEXT_CHARS].strip()


# --- A whole file ------------------------------------------------------------------------------------------

SIGNER_LINES = 4  # lines from the office to its signer's name (between them, a signature OCR'd as noise)


def listed_chair(sections: list[Section], attendance: list[Attendance]) -> str | None:
    """The member the list of those present names with the office of mayor or president ("M. Jean-Luc BONNET,
    Maire ; …", ``vocab.LISTED_CHAIR``), spelt as the lists print them, when exactly one is."""
    present = [row for row in attendance if row.status == "present"]
    found = {row.name for section in sections if section.kind == "attendance" and section.label == "present"
             for m in vocab.LISTED_CHAIR.finditer(collapse(section.text))
             for row in [find_member(strip_civility(m.group("name"))[1], present)] if row is not None}
    return found.pop() if len(found) == 1 else None


def signature_president(seg: Segmentation, members: list[str] = ()) -> str | None:
    """Who presides a session record whose header does not say it, from its closing signature ("Madame Le
    Maire,\nHélène MANDROUX", Montpellier CR 2011); else, the office alone on its line ("Le Maire,") and below it
    the surname of one of ``members`` (the names of the lists: a scan's signature garbles the rest)."""
    parts = [(segment.index, [line for s in segment.sections for p in s.paragraphs for line in p.lines])
             for segment in seg.deliberations]
    # an information item after the last deliberation ("Lecture des décisions prises …") ends the file, and holds
    # its closing signature
    parts += [(item.after + 0.5, [line for p in item.paragraphs for line in p.lines]) for item in seg.information]
    columns = [[_column(line, column) for line in lines] for _, lines in sorted(parts, key=lambda part: part[0],
                                                                              reverse=True)
               for column in range(max((len(line.segments) for line in lines), default=1) or 1)]
    for texts in columns:
        found = list(vocab.PRESIDENT_SIGNATURE.finditer("\n".join(texts)))
        if found:
            return collapse(found[-1].group("name"))
    return next((signer for texts in columns if (signer := _signer(texts, members))), None)


MIN_SIGNER_SURNAME = 3  # letters: a shorter surname is found in too many words


def _signer(texts: list[str], members: list[str]) -> str | None:
    """The member whose surname (``names.parse_name``) is printed within ``SIGNER_LINES`` below the last office of
    a signature (``vocab.SIGNING_OFFICE``), when exactly one is."""
    offices = [k for k, text in enumerate(texts) if vocab.matches_any(text, vocab.SIGNING_OFFICE)]
    if not offices:
        return None
    below = f" {name_key(' '.join(texts[offices[-1] + 1: offices[-1] + 1 + SIGNER_LINES]))} "
    found = {name for name in members if len(surname := parse_name(name).surname) >= MIN_SIGNER_SURNAME
             and f" {surname} " in below}
    return found.pop() if len(found) == 1 else None


def _column(line, column: int) -> str:
    """The text of one column of a line printed in columns (its wide-gap segments), else the whole line."""
    if len(line.segments) < 2:
        return line.text
    return line.segments[column][2] if column < len(line.segments) else ""


def office_proxies(rows: list[Attendance], president: str | None) -> None:
    """A proxy given to the office ("pouvoir à M. le Maire") is held by the member who holds it: the president of
    the sitting, when the header names them."""
    if not president:
        return
    for row in rows:
        if row.proxy_to and vocab.PRESIDENT_TITLE.fullmatch(row.proxy_to.strip()):
            row.proxy_to = president


def body_proxies(rows: list[Attendance], paragraphs: list[Paragraph]) -> None:
    """Fill ``proxy_to`` of excused members from proxies named later in the text: "Madame Claverie (avec la
    procuration de Madame Capuozzi Boualam) sort de séance", "M. Passet et M. Subra avec leurs procurations
    (H. Martin et M. Morales)" (Montpellier CR 2011). The first mention wins; a grantor that matches no excused
    member, or several, is left alone. The holder is written as printed, without civility."""
    waiting = [r for r in rows if r.status == "excused" and not r.proxy_to]
    if not waiting:
        return
    for paragraph in paragraphs:
        text = collapse(paragraph.text)
        for i, pattern in enumerate(vocab.BODY_PROXIES):
            for m in pattern.finditer(text):
                for holder, grantor in _proxy_pairs(i, m):
                    found = [r for r in waiting if _same_member(grantor, r.name)]
                    if len(found) == 1 and not found[0].proxy_to:
                        found[0].proxy_to = holder


def _proxy_pairs(row: int, m: regex.Match) -> list[tuple[str, str]]:
    """(holder, grantor) pairs of a body proxy: row 0 names one holder and one grantor, row 1 pairs them in order
    ("M. Passet et M. Subra avec leurs procurations (H. Martin et M. Morales)")."""
    holders = [p.name for p in split_names(m.group("holders"))]
    grantors = [p.name for p in split_names(m.group("grantors"))]
    if not holders or not grantors:
        return []
    if row == 1 and len(holders) == len(grantors):
        return list(zip(holders, grantors))
    return [(holders[-1], grantors[0])] if row == 0 or len(holders) == 1 else []


def _same_member(printed: str, listed: str) -> bool:
    """A member named in the text ("H. Martin", "Capuozzi Boualam", "Mme Deloncle") and in the list ("Hervé
    MARTIN", "Tatiana CAPUOZZI-BOUALAM"): the surname ends the listed name, an initial matches the first name."""
    words = name_key(printed).replace("-", " ").split()
    member = name_key(listed).replace("-", " ").split()
    initials = [w for w in words if len(w) == 1]
    surname = [w for w in words if len(w) > 1]
    if not surname or len(surname) >= len(member) or member[-len(surname):] != surname:
        return False
    return all(member[k].startswith(c) for k, c in enumerate(initials))


def delib_id_for(number: str | None, doc_id: str, index: int) -> str:
    return number if number else f"{doc_id}#{index}"


def session_context(seg: Segmentation, doc_id: str, doc: IngestedDocument | None = None) -> SessionContext:
    """The header, attendance and counts a session record prints once for all its points."""
    if not seg.multi:
        return SessionContext(margins=seg.margins)
    fields = header_fields(seg.session)
    attendance = listed_attendance(seg.session, doc, doc_id, None)
    if "secretary" not in fields and seg.deliberations:
        # the opening items of the agenda may designate the secretary ("▪ Désignation d'un secrétaire de séance
        # (…) : Mme X a été désignée.", CC Lisières de l'Oise 2025): read in the first point, where they stand
        secretary = next((name for section in seg.deliberations[0].sections for p in section.paragraphs
                          if names_secretary(p.flat) and (name := _secretary(p))), None)
        if secretary:
            fields["secretary"] = secretary
    if "president" not in fields:
        president = signature_president(seg, [row.name for row in attendance if row.status == "present"]) \
            or listed_chair(seg.session, attendance)
        if president:
            fields["president"] = president
    body_proxies(attendance, [p for segment in seg.deliberations for s in segment.sections for p in s.paragraphs])
    office_proxies(attendance, fields.get("president"))
    pages = {p.page for section in seg.session for p in section.paragraphs}
    counts, quote = with_margin_counts(printed_counts(seg.session), seg.margins, pages)
    return SessionContext(fields=fields, attendance=attendance, counts=counts, counts_quote=quote,
                          margins=seg.margins)


def deliberation_fields(segment: DeliberationSegment, session: SessionContext, multi: bool,
                        doc_id: str) -> tuple[dict, str]:
    """A deliberation's header fields (the session's first, then its own) and its delib_id."""
    fields = dict(session.fields)
    # a point of a session record does not change the collectivité (its text names others), nor what the session's
    # header says
    own = header_fields(segment.sections, known={*fields, "collectivite"} if multi else frozenset())
    fields.update({k: v for k, v in own.items() if (k not in fields and k != "collectivite") or not multi})
    number = segment.number if multi else fields.get("number")
    if multi and number:
        parsed = parse_delib_number(number)
        number = parsed.value if parsed.ok and regex.search(r"\d{4}|^\p{Lu}{1,4}-?\d", parsed.value or "") else None
    return fields, delib_id_for(number, doc_id, segment.index)


def letterhead_collectivite(doc: IngestedDocument, page: int, assembly: str | None) -> str | None:
    """The collectivité of a letterhead printed at the top of every page, which the layout leaves out of the text
    as a running header: a file of extracts prints "DÉPARTEMENT DE LA NIÈVRE" / "COMMUNE DE VALCOURT-LE-BOIS"
    above each one. Read from the top lines of the deliberation's first page, when its header names none."""
    top = [line for number, i in sorted(running_lines(doc)) if number == page and i < RUNNING_EDGE_LINES
           for line in [doc.pages[number - 1].lines[i]]]
    return collectivite_of([Section("header", [Paragraph(top)])], assembly) if top else None


def own_attendance(segment: DeliberationSegment, fields: dict, doc_id: str, delib_id: str,
                   doc: IngestedDocument | None = None) -> list[Attendance]:
    """The attendance lists a single deliberation prints (as lists, else as a presence table), with the proxies its
    body names."""
    rows = listed_attendance(segment.sections, doc, doc_id, delib_id)
    body_proxies(rows, [p for s in segment.sections if s.kind != "attendance" for p in s.paragraphs])
    office_proxies(rows, fields.get("president"))
    return rows


def segment_articles(segment: DeliberationSegment, doc_id: str, delib_id: str
                     ) -> tuple[list[Article], dict[int, list[int]], dict[int, int]]:
    """The articles (or, for a decision in clauses, each clause numbered by its rank), the articles of each block,
    and the clause each line belongs to."""
    articles: list[Article] = []
    by_block: dict[int, list[int]] = {}
    clause_of_line: dict[int, int] = {}
    for section in segment.of_kind("article"):
        article, _ = section_to_article(section, doc_id, delib_id)
        articles.append(article)
        by_block.setdefault(section.block or 0, []).append(article.article)
    if not articles:
        for rank, (paragraph, block) in enumerate(decision_clauses(segment), 1):
            article, _ = section_to_article(Section("article", [paragraph], label=str(rank), block=block),
                                            doc_id, delib_id)
            article.numbered = False
            articles.append(article)
            by_block.setdefault(block or 0, []).append(rank)
            clause_of_line.update((id(line), rank) for line in paragraph.lines)
    return articles, by_block, clause_of_line


def segment_votes(segment: DeliberationSegment, records: DeliberationRecords, by_block: dict[int, list[int]],
                  n_members: int) -> None:
    """The blocks' votes and the members they name. A "vote" that counts far more voices than the council has
    members (``n_members``) is a poll of the residents (Couthenans 2021): left out, and said in
    ``records.dropped``."""
    d = records.deliberation
    for section in segment.of_kind("vote"):
        vote = section_to_vote(section, d.doc_id, d.delib_id, by_block.get(section.block or 0, []))
        cast = sum(n or 0 for n in (vote.pour, vote.contre, vote.abstention))
        if n_members >= MIN_COUNCIL and cast > MAX_VOICES_PER_MEMBER * n_members:
            records.dropped.append((vote.page, vote.raw, f"{cast} voices for a council of {n_members} "
                                                          f"members: a poll, not the council's vote"))
            continue
        records.votes.append(vote)
        records.vote_members.extend(named_voters(vote))


def segment_amounts(segment: DeliberationSegment, clause_of_line: dict[int, int], doc_id: str,
                    delib_id: str) -> list[Amount]:
    out: list[Amount] = []
    for section in segment.sections:
        name = {"article": f"article {section.label}", "vote": "vote", "recusal": "recusal"}.get(
            section.kind, section.kind)
        for paragraph in section.paragraphs:
            for rank, run in _amount_runs(paragraph, clause_of_line) if clause_of_line else [(None, paragraph)]:
                out.extend(paragraph_amounts(run, doc_id, delib_id, f"article {rank}" if rank else name))
    return out


def deliberation_record(segment: DeliberationSegment, fields: dict, delib_id: str, doc_id: str,
                        attendance: list[Attendance], n_articles: int, counts: tuple[dict, str | None]) -> Deliberation:
    signature: dict = {}
    for section in segment.of_kind("signature"):
        signature = signature_fields(section)
    listed = {s: sum(1 for r in attendance if r.status == s) if attendance else None
              for s in ("present", "excused", "absent", "excused_no_vote")}
    return Deliberation(
        doc_id=doc_id, delib_id=delib_id, collectivite=fields.get("collectivite"), assembly=fields.get("assembly"),
        session_date=fields.get("session_date"), title=title_of(segment),
        president=fields.get("president") or (signature.get("signatory") if signature.get("signed_by_president")
                                              else None),
        secretary=fields.get("secretary"), n_present=listed["present"], n_excused=listed["excused"],
        n_absent=listed["absent"], n_excused_no_vote=listed["excused_no_vote"], n_articles=n_articles,
        signatory=signature.get("signatory"), signed_place=signature.get("signed_place"),
        signed_date=signature.get("signed_date"), page_start=segment.page_start, page_end=segment.page_end,
        counts_printed=counts[0], counts_quote=counts[1])


def deliberation_records(doc: IngestedDocument, segment: DeliberationSegment, session: SessionContext,
                         multi: bool) -> DeliberationRecords:
    """One deliberation's records, from its segment and the session's context."""
    doc_id = doc.doc_id
    fields, delib_id = deliberation_fields(segment, session, multi, doc_id)
    if "collectivite" not in fields and segment.page_start:
        letterhead = letterhead_collectivite(doc, segment.page_start, fields.get("assembly"))
        if letterhead:
            fields["collectivite"] = letterhead
    own = [] if multi else own_attendance(segment, fields, doc_id, delib_id, doc)
    attendance = session.attendance + own
    if not multi and not fields.get("president"):
        chair = listed_chair(segment.sections, own)
        if chair:
            fields["president"] = chair
    present = [a for a in attendance if a.status == "present"]
    for office in ("president", "secretary"):  # "M. PERRAUD est désigné …", an OCR'd "Sébastien LERC UX"
        if fields.get(office):
            fields[office] = as_listed(fields[office], present)
    members: dict[str, Attendance] = {}  # each member once, with the first list that names them
    for row in attendance:
        members.setdefault(row.name_key, row)
    articles, by_block, clause_of_line = segment_articles(segment, doc_id, delib_id)
    counts = (session.counts, session.counts_quote) if multi else with_margin_counts(
        printed_counts(segment.sections), session.margins, set(range(segment.page_start or 0, (segment.page_end or 0) + 1)))
    records = DeliberationRecords(
        deliberation_record(segment, fields, delib_id, doc_id, attendance, len(articles), counts), attendance=own,
        articles=articles)
    for section in segment.of_kind("recusal"):
        recusals = section_to_recusals(section, doc_id, delib_id, by_block.get(section.block or 0, []),
                                       list(members.values()), fields.get("president"))
        records.recusals.extend(recusals)
        records.vote_members.extend(not_voting(recusals))
    # the council's size: its listed members, or the members in office it prints when the lists read fewer
    segment_votes(segment, records, by_block, max(len(members), counts[0].get("en_exercice") or 0))
    records.vote_members.extend(late_arrivals(attendance, doc_id, delib_id, segment.index))
    lines = deliberation_budget_lines(doc, segment, doc_id, delib_id)
    records.budget_lines.extend(lines)
    records.amounts.extend(budget_amounts(lines))
    records.amounts.extend(segment_amounts(segment, clause_of_line, doc_id, delib_id))
    return records


def annex_records(doc: IngestedDocument, seg: Segmentation, last: DeliberationRecords | None) -> AnnexRecords:
    """Conventions, payments, the report's operations and amounts of the annexes, attached to the deliberation
    they follow (the last one of the file)."""
    doc_id = doc.doc_id
    delib_id = last.deliberation.delib_id if last else None
    session_date = last.deliberation.session_date if last else None
    out = AnnexRecords()
    docs = sections_to_documents(seg.annexes) if seg.annexes else []
    conventions = [(part, *convention_record(part, doc_id, delib_id, session_date))
                   for part in docs if part.kind == "convention"]
    link_annexes(docs, [c for _, c, _ in conventions], last.articles if last else [])
    for part, convention, payments in conventions:
        part.annex = convention.annex
        for payment in payments:
            payment.annex = convention.annex
        out.conventions.append(convention)
        out.payments.extend(payments)
    for part in docs:
        if part.kind == "report":
            out.operations.extend(report_operations(part, doc_id, delib_id))
        name = f"annexe {part.annex}" if part.annex else "annexe"
        for block in _line_blocks(Paragraph(part.lines)):
            out.amounts.extend(paragraph_amounts(block, doc_id, delib_id, name))
    out.annexes_present = sorted({d.annex for d in docs if d.annex is not None})
    return out


def extraction(doc: IngestedDocument, seg: Segmentation) -> Extraction:
    """The extraction stage: session context -> each deliberation's records -> the annexes' records."""
    session = session_context(seg, doc.doc_id, doc)
    delibs = [deliberation_records(doc, segment, session, seg.multi) for segment in seg.deliberations]
    return Extraction(session, delibs, annex_records(doc, seg, delibs[-1] if delibs else None))


def extract_deliberations(doc: IngestedDocument, seg: Segmentation, result: FileResult) -> Extraction:
    """Fill the deliberation tables of ``result`` from a file's segmentation; returns the stage's intermediates."""
    ex = extraction(doc, seg)
    result.extend(ex.session.attendance)
    for records in ex.deliberations:
        for rows in (records.attendance, records.recusals, records.votes, records.vote_members, records.articles,
                     records.budget_lines, [records.deliberation], records.amounts):
            result.extend(rows)
        result.dropped.extend(records.dropped)
    for row in information_rows(seg, doc.doc_id, ex.deliberations):
        result.add(row)
        result.dropped.append((row.page_start, row.title, f"an item that is only information ({row.kind}), owning no "
                                                          f"vote: kept apart in information.csv"))
    for item in seg.information:  # its amounts are still amounts of the file, attached to no deliberation
        for paragraph in item.paragraphs:
            result.extend(paragraph_amounts(paragraph, doc.doc_id, None, "information"))
    result.extend(ex.annexes.conventions)
    result.extend(ex.annexes.payments)
    result.extend(ex.annexes.operations)
    result.extend(ex.annexes.amounts)
    merge_table_amounts(result, subsidy_amounts(doc, doc.doc_id, ex.deliberations[-1].deliberation.delib_id
                                                if ex.deliberations else None))
    result.identifiers = identifiers(doc)
    result.annexes_present = ex.annexes.annexes_present
    return ex


def information_rows(seg: Segmentation, doc_id: str, delibs: list[DeliberationRecords]) -> list[Information]:
    """The items of a session record that are only information (``segment.information_starts``), each with the
    deliberation printed just before it."""
    ids = {segment.index: records.deliberation.delib_id for segment, records in zip(seg.deliberations, delibs)}
    out = []
    for item in seg.information:
        before = [k for k in ids if k <= item.after]
        out.append(Information(doc_id=doc_id, item=item.item, title=item.title, kind=item.kind,
                               page_start=item.page_start, page_end=item.page_end,
                               after_delib_id=ids[max(before)] if before else None))
    return out


def _line_blocks(paragraph: Paragraph) -> list[Paragraph]:
    """An annex's lines cut where a sentence ends at a line end, so that an amount's context is its sentence."""
    blocks, current = [], []
    for line in paragraph.lines:
        current.append(line)
        if line.text.rstrip().endswith((".", ";", ":")):
            blocks.append(Paragraph(current))
            current = []
    if current:
        blocks.append(Paragraph(current))
    return blocks


def merge_table_amounts(result: FileResult, table_amounts: list[Amount]) -> None:
    """A subsidy table's amount is also in the page's text: give the text's row the table's context (the
    beneficiary) instead of counting the amount twice."""
    text_rows = result.rows.get("amounts", [])
    used: set[int] = set()
    for amount in table_amounts:
        match = next((i for i, row in enumerate(text_rows) if i not in used and row.page == amount.page
                      and row.value == amount.value and row.section != "budget"), None)
        if match is None:
            result.add(amount)
        else:
            used.add(match)
            text_rows[match].context = amount.context
            text_rows[match].section = amount.section

