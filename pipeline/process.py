"""One file through the whole pipeline: ingest -> segment -> extract -> normalise -> reconcile.

``process_file`` never raises: a file that cannot be read becomes a ``failed`` documents row with a sentence
saying why, and a stage that breaks on a document leaves what the earlier stages produced (``partial``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from models.layout import IngestedDocument
from models.records import Document, FailureKind, FileResult
from models.sections import DeliberationSegment
from pipeline.extract.deliberation import extract_deliberations
from pipeline.extract.kind import document_kind
from pipeline.ingest import IngestError, doc_id_for, ingest, sha256_file
from pipeline.reconcile import evaluate
from pipeline.segment import segment, takes_note

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """Per-file settings, checked once before the first file is read and passed to every worker."""

    ocr: str = "auto"  # never | auto | always: OCR pages without a text layer


def failed_result(path: Path, error: str, *, sha256: str | None = None, pages: int | None = None) -> FileResult:
    if sha256 is None:
        try:
            sha256 = sha256_file(path)
        except OSError:
            sha256 = None
    # A file we cannot even read still needs a stable id: derive it from its path.
    doc_id = doc_id_for(sha256) if sha256 else hashlib.sha256(str(path).encode()).hexdigest()[:16]
    return FileResult(Document(doc_id=doc_id, source_file=str(path), sha256=sha256, pages=pages, text_source=None,
                               status="failed", error=error, n_deliberations=None))


def document_row(doc: IngestedDocument, source_file: str) -> Document:
    status, error = "ok", None
    why = f" {doc.ocr_error}" if doc.ocr_error else ""
    if doc.text_source == "none":
        status = "partial"
        if any(p.ocr for p in doc.pages):
            error = "OCR found no text on any page (blank pages, or a scan too poor to read)." + why
        else:
            error = "No page has a text layer (a scanned document); nothing could be read without OCR." + why
    elif doc.unread_pages:
        unread = doc.unread_pages
        status = "partial"
        error = f"Pages {', '.join(map(str, unread))} have no text layer (scanned) and were not read." + why
    return Document(doc_id=doc.doc_id, source_file=source_file, sha256=doc.sha256, pages=len(doc.pages),
                    text_source=doc.text_source, status=status, error=error, n_deliberations=None)


def process_file(path: str | Path, options: Options = Options()) -> FileResult:
    """Run every stage on one file, then the validation rules. Never raises on a bad document: an unreadable
    file still gets its documents.csv row and a finding that says why nothing was extracted."""
    result = read_and_extract(Path(path), options)
    result.extend(evaluate(result))
    return result


def read_and_extract(path: Path, options: Options) -> FileResult:
    """ingest -> segment -> extract for one file."""
    try:
        doc = ingest(path, ocr=options.ocr)
    except IngestError as exc:
        result = failed_result(path, str(exc))
        result.failure = exc.kind
        return result
    except MemoryError:
        result = failed_result(path, "The PDF needs more memory than allowed to be read.")
        result.failure = FailureKind.MEMORY
        return result
    except Exception as exc:  # a PDF library bug on a pathological file: report it, keep the batch going
        log.debug("ingest crashed on %s", path, exc_info=True)
        return failed_result(path, f"The PDF could not be read ({type(exc).__name__}: {exc}).")
    result = FileResult(document_row(doc, str(path)))
    try:
        extract(doc, result)
    except Exception as exc:  # a bug on an unusual layout: keep what was read, say what broke
        log.debug("extraction crashed on %s", path, exc_info=True)
        result.rows.clear()
        result.document.status = "partial"
        result.document.error = f"Extraction stopped on an unexpected layout ({type(exc).__name__}: {exc})."
        if isinstance(exc, MemoryError):
            result.failure = FailureKind.MEMORY
    finally:
        doc.release()
    return result


def extract(doc: IngestedDocument, result: FileResult) -> None:
    """segment -> extract: fill every table of ``result`` for an ingested document."""
    if doc.text_source == "none":
        return
    result.ocr_pages = [p.number for p in doc.pages if p.ocr]
    if result.ocr_pages:  # amounts and counts read by OCR with a low confidence, for the ocr.low_confidence rule
        from pipeline.ocr import low_confidence_values

        result.low_confidence = [(v.page, v.raw, float(v.confidence)) for v in low_confidence_values(doc)]
    seg = segment(doc)
    seg.deliberations = [d for d in seg.deliberations if is_deliberation(d)]
    extract_deliberations(doc, seg, result)
    kind = document_kind(doc, seg, result)
    result.document.kind, result.document.kind_reason = kind.kind, kind.reason
    if kind.kind == "other":  # read, but it yields no deliberation rows (and so no SCDL row)
        drop_deliberation_rows(result)
        seg.deliberations = []
    n = len(seg.deliberations)
    result.document.n_deliberations = n
    if kind.kind == "other" and result.document.status == "ok":
        result.document.status = "partial"
        result.document.error = "Not a deliberation. " + kind.reason
    elif n == 0 and result.document.status == "ok":
        result.document.status = "partial"
        result.document.error = ("No deliberation was found in this file (no attendance list, article, "
                                 "recusal or vote).")


def drop_deliberation_rows(result: FileResult) -> None:
    """Keep only the amounts (and identifiers) of a file that is not a deliberation, attached to no deliberation."""
    amounts = result.rows.get("amounts", [])
    for amount in amounts:
        amount.delib_id = None
    result.rows.clear()
    if amounts:
        result.rows["amounts"] = amounts


def is_deliberation(segment: DeliberationSegment) -> bool:
    return bool(segment.of_kind("attendance", "article", "vote", "recusal")) or takes_note(segment)
