"""Review marks: what a person decided about a finding (checked, false alarm, reported, with a note), kept in
``reviews.csv`` (in the output folder, or ``--reviews FILE``), written by the person, read by every run.

Each mark names its finding by a key that stays the same from one run to the next — (doc_id, rule, delib_id,
block, page): the file's content, the rule, the deliberation, the decision block, the page — so a rerun finds
every mark again. A mark whose finding no longer fails (the file changed, the rule was fixed) is an orphan: the
run lists it instead of losing it; delib never rewrites the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from models.records import Finding

REVIEWS_FILE = "reviews.csv"
KEY_COLUMNS = ("doc_id", "rule", "delib_id", "block", "page")
COLUMNS = (*KEY_COLUMNS, "mark", "note")
# The marks, and the spellings accepted for each (English, French, with or without accents).
MARKS = {"checked": ("checked", "vérifié", "verifie", "vérifiée"),
         "false_alarm": ("false_alarm", "false alarm", "fausse alerte", "fausse_alerte"),
         "reported": ("reported", "signalé", "signale", "signalée")}
_SPELLINGS = {spelling: mark for mark, spellings in MARKS.items() for spelling in spellings}

Key = tuple[str, str, str, str, str]


@dataclass(frozen=True, slots=True)
class Mark:
    key: Key
    mark: str  # checked | false_alarm | reported
    note: str = ""
    line: int = 0  # line of reviews.csv


@dataclass(slots=True)
class Review:
    """The marks of a run matched to its findings."""

    by_key: dict[Key, Mark] = field(default_factory=dict)  # marks whose finding is in the run
    orphans: list[Mark] = field(default_factory=list)  # marks whose finding is not
    problems: list[str] = field(default_factory=list)  # rows of reviews.csv that could not be read

    def mark_of(self, finding: Finding) -> Mark | None:
        return self.by_key.get(finding_key(finding))


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def finding_key(finding: Finding) -> Key:
    return (finding.doc_id, finding.rule, _cell(finding.delib_id), _cell(finding.block), _cell(finding.page))


def read_marks(path: Path) -> tuple[list[Mark], list[str]]:
    """The marks of a reviews.csv (none when it does not exist), and why rows were left out."""
    path = Path(path)
    if not path.is_file():
        return [], []
    marks, problems = [], []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in (*KEY_COLUMNS, "mark") if c not in (reader.fieldnames or [])]
        if missing:
            return [], [f"{path.name}: the columns {', '.join(missing)} are missing (expected {','.join(COLUMNS)})"]
        for line, row in enumerate(reader, start=2):
            mark = _SPELLINGS.get(_cell(row.get("mark")).lower())
            if mark is None:
                problems.append(f"{path.name} line {line}: unknown mark {row.get('mark')!r} "
                                f"(checked, false_alarm or reported)")
                continue
            key = tuple(_cell(row.get(c)) for c in KEY_COLUMNS)
            marks.append(Mark(key, mark, _cell(row.get("note")), line))
    return marks, problems


def match(marks: Iterable[Mark], findings: Iterable[Finding]) -> Review:
    """Each mark to the failed finding with its key; the marks that find none are orphans. A key marked twice
    keeps its last mark (the file is read top to bottom, as a person edits it)."""
    failed = {finding_key(f) for f in findings if f.status == "fail"}
    review = Review()
    for mark in marks:
        if mark.key in failed:
            review.by_key[mark.key] = mark
        else:
            review.orphans.append(mark)
    return review


def load(path: Path, findings: Iterable[Finding]) -> Review:
    marks, problems = read_marks(path)
    review = match(marks, findings)
    review.problems = problems
    return review


def template_row(finding: Finding) -> str:
    """The reviews.csv line a person completes to mark a finding (shown next to it in the reports)."""
    return ",".join(_quote(v) for v in (*finding_key(finding), "checked", ""))


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value
