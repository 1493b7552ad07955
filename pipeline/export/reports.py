"""Reports for people: reports/<doc_id>.md, .html and .json per file, and summary.md for the run.

A file's report says what was extracted (counts, tables), then the failed rules first with their evidence and
page, then the rules that were skipped and why, then what passed. The HTML is one self-contained file (inline
style, no external asset) that prints cleanly. Everything is deterministic: no timestamps.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

from models.records import FileResult, Finding
from pipeline.export.csv_tables import atomic_write_text, format_value, sorted_results
from pipeline.reconcile import RULES

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
STATUS_ORDER = {"fail": 0, "skip": 1, "pass": 2}
TABLE_LABELS = (("deliberations", "deliberations"), ("attendance", "attendance rows"), ("recusals", "recusals"),
                ("votes", "votes"), ("articles", "articles"), ("amounts", "amounts"),
                ("budget_lines", "budget lines"), ("conventions", "conventions and avenants"),
                ("operations", "report operations"), ("payments", "payments"))


def ordered_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (STATUS_ORDER[f.status], SEVERITY_ORDER[f.severity], f.rule,
                                           f.page or 0))


# --- JSON ----------------------------------------------------------------------------------------------------

def _jsonable(value):
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def result_json(result: FileResult) -> str:
    record = {
        "document": _jsonable(result.document),
        "tables": {table: [_jsonable(r) for r in rows] for table, rows in sorted(result.rows.items())},
        "identifiers": _jsonable(result.identifiers),
        "annexes_present": result.annexes_present,
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


# --- Markdown ------------------------------------------------------------------------------------------------

def _cell(value) -> str:
    return format_value(value).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def report_sections(result: FileResult) -> list[tuple[str, list[str], list[list]]]:
    """The extracted tables a person wants to see, as (title, header, rows)."""
    rows = result.rows
    out = []
    for d in rows.get("deliberations", []):
        out.append((f"Deliberation {d.delib_id}", ["field", "value"], [
            ["title", d.title], ["collectivité", d.collectivite], ["assembly", d.assembly],
            ["session date", d.session_date], ["president", d.president], ["secretary", d.secretary],
            ["present / excused / absent / excused without vote",
             f"{d.n_present} / {d.n_excused} / {d.n_absent} / {d.n_excused_no_vote}"
             if d.n_present is not None else None],
            ["articles", d.n_articles], ["signed by", d.signatory],
            ["signed at", " ".join(str(v) for v in (d.signed_place, d.signed_date) if v) or None],
            ["pages", f"{d.page_start}–{d.page_end}"]]))
    if rows.get("votes"):
        out.append(("Votes", ["deliberation", "block", "articles", "pour", "contre", "abstention",
                              "absents without proxy", "outcome", "page"],
                    [[v.delib_id, v.block, v.articles, v.pour, v.contre, v.abstention, v.absents_no_delegation,
                      v.outcome + (" (unanimous)" if v.unanimous else ""), v.page] for v in rows["votes"]]))
    if rows.get("recusals"):
        out.append(("Members interested in the matter", ["deliberation", "block", "name", "kind", "listed as",
                                                           "page"],
                    [[r.delib_id, r.block, r.name, r.kind, r.member_status, r.page] for r in rows["recusals"]]))
    if rows.get("budget_lines"):
        out.append(("Budget lines", ["code", "imputation", "label", "AE", "dépense", "page"],
                    [[b.code_operation, b.imputation, b.label, b.ae, b.depense, b.page]
                     for b in rows["budget_lines"]]))
    if rows.get("conventions"):
        out.append(("Conventions and avenants", ["annex", "kind", "counterparty", "SIRET", "representative",
                                                 "signatory", "amount", "period", "page"],
                    [[c.annex, c.kind + (f" n°{c.avenant_no}" if c.avenant_no else ""), c.counterparty, c.siret,
                      c.representative, c.signatory, c.amount,
                      " → ".join(str(v) for v in (c.period_start, c.period_end) if v) or None, c.page]
                     for c in rows["conventions"]]))
    return out


def markdown_report(result: FileResult) -> str:
    doc = result.document
    findings = ordered_findings(result.rows.get("findings", []))
    counts = Counter(f.status for f in findings)
    lines = [f"# {Path(doc.source_file or doc.doc_id).name}", "",
             f"- doc_id `{doc.doc_id}`, {doc.pages or 0} pages, text: {doc.text_source or 'none'}, "
             f"status **{doc.status}**" + (f" — {doc.error}" if doc.error else ""),
             f"- rules: {counts['fail']} failed, {counts['skip']} skipped, {counts['pass']} passed", ""]
    extracted = [f"{len(result.rows[t])} {label}" for t, label in TABLE_LABELS if result.rows.get(t)]
    lines += ["## Extracted", "", ", ".join(extracted) + "." if extracted else "Nothing could be extracted.", ""]
    failed = [f for f in findings if f.status == "fail"]
    lines += ["## Failed rules", ""]
    if failed:
        lines += _md_table(["severity", "rule", "page", "what was found", "expected", "found"],
                           [[f.severity, f.rule, f.page, f.message, f.expected, f.found] for f in failed])
    else:
        lines.append("None.")
    skipped = [f for f in findings if f.status == "skip"]
    lines += ["", "## Skipped rules", ""]
    if skipped:
        lines += _md_table(["rule", "page", "why"], [[f.rule, f.page, f.message] for f in skipped])
    else:
        lines.append("None.")
    passed = Counter(f.rule for f in findings if f.status == "pass")
    lines += ["", "## Passed rules", ""]
    lines += _md_table(["rule", "checks passed", "what it checks"],
                       [[rule_id, n, RULES[rule_id].title] for rule_id, n in sorted(passed.items())]) \
        if passed else ["None."]
    for title, header, rows in report_sections(result):
        lines += ["", f"## {title}", ""] + _md_table(header, rows)
    return "\n".join(lines) + "\n"


# --- HTML ----------------------------------------------------------------------------------------------------

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1100px;margin:2em auto;
padding:0 1em}h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:13px}th,td{border:1px solid #ccc;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f2f2f2}tr.fail td:first-child{border-left:4px solid #c62828}
tr.skip td:first-child{border-left:4px solid #9e9e9e}.error{color:#b71c1c;font-weight:600}.warning{color:#8a5300;
font-weight:600}.info{color:#1e4f8a}.meta{color:#555}.num{text-align:right;white-space:nowrap}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
"""


def _h(value) -> str:
    return html.escape(format_value(value))


def _html_table(header: list[str], rows: list[list], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{classes[i]}"' if classes else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{_h(v)}</td>" for v in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def html_report(result: FileResult) -> str:
    doc = result.document
    findings = ordered_findings(result.rows.get("findings", []))
    counts = Counter(f.status for f in findings)
    name = html.escape(Path(doc.source_file or doc.doc_id).name)
    parts = [f"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{name} — delib report</title>"
             f"<style>{STYLE}</style></head><body>", f"<h1>{name}</h1>",
             f"<p class=\"meta\">doc_id <code>{doc.doc_id}</code> · {doc.pages or 0} pages · text: "
             f"{html.escape(doc.text_source or 'none')} · status <strong>{html.escape(doc.status or '')}</strong>"
             + (f" — {html.escape(doc.error)}" if doc.error else "") + "</p>",
             f"<p>Rules: <strong>{counts['fail']}</strong> failed, {counts['skip']} skipped, {counts['pass']} passed."
             "</p>"]
    extracted = [f"{len(result.rows[t])} {label}" for t, label in TABLE_LABELS if result.rows.get(t)]
    parts.append("<h2>Extracted</h2><p>" + html.escape(", ".join(extracted) + "." if extracted
                                                        else "Nothing could be extracted.") + "</p>")
    failed = [f for f in findings if f.status == "fail"]
    parts.append("<h2>Failed rules</h2>")
    if failed:
        rows = [[f.severity, f.rule, f.page, f.message, f.expected, f.found] for f in failed]
        table = _html_table(["severity", "rule", "page", "what was found", "expected", "found"], rows,
                            ["fail"] * len(rows))
        for sev in ("error", "warning", "info"):
            table = table.replace(f"<td>{sev}</td>", f'<td class="{sev}">{sev}</td>')
        parts.append(table)
    else:
        parts.append("<p>None.</p>")
    skipped = [f for f in findings if f.status == "skip"]
    parts.append("<h2>Skipped rules</h2>")
    parts.append(_html_table(["rule", "page", "why"], [[f.rule, f.page, f.message] for f in skipped],
                             ["skip"] * len(skipped)) if skipped else "<p>None.</p>")
    passed = Counter(f.rule for f in findings if f.status == "pass")
    parts.append("<h2>Passed rules</h2>")
    parts.append(_html_table(["rule", "checks passed", "what it checks"],
                             [[r, n, RULES[r].title] for r, n in sorted(passed.items())]) if passed else "<p>None.</p>")
    for title, header, rows in report_sections(result):
        parts.append(f"<h2>{html.escape(title)}</h2>" + _html_table(header, rows))
    parts.append("</body></html>\n")
    return "".join(parts)


# --- The run in one page -------------------------------------------------------------------------------------

def summary_markdown(results: list[FileResult]) -> str:
    docs = [r.document for r in results]
    statuses = Counter(d.status for d in docs)
    findings = [f for r in results for f in r.rows.get("findings", [])]
    failed_rules = Counter((f.rule, f.severity) for f in findings if f.status == "fail")
    files_by_rule = Counter()
    for rule_id, _ in failed_rules:
        files_by_rule[rule_id] = sum(1 for r in results if any(f.rule == rule_id and f.status == "fail"
                                                                 for f in r.rows.get("findings", [])))
    lines = ["# delib run summary", "",
             f"- {len(docs)} files: {statuses['ok']} ok, {statuses['partial']} partial, {statuses['failed']} failed",
             f"- {sum(d.pages or 0 for d in docs)} pages, {sum(d.n_deliberations or 0 for d in docs)} deliberations",
             f"- {len(findings)} rule checks: {sum(1 for f in findings if f.status == 'fail')} failed, "
             f"{sum(1 for f in findings if f.status == 'skip')} skipped", "", "## Failed rules", ""]
    if failed_rules:
        lines += _md_table(["rule", "severity", "failures", "files"],
                           [[rule_id, sev, n, files_by_rule[rule_id]]
                            for (rule_id, sev), n in sorted(failed_rules.items(),
                                                            key=lambda kv: (SEVERITY_ORDER[kv[0][1]], kv[0][0]))])
    else:
        lines.append("None.")
    lines += ["", "## Files", ""]
    lines += _md_table(["file", "doc_id", "status", "pages", "deliberations", "failed rules", "why"],
                       [[d.source_file, d.doc_id, d.status, d.pages, d.n_deliberations,
                         sum(1 for f in r.rows.get("findings", []) if f.status == "fail"), d.error]
                        for r, d in ((r, r.document) for r in results)])
    return "\n".join(lines) + "\n"


def write_reports(results: list[FileResult], out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    ordered = sorted_results(results)
    written = []
    seen: set[str] = set()
    for result in ordered:
        doc_id = result.document.doc_id
        if doc_id in seen:  # the same content given twice: one report
            continue
        seen.add(doc_id)
        for suffix, text in (("md", markdown_report(result)), ("html", html_report(result)),
                             ("json", result_json(result))):
            path = out_dir / "reports" / f"{doc_id}.{suffix}"
            atomic_write_text(path, text)
            written.append(path)
    summary = out_dir / "summary.md"
    atomic_write_text(summary, summary_markdown(ordered))
    written.append(summary)
    return written

