"""index.html: the run for a person. Every file (name, collectivité, sitting date, kind, status, pages) with its
``document`` and ``reading`` failures counted apart and a link to its report; every failed finding; both tables
sortable (click a column) and filtered by family, rule and severity; a chart of the failures by rule (inline SVG,
written directly); the review marks, with a switch that hides what was reviewed, and the orphan marks.
One self-contained file: inline style and script, no external asset, no timestamp.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

from models.records import FileResult, Finding
from pipeline.export.csv_tables import format_value
from pipeline.export.wording import kind_word, status_word, words
from pipeline.review import Review

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:2em auto;max-width:1300px;
padding:0 1em}h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:13px}th,td{border:1px solid #ccc;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f2f2f2;cursor:pointer;user-select:none}
th:after{content:" ↕";color:#999}
.num{text-align:right}.error{color:#b71c1c;font-weight:600}.warning{color:#8a5300;font-weight:600}.info{color:#1e4f8a}
.filters label{margin-right:1.2em}.chart svg{max-width:100%;height:auto}.mark{color:#2e7d32}
"""

SCRIPT = """<script>
function delibFilter(){var fam=document.getElementById('f-family').value,rule=document.getElementById('f-rule').value,
sev=document.getElementById('f-severity').value,hide=document.getElementById('hide-reviewed').checked;
document.querySelectorAll('#findings tbody tr').forEach(function(tr){var d=tr.dataset;
tr.hidden=(fam&&d.family!==fam)||(rule&&d.rule!==rule)||(sev&&d.severity!==sev)||(hide&&d.reviewed==='1');});
document.querySelectorAll('#files tbody tr').forEach(function(tr){var d=tr.dataset,any=!fam&&!rule&&!sev;
if(!any){any=Array.prototype.some.call(document.querySelectorAll('#findings tbody tr[data-doc="'+d.doc+'"]'),
function(f){return !f.hidden;});}tr.hidden=!any;});}
function delibSort(th){var table=th.closest('table'),body=table.tBodies[0],i=Array.prototype.indexOf.call(
th.parentNode.children,th),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';var rows=Array.from(body.rows);
rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,
y=b.cells[i].dataset.v||b.cells[i].textContent;
var nx=parseFloat(x),ny=parseFloat(y),c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
rows.forEach(function(r){body.appendChild(r);});}
document.addEventListener('DOMContentLoaded',function(){['f-family','f-rule','f-severity','hide-reviewed'].forEach(
function(id){document.getElementById(id).addEventListener('change',delibFilter);});
document.querySelectorAll('th').forEach(function(th){th.addEventListener('click',function(){delibSort(th);});});});
</script>"""


def _e(value) -> str:
    return html.escape(format_value(value))


CHART = {"width": 720, "row": 22, "bar": 14, "top": 8, "bottom": 34, "right": 40, "char": 6.6}
FAMILY_COLOUR = {"document": "#c62828", "reading": "#9e9e9e"}


def failures_chart(findings: list[Finding], lang: str) -> str:
    """A horizontal bar chart of the failures by rule (document and reading in two colours), as inline SVG written
    directly (a plotting library cost a third of a second to import, every run, for one chart). No date and no
    random id in it: two runs write the same bytes."""
    counts = Counter((f.rule, f.family or "document") for f in findings if f.status == "fail")
    if not counts:
        return ""
    items = sorted(counts.items(), key=lambda kv: (kv[0][1], -kv[1], kv[0][0]))
    c = CHART
    left = 12 + c["char"] * max(len(rule) for (rule, _), _ in items)
    height = c["top"] + c["row"] * len(items) + c["bottom"]
    scale = (c["width"] - left - c["right"]) / max(n for _, n in items)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {c["width"]} {height}" width="{c["width"]}" '
             f'height="{height}" font-family="sans-serif" font-size="11" role="img" '
             f'aria-label="{html.escape(words(lang)["chart"])}">']
    for k, ((rule, family), n) in enumerate(items):
        y = c["top"] + c["row"] * k
        mid = y + c["row"] / 2
        parts.append(f'<text x="{left - 6:.1f}" y="{mid + 4:.1f}" text-anchor="end">{html.escape(rule)}</text>'
                     f'<rect x="{left:.1f}" y="{mid - c["bar"] / 2:.1f}" width="{n * scale:.1f}" height="{c["bar"]}" '
                     f'fill="{FAMILY_COLOUR.get(family, "#9e9e9e")}"><title>{html.escape(rule)}: {n}</title></rect>'
                     f'<text x="{left + n * scale + 4:.1f}" y="{mid + 4:.1f}">{n}</text>')
    axis = c["top"] + c["row"] * len(items)
    parts.append(f'<line x1="{left:.1f}" y1="{axis}" x2="{c["width"] - c["right"]}" y2="{axis}" stroke="#999"/>'
                 f'<text x="{(left + c["width"] - c["right"]) / 2:.1f}" y="{axis + 22}" text-anchor="middle">'
                 f'{html.escape(words(lang)["chart"])}</text>')
    return "".join(parts) + "</svg>"


def _file_row(result: FileResult, stem: str, review: Review, lang: str) -> str:
    doc = result.document
    delibs = result.rows.get("deliberations", [])
    findings = [f for f in result.rows.get("findings", []) if f.status == "fail"]
    n_doc = sum(f.family != "reading" for f in findings)
    n_read = sum(f.family == "reading" for f in findings)
    reviewed = sum(review.mark_of(f) is not None for f in findings)
    name = Path(doc.source_file or doc.doc_id).name
    coll = next((d.collectivite for d in delibs if d.collectivite), None)
    sitting = next((d.session_date for d in delibs if d.session_date), None)
    return (f'<tr data-doc="{doc.doc_id}"><td><a class="report" href="reports/{html.escape(stem)}.html">'
            f'{html.escape(name)}</a></td><td>{_e(coll)}</td><td>{_e(sitting)}</td>'
            f'<td>{html.escape(kind_word(doc.kind, lang))}</td><td>{html.escape(status_word(doc.status, lang))}</td>'
            f'<td class="num">{_e(doc.pages)}</td><td class="num n-document">{n_doc}</td>'
            f'<td class="num n-reading">{n_read}</td><td class="num">{reviewed}</td></tr>')


def _finding_row(f: Finding, name: str, stem: str, review: Review, lang: str) -> str:
    w = words(lang)
    mark = review.mark_of(f)
    family = f.family or "document"
    label = (w[mark.mark] + (f" — {mark.note}" if mark.note else "")) if mark else ""
    return (f'<tr data-doc="{f.doc_id}" data-family="{family}" data-rule="{html.escape(f.rule)}" '
            f'data-severity="{f.severity}" data-reviewed="{1 if mark else 0}">'
            f'<td><a href="reports/{html.escape(stem)}.html#{family}">{html.escape(name)}</a></td>'
            f'<td>{w[family + "_short"]}</td><td class="{f.severity}">{w[f.severity]}</td>'
            f'<td><code>{html.escape(f.rule)}</code></td><td class="num">{_e(f.page)}</td>'
            f'<td>{_e(f.title)}</td><td>{_e(f.message)}</td><td class="mark">{html.escape(label)}</td></tr>')


def _filters(findings: list[Finding], w: dict[str, str]) -> str:
    def select(ident: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
        return (f'<label>{label} <select id="{ident}"><option value="">{w["all"]}</option>{opts}</select>'
                f'</label>')

    rules = sorted({f.rule for f in findings})
    return ('<p class="filters">'
            + select("f-family", w["family"], [("document", w["document_short"]), ("reading", w["reading_short"])])
            + select("f-rule", w["rule"], [(r, r) for r in rules])
            + select("f-severity", w["severity"], [(s, w[s]) for s in ("error", "warning", "info")])
            + f'<label><input type="checkbox" id="hide-reviewed"> {w["hide_reviewed"]}</label></p>')


def _orphans(review: Review, w: dict[str, str]) -> list[str]:
    parts = []
    if review.orphans:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in (*m.key, w[m.mark], m.note))
                       + "</tr>" for m in review.orphans)
        parts.append(f'<h2 id="orphans">{w["orphans"]}</h2><p>{w["orphans_help"]}</p><table><thead><tr>'
                     "<th>doc_id</th><th>rule</th><th>delib_id</th><th>block</th><th>page</th><th>mark</th>"
                     f"<th>note</th></tr></thead><tbody>{rows}</tbody></table>")
    if review.problems:
        parts.append(f'<h2>{w["review_problems"]}</h2><ul>'
                     + "".join(f"<li>{html.escape(p)}</li>" for p in review.problems) + "</ul>")
    return parts


def first_of_each_content(results: list[FileResult]) -> list[FileResult]:
    """One result per doc_id (the same content given under two names), in order."""
    seen: dict[str, FileResult] = {}
    for r in results:
        seen.setdefault(r.document.doc_id, r)
    return list(seen.values())


def index_html(results: list[FileResult], stems: dict[str, str], review: Review, lang: str, out_dir: Path) -> str:
    """The page (``results`` in output order, ``stems`` the report names by doc_id). Every input file has its row
    (the same content given under two names: two rows, one report); each failure is listed once."""
    w = words(lang)
    unique = first_of_each_content(results)
    failed = [(f, r) for r in unique for f in r.rows.get("findings", []) if f.status == "fail"]
    parts = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{w["index_title"]}</title>'
             f"<style>{STYLE}</style>{SCRIPT}</head><body><h1>{w['index_title']}</h1>"]
    if (Path(out_dir) / "members.html").is_file():
        parts.append(f'<p><a href="members.html">{w["members"]}</a></p>')
    n_doc = sum(f.family != "reading" for f, _ in failed)
    parts.append(f"<p>{len(results)} {w['files'].lower()} · {w['document_short']} : <strong>{n_doc}</strong> "
                 f"{w['failed']} · {w['reading_short']} : <strong>{len(failed) - n_doc}</strong> {w['failed']}</p>")
    parts.append(f'<div class="chart" aria-label="{w["chart"]}">{failures_chart([f for f, _ in failed], lang)}</div>')
    parts.append(_filters([f for f, _ in failed], w))
    heads = [w["file"], w["collectivite"], w["sitting"], w["kind"], w["status"], w["pages"], w["document_short"],
             w["reading_short"], w["reviewed"]]
    parts.append(f'<h2>{w["files"]}</h2><table id="files"><thead><tr>'
                 + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr></thead><tbody>"
                 + "".join(_file_row(r, stems[r.document.doc_id], review, lang) for r in results)
                 + "</tbody></table>")
    heads = [w["file"], w["family"], w["severity"], w["rule"], w["page"], w["deliberation"], w["message"],
             w["reviewed"]]
    parts.append(f'<h2>{w["findings"]}</h2><table id="findings"><thead><tr>'
                 + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr></thead><tbody>"
                 + "".join(_finding_row(f, Path(r.document.source_file or r.document.doc_id).name,
                                        stems[r.document.doc_id], review, lang) for f, r in failed)
                 + "</tbody></table>")
    parts += _orphans(review, w)
    parts.append("</body></html>\n")
    return "".join(parts)
