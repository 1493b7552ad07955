"""Attendance read from the layouts real minutes print it in, scored against ground truth.

    python bench/layouts.py [GOLD_OR_DIR ...] [--out DIR] [--scan N] [--votes] [--keep]

Each ground-truth file (``*.gold.json``, the format of ../shared/corpus/GOLD.md; default: the corpus's) gives a
sitting's members and their status. They are set out as minutes print attendance, one PDF per layout, with the
sitting's date, president and secretary around them, and nothing taken from the pipeline:

- ``table``: a ruled table "Nom Prénom | Présent | Excusé | Absent | Pouvoir donné à" with an X in the member's
  column (a long roster goes on over the next page without repeating its header);
- ``cols``: each list under its heading, its names in two columns without rules or commas;
- ``margin``: a box of counts in the left margin beside the opening sentence and the lists;
- ``lines``: each list under its heading, a name a line after a dash;
- ``status``: a ruled table "Conseillers municipaux | Présence" with the status in words ("Pouvoir à X");
- ``codes``: the same with the codes its header gives ("Présence (P, A, E)");
- ``labels`` / ``labels-open``: each list's heading in a cell left of its names (ruled, or not);
- ``leaders``: a roll call, a member and their status in words a row.

``--votes``: instead, each sitting's decisions (the gold's titles, three of its own when it has none) with a tally
that differs from one decision to the next, printed as a ruled table "Votants | Pour | Contre | Abstention", the
same two rows without rules, "Vote : Pour : 12 – Contre : 1 – Abstention : 0", or "Adopté par 12 voix pour, …";
the measure is then the printed tallies.

``delib extract`` reads them (``--scan N``: also N sittings' layouts rasterised at 200 dpi with scanner noise by
``samples/make_scan.py``, read by OCR), ``../shared/tools/score_gold.py`` scores the run, and the mean F1 of each
layout is printed. The generated files go to ``--out`` (a temporary folder by default, removed unless
``--keep``). This measures the geometry readers on many names, not the wording of headings: every layout prints
the same headings.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
WIDTH, HEIGHT = A4
FONT, BOLD, SIZE, LEAD = "Helvetica", "Helvetica-Bold", 10, 13
LEFT, BOTTOM = 60, 60
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def wrap(text: str, width: float, font: str = FONT) -> list[str]:
    out, current = [], ""
    for word in text.split():
        joined = f"{current} {word}".strip()
        if stringWidth(joined, font, SIZE) <= width or not current:
            current = joined
        else:
            out.append(current)
            current = word
    return out + [current] if current else out


class Page:
    """A reportlab canvas with a cursor that goes down the page and on to the next one."""

    def __init__(self, path: Path) -> None:
        self.canvas = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.y = HEIGHT - 60

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.canvas.showPage()
            self.y = HEIGHT - 60

    def text(self, x: float, text: str, font: str = FONT, size: float = SIZE) -> None:
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.y, text)

    def paragraph(self, text: str, x: float = LEFT, width: float = WIDTH - 2 * LEFT, font: str = FONT,
                  after: float = 6) -> None:
        for line in wrap(text, width, font):
            self.need(LEAD)
            self.text(x, line, font)
            self.y -= LEAD
        self.y -= after


class Sitting:
    """The ground truth of one sitting: its lists (the excused who gave a proxy apart) and its header."""

    def __init__(self, gold: dict) -> None:
        attendance = gold["attendance"]
        self.proxy = {p["from"]: p.get("to") for p in attendance.get("proxies", [])}
        self.present = attendance["present"]
        self.excused = [n for n in attendance["excused"] if n not in self.proxy]
        self.gave = [n for n in attendance["excused"] if n in self.proxy]
        self.absent = attendance["absent"]
        self.gold = gold

    def proxy_text(self, name: str, joint: str = "à") -> str:
        return f"{name} {joint} {self.proxy[name]}" if self.proxy.get(name) else name

    def head(self, page: Page, x: float = LEFT, width: float = WIDTH - 2 * LEFT) -> None:
        gold = self.gold
        page.paragraph((gold.get("collectivite") or "Commune de Valbois").upper(), x, width, BOLD)
        day = datetime.date.fromisoformat(gold["session_date"]) if gold.get("session_date") else None
        date = f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else "12 mars 2019"
        page.paragraph(f"PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU {date.upper()}", x, width, BOLD)
        chair = f", sous la présidence de {gold['president']}, Maire." if gold.get("president") else "."
        page.paragraph(f"Le {date}, à 20 heures, le Conseil Municipal, régulièrement convoqué, s'est réuni en séance "
                       f"publique à la mairie{chair}", x, width)

    def tail(self, page: Page, x: float = LEFT, width: float = WIDTH - 2 * LEFT) -> None:
        if self.gold.get("secretary"):
            page.paragraph(f"Secrétaire de séance : {self.gold['secretary']}", x, width)
        page.paragraph("1. Approbation du procès-verbal de la séance précédente", x, width, BOLD)
        page.paragraph("Le procès-verbal de la séance précédente est adopté à l'unanimité.", x, width)


def ruled_rows(page: Page, columns: list[float], header: list[str], rows: list[list[str]]) -> None:
    """A ruled table from the cursor down, over as many pages as it needs (the header printed once)."""
    height = 15

    def rule(y: float) -> None:
        page.canvas.line(columns[0], y, columns[-1], y)

    def cells(y: float, texts: list[str], font: str) -> None:
        page.canvas.setFont(font, 9)
        for x, text in zip(columns, texts):
            page.canvas.drawString(x + 3, y - 11, text)

    top = y = page.y + 10
    rule(y)
    cells(y, header, BOLD)
    y -= height
    rule(y)
    for row in rows:
        if y - height < BOTTOM:
            for x in columns:
                page.canvas.line(x, top, x, y)
            page.canvas.showPage()
            top = y = HEIGHT - 60
            rule(y)
        cells(y, row, FONT)
        y -= height
        rule(y)
    for x in columns:
        page.canvas.line(x, top, x, y)
    page.y = y - 20


def table(page: Page, s: Sitting) -> None:
    s.head(page)
    rows = [[n, "X", "", "", ""] for n in s.present] + [[n, "", "X", "", ""] for n in s.excused] \
        + [[n, "", "X", "", s.proxy[n] or ""] for n in s.gave] + [[n, "", "", "X", ""] for n in s.absent]
    ruled_rows(page, [60, 230, 285, 345, 395, WIDTH - 60],
               ["Nom Prénom", "Présent", "Excusé", "Absent", "Pouvoir donné à"], rows)
    s.tail(page)


def columns(page: Page, s: Sitting) -> None:
    s.head(page)
    for heading, names in (("Étaient présents :", s.present), ("Absents excusés :", s.excused),
                           ("Pouvoirs :", [s.proxy_text(n) for n in s.gave]), ("Absents :", s.absent)):
        if not names:
            continue
        page.paragraph(heading, font=BOLD, after=2)
        for k in range(0, len(names), 2):
            page.need(LEAD)
            for x, name in zip((80, 320), names[k:k + 2]):
                page.text(x, name)
            page.y -= LEAD
        page.y -= 6
    s.tail(page)


def margin(page: Page, s: Sitting) -> None:
    seats = len(s.present) + len(s.excused) + len(s.gave) + len(s.absent)
    box = ["Nombre de conseillers", f"En exercice : {seats}", f"Présents : {len(s.present)}",
           f"Votants : {len(s.present) + len(s.gave)}", "Date de convocation :", "5 mars 2019"]
    for k, line in enumerate(box):
        page.canvas.setFont(FONT, 8)
        page.canvas.drawString(40, page.y - 70 - 11 * k, line)
    x, width = 170, WIDTH - 60 - 170
    s.head(page, x, width)
    for heading, names in (("Étaient présents", s.present), ("Absents excusés", s.excused),
                           ("Absents ayant donné pouvoir", [s.proxy_text(n) for n in s.gave]), ("Absents", s.absent)):
        if names:
            page.paragraph(f"{heading} : {', '.join(names)}.", x, width)
    s.tail(page, x, width)


def lines(page: Page, s: Sitting) -> None:
    s.head(page)
    for heading, names in (("Présents :", s.present), ("Excusés :", s.excused), ("Absents :", s.absent),
                           ("Procurations :", [s.proxy_text(n, "donne pouvoir à") for n in s.gave])):
        if names:
            page.paragraph(heading, font=BOLD, after=2)
            for name in names:
                page.paragraph(f"- {name}", x=75, after=0)
            page.y -= 6
    s.tail(page)


def said(s: Sitting) -> list[tuple[str, str]]:
    """Each member and their status in words."""
    return [(n, "Présent") for n in s.present] + [(n, "Excusé") for n in s.excused] \
        + [(n, f"Pouvoir à {s.proxy[n]}" if s.proxy[n] else "Excusé") for n in s.gave] \
        + [(n, "Absent") for n in s.absent]


def status(page: Page, s: Sitting) -> None:
    s.head(page)
    ruled_rows(page, [60, 260, WIDTH - 60], ["Conseillers municipaux", "Présence"], [list(row) for row in said(s)])
    s.tail(page)


def codes(page: Page, s: Sitting) -> None:
    s.head(page)
    rows = [[name, {"Présent": "P", "Excusé": "E", "Absent": "A"}.get(words, words)] for name, words in said(s)]
    ruled_rows(page, [60, 260, WIDTH - 60], ["Nom", "Présence (P, A, E)"], rows)
    s.tail(page)


def labels(page: Page, s: Sitting, ruled: bool) -> None:
    s.head(page)
    x0, x1, x2 = LEFT, 160, WIDTH - LEFT
    for label, names in (("Présents", s.present), ("Excusés", s.excused),
                         ("Pouvoirs", [s.proxy_text(n) for n in s.gave]), ("Absents", s.absent)):
        if not names:
            continue
        text = wrap(", ".join(names), x2 - x1 - 10)
        height = LEAD * len(text) + 6
        page.need(height)
        if ruled:
            page.canvas.rect(x0, page.y + 10 - height, x2 - x0, height)
            page.canvas.line(x1, page.y + 10, x1, page.y + 10 - height)
        page.text(x0 + 3, label, BOLD)
        for k, line in enumerate(text):
            page.canvas.setFont(FONT, SIZE)
            page.canvas.drawString(x1 + 5, page.y - LEAD * k, line)
        page.y -= height
    page.y -= 10
    s.tail(page)


def roll_call(page: Page, s: Sitting) -> None:
    s.head(page)
    page.paragraph("Appel nominal :", font=BOLD, after=2)
    for name, words in said(s):
        page.need(LEAD)
        page.text(80, name)
        page.text(330, words.lower())
        page.y -= LEAD
    page.y -= 6
    s.tail(page)


DEFAULT_ITEMS = ("Vente d'un terrain communal", "Tarifs du cimetière", "Subvention au club de football")


def tallies(s: Sitting) -> list[tuple[str, int, int, int]]:
    """(title, pour, contre, abstention) of each decision: the gold's titles (three of its own when it has none),
    tallies that differ from one decision to the next and add up to at most the members voting."""
    voters = len(s.present) + len(s.gave)
    titles = [d.get("title") or f"Point {k + 1}" for k, d in enumerate(s.gold.get("deliberations", []))] \
        or list(DEFAULT_ITEMS)
    out = []
    for k, title in enumerate(titles[:8]):
        contre, abstention = k % 3, (k + 1) % 2
        out.append((title, max(voters - contre - abstention - k % 2, 1), contre, abstention))
    return out


def items(page: Page, s: Sitting, vote: Callable[[Page, int, int, int], None]) -> None:
    """The sitting's lists a name a line, then each decision: its title, its sentence, its vote as ``vote`` sets it."""
    lines_only = Sitting(dict(s.gold, secretary=None))
    s.head(page)
    for heading, names in (("Présents :", s.present), ("Excusés :", s.excused), ("Absents :", s.absent),
                           ("Procurations :", [s.proxy_text(n, "donne pouvoir à") for n in s.gave])):
        if names:
            page.paragraph(f"{heading} {', '.join(names)}.")
    for k, (title, pour, contre, abstention) in enumerate(tallies(lines_only)):
        page.paragraph(f"{k + 1}. {title}", font=BOLD)
        page.paragraph("Le Conseil Municipal, après en avoir délibéré, approuve la proposition.")
        vote(page, pour, contre, abstention)


def _vote_table(page: Page, pour: int, contre: int, abstention: int, ruled: bool) -> None:
    page.need(2 * LEAD + 20)
    xs = [80, 170, 240, 320, 420]
    rows = (["Votants", "Pour", "Contre", "Abstention"], [str(pour + contre + abstention), str(pour), str(contre),
                                                          str(abstention)])
    top = page.y + 10
    for r, row in enumerate(rows):
        for x, text in zip(xs, row):
            page.canvas.setFont(BOLD if r == 0 else FONT, SIZE)
            page.canvas.drawString(x + 3, page.y - 1, text)
        page.y -= 15
    if ruled:
        for y in (top, top - 15, top - 30):
            page.canvas.line(xs[0], y, xs[-1], y)
        for x in xs:
            page.canvas.line(x, top, x, top - 30)
    page.y -= 10


VOTE_LAYOUTS: dict[str, Callable[[Page, int, int, int], None]] = {
    "vote-table": lambda page, p, c, a: _vote_table(page, p, c, a, True),
    "vote-rows": lambda page, p, c, a: _vote_table(page, p, c, a, False),
    "vote-line": lambda page, p, c, a: page.paragraph(f"Vote : Pour : {p} – Contre : {c} – Abstention : {a}"),
    "vote-words": lambda page, p, c, a: page.paragraph(
        f"Adopté par {p} voix pour, {c} voix contre et {a} abstention{'s' if a > 1 else ''}."),
}


LAYOUTS: dict[str, Callable[[Page, Sitting], None]] = {
    "table": table, "cols": columns, "margin": margin, "lines": lines, "status": status, "codes": codes,
    "labels": lambda page, s: labels(page, s, True), "labels-open": lambda page, s: labels(page, s, False),
    "leaders": roll_call}
MIN_MEMBERS = 4


def gold_files(sources: list[str]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        found.extend(sorted(path.rglob("*.gold.json")) if path.is_dir() else [path])
    return found


def write_layouts(golds: list[Path], out: Path, votes: bool = False) -> dict[str, list[str]]:
    """Every layout of every sitting with enough members, as ``out/<sitting>--<layout>.pdf`` and its gold (the
    attendance of the source, one decision: the approval the generated text prints). ``votes``: the vote layouts
    instead, each decision's tally as the gold then says."""
    if votes:
        return _write_vote_layouts(golds, out)
    made: dict[str, list[str]] = defaultdict(list)
    for path, gold in _sittings(golds):
        stem = _stem(path)
        for layout, draw in LAYOUTS.items():
            name = f"{stem}--{layout}.pdf"
            page = Page(out / name)
            draw(page, Sitting(gold))
            page.canvas.save()
            written = dict(gold, file=name, counts_printed=None, deliberations=[
                {"delib_id": None, "title": "Approbation du procès-verbal", "pour": None, "contre": None,
                 "abstention": None, "unanimous": True, "not_voting": [], "outcome": "adopted"}])
            (out / f"{name}.gold.json").write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
            made[stem].append(name)
    return made


def _write_vote_layouts(golds: list[Path], out: Path) -> dict[str, list[str]]:
    made: dict[str, list[str]] = defaultdict(list)
    for path, gold in _sittings(golds):
        stem = _stem(path)
        sitting = Sitting(gold)
        for layout, vote in VOTE_LAYOUTS.items():
            name = f"{stem}--{layout}.pdf"
            page = Page(out / name)
            items(page, sitting, vote)
            page.canvas.save()
            decisions = [{"delib_id": None, "title": title, "pour": p, "contre": c, "abstention": a,
                          "unanimous": False, "not_voting": [], "outcome": "adopted"}
                         for title, p, c, a in tallies(sitting)]
            written = dict(gold, file=name, counts_printed=None, secretary=None, deliberations=decisions)
            (out / f"{name}.gold.json").write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
            made[stem].append(name)
    return made


def _sittings(golds: list[Path]):
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        attendance = gold["attendance"]
        if attendance["present"] and sum(len(attendance[k]) for k in ("present", "excused", "absent")) >= MIN_MEMBERS:
            yield path, gold


def _stem(path: Path) -> str:
    return re.sub(r"[^\w.-]+", "_", re.sub(r"(\.pdf)?\.gold\.json$", "", path.name))


def score(folder: Path, run: Path, measure: str = "attendance") -> dict[str, float]:
    """Mean attendance F1 per layout (``score_gold.py``'s per-file lines)."""
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(run), "--quiet",
                    "--timeout", "900"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    report = subprocess.run([sys.executable, str(SHARED / "tools" / "score_gold.py"), str(run), str(folder)],
                            capture_output=True, text=True, check=True).stdout
    by_layout: dict[str, list[float]] = defaultdict(list)
    for m in re.finditer(r"^\S+--(?P<layout>[\w-]+)\.pdf\s+read (?P<figures>.*)$", report, re.M):
        figures = dict(kv.split("=") for kv in m.group("figures").split())
        by_layout[m.group("layout")].append(float(figures[measure]))
    return {layout: sum(v) / len(v) for layout, v in by_layout.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", default=[str(SHARED / "corpus")])
    parser.add_argument("--out", type=Path, help="where the layouts and the runs go (default: a temporary folder)")
    parser.add_argument("--scan", type=int, default=0, help="also scan this many sittings' layouts and read them by OCR")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--votes", action="store_true",
                        help="the vote layouts instead (a tally per decision), scored on the printed tallies")
    args = parser.parse_args(argv)
    if not (SHARED / "tools" / "score_gold.py").exists():
        print("../shared/tools/score_gold.py is missing: nothing to score with", file=sys.stderr)
        return 1
    out = args.out or Path(tempfile.mkdtemp(prefix="delib-layouts-"))
    text, scans = out / "text", out / "scans"
    text.mkdir(parents=True, exist_ok=True)
    try:
        made = write_layouts(gold_files(args.sources), text, votes=args.votes)
        measure = "votes" if args.votes else "attendance"
        print(f"{len(made)} sittings, {sum(len(v) for v in made.values())} PDFs, mean {measure} F1")
        results = {"text": score(text, out / "run-text", measure)}
        if args.scan:
            sys.path.insert(0, str(REPO / "samples"))
            from make_scan import scan_pdf

            scans.mkdir(exist_ok=True)
            for stem in random.Random(7).sample(sorted(made), min(args.scan, len(made))):
                for name in made[stem]:
                    scan_pdf(text / name, scans / name, pages=None, dpi=200, angle=0.4)
                    shutil.copy(text / f"{name}.gold.json", scans / f"{name}.gold.json")
            results["scan"] = score(scans, out / "run-scan", measure)
        print(f"{'layout':<12}" + "".join(f"{kind:>8}" for kind in results))
        for layout in VOTE_LAYOUTS if args.votes else LAYOUTS:
            print(f"{layout:<12}" + "".join(f"{results[kind].get(layout, float('nan')):8.3f}" for kind in results))
    finally:
        if not args.keep and not args.out:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
