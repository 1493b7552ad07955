"""What segmentation produces: paragraphs grouped into named sections, per deliberation."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.layout import Line


SOFT_HYPHEN = "\u00ad"  # ends a line whose last word goes on at the next line, hyphen dropped (``pipeline.ingest``)


def breaks_word(text: str) -> bool:
    """Whether a line ends in the middle of a word or name: a hyphen right after a letter ("Jean-"), or the
    hyphenation of a word ("associa\u00ad")."""
    return text.endswith(SOFT_HYPHEN) or len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


@dataclass(slots=True)
class Paragraph:
    """Consecutive lines read as one unit (a list, a sentence, a vote, a heading)."""

    lines: list[Line]  # never changed once the paragraph is made: its flat text is kept
    _flat: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def flat(self) -> str:
        """The lines as one line of text; a line that ends with a hyphen after a letter goes on with the next
        one without a space (a word or a name broken at the line's end: "Jean-" / "Claude GROSS"). Made once:
        segmentation and extraction ask a paragraph for it a dozen times."""
        if self._flat is None:
            self._flat = self._joined()
        return self._flat

    def _joined(self) -> str:
        texts = [line.text for line in self.lines]
        if len(texts) == 1 or not any(t.endswith(("-", SOFT_HYPHEN)) for t in texts[:-1]):
            return " ".join(texts)
        out = texts[0]
        for text in texts[1:]:
            if out.endswith(SOFT_HYPHEN):
                out = out[:-1] + text
            else:
                out += text if breaks_word(out) else " " + text
        return out

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def page_end(self) -> int:
        return self.lines[-1].page


@dataclass(slots=True)
class Section:
    """A named part of a deliberation: header, attendance, title, visas, recusal, decision, article, vote,
    signature, annex, body."""

    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    label: str = ""  # attendance status, article number, annex label, ...
    block: int | None = None  # decision block, for recusals, articles and votes

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def page(self) -> int | None:
        return self.paragraphs[0].page if self.paragraphs else None

    @property
    def page_end(self) -> int | None:
        return self.paragraphs[-1].page_end if self.paragraphs else None


@dataclass(slots=True)
class DeliberationSegment:
    index: int  # 1-based position in the file
    sections: list[Section] = field(default_factory=list)
    number: str | None = None  # as printed, when the segmenter saw it on the deliberation's heading
    heading: str | None = None

    def of_kind(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    @property
    def page_start(self) -> int | None:
        pages = [s.page for s in self.sections if s.page]
        return min(pages) if pages else None

    @property
    def page_end(self) -> int | None:
        pages = [s.page_end for s in self.sections if s.page_end]
        return max(pages) if pages else None


@dataclass(slots=True)
class InformationSegment:
    """An item of a session record that owns no vote and is only information (the mayor's decisions taken by
    delegation, "questions diverses", a report the council takes note of): kept apart from the deliberations."""

    item: str | None  # its number as printed, if any
    title: str
    kind: str  # a meaning of vocab.INFORMATION_HEADINGS / INFORMATION_TEXT
    paragraphs: list[Paragraph] = field(default_factory=list)
    after: int = 0  # how many deliberations of the file come before it

    @property
    def page_start(self) -> int | None:
        return self.paragraphs[0].page if self.paragraphs else None

    @property
    def page_end(self) -> int | None:
        return self.paragraphs[-1].page_end if self.paragraphs else None


@dataclass(slots=True)
class Segmentation:
    """A file cut into its session part (header and attendance shared by every deliberation of a session
    record), its deliberations, and its annexes."""

    session: list[Section] = field(default_factory=list)
    deliberations: list[DeliberationSegment] = field(default_factory=list)
    annexes: list[Section] = field(default_factory=list)
    multi: bool = False  # a session record holding several deliberations
    information: list[InformationSegment] = field(default_factory=list)  # items that are only information
    extracts: bool = False  # a file of extracts: each deliberation prints its own header and attendance
    # notes in the page's margin beside the text (a box of the sitting's counts beside the opening sentence), one
    # paragraph per block: out of the text, read for the counts the text does not print
    margins: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class SessionContext:
    """What a file says once for all its deliberations: the header fields of a session record, its attendance
    lists and the counts it prints (empty for a file of one deliberation, which carries its own)."""

    fields: dict = field(default_factory=dict)
    attendance: list = field(default_factory=list)  # Attendance rows with no delib_id
    counts: dict = field(default_factory=dict)
    counts_quote: str | None = None
    margins: list = field(default_factory=list)  # the file's margin notes (``Segmentation.margins``)


@dataclass(slots=True)
class DeliberationRecords:
    """The records of one deliberation, in the order the tables list them, and what was read but left out."""

    deliberation: object  # models.records.Deliberation
    attendance: list = field(default_factory=list)  # this deliberation's own lists (single deliberations)
    recusals: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    vote_members: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    budget_lines: list = field(default_factory=list)
    amounts: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # (page, quote, why): read, then left out on purpose


@dataclass(slots=True)
class AnnexRecords:
    """The records of the annexes, attached to the deliberation they follow."""

    conventions: list = field(default_factory=list)
    payments: list = field(default_factory=list)
    operations: list = field(default_factory=list)
    amounts: list = field(default_factory=list)
    annexes_present: list = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    """Every intermediate of the extraction stage, kept so that ``delib inspect --stage extract`` can print it:
    session context -> one deliberation's records each -> the annexes' records."""

    session: SessionContext
    deliberations: list[DeliberationRecords] = field(default_factory=list)
    annexes: AnnexRecords = field(default_factory=AnnexRecords)
