"""The terminal report of ``delib validate``: per file, the ``document`` findings (what the PDF says against
itself) and then, apart, the ``reading`` findings (what delib could not read or publish); in each, failed rules
first (error, warning, info) with their page and quote, then skipped rules with their reason."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from models.records import FileResult, Finding
from pipeline.export.reports import ordered_findings

MARK = {"fail": "FAIL", "skip": "skip", "pass": "ok  "}
FAMILY_HEADINGS = (("document", "what the document says against itself"),
                   ("reading", "what delib could not read or publish"))


def blocking(finding: Finding) -> bool:
    """A failure that makes ``delib validate`` exit 1: a ``document`` rule of severity ``error``."""
    return finding.status == "fail" and finding.severity == "error" and finding.family != "reading"


def _finding_lines(findings: list[Finding], show_passes: bool) -> list[str]:
    lines = []
    for f in findings:
        if f.status == "pass" and not show_passes:
            continue
        page = f"p.{f.page}" if f.page else "    "
        lines.append(f"    {MARK[f.status]} {f.severity:<7} {f.rule:<44} {page:<6} {f.message}")
        if f.status == "fail" and f.quote:
            lines.append(f"{'':>62}« {f.quote} »")
    return lines


def file_report(result: FileResult, show_passes: bool) -> list[str]:
    doc = result.document
    findings = ordered_findings(result.rows.get("findings", []))
    name = Path(doc.source_file or doc.doc_id).name
    lines = [f"{name}  [{doc.status}]  {doc.pages or 0} pages, {doc.n_deliberations or 0} deliberation(s)"]
    if doc.error:
        lines.append(f"  {doc.error}")
    for family, heading in FAMILY_HEADINGS:
        own = [f for f in findings if (f.family or "document") == family]
        counts = Counter(f.status for f in own)
        lines.append(f"  {family} ({heading}): {counts['fail']} failed, {counts['skip']} skipped, "
                     f"{counts['pass']} passed")
        lines += _finding_lines(own, show_passes)
    return lines + [""]


def terminal_report(results: list[FileResult], *, show_passes: bool = False) -> tuple[str, int]:
    """The report text, and the number of failed ``document`` error rules (the exit status depends on it)."""
    lines: list[str] = []
    errors = reading = 0
    for result in sorted(results, key=lambda r: r.document.source_file or ""):
        lines += file_report(result, show_passes)
        findings = result.rows.get("findings", [])
        errors += sum(blocking(f) for f in findings)
        reading += sum(f.status == "fail" and f.family == "reading" for f in findings)
    lines.append(f"{len(results)} file(s): {errors} failed document error check(s); {reading} reading finding(s) "
                 f"(they do not change the exit status).")
    return "\n".join(lines), errors
