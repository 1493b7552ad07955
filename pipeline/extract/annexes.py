"""Annexes -> the report's operations, the conventions and avenants, and their payment schedules.

The pages after the deliberation's signature are cut into documents: one starts where a page opens with an
annex label followed by an object ("Annexe 9 … Objet : Convention …"), or with an object alone ("Objet : Avenant
à la convention n° 2023-01628 …": annex pages are not always labelled). Inner annexes of a convention
("ANNEXE 2 Mission …") do not start a document. Each convention gets the annex number the deliberation gives
it: its own label, else the article that cites it by counterparty, else its place among the numbers an article
cites ("annexes 10, 11 et 12") between labelled neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import regex

from models.layout import Line
from models.records import Article, Convention, Operation, Payment
from models.sections import Paragraph, Section
from pipeline import vocab
from pipeline.normalize._text import collapse
from pipeline.normalize.amounts import Money, find_amounts
from pipeline.normalize.counts import parse_count
from pipeline.normalize.dates import find_periods, parse_period
from pipeline.normalize.ids import find_ibans, find_sirets, parse_convention_ref, siret_valid
from pipeline.normalize.names import name_key, strip_civility
from pipeline.normalize.parties import party_words, same_party

_SPACES = re.compile(r"\s+")
# Lines at the top of a page within which a document's label and object are looked for.
HEAD_LINES = 14


# The title an annexed act opens with when its page carries neither "Annexe N" nor "Objet :" (meaning, pattern
# at the start of a line near the top of a page, titles seen). Capitals or a number: "Convention" opening a
# sentence of the body is no title.
# Where the counterparty's paragraph of a parties block starts and ends: "ET" / "Et" alone or opening a line,
# after "d'une part"; up to "d'autre part" or "ci-après dénommé(e)".
PARTIES_END = regex.compile(r"d.autre\s+part|ci-apr[èe]s\s+(?:d[ée]sign[ée]e?|d[ée]nomm[ée]e?(?:\(e\))?)",
                            regex.IGNORECASE)
_MONEY = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{1,2})?\s*(?:€|euros?)"
# What an act commits, when ``vocab.COMMITMENT`` finds nothing: (meaning, pattern with an ``amount`` group).
# An avenant that raises an amount keeps the new total, the former amount and the complement apart.
# Where and when an act is signed: "Fait à Périgueux, le 16 septembre 2024, en deux exemplaires originaux".
COMPLEMENT = regex.compile(r"(?:soit|correspondant\s+[àa])\s+(?:un\s+)?(?:compl[ée]ment|une\s+augmentation|"
                           r"un\s+abondement)\s+de\s+(?P<amount>" + _MONEY + r")", regex.IGNORECASE)




@dataclass(slots=True)
class AnnexDocument(Paragraph):
    """One annexed document: its lines (``text``, ``page``, ``page_end`` as for a paragraph) and its numbers."""

    label: int | None = None  # "Annexe 9" printed at its top
    kind: str = "other"  # report | convention | other
    annex: int | None = None  # the number the deliberation gives it


# --- Cutting the annexes into documents ---------------------------------------------------------------------

def sections_to_documents(sections: list[Section]) -> list[AnnexDocument]:
    """Cut the annex pages into documents. A document starts at an annex label that an object or a theme follows
    closely ("Annexe 8 … Objet : Avenant …", "Annexe 2 … Thématique 1"), or at an object near the top of a page
    (with the letterhead above it)."""
    lines = [ln for s in sections for p in s.paragraphs for ln in p.lines]
    docs = _cut(lines, _document_starts(lines))
    for doc in docs:
        doc.kind = document_kind(doc)
        doc.annex = doc.label
    return docs


def _document_starts(lines: list[Line]) -> list[tuple[int, int | None]]:
    """Where each document starts (line index, its printed label): the first one at the first line."""
    page_index: dict[int, int] = {}
    for i, line in enumerate(lines):
        page_index.setdefault(line.page, i)
    starts: list[tuple[int, int | None]] = []
    # annexes that open with neither a label nor "Objet :" are cut at their titles ("AVENANT N° 1")
    by_title = not any(vocab.ANNEX_OBJECT.match(ln.text) or vocab.ANNEX_LABEL.match(ln.text) for ln in lines)
    for i, line in enumerate(lines):
        label = _start_label(lines, i)
        if label is not None:
            starts.append((i, label))
        elif _opens_unlabelled(lines, i, page_index, by_title) and not (starts and i - starts[-1][0] < HEAD_LINES):
            # the letterhead above the object belongs to the document
            top = page_index[line.page]
            starts.append((top if i - top < HEAD_LINES else i, None))
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, None))
    return starts


def _start_label(lines: list[Line], i: int) -> int | None:
    """The number of an annex label that opens a document ("Annexe 9" with "Objet :" or "Thématique 1" a few lines
    below it); None for a label without one ("ANNEXE 2 Mission …", an inner annex of a convention)."""
    label = vocab.ANNEX_LABEL.match(lines[i].text)
    if label and any(vocab.ANNEX_OBJECT.match(x.text) or vocab.THEME_HEADING.match(x.text)
                     for x in lines[i + 1: i + HEAD_LINES]):
        return int(label.group("num"))
    return None


def _opens_unlabelled(lines: list[Line], i: int, page_index: dict[int, int], by_title: bool) -> bool:
    """An unlabelled document opens here: an "Objet :" line, or an act's title near the top of a page when the
    annexes have neither labels nor objects."""
    return bool(vocab.ANNEX_OBJECT.match(lines[i].text) or by_title and _title_at_top(lines, i, page_index))


def _cut(lines: list[Line], starts: list[tuple[int, int | None]]) -> list[AnnexDocument]:
    """The documents between consecutive starts (none empty)."""
    docs = []
    for k, (start, label) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        if end > start:
            docs.append(AnnexDocument(lines=lines[start:end], label=label))
    return docs


def document_kind(doc: AnnexDocument) -> str:
    """``convention`` (its object or title names a convention or an avenant), ``report`` (themes and operations),
    else ``other``."""
    obj = object_text(doc)
    if obj and regex.search(r"\b(?:convention|avenant)", obj, regex.IGNORECASE) or title_kind(doc):
        return "convention"
    if any(vocab.THEME_HEADING.match(ln.text) for ln in doc.lines) and vocab.OPERATION_HEADING.search(doc.text):
        return "report"
    return "other"


def _title_at_top(lines: list[Line], i: int, page_index: dict[int, int]) -> bool:
    return i - page_index[lines[i].page] < HEAD_LINES and vocab.matches_any(lines[i].text, vocab.ACT_TITLES)


def title_kind(doc: AnnexDocument) -> str | None:
    """``convention`` / ``avenant`` when the document opens with such a title (its first lines)."""
    for line in doc.lines[:HEAD_LINES]:
        for kind, pattern in vocab.ACT_TITLES:
            if pattern.match(line.text):
                return kind
    return None


def object_text(doc: AnnexDocument) -> str | None:
    """The "Objet :" paragraph of a document's first page; else its title, up to the parties ("AVENANT N° 1 à la
    convention … n° 2023-00871")."""
    for i, line in enumerate(doc.lines[:HEAD_LINES * 2]):
        m = vocab.ANNEX_OBJECT.match(line.text)
        if m:
            parts = [line.text[m.end():]]
            for nxt in doc.lines[i + 1: i + 4]:
                if vocab.PARTIES_START.match(nxt.text) or nxt.page != line.page:
                    break
                parts.append(nxt.text)
            return collapse(" ".join(parts))
    for i, line in enumerate(doc.lines[:HEAD_LINES]):
        if vocab.matches_any(line.text, vocab.ACT_TITLES):
            parts = [line.text]
            for nxt in doc.lines[i + 1: i + 4]:
                if vocab.PARTIES_START.match(nxt.text) or nxt.page != line.page:
                    break
                parts.append(nxt.text)
            return collapse(" ".join(parts))
    return None


# --- The annexed report: themes and operations --------------------------------------------------------------

@dataclass(slots=True)
class _Op:
    theme: int | None
    theme_title: str | None
    number: str
    lines: list[Line] = field(default_factory=list)


def report_operations(doc: AnnexDocument, doc_id: str, delib_id: str | None) -> list[Operation]:
    ops: list[_Op] = []
    theme: int | None = None
    theme_title: str | None = None
    collecting_title = False
    title_parts: list[str] = []
    for line in doc.lines:
        t = vocab.THEME_HEADING.match(line.text)
        if t:
            theme, collecting_title, title_parts = int(t.group("num")), True, [t.group("title") or ""]
            theme_title = collapse(" ".join(title_parts)) or None
            continue
        if collecting_title:
            if regex.match(r"^\s*(?:Propositions?|Phase|Les\s+dispositifs)", line.text, regex.IGNORECASE) \
                    or vocab.OPERATION_HEADING.match(line.text):
                collecting_title = False
            else:
                title_parts.append(regex.split(r"\s+Propositions?\b", line.text)[0])
                theme_title = collapse(" ".join(title_parts)) or None
                if regex.search(r"\bPropositions?\b", line.text):
                    collecting_title = False
                continue
        o = vocab.OPERATION_HEADING.match(line.text)
        if o:
            ops.append(_Op(theme, theme_title, collapse(o.group("num")), [line]))
            continue
        if ops and not vocab.ANNEX_LABEL.match(line.text):
            ops[-1].lines.append(line)
    return [_operation(op, doc, doc_id, delib_id) for op in ops]


def _operation(op: _Op, doc: AnnexDocument, doc_id: str, delib_id: str | None) -> Operation:
    text = collapse(" ".join(ln.text for ln in op.lines))
    head = vocab.OPERATION_HEADING.match(text)
    rest = text[head.end():] if head else text
    title, body = _split_title(rest)
    dispositifs = [collapse(d) for d in regex.findall(r"\b\d+\.\d+(?:\s*bis)?\b",
                                                      " ".join(regex.findall(r"\(dispositifs?\s+([^)]*)\)", title)))]
    n = regex.search(r"financer\s+(?P<n>\d+|une?)\s+structures?|soutenir\s+(?P<n2>\d+|une?)\s+structures?|avec\s+"
                     r"(?P<n3>\d+)\s+associations", body, regex.IGNORECASE)
    n_structures = None
    if n:
        parsed = parse_count(next(g for g in n.groups() if g))
        n_structures = parsed.value if parsed.ok and isinstance(parsed.value, int) else None
    places = regex.search(r"(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)\s+places", body)
    period = _period(body)
    fund = next((name for name, pattern in vocab.OTHER_FUNDS if pattern.search(title) or
                 pattern.search(_amount_sentence(body) or "")), None)
    return Operation(doc_id=doc_id, delib_id=delib_id, annex=doc.annex, theme=op.theme, theme_title=op.theme_title,
                     operation=op.number, title=title or None, dispositif=dispositifs or None,
                     n_structures=n_structures, amount=operation_amount(body),
                     places=int(_SPACES.sub("", places.group("n"))) if places else None,
                     period_start=period[0] if period else None, period_end=period[1] if period else None,
                     counterparty=_operation_counterparty(body), fund=fund, page=op.lines[0].page,
                     text=text[:2000])


def _split_title(rest: str) -> tuple[str, str]:
    """The heading runs to its "(dispositif …)" or to the first sentence of the body."""
    m = regex.search(r"\(dispositifs?\s[^)]*\)", rest)
    if m and m.start() < 250:
        return collapse(rest[: m.end()]), rest[m.end():]
    m = regex.search(r"\s(?=(?:Il\s+est|Le\s+FAL|L.Aide|Les\s+actions|Enfin|Pour\s+l.ann[ée]e|Afin|L.Agence)\b)", rest)
    if m:
        return collapse(rest[: m.start()]), rest[m.start():]
    return collapse(rest[:120]), rest


def _amount_sentence(body: str) -> str | None:
    m = vocab.PROPOSAL.search(body)
    return body[m.start(): m.start() + 400] if m else None


def operation_amount(body: str) -> Decimal | None:
    """The amount an operation proposes: "Le montant de l'opération est de X"; else the first amount from its
    first proposal ("il est proposé …") on, leaving out former values ("contre 9 000€ précédemment",
    "(représentant 25 785€/an)"); plus the amounts of proposals added by "Parallèlement" / "En outre"."""
    explicit = regex.search(r"montant\s+de\s+l.op[ée]ration\s+est\s+de\s+(?P<rest>.{0,40})", body, regex.IGNORECASE)
    if explicit:
        found = find_amounts(explicit.group("rest"))
        if found:
            return found[0].value
    amounts = [a for a in find_amounts(body) if not _former_value(body, a)]
    if not amounts:
        return None
    proposal = vocab.PROPOSAL.search(body)
    start = proposal.start() if proposal else 0
    first = next((a for a in amounts if a.start >= start), amounts[0])
    total = first.value
    for extra in vocab.ADDITIONAL_PROPOSAL.finditer(body, first.end):
        more = next((a for a in amounts if a.start >= extra.end()), None)
        if more is not None:
            total += more.value
    return total


def _former_value(text: str, money: Money) -> bool:
    before = text[max(0, money.start - 25): money.start]
    after = text[money.end: money.end + 20]
    return bool(regex.search(r"(?:repr[ée]sentant|passant\s+de|au\s+lieu\s+de|contre)\s*$", before,
                             regex.IGNORECASE) or regex.match(r"\s*(?:pr[ée]c[ée]demment|auparavant)", after,
                                                              regex.IGNORECASE)
                or before.rstrip().endswith("("))


def _period(text: str) -> tuple[date, date] | None:
    found = find_periods(text)
    if found:
        return found[0][0].start, found[0][0].end
    year = regex.search(r"pour\s+l.ann[ée]e\s+\d{4}", text, regex.IGNORECASE)
    if year:
        parsed = parse_period(year.group(0))
        if parsed.ok:
            return parsed.value.start, parsed.value.end
    return None


def _operation_counterparty(body: str) -> str | None:
    m = regex.search(r"(?:financer|attribuer\s+à|avec)\s*(?:,\s*par\s+biais\s+d.avenant,\s*)?(?:l.association|la\s+"
                     r"structure|l’|l')\s*(?P<who>\p{Lu}[\p{L}\- ']{2,60}?)\s+(?:pour|une|concernant|,)",
                     body, regex.VERSION1)
    return collapse(m.group("who")) if m else None


# --- Conventions and avenants -------------------------------------------------------------------------------

def convention_record(doc: AnnexDocument, doc_id: str, delib_id: str | None, session: date | None
                      ) -> tuple[Convention, list[Payment]]:
    text = collapse(doc.text)
    obj = object_text(doc) or ""
    kind = "avenant" if regex.search(r"\bavenant\b", obj, regex.IGNORECASE) or title_kind(doc) == "avenant" \
        else "convention"
    avenant = regex.search(r"\bAVENANT\s+N°\s*(?P<n>\d+)", doc.text)
    ref = _convention_ref(obj) or (_convention_ref(text) if kind == "avenant" else None)
    party = parties_block(doc)
    counterparty, address = _counterparty(party) if party else (None, None)
    sirets = find_sirets(party or "")
    siret = sirets[0][0] if sirets else None
    representative, role = _representative(party or "")
    amount, before, added = act_amounts(text, session)
    period = _convention_period(text, session)
    signatory, signatory_page = counterparty_signatory(doc, counterparty)
    chapter = regex.search(r"chapitre\s*«?\s*(?P<c>[A-Z]\d{2}-[0-9A-Z]{4,8})", text)
    convention = Convention(
        doc_id=doc_id, delib_id=delib_id, annex=doc.annex, kind=kind,
        avenant_no=int(avenant.group("n")) if avenant else None, convention_ref=ref, counterparty=counterparty,
        siret=siret, siret_valid=siret_valid(siret) if siret else None, representative=representative,
        signatory=signatory, amount=amount, period_start=period[0] if period else None,
        period_end=period[1] if period else None, object=obj or None, page=doc.page, page_end=doc.page_end,
        signatory_page=signatory_page, address=address, representative_role=role,
        budget_chapter=chapter.group("c") if chapter else None,
        ibans=[value for value, *_ in find_ibans(text)],
        funding_terms=[meaning for meaning, pattern in vocab.FUNDING_TERMS if pattern.search(text)],
        amount_before=before, amount_added=added,
        **signed_at(text))
    payments = payment_schedule(doc, convention)
    return convention, payments


def _convention_ref(text: str) -> str | None:
    # "convention n° 2023-01628", "Convention partenariale n° 2024 – 04102"; not "convention 2022 - 2026" (years)
    # "à la convention pluriannuelle d'objectifs n° 2023-00871": a few words may qualify the convention
    m = regex.search(r"convention(?:\s+(?:partenariale|pluriannuelle|annuelle|cadre|d['’]objectifs|de\s+moyens|et|"
                     r"de\s+partenariat|initiale))*\s+(?:n°\s*)?(?P<ref>\d{4}\s*[-–]\s*\d{5,6})\b", text,
                     regex.IGNORECASE)
    if not m:
        return None
    parsed = parse_convention_ref(m.group("ref"))
    return parsed.value if parsed.ok else None


def parties_block(doc: AnnexDocument) -> str | None:
    """The counterparty's paragraph: from the "Et" that follows the collectivité's block to "d'autre part"."""
    text = doc.text
    m = vocab.PARTIES_OTHER.search(text) or next(
        (found for _, pattern in vocab.PARTIES_OTHER_FORMS if (found := pattern.search(text))), None)
    if not m:
        return None
    end = PARTIES_END.search(text[m.end():])
    return collapse(text[m.end(): m.end() + (end.start() if end else 600)])


def _counterparty(party: str) -> tuple[str | None, str | None]:
    name = regex.split(r",|\s+dont\s+|\s+situ[ée]e?\s+|\s+identifi[ée]|\s+repr[ée]sent[ée]", party, maxsplit=1)[0]
    # "l'association BLANZY POURRE" -> "BLANZY POURRE"; "L'Association interdépartementale …" keeps its word
    name = regex.sub(r"^(?:(?i:l['’]association)\s+(?=\p{Lu})|(?i:l['’])(?=\p{Lu})|(?i:la|le|les)\s+(?=\p{Lu}))", "",
                     collapse(name), flags=regex.VERSION1)
    name = regex.sub(r"\s*«[^»]*»\s*$", "", name).strip(" ,")
    address = regex.search(r"(?:si[èe]ge(?:\s+social)?\s+(?:est\s+)?(?:situ[ée]\s+|se\s+situe\s+)?(?:au\s+|à\s+|en\s+)?|"
                           r"situ[ée]e?\s+au\s+)(?P<a>.+?\b\d{5}\s+[\p{L}' -]+?)(?:,|\s+identifi|\s+repr[ée]sent|$)",
                           party, regex.IGNORECASE | regex.VERSION1)
    return (name or None), (collapse(address.group("a")) if address else None)


def _representative(party: str) -> tuple[str | None, str | None]:
    for pattern in vocab.REPRESENTED_BY:
        m = pattern.search(party)
        if m:
            role = m.groupdict().get("role")
            return _clean_person(m.group("name")), (collapse(role).strip(" ,") if role else None)
    return None, None


def _clean_person(text: str) -> str:
    _, name = strip_civility(collapse(text))
    return name.strip(" ,.;")


def convention_amount(text: str, session: date | None) -> Decimal | None:
    """The amount the collectivité commits by this act, by the first formula that finds one
    (``vocab.COMMITMENT``): charged to the session's budget year, "s'élève à", "Soit … en <year>", a maximum."""
    year = str(session.year) if session else r"\d{4}"
    for name, pattern in vocab.COMMITMENT:
        for m in pattern.finditer(text):
            window = m.group(0)
            if name == "budget_year" and not regex.search(year, window):
                continue
            found = find_amounts(window)
            if found:
                return found[0].value if name != "budget_year" else found[0].value
    return None


def signed_at(text: str) -> dict:
    """The place and date of the act's "Fait à … le …" (the last one: the signature closes the act)."""
    found = [m for _, pattern in vocab.ACT_SIGNED_AT for m in pattern.finditer(text)]
    if not found:
        return {}
    from pipeline.normalize.dates import parse_date

    last = max(found, key=lambda m: m.start())
    parsed = parse_date(last.group("date"))
    return {"signed_place": collapse(last.group("place")), "signed_date": parsed.value if parsed.ok else None}


def act_amounts(text: str, session: date | None) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """What the act commits, and for an avenant that raises an amount, the former amount and the complement."""
    raised = amount_raised(text)
    if raised:
        return raised
    return convention_amount(text, session) or other_amount(text), None, None


def amount_raised(text: str) -> tuple[Decimal, Decimal, Decimal] | None:
    """An avenant's new total, its former amount and the complement ("portée de 24 000 € à 29 500 €, soit un
    complément de 5 500 €"); the complement is the difference when it is not printed."""
    pattern = next(f.pattern for f in vocab.ACT_AMOUNTS if f.meaning == "raised")
    m = pattern.search(text)
    if not m:
        return None
    after, before = find_amounts(m.group("amount")), find_amounts(m.group("before"))
    if not after or not before:
        return None
    added = COMPLEMENT.search(text, m.end())
    printed = find_amounts(added.group("amount")) if added and added.start() - m.end() < 40 else []
    return after[0].value, before[0].value, printed[0].value if printed else after[0].value - before[0].value


def other_amount(text: str) -> Decimal | None:
    """The amount by the wordings ``vocab.COMMITMENT`` does not know ("une subvention de", "d'un montant
    maximal de")."""
    for _, pattern in (f for f in vocab.ACT_AMOUNTS if f.meaning != "raised"):
        m = pattern.search(text)
        if m:
            found = find_amounts(m.group("amount"))
            if found:
                return found[0].value
    return None


def _convention_period(text: str, session: date | None) -> tuple[date, date] | None:
    periods = [p for p, *_ in find_periods(text)]
    if session:  # the period of the session's year that the act sets (the narrowest that covers that year)
        covering = [p for p in periods if p.start <= date(session.year, 12, 31) and p.end >= date(session.year, 1, 1)]
        if covering:
            best = min(covering, key=lambda p: (p.end - p.start, periods.index(p)))
            return best.start, best.end
    if periods:
        return periods[0].start, periods[0].end
    until = regex.search(r"prend\s+fin\s+le\s+(?P<d>\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})", text, regex.VERSION1)
    if until:
        from pipeline.normalize.dates import parse_date

        parsed = parse_date(until.group("d"))
        if parsed.ok:
            return None if parsed.value is None else (None, parsed.value)
    return None


def counterparty_signatory(doc: AnnexDocument, counterparty: str | None) -> tuple[str | None, int | None]:
    """Who signs for the counterparty: the name under its "Pour <counterparty>" heading, in that column."""
    candidates = []
    for i, line in enumerate(doc.lines):
        for x0, x1, seg in line.segments:
            if vocab.SIGN_FOR.match(seg) and not vocab.SIGN_FOR_COLLECTIVITE.match(seg):
                candidates.append((i, x0, x1, line))
    for i, x0, x1, head in reversed(candidates):  # the last "Pour …" with a name under it
        found = _name_under(doc, i, x0, x1, head)
        if found:
            return _clean_person(found[0]), found[1].page
    return None, None


def _name_under(doc: AnnexDocument, i: int, x0: float, x1: float, head: Line) -> tuple[str, Line] | None:
    centre = (x0 + x1) / 2
    best = None
    for line in doc.lines[i + 1: i + 14]:
        if line.page > head.page + 1:
            break
        for sx0, sx1, seg in line.segments:
            if not vocab.PERSON_LINE.match(seg.strip()):
                continue
            distance = abs((sx0 + sx1) / 2 - centre) if line.page == head.page else 0
            if abs(sx0 - x0) < 120 or distance < 150:
                if best is None or (line.page, line.top) < (best[1].page, best[1].top):
                    best = (seg, line)
        if best:
            break
    return best


def payment_schedule(doc: AnnexDocument, convention: Convention) -> list[Payment]:
    """Numbered payments ("1er versement de 69 000 € à titre d'avance, … imputée sur le budget de l'année
    2023"), else single ones ("La participation est versée en totalité après la signature")."""
    text = collapse(doc.text)
    out = []
    starts = list(vocab.PAYMENT.finditer(text)) or list(vocab.PAYMENT_SINGLE.finditer(text))[:1]
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else min(len(text), m.end() + 300)
        chunk = text[m.start(): end]
        chunk = regex.split(r"\s(?=La\s+participation\s+financi[èe]re\s+est\s+imput)", chunk)[0]
        chunk = regex.split(r"(?<=\.)\s+(?=\p{Lu})", chunk, maxsplit=1)[0]  # its sentence
        amounts = find_amounts(chunk[:80])
        rank = m.group("rank")
        kind = next((name for name, pattern in vocab.PAYMENT_KINDS if pattern.search(chunk)), "other")
        year = regex.search(r"budget\s+de\s+l.ann[ée]e\s+(?P<y>\d{4})", chunk, regex.IGNORECASE)
        condition = regex.search(r"(?P<c>(?:d[ée]j[àa]\s+vers[ée]e?|[àa]\s+verser|vers[ée]e?\s+en\s+totalit[ée]|"
                                 r"sous\s+r[ée]serve|apr[èe]s\s+(?:la\s+)?signature)[^;]*)", chunk, regex.IGNORECASE)
        out.append(Payment(doc_id=convention.doc_id, delib_id=convention.delib_id, annex=convention.annex,
                           counterparty=convention.counterparty, rank=int(rank) if rank else None,
                           amount=amounts[0].value if amounts else None, kind=kind,
                           condition=collapse(condition.group("c")).strip(" ,;")[:200] if condition else None,
                           budget_year=int(year.group("y")) if year else None,
                           page=_page_of(doc, chunk[:40])))
    return out


def _page_of(doc: AnnexDocument, snippet: str) -> int:
    words = snippet.split()[:4]
    for line in doc.lines:
        if words and all(w in line.text for w in words[:2]):
            return line.page
    return doc.page


# --- Linking each convention to the annex number its article gives it ----------------------------------------

def link_annexes(docs: list[AnnexDocument], conventions: list[Convention], articles: list[Article]) -> None:
    """Give unlabelled conventions their annex number: by the counterparty of the article that cites the annex,
    then by their place between labelled neighbours among the numbers an article cites."""
    taken = {c.annex for c in conventions if c.annex is not None} | {d.label for d in docs if d.label}
    link_by_counterparty(conventions, articles, taken)
    link_by_wording(conventions, articles, taken)
    link_by_place(conventions, articles, taken)


def link_by_counterparty(conventions: list[Convention], articles: list[Article], taken: set[int]) -> None:
    """An article about one counterparty gives the first annex it cites that is still free to the unlinked act
    with that counterparty."""
    for article in articles:
        if not article.counterparty:
            continue
        free = [n for n in article.annexes if n not in taken]
        if not free:
            continue
        match = next((c for c in conventions
                      if c.annex is None and same_party(article.counterparty, c.counterparty)), None)
        if match is not None:
            match.annex = free[0]
            taken.add(free[0])


def link_by_place(conventions: list[Convention], articles: list[Article], taken: set[int]) -> None:
    """An unlinked act takes the first free number the articles cite ("annexes 10, 11 et 12") between the numbers
    of the linked acts before and after it in the document."""
    cited = sorted({n for a in articles for n in a.annexes if n not in taken})
    ordered = sorted(conventions, key=lambda c: c.page or 0)
    for i, conv in enumerate(ordered):
        if conv.annex is not None:
            continue
        low = max((c.annex for c in ordered[:i] if c.annex is not None), default=0)
        high = min((c.annex for c in ordered[i + 1:] if c.annex is not None), default=10 ** 6)
        fits = [n for n in cited if low < n < high and n not in taken]
        if fits:
            conv.annex = fits[0]
            taken.add(fits[0])


def link_by_wording(conventions: list[Convention], articles: list[Article], taken: set[int]) -> None:
    """An article that cites one annex after naming its counterparty ("l'avenant … conclu avec la Mission Locale
    du Périgord Noir, joint en annexe 2") links that annex to the act whose counterparty it names."""
    for article in articles:
        text = article.text or ""
        previous = 0
        for ref in vocab.ANNEX_REFS.finditer(text):
            numbers = [int(n) for n in regex.findall(r"\d+", ref.group("nums"))]
            clause, previous = text[previous:ref.start()], ref.end()
            if len(numbers) != 1 or numbers[0] in taken:
                continue
            named = [c for c in conventions if c.annex is None and names_party(clause, c)]
            if len(named) == 1:
                named[0].annex = numbers[0]
                taken.add(numbers[0])


def names_party(text: str, convention: Convention) -> bool:
    """Whether a clause names the act's counterparty: every significant word of its name is in the clause."""
    core = {w for w in party_words(convention.counterparty or "") if len(w) > 2}
    return bool(core) and core <= set(party_words(text))
