"""The members view of a run: ``members.html`` (one row per member, sortable by any column) and
``members/<member_id>.html`` (a member's sittings in time order, with a small attendance-over-time chart).

The chart is drawn by matplotlib (Agg backend) and saved as an SVG string inlined in the page, so the HTML works
offline; the SVG carries no date and fixed ids (``svg.hashsalt``), so two runs on the same inputs write the
same files.
"""

from __future__ import annotations

import html
import io
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


def sittings(events: pd.DataFrame) -> pd.DataFrame:
    """A member's sittings in time order, from the member's events (``pipeline.members.Roster.events``): date,
    status (the best of the sitting, empty where the member is in no list), proxy given, proxies held,
    recusals, named votes against and abstentions, files."""
    if events.empty:
        return pd.DataFrame(columns=SITTING_COLUMNS)
    att = events[events.role == "attendance"].copy()
    att["rank"] = att.status.map({s: i for i, s in enumerate(STATUS_LEVEL)}).fillna(len(STATUS_LEVEL))
    best = att.sort_values(["rank", "doc_id"]).drop_duplicates("sitting").set_index("sitting")
    named = events[events.role != "proxy"]
    votes = events[events.role == "vote"]
    out = pd.DataFrame(index=pd.Index(sorted(events.sitting.unique()), name="sitting"))
    out["date"] = events.dropna(subset=["date"]).groupby("sitting").date.first()
    out["status"] = best.status
    out["proxy_given"] = att.groupby("sitting").proxy_given.any()
    out["proxies_held"] = events[events.role == "proxy"].drop_duplicates(["sitting", "giver"]).groupby(
        "sitting").size()
    out["recusals"] = events[events.role == "recusal"].groupby("sitting").size()
    out["contre"] = votes[votes.position == "contre"].groupby("sitting").size()
    out["abstention"] = votes[votes.position == "abstention"].groupby("sitting").size()
    out["files"] = named.groupby("sitting").source_file.agg(lambda s: ";".join(sorted(set(s))))
    out = out.reset_index().astype(object).where(out.reset_index().notna(), None)
    out["order"] = out.date.map(lambda d: d.isoformat() if d else "9999")
    return out.sort_values(["order", "sitting"]).drop(columns="order").reset_index(drop=True)[SITTING_COLUMNS]


def attendance_chart(rows: pd.DataFrame) -> str:
    """An inline SVG: each dated sitting a dot at present / excused / absent, in time order ("" for fewer than
    two dated sittings: nothing to follow over time)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    dated = rows[rows.date.notna()]
    if len(dated) < 2:
        return ""
    x = pd.to_datetime(dated.date.map(lambda d: d.isoformat()))
    y = dated.status.map(STATUS_LEVEL)
    with matplotlib.rc_context({"svg.hashsalt": "delib", "svg.fonttype": "none", "font.size": 8}):
        fig = Figure(figsize=(6, 1.4))
        fig.subplots_adjust(left=0.12, right=0.98, top=0.92, bottom=0.2)
        ax = fig.add_subplot()
        ax.plot(x, y, color="#999", linewidth=0.8, zorder=1)
        ax.scatter(x, y, c=dated.status.map(STATUS_COLOUR).tolist(), s=18, zorder=2)
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.set_yticks([0, 0.5, 1], ["absent", "excused", "present"])
        ax.set_ylim(-0.25, 1.25)
        ax.spines[["top", "right"]].set_visible(False)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _sitting_row(r) -> str:
    cells = [_h(r.date), _h(r.status), "yes" if r.proxy_given else ""]
    cells += [f'<td class="n">{int(v)}</td>' if v else "<td></td>"
              for v in (r.proxies_held, r.recusals, r.contre, r.abstention)]
    return ("<tr>" + "".join(f"<td>{c}</td>" for c in cells[:3]) + "".join(cells[3:])
            + f"<td>{_h(r.files)}</td></tr>")


def member_page(member: Member, events: pd.DataFrame) -> str:
    """A member's page (``events``: the member's events of the run)."""
    rows = sittings(events)
    listed = rows[rows.status.notna()]
    table = "\n".join(_sitting_row(r) for r in rows.itertuples())
    facts = "".join(f"<tr><th>{c.replace('_', ' ')}</th>{_cell(member, c)}</tr>" for c in COLUMNS[1:])
    head = "".join(f"<th>{h}</th>" for h in ("date", "status", "proxy given", "proxies held", "recusals",
                                             "votes against", "abstentions", "file"))
    body = (f'<p><a href="../members.html">All members</a></p><h1>{_h(member.name)}</h1>'
            f"<p>Printed as: {_h('; '.join(member.variants or []))}</p><table>{facts}</table>"
            f'<h2>Attendance over time</h2><div class="chart">{attendance_chart(listed)}</div>'
            f"<h2>Sittings</h2><table><thead><tr>{head}</tr></thead><tbody>\n{table}\n</tbody></table>")
    return _page(member.name, body)


def write_members_html(roster, out_dir: Path) -> list[Path]:
    """Write members.html and one page per member under members/ (``roster``: ``pipeline.members.Roster``)."""
    out_dir = Path(out_dir)
    index = out_dir / "members.html"
    atomic_write_text(index, members_index(roster.members))
    written = [index]
    events = roster.events
    by_member = dict(tuple(events.groupby("member_id")))
    empty = events.iloc[0:0]
    for member in roster.members:
        path = out_dir / PAGE_DIR / f"{member.member_id}.html"
        atomic_write_text(path, member_page(member, by_member.get(member.member_id, empty)))
        written.append(path)
    for stale in (out_dir / PAGE_DIR).glob("*.html"):  # members of an earlier run into the same folder
        if stale not in written:
            stale.unlink()
    return written
