"""Lines -> paragraphs -> named sections, per deliberation: a state machine over the ingested lines.

States, in reading order: header -> attendance -> title -> visas -> decision (recusals, blocks, articles, votes)
-> signature -> annexes. The French formulas that move it from one state to the next are rows of
``pipeline.vocab``. A session record (compte rendu, registre) holding several deliberations is cut at each
numbered deliberation heading; its header and attendance apply to all of them.
"""

from __future__ import annotations

import re
from collections import Counter

import regex

from models.layout import IngestedDocument, Line
from models.sections import DeliberationSegment, Paragraph, Section, Segmentation
from pipeline import vocab

# A vertical gap larger than this share of the line height separates two paragraphs.
PARAGRAPH_GAP = 0.75
# A line repeated (digits aside) at the top or bottom of at least this share of pages is a running header/footer.
RUNNING_SHARE = 0.5

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = regex.compile(r"^\s*(?:page\s*)?\d{1,3}\s*(?:/|sur)\s*\d{1,3}\s*$|^\s*-?\s*\d{1,3}\s*-?\s*$",
                             regex.IGNORECASE)


def running_lines(doc: IngestedDocument) -> set[tuple[int, int]]:
    """(page, line index) of running headers and footers and bare page numbers, to leave out of the text."""
    pages = [p for p in doc.pages if p.lines]
    if not pages:
        return set()
    edge: Counter[tuple[str, int]] = Counter()
    for page in pages:
        edge.update({_running_key(ln) for ln in page.lines[:2] + page.lines[-2:]})
    threshold = max(2, RUNNING_SHARE * len(pages))
    repeated = {k for k, n in edge.items() if n >= threshold}
    out = set()
    for page in pages:
        n = len(page.lines)
        for i, ln in enumerate(page.lines):
            at_edge = i < 2 or i >= n - 2
            if at_edge and (_running_key(ln) in repeated or _PAGE_NUMBER.match(ln.text)):
                out.add((page.number, i))
    return out


def _running_key(line: Line) -> tuple[str, int]:
    """The same text (numbers aside) at the same height: a footer, not a vote that often ends a page."""
    return _DIGITS.sub("#", line.text), round(line.top / 8)


def starts_paragraph(text: str) -> bool:
    """Headings and formulas always open a new paragraph, even without a blank line before them."""
    if vocab.ARTICLE.match(text) or vocab.VISA.match(text) or vocab.ATTENDANCE_LINE_START.match(text):
        return True
    for table in (vocab.ATTENDANCE_HEADINGS, vocab.DECISION_OPEN, vocab.VOTE_START, vocab.SIGNATURE_HEAD,
                  vocab.DELIB_HEADINGS):
        if any(p.match(text) for _, p in table):
            return True
    return bool(vocab.SECRETARY[0][1].match(text) or vocab.ANNEX_LABEL.match(text))


def lines_to_paragraphs(doc: IngestedDocument) -> list[Paragraph]:
    skip = running_lines(doc)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for page in doc.pages:
        for i, line in enumerate(page.lines):
            if (page.number, i) in skip:
                continue
            if current:
                prev = current[-1]
                height = max(prev.bottom - prev.top, line.bottom - line.top, 1.0)
                gap = line.top - prev.bottom
                new = (line.page != prev.page and _ends_sentence(prev.text)) or \
                      (line.page == prev.page and (gap > PARAGRAPH_GAP * height or gap < -height)) or \
                      starts_paragraph(line.text) or _ends_block(prev.text)
                if new:
                    paragraphs.append(Paragraph(current))
                    current = []
            current.append(line)
    if current:
        paragraphs.append(Paragraph(current))
    return paragraphs


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", ")", "»"))


def _ends_block(text: str) -> bool:
    """A vote result closes its paragraph ("(Adopté)", "Adopté à l'unanimité")."""
    return bool(regex.match(r"^\s*\(?\s*(?:Adopt|Rejet)[ée]", text, regex.IGNORECASE))


def attendance_status(text: str) -> tuple[str, int] | None:
    """(status, end of the heading) when a paragraph opens an attendance list: "Présents : …", or a heading
    alone on its first line with the names below it ("Absent\nHélène", Couthenans 2021)."""
    for status, pattern in vocab.ATTENDANCE_HEADINGS:
        m = pattern.match(text)
        if m:
            return status, m.end()
    first, _, rest = text.partition("\n")
    if rest.strip():
        for status, pattern in vocab.ATTENDANCE_BARE_HEADINGS:
            if pattern.match(first):
                return status, len(first)
    return None


def recusal_kind(text: str) -> str | None:
    for kind, pattern in vocab.RECUSALS:
        if pattern.search(text):
            return kind
    return None


def decision_open(text: str) -> bool:
    return any(p.match(text) for _, p in vocab.DECISION_OPEN)


def vote_start(text: str) -> bool:
    return any(p.match(text) for _, p in vocab.VOTE_START)


def inline_vote(text: str) -> bool:
    return (decision_open(text) or bool(vocab.DECISION_SUBJECT.match(text))) and bool(vocab.INLINE_VOTE.search(text))


def signature_head(text: str) -> bool:
    return any(p.match(text) for _, p in vocab.SIGNATURE_HEAD)


def delib_heading(text: str) -> regex.Match | None:
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
        kind = recusal_kind(text)
        if kind and not vocab.ARTICLE.match(text):
            if not self.block_open or self.block_has_content and self._block_voted():
                self._new_block()
            self._add("recusal", paragraph, label=kind)
            if not (inline_vote(text) or vote_start(text)):
                return
            # "Après en avoir délibéré, le Conseil, à l'unanimité des Membres présents, à l'exception de
            # Monsieur X qui ne prend pas part au vote" (Putanges): the same sentence also carries the vote.
            self._add("vote", paragraph)
            self.block_has_content = True
            self.block_open = False
            return
        if decision_open(text):
            if not self.block_open or self.block_has_content:
                self._new_block()
            if inline_vote(text):  # the decision sentence carries the vote
                self._add("vote", paragraph)
                self.block_has_content = True
                self.block_open = False
            else:
                self._add("decision", paragraph)
            return
        m = vocab.ARTICLE.match(text)
        if m:
            self._ensure_block()
            number = re.sub(r"\s+", "", m.group("num"))
            self.block_has_content = True
            self._add("article", paragraph, label=number)
            return
        if vote_start(text) or vocab.VOTE_ANYWHERE.search(text):
            self._ensure_block()
            voted = [s for s in self.segment.sections if s.kind == "vote" and s.block == self.block]
            if voted:  # the rest of the block's vote, or a result repeated after a trailing article
                voted[-1].paragraphs.append(paragraph)
                self.current = voted[-1]
            else:
                self._add("vote", paragraph)
            self.block_has_content = True
            self.block_open = False
            return
        if self.current is not None:
            self.current.paragraphs.append(paragraph)
        else:
            self._add("body", paragraph)

    def close(self) -> None:
        """End of the deliberation: a recusal that followed the last vote, with nothing voted after it, belongs
        to that vote ("Adopté à l'unanimité. Mme X ... ne prend pas part au vote.", Montpellier CR 2011)."""
        if self.block_open and not self.block_has_content and self.block > 1:
            for section in self.segment.sections:
                if section.block == self.block and section.kind == "recusal":
                    section.block = self.block - 1
            self.block -= 1

    def _block_voted(self) -> bool:
        return any(s.kind == "vote" and s.block == self.block for s in self.segment.sections)


def is_vote(paragraph: Paragraph) -> bool:
    text = vocab.LEADING_BULLET.sub("", paragraph.flat)
    return vote_start(text) or inline_vote(text) or bool(vocab.VOTE_ANYWHERE.search(text))


def heading_kind(paragraph: Paragraph) -> str | None:
    """The kind of deliberation heading a paragraph opens with (``vocab.DELIB_HEADINGS``), if any."""
    first = paragraph.lines[0].text
    if is_vote(paragraph) or attendance_status(first):
        return None
    for kind, pattern in vocab.DELIB_HEADINGS:
        if pattern.match(first):
            return kind
    return None


def decision_points(paragraphs: list[Paragraph]) -> list[tuple[int, bool]]:
    """Where each decision point of a session record starts: (paragraph index, starts with a heading).

    Every vote belongs to the nearest heading before it; a vote with no heading before it (the agenda, the
    previous minutes) is a point of its own, titled by the paragraph just before it. Headings that own no vote
    (agenda lists, information points) are not decision points. Heading kinds are tried from the strongest
    (printed deliberation numbers) to the weakest (dashed items): the first that gives two voted headings wins,
    so a dashed line inside a numbered deliberation is not taken for a heading."""
    last_attendance = max((i for i, p in enumerate(paragraphs) if attendance_status(p.text)), default=-1)
    kinds = {i: heading_kind(p) for i, p in enumerate(paragraphs) if i > last_attendance}
    votes = [i for i, p in enumerate(paragraphs) if i > last_attendance and is_vote(p)
             and not (i - 1 > last_attendance and is_vote(paragraphs[i - 1]))]
    best: list[tuple[int, bool]] = []
    for level in vocab.HEADING_LEVELS:
        heads = [i for i, k in kinds.items() if k in level]
        starts: dict[int, bool] = {}
        for i in votes:
            owner = max((h for h in heads if h < i), default=None)
            if owner is not None:
                starts.setdefault(owner, True)
            else:
                starts.setdefault(i - 1 if i - 1 > last_attendance else i, False)
        points = sorted(starts.items())
        if sum(1 for _, headed in points if headed) >= 2:
            return points
        best = best or points
    return best


def paragraphs_to_segmentation(paragraphs: list[Paragraph]) -> Segmentation:
    seg = Segmentation()
    points = decision_points(paragraphs)
    if sum(1 for _, headed in points if headed) >= 2:
        seg.multi = True
        bounds = [i for i, _ in points] + [len(paragraphs)]
        session = DeliberationSegment(index=0)
        _feed_single(session, paragraphs[: bounds[0]], stop_at_decision=False)
        seg.session = session.sections
        for k, ((a, headed), b) in enumerate(zip(points, bounds[1:]), 1):
            m = delib_heading(paragraphs[a].lines[0].text) if headed else None
            segment = DeliberationSegment(index=k, number=(m.groupdict().get("num") if m else None),
                                          heading=paragraphs[a].flat)
            body = paragraphs[a + 1: b]
            if is_vote(paragraphs[a]):
                body = paragraphs[a: b]
            else:
                segment.sections.append(Section("title", [paragraphs[a]]))
            machine = DecisionMachine(segment)
            for p in body:
                machine.feed(p)
            machine.close()
            seg.deliberations.append(segment)
        return seg
    segment = DeliberationSegment(index=1)
    annexes = _feed_single(segment, paragraphs)
    seg.deliberations.append(segment)
    seg.annexes = annexes
    return seg


def _feed_single(segment: DeliberationSegment, paragraphs: list[Paragraph], *, stop_at_decision: bool = True
                 ) -> list[Section]:
    """The state machine of a single deliberation; returns the annex sections (after the signature)."""
    state = "header"
    machine = DecisionMachine(segment)
    annexes: list[Section] = []
    signature_page = None

    def add(kind: str, p: Paragraph, label: str = "") -> Section:
        section = Section(kind, [p], label=label)
        segment.sections.append(section)
        return section

    last: Section | None = None
    for p in paragraphs:
        text = p.flat
        if state == "annexes":
            label = vocab.ANNEX_LABEL.match(p.lines[0].text)
            if label or not annexes or p.page != annexes[-1].page_end and _starts_document(text):
                annexes.append(Section("annex", [p], label=label.group("num") if label else ""))
            else:
                annexes[-1].paragraphs.append(p)
            continue
        if state == "signature":
            if p.page != signature_page:
                state = "annexes"
                label = vocab.ANNEX_LABEL.match(p.lines[0].text)
                annexes.append(Section("annex", [p], label=label.group("num") if label else ""))
            else:
                last.paragraphs.append(p)
            continue
        if state in ("header", "attendance", "title", "body", "visas"):
            found = attendance_status(p.text)
            if found:
                state = "attendance"
                last = add("attendance", p, label=found[0])
                continue
            if vocab.SECRETARY[0][1].match(text):
                last = add("secretary", p)
                continue
            if state == "attendance" and last is not None and last.kind == "attendance" \
                    and _continues_list(last.paragraphs[-1].text, text):
                last.paragraphs.append(p)
                continue
            if vocab.VISA.match(text):
                state = "visas"
                last = add("visas", p)
                continue
            if decision_open(text) or vocab.ARTICLE.match(text) or recusal_kind(text) or vote_start(text):
                if not stop_at_decision:
                    last = add("body", p)
                    continue
                state = "decision"
                machine.feed(p)
                continue
            if state == "header":
                last = add("header", p)
            elif state == "attendance" or state == "title" and _title_like(text):
                state = "title"
                last = add("title", p)
            elif state == "title":
                state = "body"
                last = add("body", p)
            elif state == "body":
                last.paragraphs.append(p)
            else:  # visas: a visa that wraps over a paragraph break, or the assembly's preamble
                last.paragraphs.append(p)
            continue
        # decision
        if signature_head(text):
            state = "signature"
            signature_page = p.page_end
            last = add("signature", p)
            continue
        machine.feed(p)
    machine.close()
    return annexes


def _continues_list(previous: str, text: str) -> bool:
    """Whether a paragraph goes on with the member list before it ("Pouvoirs :" then one name per dashed line)."""
    open_list = not _ends_sentence(previous) or previous.rstrip().endswith(":") \
        or bool(vocab.LEADING_BULLET.match(text))
    return open_list and _looks_like_names(text)


def _title_like(text: str) -> bool:
    """What may follow a title: its number "(N°2024-273)", a second line in capitals."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return bool(vocab.NUMBER.search(text)) and len(text) < 40 or bool(letters) and upper / len(letters) > 0.8


def _looks_like_names(text: str) -> bool:
    """A continuation of a member list: mostly capitalised words, and commas or one name per dashed line."""
    words = regex.findall(r"[\p{L}'’-]+", text)
    if not words:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6 and ("," in text or bool(vocab.LEADING_BULLET.match(text)))


def _starts_document(text: str) -> bool:
    return bool(regex.match(r"^\s*(?:Objet\s*:|AVENANT|CONVENTION|P[ôo]le\s|Annexe)", text, regex.IGNORECASE))


def segment(doc: IngestedDocument) -> Segmentation:
    return paragraphs_to_segmentation(lines_to_paragraphs(doc))
