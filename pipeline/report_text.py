"""The terminal report of ``delib validate``: per file, failed rules first (error, warning, info) with their page,
then skipped rules with their reason."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from models.records import FileResult
from pipeline.export.reports import ordered_findings

MARK = {"fail": "FAIL", "skip": "skip", "pass": "ok  "}


def terminal_report(results: list[FileResult], *, show_passes: bool = False) -> tuple[str, int]:
    """The report text, and the number of failed error-severity rules (the exit status depends on it)."""
    lines: list[str] = []
    errors = 0
    for result in sorted(results, key=lambda r: r.document.source_file or ""):
        doc = result.document
        findings = ordered_findings(result.rows.get("findings", []))
        counts = Counter(f.status for f in findings)
        name = Path(doc.source_file or doc.doc_id).name
        lines.append(f"{name}  [{doc.status}]  {doc.pages or 0} pages, {doc.n_deliberations or 0} deliberation(s); "
                     f"rules: {counts['fail']} failed, {counts['skip']} skipped, {counts['pass']} passed")
        if doc.error:
            lines.append(f"  {doc.error}")
        for f in findings:
            if f.status == "pass" and not show_passes:
                continue
            page = f"p.{f.page}" if f.page else "    "
            lines.append(f"  {MARK[f.status]} {f.severity:<7} {f.rule:<44} {page:<6} {f.message}")
            errors += f.status == "fail" and f.severity == "error"
        lines.append("")
    lines.append(f"{len(results)} file(s), {errors} failed error-severity check(s).")
    return "\n".join(lines), errors
