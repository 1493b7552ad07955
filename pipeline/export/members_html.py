"""The members view of a run: ``members.html`` (one row per member, sortable by any column) and
``members/<member_id>.html`` (a member's sittings in time order, with a small attendance-over-time chart).

The chart is a small SVG written directly and inlined in the page, so the HTML works offline; it carries no
date and no random id, so two runs on the same inputs write the same files.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pandas as pd

from models.records import Member
from pipeline.export.csv_tables import atomic_write_text, format_value

PAGE_DIR = "members"
STATUS_LEVEL = {"present": 1.0, "excused": 0.5, "excused_no_vote": 0.5, "absent": 0.0}
STATUS_COLOUR = {"present": "#2e7d32", "excused": "#f9a825", "excused_no_vote": "#f9a825", "absent": "#c62828"}
STYLE = """body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}
th{background:#f3f3f3;cursor:pointer}td.n{text-align:right}.chart svg{max-width:100%;height:auto}"""
SORT_SCRIPT = """<script>
document.querySelectorAll('table.sortable th').forEach((th, col) => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], rows = Array.from(body.rows);
  const dir = th.dataset.dir === 'asc' ? -1 : 1; th.dataset.dir = dir === 1 ? 'asc' : 'desc';
  const val = r => r.cells[col].dataset.v ?? r.cells[col].textContent;
  rows.sort((a, b) => { const x = val(a), y = val(b), nx = parseFloat(x), ny = parseFloat(y);
    return dir * (isNaN(nx) || isNaN(ny) ? x.localeCompare(y, 'fr') : nx - ny); });
  rows.forEach(r => body.appendChild(r));
}));
</script>"""
COLUMNS = ["name", "collectivite", "sessions", "present", "excused", "absent", "attendance_rate", "proxies_given",
           "proxies_held", "recusals", "votes_contre", "votes_abstention", "first_session", "last_session"]


def _h(value: object) -> str:
    return html.escape(format_value(value))


def attendance_rate(member: Member) -> float | None:
    """Share of the member's listed sittings where they were present."""
    return round(member.present / member.sessions, 3) if member.sessions else None


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n")


def _cell(member: Member, column: str) -> str:
    if column == "name":
        return (f'<td><a href="{PAGE_DIR}/{html.escape(member.member_id)}.html">{_h(member.name)}</a></td>')
    value = attendance_rate(member) if column == "attendance_rate" else getattr(member, column)
    if column == "attendance_rate" and value is not None:
        return f'<td class="n" data-v="{value}">{value:.0%}</td>'
    numeric = isinstance(value, int) and not isinstance(value, bool)
    return f'<td class="n">{_h(value)}</td>' if numeric else f"<td>{_h(value)}</td>"


def members_index(members: list[Member]) -> str:
    """members.html: one row per member; a click on a column header sorts by it."""
    head = "".join(f"<th>{c.replace('_', ' ')}</th>" for c in COLUMNS)
    rows = "\n".join("<tr>" + "".join(_cell(m, c) for c in COLUMNS) + "</tr>" for m in members)
    body = (f"<h1>Members</h1><p>{len(members)} members across the files of this run. Sittings count each "
            "sitting once; a proxy given counts as excused. Click a column to sort.</p>"
            f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>'
            f"{SORT_SCRIPT}")
    return _page("Members", body)


SITTING_COLUMNS = ["sitting", "date", "status", "proxy_given", "proxies_held", "recusals", "contre", "abstention",
                   "files"]


def sittings(events: pd.DataFrame) -> dict[str, list]:
    """Each member's sittings in time order, by member_id, from the events of the run
    (``pipeline.members.Roster.events``): date, status (the best of the sitting, empty where the member is in no
    list), proxy given, proxies held, recusals, named votes against and abstentions, files. Counted once over the
    whole run (one groupby per column), then split by member into rows (named tuples of ``SITTING_COLUMNS``):
    a page is a few rows, and a DataFrame per member cost more than the page."""
    if events.empty:
        return {}
    keys = ["member_id", "sitting"]
    att = events[events.role == "attendance"].copy()
    att["rank"] = att.status.map({s: i for i, s in enumerate(STATUS_LEVEL)}).fillna(len(STATUS_LEVEL))
    best = att.sort_values(["rank", "doc_id"]).drop_duplicates(keys).set_index(keys)
    named = events[events.role != "proxy"]
    votes = events[events.role == "vote"]
    out = pd.DataFrame(index=pd.MultiIndex.from_frame(events[keys].drop_duplicates()).sort_values())
    out["date"] = events.dropna(subset=["date"]).groupby(keys).date.first()
    out["status"] = best.status
    out["proxy_given"] = att.groupby(keys).proxy_given.any()
    out["proxies_held"] = events[events.role == "proxy"].drop_duplicates(keys + ["giver"]).groupby(keys).size()
    out["recusals"] = events[events.role == "recusal"].groupby(keys).size()
    out["contre"] = votes[votes.position == "contre"].groupby(keys).size()
    out["abstention"] = votes[votes.position == "abstention"].groupby(keys).size()
    out["files"] = named.groupby(keys).source_file.agg(lambda s: ";".join(sorted(set(s))))
    out = out.reset_index()
    out = out.astype(object).where(out.notna(), None)
    out["order"] = out.date.map(lambda d: d.isoformat() if d else "9999")
    out = out.sort_values(["member_id", "order", "sitting"])
    by_member: dict[str, list] = {}
    for member, row in zip(out.member_id, out[SITTING_COLUMNS].itertuples(index=False, name="Sitting")):
        by_member.setdefault(member, []).append(row)
    return by_member


CHART = {"width": 600, "height": 140, "left": 70, "right": 12, "top": 12, "bottom": 28}


def attendance_chart(rows: list) -> str:
    """An inline SVG: each dated sitting a dot at present / excused / absent, joined in time order, with the
    years (or, within one year, the months) marked below ("" for fewer than two dated sittings: nothing to follow
    over time). Written directly: a run draws one chart per member, and a plotting library's figure costs 40 ms
    each. No date and no random id in it, so two runs write the same bytes."""
    dated = [r for r in rows if r.date is not None]
    if len(dated) < 2:
        return ""
    w, h = CHART["width"], CHART["height"]
    x0, x1, y0, y1 = CHART["left"], w - CHART["right"], CHART["top"], h - CHART["bottom"]
    dates, statuses = [r.date for r in dated], [r.status for r in dated]
    days = [d.toordinal() for d in dates]
    first, span = min(days), max(max(days) - min(days), 1)
    xs = [x0 + (x1 - x0) * (d - first) / span for d in days]
    ys = [y1 - (y1 - y0) * STATUS_LEVEL.get(s, 0.0) for s in statuses]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
             'font-family="sans-serif" font-size="10" role="img" aria-label="attendance over time">']
    for level, label in ((1.0, "present"), (0.5, "excused"), (0.0, "absent")):
        y = y1 - (y1 - y0) * level
        parts.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" stroke="#eee"/>'
                     f'<text x="{x0 - 6}" y="{y + 3:.1f}" text-anchor="end">{label}</text>')
    for x, label in _time_marks(min(dates), max(dates), first, span, x0, x1):
        parts.append(f'<line x1="{x:.1f}" y1="{y1}" x2="{x:.1f}" y2="{y1 + 4}" stroke="#999"/>'
                     f'<text x="{x:.1f}" y="{y1 + 16}" text-anchor="middle">{label}</text>')
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
    parts.append(f'<polyline points="{points}" fill="none" stroke="#999" stroke-width="0.8"/>')
    for x, y, status, date in zip(xs, ys, statuses, dates):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{STATUS_COLOUR.get(status, "#999")}">'
                     f"<title>{date.isoformat()} {html.escape(str(status))}</title></circle>")
    return "".join(parts) + "</svg>"


def _time_marks(start, end, first: int, span: int, x0: float, x1: float) -> list[tuple[float, str]]:
    """Where the axis marks the time: each 1 January between the first and last sitting, or each month's first
    day when they fall in one year (at most 12 marks either way)."""
    if end.year > start.year:
        step = max(1, (end.year - start.year + 1) // 12 + 1)
        marks = [(date(y, 1, 1), str(y)) for y in range(start.year + 1, end.year + 1, step)]
        marks = marks or [(start, str(start.year))]
    else:
        marks = [(date(start.year, m, 1), f"{m:02d}/{start.year}") for m in range(start.month, end.month + 1)]
    return [(x0 + (x1 - x0) * (d.toordinal() - first) / span, label) for d, label in marks
            if 0 <= d.toordinal() - first <= span] or [(x0, start.isoformat())]


def _sitting_row(r) -> str:
    cells = [_h(r.date), _h(r.status), "yes" if r.proxy_given else ""]
    cells += [f'<td class="n">{int(v)}</td>' if v else "<td></td>"
              for v in (r.proxies_held, r.recusals, r.contre, r.abstention)]
    return ("<tr>" + "".join(f"<td>{c}</td>" for c in cells[:3]) + "".join(cells[3:])
            + f"<td>{_h(r.files)}</td></tr>")


def member_page(member: Member, rows: list) -> str:
    """A member's page (``rows``: the member's sittings, see ``sittings``)."""
    listed = [r for r in rows if r.status is not None]
    table = "\n".join(_sitting_row(r) for r in rows)
    facts = "".join(f"<tr><th>{c.replace('_', ' ')}</th>{_cell(member, c)}</tr>" for c in COLUMNS[1:])
    head = "".join(f"<th>{h}</th>" for h in ("date", "status", "proxy given", "proxies held", "recusals",
                                             "votes against", "abstentions", "file"))
    body = (f'<p><a href="../members.html">All members</a></p><h1>{_h(member.name)}</h1>'
            f"<p>Printed as: {_h('; '.join(member.variants or []))}</p><table>{facts}</table>"
            f'<h2>Attendance over time</h2><div class="chart">{attendance_chart(listed)}</div>'
            f"<h2>Sittings</h2><table><thead><tr>{head}</tr></thead><tbody>\n{table}\n</tbody></table>")
    return _page(member.name, body)


def write_members_index(roster, out_dir: Path) -> list[Path]:
    """members.html (written before the reports: index.html links it when it exists)."""
    index = Path(out_dir) / "members.html"
    atomic_write_text(index, members_index(roster.members))
    return [index]


def write_member_pages(roster, out_dir: Path) -> list[Path]:
    """One page per member under members/; the pages of members of an earlier run into the same folder are
    removed."""
    out_dir = Path(out_dir)
    written = []
    by_member = sittings(roster.events)
    for member in roster.members:
        path = out_dir / PAGE_DIR / f"{member.member_id}.html"
        atomic_write_text(path, member_page(member, by_member.get(member.member_id, [])))
        written.append(path)
    for stale in (out_dir / PAGE_DIR).glob("*.html"):  # members of an earlier run into the same folder
        if stale not in written:
            stale.unlink()
    return written
