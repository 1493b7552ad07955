"""One member across an archive (issue 16): the resolver on real printed name pairs, and the members of three
councils over real minutes, counted by hand from the PDFs.

Unit tests build the rows the extraction gives (attendance, recusals, named votes) with names exactly as the
corpus prints them; each names the file the pair comes from.
"""

from __future__ import annotations

import csv
import sqlite3
from datetime import date

import pytest

from conftest import CORPUS, needs_corpus
from models.records import Attendance, Deliberation, Document, FileResult, Member, Recusal, VoteMember, columns
from pipeline.members import member_id, parse_name, resolve_members
from pipeline.normalize.names import name_key, strip_civility


# ------------------------------------------------------------------------------------------ hand-built rows


def file_result(doc_id: str, coll: str | None, day: str, attendance=(), recusals=(), votes=(),
                president: str | None = None) -> FileResult:
    """A file's rows: attendance items are (status, printed name, proxy_to); recusals printed names; votes
    (position, printed name)."""
    result = FileResult(Document(doc_id=doc_id, source_file=f"{doc_id}.pdf", status="ok"))
    delib = f"{doc_id}#1"
    result.add(Deliberation(doc_id=doc_id, delib_id=delib, collectivite=coll,
                            session_date=date.fromisoformat(day), president=president))
    for status, printed, proxy in attendance:
        civility, name = strip_civility(printed)
        result.add(Attendance(doc_id=doc_id, delib_id=None, status=status, civility=civility or None, name=name,
                              name_key=name_key(name), proxy_to=proxy, page=1))
    for printed in recusals:
        civility, name = strip_civility(printed)
        result.add(Recusal(doc_id=doc_id, delib_id=delib, block=1, civility=civility or None, name=name,
                           name_key=name_key(name), kind="recused", page=1))
    for position, printed in votes:
        civility, name = strip_civility(printed)
        result.add(VoteMember(doc_id=doc_id, delib_id=delib, block=1, position=position,
                              civility=civility or None, name=name, name_key=name_key(name), page=1))
    return result


def present(*names: str) -> list[tuple[str, str, None]]:
    return [("present", n, None) for n in names]


def ids(result: FileResult, table: str = "attendance") -> dict[str, str]:
    return {r.name: r.member_id for r in result.rows.get(table, [])}


# ------------------------------------------------------------------------------------------ printed forms


@pytest.mark.parametrize("printed, expected", [
    ("Jean-Pierre JEANROY", ("JEAN-PIERRE", "", "JEANROY", "")),  # couthenans/CR_conseil_municipal_07_10_2022
    ("DESMARES Elisabeth", ("ELISABETH", "", "DESMARES", "")),  # putanges/registre-…-16-novembre-2020
    ("Sébastien Leroux", ("SEBASTIEN", "", "LEROUX", "")),  # putanges/cr-registre-…-29-mars-2022
    ("J-L Gély", ("", "JL", "GELY", "")),  # montpellier/CR_CM_16_12_2011 p.3
    ("F. Dombre-Coste", ("", "F", "DOMBRE-COSTE", "")),  # montpellier/CR_CM_16_12_2011 p.2
    ("M. Grandin", ("", "", "GRANDIN", "")),  # putanges/cr-registre-…-29-mars-2022 (recusal)
    ("JEANROY", ("", "", "JEANROY", "")),  # couthenans/CR_reunion_20220121 ("pouvoir donné à M. JEANROY")
    ("Yves", ("", "", "", "YVES")),  # couthenans/CR_conseil_municipal_24_02_2023
    ("Jean-\n¨Pierre Gohin", ("JEAN-PIERRE", "", "GOHIN", "")),  # putanges/cr-registre-…-29-mars-2022
    ("Jean\ufffeClaude THUILLIER", ("JEAN-CLAUDE", "", "THUILLIER", "")),  # pierrefonds/CM-05-decembre-2023
])
def test_printed_forms_are_read_as_first_name_initials_surname(printed, expected):
    form = parse_name(printed)
    assert (form.first, form.initials, form.surname, form.bare) == expected


# ------------------------------------------------------------------------------------------ merge


def test_full_name_and_first_name_alone_are_one_member_across_files():
    # couthenans/CR_conseil_municipal_07_10_2022.pdf prints full names, CR_reunion_20211105.pdf first names only
    a = file_result("a", None, "2022-10-07", present("Jean-Pierre JEANROY", "Marielle SAUGET", "Marc SAUGET",
                                                     "Yves LISCHKA"))
    b = file_result("b", None, "2021-11-05", present("Jean-Pierre", "Yves", "Marc")
                    + [("excused", "Marielle", "Agnès")])
    roster = resolve_members([a, b])
    assert ids(b)["Jean-Pierre"] == ids(a)["Jean-Pierre JEANROY"]
    assert ids(b)["Yves"] == ids(a)["Yves LISCHKA"]
    assert ids(b)["Marc"] == ids(a)["Marc SAUGET"]
    assert ids(b)["Marielle"] == ids(a)["Marielle SAUGET"]
    assert len(roster.members) == 4


def test_surname_first_accents_and_case_are_one_member():
    # putanges: "Mme DESMARES Elisabeth" (registre 16-11-2020), "Madame Elisabeth Desmares" (29-03-2022),
    # "Elisabeth DESMARES" (05-12-2022); "Heloïse LONGUET" / "Héloise LONGUET" / "Héloïse LONGUET" likewise
    coll = "COMMUNE DE PUTANGES-LE-LAC"
    a = file_result("a", coll, "2020-11-16",
                    present("Heloïse LONGUET") + [("excused", "Mme DESMARES Elisabeth", None)])
    b = file_result("b", coll, "2022-03-29", present("Héloise LONGUET")
                    + [("excused", "Madame Elisabeth Desmares", None)])
    c = file_result("c", coll, "2022-12-05", present("Elisabeth DESMARES") + [("excused", "Héloïse LONGUET", None)])
    roster = resolve_members([a, b, c])
    assert len(roster.members) == 2
    desmares = next(m for m in roster.members if "DESMARES" in m.name_key)
    assert (desmares.name, desmares.sessions, desmares.present, desmares.excused) == ("Elisabeth DESMARES", 3, 1, 2)
    assert desmares.variants == ["DESMARES Elisabeth", "Elisabeth DESMARES", "Elisabeth Desmares"]


def test_initials_join_the_member_whose_first_name_they_abbreviate():
    # montpellier/CR_CM_16_12_2011.pdf: the list prints "Jean-Louis GELY", "Fanny DOMBRE-COSTE", "Hervé MARTIN",
    # "Jacques MARTIN"; the minutes then say "J-L Gély", "F. Dombre-Coste", "H. Martin", "J. Martin",
    # "ne prennent pas part au vote : M. Lévita, S. Fleurence, M. Passet"
    listed = present("Jean-Louis GELY", "Fanny DOMBRE-COSTE", "Hervé MARTIN", "Jacques MARTIN", "Max LEVITA",
                     "Serge FLEURENCE", "Michel PASSET")
    result = file_result("mtp", "VILLE DE MONTPELLIER", "2011-12-16", listed,
                         votes=[("not_voting", n) for n in ("J-L Gély", "F. Dombre-Coste", "H. Martin", "J. Martin",
                                                            "M. Lévita", "S. Fleurence", "M. Passet")])
    roster = resolve_members([result])
    att, vote = ids(result), ids(result, "vote_members")
    assert vote["J-L Gély"] == att["Jean-Louis GELY"]
    assert vote["F. Dombre-Coste"] == att["Fanny DOMBRE-COSTE"]
    assert vote["H. Martin"] == att["Hervé MARTIN"]
    assert vote["J. Martin"] == att["Jacques MARTIN"]
    assert vote["Lévita"] == att["Max LEVITA"]  # "M." read as the civility: the only LEVITA
    assert vote["S. Fleurence"] == att["Serge FLEURENCE"]
    assert vote["Passet"] == att["Michel PASSET"]
    assert len(roster.members) == 7


def test_surname_with_civility_in_a_recusal_is_the_member_of_that_surname():
    # putanges/cr-registre-des-deliberations-de-la-seance-du-29-mars-2022.pdf p.8: "M. David", "M. Grandin"
    # ne prennent pas part au vote; the list prints "Stéphane DAVID", "Philippe GRANDIN"
    result = file_result("p", "COMMUNE DE PUTANGES-LE-LAC", "2022-03-29",
                         present("Stéphane DAVID", "Philippe GRANDIN", "Sylvain GAUDIN"),
                         recusals=["M. David", "M. Grandin"])
    roster = resolve_members([result])
    assert ids(result, "recusals") == {"David": ids(result)["Stéphane DAVID"],
                                       "Grandin": ids(result)["Philippe GRANDIN"]}
    assert {m.name: m.recusals for m in roster.members} == {"Stéphane DAVID": 1, "Philippe GRANDIN": 1,
                                                            "Sylvain GAUDIN": 0}


def test_one_letter_typo_in_a_first_name_across_files_is_one_member():
    # couthenans/CR_reunion_20210129.pdf prints "Matthieu", CR_reunion_20220121.pdf "Mathieu FIGINI"
    a = file_result("a", None, "2022-01-21", present("Jean-Pierre JEANROY", "Yves LISCHKA", "Agnès MICHELOT")
                    + [("excused", "Mathieu FIGINI", "M. JEANROY")])
    b = file_result("b", None, "2021-01-29", present("Jean-Pierre", "Yves", "Agnès", "Matthieu"))
    resolve_members([a, b])
    assert ids(b)["Matthieu"] == ids(a)["Mathieu FIGINI"]


def test_accent_in_a_first_name_and_umlaut_in_a_recusal_surname():
    # pierrefonds/CM-11-avril-2023.pdf: "Laetitia PIERRON", "Joachim LÜDER" listed, recusal "M. LUDER";
    # pierrefonds/20241210-PV.pdf: "Laëtitia PIERRON"
    a = file_result("a", "Commune de Pierrefonds", "2023-04-11", present("Madame Laetitia PIERRON",
                                                                         "Monsieur Joachim LÜDER"),
                    recusals=["M. LUDER"])
    b = file_result("b", "Commune de Pierrefonds", "2024-12-10", present("Madame Laëtitia PIERRON"))
    roster = resolve_members([a, b])
    assert ids(a)["Laetitia PIERRON"] == ids(b)["Laëtitia PIERRON"]
    assert ids(a, "recusals")["LUDER"] == ids(a)["Joachim LÜDER"]
    assert len(roster.members) == 2


def test_the_mayor_named_by_office_is_the_president_of_the_sitting():
    # pierrefonds/CM-11-avril-2023.pdf: "sous la présidence de Madame Florence DEMOUY, maire"; "Madame le Maire"
    result = file_result("a", "Commune de Pierrefonds", "2023-04-11", present("Madame Florence DEMOUY"),
                         recusals=["Madame le Maire"], president="Florence DEMOUY")
    roster = resolve_members([result])
    assert ids(result, "recusals")["le Maire"] == ids(result)["Florence DEMOUY"]
    assert [(m.name, m.recusals) for m in roster.members] == [("Florence DEMOUY", 1)]


def test_proxies_given_and_held_count_once_per_sitting():
    # couthenans/CR_reunion_20220121.pdf: "Maryline LECESTRE (pouvoir donné à M. JEANROY) / Mathieu FIGINI
    # (pouvoir donné à M. JEANROY)"
    result = file_result("a", None, "2022-01-21", present("Jean-Pierre JEANROY")
                         + [("excused", "Maryline LECESTRE", "JEANROY"), ("excused", "Mathieu FIGINI", "JEANROY")])
    roster = resolve_members([result])
    by_name = {m.name: m for m in roster.members}
    assert by_name["Jean-Pierre JEANROY"].proxies_held == 2
    assert (by_name["Maryline LECESTRE"].proxies_given, by_name["Maryline LECESTRE"].excused) == (1, 1)


def test_named_votes_are_counted_per_member():
    # pierrefonds/CM-05-decembre-2023.pdf prints "Abstentions : 2 (M. X et M. Y)"-style named votes: hand-built
    result = file_result("a", "Commune de Pierrefonds", "2023-12-05", present("Monsieur Gilles PAPIN",
                                                                              "Monsieur Ronan TANGUY"),
                         votes=[("contre", "M. PAPIN"), ("abstention", "M. TANGUY"), ("abstention", "M. PAPIN")])
    roster = resolve_members([result])
    assert {m.name: (m.votes_contre, m.votes_abstention) for m in roster.members} == {
        "Gilles PAPIN": (1, 1), "Ronan TANGUY": (0, 1)}
    assert ids(result, "vote_members")["PAPIN"] == ids(result)["Gilles PAPIN"]


# ------------------------------------------------------------------------------------------ never merge


def test_two_members_with_one_surname_are_never_merged():
    # couthenans/CR_conseil_municipal_07_10_2022.pdf: "Marielle SAUGET, Marc SAUGET" in one list;
    # putanges/registre-…-16-novembre-2020.pdf: "Sylvain GAUDIN", "Dominique GAUDIN", "Sophie PICHONNIER",
    # "Sylvain PICHONNIER"
    a = file_result("a", None, "2022-10-07", present("Marielle SAUGET", "Marc SAUGET"))
    b = file_result("b", "COMMUNE DE PUTANGES-LE-LAC", "2020-11-16",
                    present("Sylvain GAUDIN", "Dominique GAUDIN", "Sophie PICHONNIER", "Sylvain PICHONNIER"))
    roster = resolve_members([a, b])
    assert len(roster.members) == 6
    assert len(set(ids(a).values()) | set(ids(b).values())) == 6


def test_a_surname_two_members_share_stays_apart_unless_the_file_decides():
    # couthenans: "Marielle SAUGET, Marc SAUGET" (CR_conseil_municipal_07_10_2022); a later file naming "SAUGET"
    # alone where both sit cannot say which; a file listing only Marc SAUGET can
    a = file_result("a", None, "2022-10-07", present("Marielle SAUGET", "Marc SAUGET", "Yves LISCHKA"))
    b = file_result("b", None, "2022-10-28", present("Marielle SAUGET", "Marc SAUGET", "Yves LISCHKA"),
                    recusals=["SAUGET"])
    c = file_result("c", None, "2022-10-29", present("Marc SAUGET", "Yves LISCHKA"), recusals=["SAUGET"])
    roster = resolve_members([a, b, c])
    assert ids(b, "recusals")["SAUGET"] not in {ids(a)["Marielle SAUGET"], ids(a)["Marc SAUGET"]}
    assert ids(c, "recusals")["SAUGET"] == ids(a)["Marc SAUGET"]
    assert len(roster.members) == 4  # the undecided "SAUGET" is a member of its own, never a guess


def test_a_one_letter_variant_printed_in_the_same_list_is_two_members():
    # hand-built from couthenans/CR_reunion_20220121.pdf's "Mathieu FIGINI": two forms one letter apart in ONE
    # list are two people, not a typo
    a = file_result("a", None, "2022-01-21", present("Mathieu FIGINI", "Matthieu FIGINI"))
    roster = resolve_members([a])
    assert len(roster.members) == 2


def test_same_first_name_in_two_councils_is_two_members():
    # "Nelly WIDMER" (couthenans/CR_conseil_municipal_07_10_2022.pdf) and "Nelly GREUSARD"
    # (putanges/registre-…-16-novembre-2020.pdf); couthenans/CR_conseil_municipal_24_02_2023.pdf says "Nelly"
    a = file_result("a", None, "2022-10-07", present("Nelly WIDMER", "Yves LISCHKA", "Agnès MICHELOT"))
    b = file_result("b", "COMMUNE DE PUTANGES-LE-LAC", "2020-11-16", present("Nelly GREUSARD", "Sylvain GAUDIN"))
    c = file_result("c", None, "2023-02-24", present("Nelly", "Yves", "Agnès"))
    roster = resolve_members([a, b, c])
    assert ids(c)["Nelly"] == ids(a)["Nelly WIDMER"] != ids(b)["Nelly GREUSARD"]
    assert len(roster.members) == 5


def test_a_first_name_several_members_share_is_not_guessed():
    # putanges/registre-…-16-novembre-2020.pdf lists three Stéphane: AUVRAY, GACOIN, DAVID. A "Stéphane" in a
    # file listing the three is none of them; in a file listing one of them, that one.
    three = present("Stéphane AUVRAY", "Stéphane GACOIN", "Stéphane DAVID")
    a = file_result("a", "COMMUNE DE PUTANGES-LE-LAC", "2020-11-16", three, recusals=["Stéphane"])
    b = file_result("b", "COMMUNE DE PUTANGES-LE-LAC", "2020-12-01", present("Stéphane GACOIN"),
                    recusals=["Stéphane"])
    roster = resolve_members([a, b])
    assert ids(a, "recusals")["Stéphane"] not in set(ids(a).values())
    assert ids(b, "recusals")["Stéphane"] == ids(a)["Stéphane GACOIN"]
    assert len(roster.members) == 4


# ------------------------------------------------------------------------------------------ determinism


def test_ids_do_not_depend_on_the_order_of_the_files():
    def files():
        return [file_result("a", None, "2022-10-07", present("Marielle SAUGET", "Marc SAUGET", "Yves LISCHKA")),
                file_result("b", None, "2021-11-05", present("Marc", "Yves") + [("excused", "Marielle", "Yves")])]

    first, second = files(), files()
    one = resolve_members(first).members
    two = resolve_members(list(reversed(second))).members
    assert one == two
    assert [ids(r) for r in first] == [ids(r) for r in second]
    # no collectivité printed: the council of unnamed files is keyed by its first doc_id
    assert member_id("?a", "SAUGET|MARC") == next(m.member_id for m in one if m.name == "Marc SAUGET")


# ------------------------------------------------------------------------------------------ the corpus

COUTHENANS = ["couthenans/" + f for f in (
    "CR_reunion_20210604.pdf", "CR_reunion_20211105.pdf", "CR_reunion_20220121.pdf",
    "CR_conseil_municipal_07_10_2022.pdf", "CR_conseil_municipal_28_10_2022.pdf",
    "CR_conseil_municipal_24_02_2023.pdf")]
PUTANGES = ["putanges/" + f for f in (
    "registre-deliberations-seance-du-16-novembre-2020.pdf",
    "cr-registre-des-deliberations-de-la-seance-du-29-mars-2022.pdf",
    "registre-deliberations-pv-du-conseil-municipal-du-5-decembre-2022.pdf")]
PIERREFONDS = ["pierrefonds/" + f for f in (
    "CM-11-avril-2023.pdf", "CM-05-decembre-2023.pdf", "20241210-PV.pdf", "20250403-PV.pdf")]

# Read by hand on the PDFs: for each sitting, each member's status (P present, E excused — with a proxy or
# not —, A absent) and the holder of the member's proxy. A member not listed at a sitting is not counted.
# Couthenans (first names only in three minutes; the surname of "Hélène" is never printed):
# 2021-06-04: Présents Jean-Pierre, Yves, Jacques, Mathieu, Patrick, Maryline, Anne-Marie, Mario, Nelly,
#   Agnès, Marc, Marielle, David & Adeline (procuration à Mario); Absent Hélène.
# 2021-11-05: Présents Jean-Pierre, Yves, Jacques, David, Anne-Marie, Patrick, Agnès, Mario, Adeline; Excusés
#   Maryline, Marielle (pouvoir à Agnès), Marc (pouvoir à Mario), Mathieu ("Nelly arrivée à 18H45" is in no list).
# 2022-01-21: 11 présents; excusés Maryline LECESTRE (pouvoir à M. JEANROY), Mario VOLANTI (à Mme TEXEIRA),
#   Mathieu FIGINI (à M. JEANROY).
# 2022-10-07: 11 présents; absents non excusés Mathieu FIGINI, Maryline LECESTRE.
# 2022-10-28: 7 présents; excusés LECESTRE (à Adeline Texeira), Marielle SAUGET (à Agnes Michelot), LISCHKA
#   (à Anne-Marie Muninger), JEANROY (à David Tripogney); absents FIGINI, Marc SAUGET.
# 2023-02-24: 8 présents; excusés Anne-Marie (à Yves), Marielle (à Agnès), Marc (à Patrick), Mathieu (à Nelly);
#   Maryline absente.
COUTHENANS_SITTINGS = {
    "2021-06-04": "JEAN-PIERRE JEANROY:P, YVES LISCHKA:P, JACQUES DELUNSCH:P, MATHIEU FIGINI:P, PATRICK "
                  "KACZMAREK:P, MARYLINE LECESTRE:P, ANNE-MARIE MUNINGER:P, MARIO VOLANTI:P, NELLY WIDMER:P, AGNES "
                  "MICHELOT:P, MARC SAUGET:P, MARIELLE SAUGET:P, DAVID TRIPOGNEY:P, ADELINE TEXEIRA:E>MARIO "
                  "VOLANTI, HELENE:A",
    "2021-11-05": "JEAN-PIERRE JEANROY:P, YVES LISCHKA:P, JACQUES DELUNSCH:P, DAVID TRIPOGNEY:P, ANNE-MARIE "
                  "MUNINGER:P, PATRICK KACZMAREK:P, AGNES MICHELOT:P, MARIO VOLANTI:P, ADELINE TEXEIRA:P, MARYLINE "
                  "LECESTRE:E, MARIELLE SAUGET:E>AGNES MICHELOT, MARC SAUGET:E>MARIO VOLANTI, MATHIEU FIGINI:E",
    "2022-01-21": "JEAN-PIERRE JEANROY:P, NELLY WIDMER:P, YVES LISCHKA:P, JACQUES DELUNSCH:P, DAVID TRIPOGNEY:P, "
                  "ANNE-MARIE MUNINGER:P, PATRICK KACZMAREK:P, AGNES MICHELOT:P, MARIELLE SAUGET:P, MARC SAUGET:P, "
                  "ADELINE TEXEIRA:P, MARYLINE LECESTRE:E>JEAN-PIERRE JEANROY, MARIO VOLANTI:E>ADELINE TEXEIRA, "
                  "MATHIEU FIGINI:E>JEAN-PIERRE JEANROY",
    "2022-10-07": "JEAN-PIERRE JEANROY:P, NELLY WIDMER:P, YVES LISCHKA:P, DAVID TRIPOGNEY:P, AGNES MICHELOT:P, "
                  "ADELINE TEXEIRA:P, JACQUES DELUNSCH:P, MARIELLE SAUGET:P, MARC SAUGET:P, PATRICK KACZMAREK:P, "
                  "ANNE-MARIE MUNINGER:P, MATHIEU FIGINI:A, MARYLINE LECESTRE:A",
    "2022-10-28": "DAVID TRIPOGNEY:P, NELLY WIDMER:P, AGNES MICHELOT:P, ADELINE TEXEIRA:P, JACQUES DELUNSCH:P, "
                  "PATRICK KACZMAREK:P, ANNE-MARIE MUNINGER:P, MARYLINE LECESTRE:E>ADELINE TEXEIRA, MARIELLE "
                  "SAUGET:E>AGNES MICHELOT, YVES LISCHKA:E>ANNE-MARIE MUNINGER, JEAN-PIERRE JEANROY:E>DAVID "
                  "TRIPOGNEY, MATHIEU FIGINI:A, MARC SAUGET:A",
    "2023-02-24": "JEAN-PIERRE JEANROY:P, YVES LISCHKA:P, JACQUES DELUNSCH:P, DAVID TRIPOGNEY:P, NELLY WIDMER:P, "
                  "PATRICK KACZMAREK:P, AGNES MICHELOT:P, ADELINE TEXEIRA:P, ANNE-MARIE MUNINGER:E>YVES LISCHKA, "
                  "MARIELLE SAUGET:E>AGNES MICHELOT, MARC SAUGET:E>PATRICK KACZMAREK, MATHIEU FIGINI:E>NELLY "
                  "WIDMER, MARYLINE LECESTRE:A",
}
# Putanges-le-Lac registers (33 seats; Marie-Andrée LAPRUNE sits in 2020, Viviane JAMES from 2022).
# 2022-03-29: Sébastien Beaufrère gives a proxy AND is listed among the excused: one sitting, excused.
PUTANGES_SITTINGS = {
    "2020-11-16": "SEBASTIEN LEROUX:P, SYLVAIN GAUDIN:P, JEANNE GUILLOUET:P, JEAN-LOUIS PITEL:P, MONIQUE "
                  "GUIBOUT:P, YVETTE RUBAN:P, FRANCOISE DUARTE:P, ANDREE NOEL:P, MONIQUE FOUREY-BECHET:P, GERARD "
                  "GRANDSIRE:P, CHANTAL LEFOYER:P, PHILIPPE MALLARD:P, ANNICK MACE:P, NELLY GREUSARD:P, "
                  "JEAN-PIERRE GOHIN:P, PHILIPPE GRANDIN:P, DOMINIQUE GAUDIN:P, ISABELLE QUERON:P, MARIE-ANDREE "
                  "LAPRUNE:P, SOPHIE PICHONNIER:P, STEPHANE GACOIN:P, MICKAEL AGOSTINI:P, STEPHANE DAVID:P, "
                  "ANTHONY GUILMIN:P, SYLVAIN PICHONNIER:P, HELOISE LONGUET:P, KEVIN LEGENTIL:P, LUDOVIC "
                  "BAECHLER:E>SEBASTIEN LEROUX, HELENE MAUGER:E>STEPHANE GACOIN, VERONIQUE DELAUNAY:E>SYLVAIN "
                  "GAUDIN, ELISABETH DESMARES:E, STEPHANE AUVRAY:A, SEBASTIEN BEAUFRERE:A",
    "2022-03-29": "SEBASTIEN LEROUX:P, SYLVAIN GAUDIN:P, JEANNE GUILLOUET:P, JEAN-LOUIS PITEL:P, YVETTE RUBAN:P, "
                  "ANDREE NOEL:P, GERARD GRANDSIRE:P, ANNICK MACE:P, PHILIPPE GRANDIN:P, DOMINIQUE GAUDIN:P, "
                  "SOPHIE PICHONNIER:P, MICKAEL AGOSTINI:P, STEPHANE DAVID:P, HELENE MAUGER:P, SYLVAIN "
                  "PICHONNIER:P, HELOISE LONGUET:P, KEVIN LEGENTIL:P, VIVIANE JAMES:P, PHILIPPE "
                  "MALLARD:E>SEBASTIEN LEROUX, MONIQUE GUIBOUT:E>YVETTE RUBAN, ISABELLE QUERON:E>PHILIPPE GRANDIN, "
                  "SEBASTIEN BEAUFRERE:E>KEVIN LEGENTIL, STEPHANE GACOIN:E>HELENE MAUGER, JEAN-PIERRE "
                  "GOHIN:E>ANNICK MACE, ELISABETH DESMARES:E, ANTHONY GUILMIN:E, FRANCOISE DUARTE:E, MONIQUE "
                  "FOUREY-BECHET:E, CHANTAL LEFOYER:E, LUDOVIC BAECHLER:E, NELLY GREUSARD:E, STEPHANE AUVRAY:E, "
                  "VERONIQUE DELAUNAY:E",
    "2022-12-05": "SEBASTIEN LEROUX:P, SYLVAIN GAUDIN:P, JEANNE GUILLOUET:P, MONIQUE GUIBOUT:P, YVETTE RUBAN:P, "
                  "FRANCOISE DUARTE:P, ANDREE NOEL:P, PHILIPPE MALLARD:P, NELLY GREUSARD:P, JEAN-PIERRE GOHIN:P, "
                  "PHILIPPE GRANDIN:P, DOMINIQUE GAUDIN:P, ISABELLE QUERON:P, MICKAEL AGOSTINI:P, STEPHANE "
                  "DAVID:P, HELENE MAUGER:P, SEBASTIEN BEAUFRERE:P, ANTHONY GUILMIN:P, SYLVAIN PICHONNIER:P, "
                  "VIVIANE JAMES:P, ELISABETH DESMARES:P, CHANTAL LEFOYER:P, SOPHIE PICHONNIER:P, VERONIQUE "
                  "DELAUNAY:P, MONIQUE FOUREY-BECHET:E>JEANNE GUILLOUET, KEVIN LEGENTIL:E>SEBASTIEN BEAUFRERE, "
                  "LUDOVIC BAECHLER:E>SEBASTIEN LEROUX, JEAN-LOUIS PITEL:E>SYLVAIN GAUDIN, GERARD "
                  "GRANDSIRE:E>STEPHANE DAVID, ANNICK MACE:E>PHILIPPE MALLARD, STEPHANE AUVRAY:E, STEPHANE "
                  "GACOIN:E, HELOISE LONGUET:E",
}
# Pierrefonds (2020-2026 term). 2025-04-03 prints "Monsieur Jean-Claude THUILLIER Monsieur Michel LEBLANC" under
# "Pouvoirs" (the "à" is missing): THUILLIER gave his proxy to LEBLANC.
PIERREFONDS_SITTINGS = {
    "2023-04-11": "FLORENCE DEMOUY:P, EMMANUELLE LEMAITRE:P, JEAN-JACQUES CARRETERO:P, ROMAIN RIBEIRO:P, GERARD "
                  "LANNIER:P, JOACHIM LUDER:P, GILLES PAPIN:P, HELENE DEFOSSEZ:P, KARINE DUTEIL:P, STEPHANE "
                  "DUTILLOY:P, VIRGINIE ANTHONY:P, LAETITIA PIERRON:P, PHILIPPE TOLEDANO:P, MARIE-ALICE "
                  "DEBUISSER:P, DELPHINE DECKER:E>EMMANUELLE LEMAITRE, ELSA CARRIER:E>VIRGINIE ANTHONY, MICHEL "
                  "LEBLANC:E>MARIE-ALICE DEBUISSER, JEAN-CLAUDE THUILLIER:E, RONAN TANGUY:A",
    "2023-12-05": "FLORENCE DEMOUY:P, DELPHINE DECKER:P, ROMAIN RIBEIRO:P, GERARD LANNIER:P, JOACHIM LUDER:P, "
                  "GILLES PAPIN:P, HELENE DEFOSSEZ:P, KARINE DUTEIL:P, STEPHANE DUTILLOY:P, VIRGINIE ANTHONY:P, "
                  "LAETITIA PIERRON:P, ELSA CARRIER:P, PHILIPPE TOLEDANO:P, JEAN-CLAUDE THUILLIER:P, RONAN "
                  "TANGUY:P, EMMANUELLE LEMAITRE:E>ROMAIN RIBEIRO, JEAN-JACQUES CARRETERO:E>FLORENCE DEMOUY, "
                  "MICHEL LEBLANC:E>JEAN-CLAUDE THUILLIER, MARIE-ALICE DEBUISSER:E",
    "2024-12-10": "FLORENCE DEMOUY:P, EMMANUELLE LEMAITRE:P, JEAN-JACQUES CARRETERO:P, ROMAIN RIBEIRO:P, GERARD "
                  "LANNIER:P, CATHERINE GEVAERT:P, JOACHIM LUDER:P, GILLES PAPIN:P, HELENE DEFOSSEZ:P, KARINE "
                  "DUTEIL:P, STEPHANE DUTILLOY:P, VIRGINIE ANTHONY:P, LAETITIA PIERRON:P, ELSA CARRIER:P, "
                  "JEAN-CLAUDE THUILLIER:P, MICHEL LEBLANC:P, MARIE-ALICE DEBUISSER:P, RONAN TANGUY:P, PHILIPPE "
                  "TOLEDANO:E>KARINE DUTEIL",
    "2025-04-03": "FLORENCE DEMOUY:P, EMMANUELLE LEMAITRE:P, JEAN-JACQUES CARRETERO:P, ROMAIN RIBEIRO:P, GERARD "
                  "LANNIER:P, CATHERINE GEVAERT:P, GILLES PAPIN:P, KARINE DUTEIL:P, STEPHANE DUTILLOY:P, VIRGINIE "
                  "ANTHONY:P, LAETITIA PIERRON:P, PHILIPPE TOLEDANO:P, MICHEL LEBLANC:P, MARIE-ALICE DEBUISSER:P, "
                  "RONAN TANGUY:P, JOACHIM LUDER:E>PHILIPPE TOLEDANO, HELENE DEFOSSEZ:E>KARINE DUTEIL, JEAN-CLAUDE "
                  "THUILLIER:E>MICHEL LEBLANC, ELSA CARRIER:A",
}
STATUS = {"P": "present", "E": "excused", "A": "absent"}


def expected_counts(sittings: dict[str, str]) -> dict[str, dict[str, int]]:
    """name key -> the members.csv counts the hand-read sittings give."""
    counts: dict[str, dict[str, int]] = {}
    zero = {"sessions": 0, "present": 0, "excused": 0, "absent": 0, "proxies_given": 0, "proxies_held": 0}
    for listed in sittings.values():
        for entry in listed.split(", "):
            name, _, code = entry.partition(":")
            status, _, holder = code.partition(">")
            c = counts.setdefault(name, dict(zero))
            c["sessions"] += 1
            c[STATUS[status]] += 1
            if holder:
                c["proxies_given"] += 1
                counts.setdefault(holder, dict(zero))["proxies_held"] += 1
    return counts


@pytest.fixture(scope="module")
def council_runs():
    from pipeline.process import process_file

    runs = {}
    for council, files in (("couthenans", COUTHENANS), ("putanges", PUTANGES), ("pierrefonds", PIERREFONDS)):
        runs[council] = [process_file(CORPUS / f) for f in files]
    roster = resolve_members([r for results in runs.values() for r in results])
    return runs, roster


def _by_key(roster, runs, council):
    docs = {r.document.doc_id for r in runs[council]}
    used = {r.member_id for res in runs[council] for r in res.rows.get("attendance", [])}
    members = [m for m in roster.members if m.member_id in used]
    assert docs  # the files were read
    return members


EXPECTED = {"couthenans": COUTHENANS_SITTINGS, "putanges": PUTANGES_SITTINGS, "pierrefonds": PIERREFONDS_SITTINGS}
# Where today's extraction misses a printed list item, the count that differs and why (the resolver is not at
# fault; these must only ever shrink): putanges 29-03-2022 "Monsieur Jean-¨Pierre Gohin donne pouvoir à Madame
# Annick Mace" (after a full stop inside the proxies paragraph), 05-12-2022 "et madame Annick Macé donne pouvoir
# à monsieur Philippe Mallard" (after "et"), pierrefonds 03-04-2025 "THUILLIER Monsieur Michel LEBLANC"
# (no "à").
EXTRACTION_GAPS = {
    ("putanges", "JEAN-PIERRE GOHIN"): {"sessions", "excused", "proxies_given"},
    ("putanges", "ANNICK MACE"): {"sessions", "excused", "proxies_given", "proxies_held"},
    ("putanges", "PHILIPPE MALLARD"): {"proxies_held"},
    ("pierrefonds", "JEAN-CLAUDE THUILLIER"): {"proxies_given"},
    ("pierrefonds", "MICHEL LEBLANC"): {"proxies_held"},
}


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("council", ["couthenans", "putanges", "pierrefonds"])
def test_one_identity_per_councillor(council_runs, council):
    runs, roster = council_runs
    members = _by_key(roster, runs, council)
    expected = sorted(expected_counts(EXPECTED[council]))
    assert len(members) == len(expected) == {"couthenans": 15, "putanges": 34, "pierrefonds": 20}[council]
    assert sorted(m.name_key for m in members) == expected


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("council", ["couthenans", "putanges", "pierrefonds"])
def test_attendance_counts_match_the_minutes(council_runs, council):
    runs, roster = council_runs
    by_key = {m.name_key: m for m in _by_key(roster, runs, council)}
    wrong = {}
    for key, counts in expected_counts(EXPECTED[council]).items():
        member = by_key[key]
        differ = {field for field, value in counts.items() if getattr(member, field) != value}
        if differ:
            wrong[key] = differ
    allowed = {name: fields for (c, name), fields in EXTRACTION_GAPS.items() if c == council}
    assert all(fields <= allowed.get(key, set()) for key, fields in wrong.items()), wrong


@needs_corpus
@pytest.mark.corpus
def test_every_member_id_used_is_in_members_csv(council_runs, tmp_path):
    from pipeline.export.csv_tables import write_tables

    runs, roster = council_runs
    results = [r for results in runs.values() for r in results]
    write_tables(results, tmp_path, members=roster.members)
    listed = {row["member_id"] for row in csv.DictReader(open(tmp_path / "members.csv", encoding="utf-8"))}
    used = set()
    for table in ("attendance", "recusals", "vote_members"):
        rows = list(csv.DictReader(open(tmp_path / f"{table}.csv", encoding="utf-8")))
        assert list(rows[0])[-1] == "member_id" if rows else True
        used |= {row["member_id"] for row in rows if row["member_id"]}
    assert used and used <= listed
    assert len(listed) == len(roster.members)
    header = open(tmp_path / "members.csv", encoding="utf-8").readline().strip().split(",")
    assert header == columns(Member)


# ------------------------------------------------------------------------------------------ the batch


def sitting_pdf(path, day: str, lines: list[str]):
    """A one-page session record of a fictitious commune (reportlab), attendance lines as given."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    text = ["COMMUNE DE TESTVILLE", "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL",
            f"Séance du {day}", "Délibération n° 2024-015", *lines, "Objet : Travaux de voirie",
            "Le Conseil Municipal, après en avoir délibéré,", "Article 1 : approuve les travaux.",
            "Adopté à l'unanimité.", "Le Maire, Jean DUPONT"]
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for i, line in enumerate(text):
        pdf.drawString(50, 800 - 20 * i, line)
    pdf.save()
    return path


def test_plain_run_and_resume_give_the_same_members_and_the_views(tmp_path):
    from pipeline.batch import extract

    folder = tmp_path / "in"
    folder.mkdir()
    sitting_pdf(folder / "a.pdf", "12 mars 2024",
                ["Étaient présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND.",
                 "Absents excusés : Mme Claire PETIT."])
    sitting_pdf(folder / "b.pdf", "9 avril 2024",
                ["Étaient présents : M. Jean DUPONT, Mme Claire PETIT, M. Paul DURAND.",
                 "Absents excusés : Mme Marie MARTIN."])
    extract([str(folder)], tmp_path / "plain", jobs=2, quiet=True)
    extract([str(folder)], tmp_path / "resumed", jobs=2, quiet=True)
    (tmp_path / "resumed" / "members.csv").unlink()
    extract([str(folder)], tmp_path / "resumed", jobs=2, quiet=True, resume=True)  # from the stored results
    for name in ("members.csv", "attendance.csv", "members.html"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "resumed" / name).read_bytes()
    pages = sorted(p.name for p in (tmp_path / "plain" / "members").iterdir())
    assert len(pages) == 4 and pages == sorted(p.name for p in (tmp_path / "resumed" / "members").iterdir())
    for page in pages:  # the charts too: no date, fixed ids
        assert ((tmp_path / "plain" / "members" / page).read_bytes()
                == (tmp_path / "resumed" / "members" / page).read_bytes())
    rows = list(csv.DictReader(open(tmp_path / "plain" / "members.csv", encoding="utf-8")))
    assert [(r["name"], r["sessions"], r["present"], r["excused"], r["first_session"], r["last_session"])
            for r in rows] == [("Jean DUPONT", "2", "2", "0", "2024-03-12", "2024-04-09"),
                               ("Paul DURAND", "2", "2", "0", "2024-03-12", "2024-04-09"),
                               ("Marie MARTIN", "2", "1", "1", "2024-03-12", "2024-04-09"),
                               ("Claire PETIT", "2", "1", "1", "2024-03-12", "2024-04-09")]
    page = (tmp_path / "plain" / "members.html").read_text(encoding="utf-8")
    assert page.count("<tr><td><a href=\"members/m") == 4 and "Marie MARTIN" in page
    martin = next(r["member_id"] for r in rows if r["name"] == "Marie MARTIN")
    member = (tmp_path / "plain" / "members" / f"{martin}.html").read_text(encoding="utf-8")
    assert "<svg" in member and "<dc:date>" not in member  # inline, and no timestamp: runs stay identical
    assert member.index("2024-03-12") < member.index("2024-04-09")
    with sqlite3.connect(tmp_path / "plain" / "deliberations.sqlite") as db:
        assert db.execute("select count(*) from members").fetchone() == (4,)
        assert db.execute("select count(*) from attendance a join members m using (member_id)").fetchone() == (8,)
        fks = {row[2] for row in db.execute("pragma foreign_key_list(attendance)")}
        assert "members" in fks


def test_a_name_run_into_the_next_sentence_is_its_leading_name_when_that_is_a_member():
    # pierrefonds/CM-05-decembre-2023.pdf p.6: "abstention de M. TANGUY qui indique ne pas comprendre la nécessité
    # de voter cette convention" is read as one name; 20250403-PV.pdf: the association "Pour la Sauvegarde du
    # Patrimoine des Forêts du Compiégnois" is read as a member not voting
    result = file_result("a", "Commune de Pierrefonds", "2023-12-05", present("Monsieur Ronan TANGUY"),
                         votes=[("abstention", "M. TANGUY qui indique ne pas comprendre la nécessité de voter cette "
                                               "convention"),
                                ("not_voting", "Pour la Sauvegarde du Patrimoine des Forêts du Compiégnois")])
    roster = resolve_members([result])
    votes = ids(result, "vote_members")
    assert votes["TANGUY qui indique ne pas comprendre la nécessité de voter cette convention"] == ids(result)[
        "Ronan TANGUY"]
    assert votes["Pour la Sauvegarde du Patrimoine des Forêts du Compiégnois"] is None
    assert [(m.name, m.votes_abstention) for m in roster.members] == [("Ronan TANGUY", 1)]


@needs_corpus
@pytest.mark.corpus
def test_corpus_ids_do_not_depend_on_the_order_of_the_files(council_runs):
    runs, roster = council_runs
    results = [r for results in runs.values() for r in results]
    before = {(r.doc_id, r.name): r.member_id for res in results for r in res.rows.get("attendance", [])}
    again = resolve_members(list(reversed(results)))
    after = {(r.doc_id, r.name): r.member_id for res in results for r in res.rows.get("attendance", [])}
    assert again.members == roster.members and after == before
