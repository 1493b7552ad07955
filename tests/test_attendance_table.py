"""A presence table (one row per member, a mark in the column of their status, the holder of a proxy in its own
column) is read by what its header cells say. No corpus document prints one; the table here is drawn with reportlab
in the layout such tables have (ruled grid, "Nom Prénom | Présent | Absent excusé | Absent | Pouvoir à")."""

from __future__ import annotations

import pytest

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.extract.attendance_table import column_meanings
from pipeline.process import process_file

ROWS = [
    ["Nom Prénom", "Présent", "Absent excusé", "Absent", "Pouvoir à"],
    ["DUPONT Jean", "X", "", "", ""],
    ["MARTIN Claire", "X", "", "", ""],
    ["PETIT Paul", "X", "", "", ""],
    ["DURAND Anne", "", "X", "", "Claire MARTIN"],
    ["LEROY Julie", "", "X", "", ""],
    ["GIRARD Henri", "", "", "X", ""],
]


def build(path):
    styles = getSampleStyleSheet()
    table = Table(ROWS)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph("COMMUNE DE SAINT-EXEMPLE", styles["Title"]),
             Paragraph("Procès-verbal de la séance du conseil municipal du 12 mars 2021", styles["Normal"]),
             Spacer(1, 12), table, Spacer(1, 12),
             Paragraph("1. Budget primitif 2021", styles["Normal"]),
             Paragraph("Le Conseil Municipal adopte le budget à l'unanimité.", styles["Normal"]), Spacer(1, 12),
             Paragraph("2. Tarifs de la cantine", styles["Normal"]),
             Paragraph("Le Conseil Municipal, par 4 voix pour et 1 abstention, approuve les tarifs.", styles["Normal"])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_header_cells_say_what_the_columns_mean():
    assert column_meanings(tuple(ROWS[0])) == {0: "name", 1: "present", 2: "excused", 3: "absent", 4: "proxy"}


def test_a_presence_table_gives_the_attendance(tmp_path):
    result = process_file(build(tmp_path / "presence.pdf"))
    rows = {(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]}
    assert rows == {("present", "DUPONT Jean", None), ("present", "MARTIN Claire", None),
                    ("present", "PETIT Paul", None), ("excused", "DURAND Anne", "Claire MARTIN"),
                    ("excused", "LEROY Julie", None), ("absent", "GIRARD Henri", None)}
    assert [(v.pour, v.abstention) for v in result.rows["votes"]] == [(None, None), (4, 1)]


def test_a_list_printed_in_two_columns(tmp_path):
    # names set in two columns, no comma between them: each column is an entry of its own
    styles = getSampleStyleSheet()
    columns = Table([["M. Jean DUPONT", "Mme Claire MARTIN"], ["M. Paul PETIT", "Mme Anne DURAND"],
                     ["M. Louis BERNARD", ""]], colWidths=[200, 200])
    story = [Paragraph("COMMUNE DE SAINT-EXEMPLE", styles["Title"]),
             Paragraph("Séance du conseil municipal du 12 mars 2021", styles["Normal"]), Spacer(1, 12),
             Paragraph("Présents :", styles["Normal"]), columns, Spacer(1, 12),
             Paragraph("1. Budget primitif 2021", styles["Normal"]),
             Paragraph("Le Conseil Municipal adopte le budget à l'unanimité.", styles["Normal"])]
    path = tmp_path / "columns.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    result = process_file(path)
    assert {(a.status, a.name) for a in result.rows["attendance"]} == {
        ("present", "Jean DUPONT"), ("present", "Claire MARTIN"), ("present", "Paul PETIT"),
        ("present", "Anne DURAND"), ("present", "Louis BERNARD")}


def test_a_presence_table_over_two_pages_and_initials_for_first_names(tmp_path):
    # 60 members by an initial and a surname: the table goes on over the next page without repeating its header,
    # and "M. DEGRAND" is one more initial, not "Monsieur DEGRAND"
    initials = "ABCDEGHJLMNPRST"
    members = [f"{initials[k % len(initials)]}. MEMBRE{chr(65 + k // 26)}{chr(65 + k % 26)}" for k in range(59)]
    members.append("M. DEGRAND")
    rows = [ROWS[0]] + [[name, "X", "", "", ""] if k % 10 else [name, "", "X", "", ""]
                        for k, name in enumerate(members)]
    table = Table(rows, repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    styles = getSampleStyleSheet()
    path = tmp_path / "roster.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("COMMUNE DE SAINT-EXEMPLE", styles["Title"]),
        Paragraph("Procès-verbal de la séance du conseil municipal du 12 mars 2021", styles["Normal"]),
        Spacer(1, 12), table, Spacer(1, 12), Paragraph("1. Budget primitif 2021", styles["Normal"]),
        Paragraph("Le Conseil Municipal adopte le budget à l'unanimité.", styles["Normal"])])
    result = process_file(path)
    assert len({a.page for a in result.rows["attendance"]}) == 2  # the roster runs over two pages
    assert [(a.status, a.civility, a.name) for a in result.rows["attendance"]] == [
        ("present" if k % 10 else "excused", None, name) for k, name in enumerate(members)]


def _minutes(path, *flowables):
    styles = getSampleStyleSheet()
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("COMMUNE DE SAINT-EXEMPLE", styles["Title"]),
        Paragraph("Procès-verbal de la séance du conseil municipal du 12 mars 2021", styles["Normal"]),
        Spacer(1, 12), *flowables, Spacer(1, 12), Paragraph("1. Budget primitif 2021", styles["Normal"]),
        Paragraph("Le Conseil Municipal adopte le budget à l'unanimité.", styles["Normal"])])
    return process_file(path)


# "Conseillers municipaux | Présence": one column of statuses in words, a proxy's holder after "Pouvoir à"; or the
# codes its header gives, "Présence (P, A, E)" (a proxy still in words)
STATUS_WORDS = ("Conseillers municipaux", "Présence", ("Présent", "Présente", "Absent excusé", "Absente"))
STATUS_CODES = ("Nom", "Présence (P, A, E)", ("P", "P", "E", "A"))


@pytest.mark.parametrize("column, ruled", [(STATUS_WORDS, True), (STATUS_WORDS, False), (STATUS_CODES, True)],
                         ids=["words-ruled", "words-set-with-spaces", "codes-ruled"])
def test_a_presence_column_says_each_members_status(column, ruled, tmp_path):
    # drawn with rules, or set with spaces (as OCR gives a scanned one: its header two pieces)
    name, header, (boyer, maurel, fabre, sicard) = column
    table = Table([[name, header], ["BOYER Henri", boyer], ["MAUREL Josiane", maurel], ["FABRE Julien", fabre],
                   ["TRAN Elise", "Pouvoir à BOYER Henri"], ["SICARD Lucie", sicard]], colWidths=[200, 200])
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    result = _minutes(tmp_path / "presence.pdf", table)
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "BOYER Henri", None), ("present", "MAUREL Josiane", None), ("excused", "FABRE Julien", None),
        ("excused", "TRAN Elise", "BOYER Henri"), ("absent", "SICARD Lucie", None)]


def test_each_lists_heading_in_a_cell_left_of_its_names(tmp_path):
    # a table of two columns, ruled or not: "Présents | Gilles Roumieu, …", the names in mixed case
    rows = [["Présents", "Gilles Roumieu, Sandrine Pujol-Castan, Olivier Cabanes"], ["Excusés", "Simone Arnaud"],
            ["Pouvoirs", "Dany Rigal à Olivier Cabanes"], ["Absents", "Henri Bastide"]]
    expected = [("present", "Gilles Roumieu", None), ("present", "Sandrine Pujol-Castan", None),
                ("present", "Olivier Cabanes", None), ("excused", "Simone Arnaud", None),
                ("excused", "Dany Rigal", "Olivier Cabanes"), ("absent", "Henri Bastide", None)]
    for ruled in (True, False):
        table = Table(rows, colWidths=[100, 340])
        if ruled:
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        result = _minutes(tmp_path / f"labels-{ruled}.pdf", table)
        assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == expected, ruled


def test_a_roll_call_a_member_and_their_status_a_row(tmp_path):
    # no header: a member, then their status in words, apart by a wide gap or by dot leaders
    styles = getSampleStyleSheet()
    table = Table([["MANGIN S.", "présent"], ["THIRIET J.", "présente"], ["HOLTZMANN V.", "pouvoir à MANGIN S."]],
                  colWidths=[250, 150])
    result = _minutes(tmp_path / "roll-call.pdf", Paragraph("Appel nominal :", styles["Normal"]), table)
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "MANGIN S.", None), ("present", "THIRIET J.", None), ("excused", "HOLTZMANN V.", "MANGIN S.")]
    leaders = [Paragraph(text, styles["Normal"]) for text in (
        "DUPONT Jean ............................ présent", "MARTIN Claire ............................ excusée",
        "PETIT Paul ............................ absent")]
    result = _minutes(tmp_path / "leaders.pdf", Paragraph("Appel nominal :", styles["Normal"]), *leaders)
    assert [(a.status, a.name) for a in result.rows["attendance"]] == [
        ("present", "DUPONT Jean"), ("excused", "MARTIN Claire"), ("absent", "PETIT Paul")]
