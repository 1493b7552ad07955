"""Reports for people: reports/<doc_id>.md, .html and .json per file, and summary.md for the run.

A file's report says what was extracted (counts, tables), then the failed rules first with their evidence and
page, then the rules that were skipped and why, then what passed. The HTML is one self-contained file (inline
style, no external asset) that prints cleanly. Everything is deterministic: no timestamps.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import regex

from models.records import FileResult, Finding
from pipeline.export.csv_tables import atomic_write_text, format_value, sorted_results
from pipeline.export.wording import label, rule_title, status_word, words
from pipeline.reconcile import RULES
from pipeline.review import Review, template_row

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

@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _jsonable(value):
    """What ``json`` cannot write itself, as the report writes it (its ``default``): amounts with two decimals,
    ISO dates, records as objects of their fields."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


_dumps = functools.partial(json.dumps, ensure_ascii=False, default=_jsonable)


def result_json(result: FileResult) -> str:
    """The whole record of a file, one row of each table a line. Written with the json module's C encoder
    (``indent`` would select its Python one, 4-5 times slower, which was a third of the reports' time)."""
    tables = []
    for table, rows in sorted(result.rows.items()):
        listed = "[\n" + ",\n".join(f"  {_dumps(row)}" for row in rows) + "\n ]" if rows else "[]"
        tables.append(f" {_dumps(table)}: {listed}")
    parts = [f' "document": {_dumps(result.document)}',
             ' "tables": {' + ("\n" + ",\n".join(tables) + "\n " if tables else "") + "}",
             f' "identifiers": {_dumps(result.identifiers)}',
             f' "annexes_present": {_dumps(result.annexes_present)}']
    return "{\n" + ",\n".join(parts) + "\n}\n"


# --- Markdown ------------------------------------------------------------------------------------------------

def _cell(value) -> str:
    return format_value(value).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def localised_sections(result: FileResult, lang: str) -> list[tuple[str, list[str], list[list]]]:
    """``report_sections`` with its titles, headers and field names in the report's language."""
    out = []
    for title, header, rows in report_sections(result):
        head, _, number = title.partition("|")
        title = label(head, lang) + (f" {number}" if number else "")
        if header == ["field", "value"]:
            rows = [[label(row[0], lang), *row[1:]] for row in rows]
        out.append((title, [label(h, lang) for h in header], rows))
    return out


def extracted_counts(result: FileResult, lang: str) -> list[str]:
    return [f"{len(result.rows[t])} {label(name, lang)}" for t, name in TABLE_LABELS if result.rows.get(t)]


def report_sections(result: FileResult) -> list[tuple[str, list[str], list[list]]]:
    """The extracted tables a person wants to see, as (title, header, rows); a deliberation's title is
    ``Deliberation|<delib_id>``."""
    rows = result.rows
    out = []
    for d in rows.get("deliberations", []):
        out.append((f"Deliberation|{d.delib_id}", ["field", "value"], [
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


@dataclass(slots=True)
class ReportContext:
    """What a file's report needs besides its records: its name, language, review marks, pictures, PDF link."""

    stem: str
    lang: str = "fr"
    review: Review = field(default_factory=Review)
    pictures: dict[int, str] = field(default_factory=dict)  # id(finding) -> PNG file name beside the report
    pdf_href: str | None = None  # the PDF, relative to the report

    @property
    def w(self) -> dict[str, str]:
        return words(self.lang)

    def page_link(self, page: int | None) -> str | None:
        return f"{self.pdf_href}#page={page}" if self.pdf_href and page else None

    def mark_label(self, finding: Finding) -> str | None:
        mark = self.review.mark_of(finding)
        if mark is None:
            return None
        return self.w[mark.mark] + (f" — {mark.note}" if mark.note else "")


def report_stem(result: FileResult) -> str:
    """The report's readable name: the file's name and the first 8 digits of its doc_id."""
    doc = result.document
    name = Path(doc.source_file or doc.doc_id).stem
    slug = regex.sub(r"[^\p{L}\p{N}._-]+", "-", name).strip("-.")[:80] or "document"
    return f"{slug}-{doc.doc_id[:8]}"


def _family(findings: list[Finding], family: str) -> list[Finding]:
    return [f for f in findings if (f.family or "document") == family]


def _md_finding(f: Finding, rc: ReportContext) -> list[str]:
    w = rc.w
    where = f"{w['page']} {f.page}" if f.page else ""
    link = rc.page_link(f.page)
    lines = [f"### {w[f.severity]} · `{f.rule}` · " + (f"[{where}]({link})" if link else where), "",
             f"{f.message}", ""]
    if f.title:
        lines[2] = f"*{f.title}* — {f.message}"
    if f.quote:
        lines += [f"> {f.quote}", ""]
    if f.expected or f.found:
        lines += [f"{w['expected']} : {f.expected or '—'} · {w['found']} : {f.found or '—'}", ""]
    if id(f) in rc.pictures:
        lines += [f"![{w['picture']}]({rc.pictures[id(f)]})", ""]
    mark = rc.mark_label(f)
    if mark:
        lines += [f"**{w['reviewed']}** : {mark}", ""]
    return lines


def _md_head(result: FileResult, rc: ReportContext, findings: list[Finding]) -> list[str]:
    w, doc = rc.w, result.document
    counts = Counter(f.status for f in findings)
    extracted = extracted_counts(result, rc.lang)
    return [f"# {Path(doc.source_file or doc.doc_id).name}", "",
            f"- doc_id `{doc.doc_id}`, {doc.pages or 0} {w['pages']}, text: {doc.text_source or 'none'}, "
            f"{w['status']} **{status_word(doc.status, rc.lang)}**" + (f" — {doc.error}" if doc.error else ""),
            f"- {w['rules']} : {counts['fail']} {w['failed']}, {counts['skip']} {w['skipped']}, "
            f"{counts['pass']} {w['passed']}", "",
            f"## {w['extracted']}", "", ", ".join(extracted) + "." if extracted else w["nothing"], ""]


def markdown_report(result: FileResult, rc: ReportContext | None = None) -> str:
    rc = rc or ReportContext(report_stem(result))
    w = rc.w
    findings = ordered_findings(result.rows.get("findings", []))
    lines = _md_head(result, rc, findings)
    for family in ("document", "reading"):
        failed = [f for f in _family(findings, family) if f.status == "fail"]
        lines += [f"## {w[family]}", ""]
        lines += [x for f in failed for x in _md_finding(f, rc)] if failed else [w["none"], ""]
    skipped = [[f.rule, f.page, f.message] for f in findings if f.status == "skip"]
    lines += [f"## {w['skipped_rules']}", ""]
    lines += _md_table([w["rule"], w["page"], w["why"]], skipped) if skipped else [w["none"]]
    passed = Counter(f.rule for f in findings if f.status == "pass")
    lines += ["", f"## {w['passed_rules']}", ""]
    lines += _md_table([w["rule"], w["checks_passed"], w["what_it_checks"]],
                       [[r, n, rule_title(r, RULES[r].title, rc.lang)] for r, n in sorted(passed.items())]) \
        if passed else [w["none"]]
    for title, header, rows in localised_sections(result, rc.lang):
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
.finding{border-left:4px solid #c62828;padding:.2em .8em;margin:.8em 0;background:#fafafa}
.finding.sev-warning{border-color:#e0a000}.finding.sev-info{border-color:#1e4f8a}.finding .head{margin:.2em 0}
.finding .title{font-style:italic;color:#444;margin:.2em 0}blockquote.quote{margin:.4em 0;padding:.3em .8em;border-left:3px solid #999;background:#fff;
font-family:Georgia,serif}img.evidence{max-width:100%;border:1px solid #ccc}figure{margin:.5em 0}figcaption{color:#555;
font-size:12px}.mark{color:#2e7d32;font-weight:600}details code{font-size:12px}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}.finding{break-inside:avoid}}
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


HIDE_SCRIPT = """<script>
document.addEventListener('DOMContentLoaded',function(){var box=document.getElementById('hide-reviewed');
if(!box)return;box.addEventListener('change',function(){document.querySelectorAll('[data-reviewed="1"]')
.forEach(function(el){el.hidden=box.checked;});});});
</script>"""


def _html_finding(f: Finding, rc: ReportContext) -> str:
    w = rc.w
    link = rc.page_link(f.page)
    page = (f'<a class="page" href="{html.escape(link)}" title="{w["open_pdf"]} {f.page}">{w["page"]} {f.page}</a>'
            if link else (f'{w["page"]} {f.page}' if f.page else ""))
    mark = rc.mark_label(f)
    parts = [f'<div class="finding sev-{f.severity}" data-rule="{f.rule}" data-reviewed="{1 if mark else 0}">',
             f'<p class="head"><span class="{f.severity}">{w[f.severity]}</span> · <code>{f.rule}</code> · '
             f'{html.escape(rule_title(f.rule, RULES[f.rule].title, rc.lang) if f.rule in RULES else f.rule)}'
             f' · {page}</p>']
    if f.title:
        parts.append(f'<p class="title">{html.escape(f.title)}</p>')
    parts.append(f"<p>{html.escape(f.message or '')}</p>")
    if f.quote:
        parts.append(f'<blockquote class="quote" title="{w["quote"]}">{html.escape(f.quote)}</blockquote>')
    if f.expected or f.found:
        parts.append(f'<p class="meta">{w["expected"]} : {_h(f.expected or "—")} · {w["found"]} : '
                     f'{_h(f.found or "—")}</p>')
    if id(f) in rc.pictures:
        parts.append(f'<figure><img class="evidence" src="{html.escape(rc.pictures[id(f)])}" '
                     f'alt="{w["picture"]}, {w["page"]} {f.page}"><figcaption>{w["picture"]}'
                     f'</figcaption></figure>')
    if mark:
        parts.append(f'<p class="mark">✔ {w["reviewed"]} : {html.escape(mark)}</p>')
    else:
        parts.append(f'<details><summary>{w["mark_it"]}</summary><code>{html.escape(template_row(f))}</code>'
                     f'</details>')
    return "".join(parts) + "</div>"


def _html_head(result: FileResult, rc: ReportContext) -> list[str]:
    w, doc = rc.w, result.document
    name = html.escape(Path(doc.source_file or doc.doc_id).name)
    counts = Counter((f.family or "document", f.status) for f in result.rows.get("findings", []))
    return [f"<!DOCTYPE html><html lang=\"{rc.lang}\"><head><meta charset=\"utf-8\"><title>{name} — {w['report']}"
            f"</title><style>{STYLE}</style>{HIDE_SCRIPT}</head><body>",
            f'<p><a href="../index.html">{w["back"]}</a></p><h1>{name}</h1>',
            f"<p class=\"meta\">doc_id <code>{doc.doc_id}</code> · {doc.pages or 0} {w['pages']} · text: "
            f"{html.escape(doc.text_source or 'none')} · {w['status']} <strong>"
            f"{html.escape(status_word(doc.status, rc.lang))}</strong>"
            + (f" — {html.escape(doc.error)}" if doc.error else "") + "</p>",
            f"<p>{w['document_short']} : <strong class=\"n-document\">{counts[('document', 'fail')]}</strong> "
            f"{w['failed']} · {w['reading_short']} : <strong class=\"n-reading\">{counts[('reading', 'fail')]}"
            f"</strong> {w['failed']}</p>",
            f'<p><label><input type="checkbox" id="hide-reviewed"> {w["hide_reviewed"]}</label></p>']


def html_report(result: FileResult, rc: ReportContext | None = None) -> str:
    rc = rc or ReportContext(report_stem(result))
    w = rc.w
    findings = ordered_findings(result.rows.get("findings", []))
    parts = _html_head(result, rc)
    extracted = extracted_counts(result, rc.lang)
    parts.append(f"<h2>{w['extracted']}</h2><p>" + html.escape(", ".join(extracted) + "." if extracted
                                                               else w["nothing"]) + "</p>")
    for family in ("document", "reading"):
        failed = [f for f in _family(findings, family) if f.status == "fail"]
        parts.append(f'<h2 id="{family}">{w[family]}</h2>')
        parts.append("".join(_html_finding(f, rc) for f in failed) if failed else f"<p>{w['none']}</p>")
    skipped = [f for f in findings if f.status == "skip"]
    parts.append(f"<h2>{w['skipped_rules']}</h2>")
    parts.append(_html_table([w["rule"], w["page"], w["why"]], [[f.rule, f.page, f.message] for f in skipped],
                             ["skip"] * len(skipped)) if skipped else f"<p>{w['none']}</p>")
    passed = Counter(f.rule for f in findings if f.status == "pass")
    parts.append(f"<h2>{w['passed_rules']}</h2>")
    parts.append(_html_table([w["rule"], w["checks_passed"], w["what_it_checks"]],
                             [[r, n, rule_title(r, RULES[r].title, rc.lang)] for r, n in sorted(passed.items())])
                 if passed else f"<p>{w['none']}</p>")
    for title, header, rows in localised_sections(result, rc.lang):
        parts.append(f"<h2>{html.escape(title)}</h2>" + _html_table(header, rows))
    parts.append("</body></html>\n")
    return "".join(parts)


# --- The run in one page -------------------------------------------------------------------------------------

def _failed_rules_table(results: list[FileResult], findings: list[Finding]) -> list[str]:
    failed_rules = Counter((f.rule, f.severity, f.family or "document") for f in findings if f.status == "fail")
    if not failed_rules:
        return ["None."]
    files_by_rule = Counter(rule_id for r in results
                            for rule_id in {f.rule for f in r.rows.get("findings", []) if f.status == "fail"})
    ordered = sorted(failed_rules.items(), key=lambda kv: (kv[0][2], SEVERITY_ORDER[kv[0][1]], kv[0][0]))
    return _md_table(["rule", "family", "severity", "failures", "files"],
                     [[rule_id, family, sev, n, files_by_rule[rule_id]] for (rule_id, sev, family), n in ordered])


def _failures(result: FileResult, family: str) -> int:
    return sum(1 for f in result.rows.get("findings", []) if f.status == "fail" and (f.family or "document") == family)


def summary_markdown(results: list[FileResult], stems: dict[str, str] | None = None) -> str:
    stems = stems or {}
    docs = [r.document for r in results]
    statuses = Counter(d.status for d in docs)
    findings = [f for r in results for f in r.rows.get("findings", [])]
    outcomes = Counter(f.status for f in findings)
    lines = ["# delib run summary", "", "[index.html](index.html)", "",
             f"- {len(docs)} files: {statuses['ok']} ok, {statuses['partial']} partial, {statuses['failed']} failed",
             f"- {sum(d.pages or 0 for d in docs)} pages, {sum(d.n_deliberations or 0 for d in docs)} deliberations",
             f"- {len(findings)} rule checks: {outcomes['fail']} failed, {outcomes['skip']} skipped", "",
             "## Failed rules", ""]
    lines += _failed_rules_table(results, findings)
    lines += ["", "## Files", ""]
    lines += _md_table(["file", "doc_id", "status", "pages", "deliberations", "document failures",
                        "reading failures", "why"],
                       [[r.document.source_file, r.document.doc_id, r.document.status, r.document.pages,
                         r.document.n_deliberations, _failures(r, "document"), _failures(r, "reading"),
                         r.document.error] for r in results])
    linked = [r for r in results if r.document.doc_id in stems]
    if linked:  # a Markdown link per file (in a table cell a link would be escaped)
        lines += ["", "## Reports", ""]
        lines += [f"- [{Path(r.document.source_file or r.document.doc_id).name}](reports/{stems[r.document.doc_id]}"
                  f".html) ([md](reports/{stems[r.document.doc_id]}.md))" for r in linked]
    return "\n".join(lines) + "\n"


def _pdf_href(result: FileResult, reports_dir: Path) -> str | None:
    source = result.document.source_file
    if not source or not Path(source).is_file():
        return None
    rel = os.path.relpath(Path(source).resolve(), reports_dir.resolve())
    return Path(rel).as_posix().replace("#", "%23").replace("?", "%3F").replace(" ", "%20")


def _pictures(result: FileResult, rc: ReportContext, reports_dir: Path) -> list[Path]:
    """The page pictures of a file's failed document findings, beside its report."""
    from pipeline.export import evidence

    written = []
    wanted = [f for f in ordered_findings(result.rows.get("findings", [])) if evidence.wants_picture(f)]
    for n, f in enumerate(wanted, start=1):
        png = evidence.render(result.document.source_file, evidence.spots(result, f), result.ocr_pages)
        if png is None:
            continue
        name = f"{rc.stem}.{n}.png"
        path = reports_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        rc.pictures[id(f)] = name
        written.append(path)
    return written


def write_reports(results: list[FileResult], out_dir: Path, *, lang: str = "fr",
                  reviews: Path | None = None) -> list[Path]:
    """Every file's report (Markdown, HTML, JSON, page pictures), summary.md and index.html. ``reviews``: the
    review marks (default: reviews.csv in the output folder)."""
    from pipeline import review as reviewing
    from pipeline.export.index_html import index_html

    out_dir = Path(out_dir)
    words(lang)  # an unknown language is an error before anything is written
    ordered = sorted_results(results)
    review = reviewing.load(Path(reviews) if reviews else out_dir / reviewing.REVIEWS_FILE,
                            [f for r in ordered for f in r.rows.get("findings", [])])
    reports_dir = out_dir / "reports"
    written, stems = [], {}
    for result in ordered:
        doc_id = result.document.doc_id
        if doc_id in stems:  # the same content given twice: one report
            continue
        rc = ReportContext(report_stem(result), lang, review, pdf_href=_pdf_href(result, reports_dir))
        stems[doc_id] = rc.stem
        written += _pictures(result, rc, reports_dir)
        for suffix, text in (("md", markdown_report(result, rc)), ("html", html_report(result, rc)),
                             ("json", result_json(result))):
            path = reports_dir / f"{rc.stem}.{suffix}"
            atomic_write_text(path, text)
            written.append(path)
    for name, text in (("summary.md", summary_markdown(ordered, stems)),
                       ("index.html", index_html(ordered, stems, review, lang, out_dir))):
        atomic_write_text(out_dir / name, text)
        written.append(out_dir / name)
    return written
