"""What kind of document a file is (documents.kind): a deliberation, the minutes of a sitting, or another document.

The designation is read from the document's first lines (``vocab.DOCUMENT_KINDS``); the records extracted confirm
it: a file that prints an arrêté's or a bulletin's designation and yields no attendance list and no vote is
``other``, and its deliberation rows are dropped. Without a designation, a file with neither attendance nor vote
nor deliberation heading is ``other`` too.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.layout import IngestedDocument
from models.records import FileResult
from models.sections import Segmentation
from pipeline.segment import designation

OTHER_KINDS = ("arrêté", "decision of the mayor or president", "convocation", "bulletin", "budget document", "contract")


@dataclass(frozen=True, slots=True)
class Kind:
    kind: str  # deliberation | session_record | other
    reason: str  # what the file looks like, quoting what it prints


def document_kind(doc: IngestedDocument, seg: Segmentation, result: FileResult) -> Kind:
    named = designation(doc)
    voted = bool(result.rows.get("votes")) or bool(result.rows.get("attendance"))
    if named and named[0] in OTHER_KINDS and not voted:
        return Kind("other", f"The file prints “{named[1]}”: it looks like {_article(named[0])} {named[0]}, not a deliberation, and "
                             f"no attendance list or vote was found in it.")
    if not named and not voted and not result.rows.get("deliberations"):
        return Kind("other", "No deliberation designation, attendance list or vote was found in the file.")
    if named and named[0] == "session_record" or seg.multi:
        quote = f" (“{named[1]}”)" if named and named[0] == "session_record" else ""
        return Kind("session_record", f"The minutes of a sitting{quote}, holding {len(seg.deliberations)} "
                                      f"decision point(s).")
    quote = f" (“{named[1]}”)" if named else ""
    return Kind("deliberation", f"A deliberation{quote}.")


def _article(noun: str) -> str:
    return "an" if noun[0] in "aeiouâê" else "a"
