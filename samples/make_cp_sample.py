"""A second reference-genre sample: a Commission permanente deliberation of another département, with its annexes.

The first sample (``make_samples.py``) re-lays the Pas-de-Calais deliberation N°2024-273 with reportlab. This one
is written from scratch, in our own words, the way other départements word a Commission permanente decision: a
header that prints the counts (en exercice, présents, représentés, votants), "Avaient donné pouvoir", a member who
"n'a pas pris part au vote", an imputation article that says "seront prélevés sur", a budget table whose columns
are Programme | Chapitre | Nature | Fonction | Libellé | Crédits disponibles | Montant proposé (drawn with
horizontal rules only, cut by a page break without its header repeated, with subtotal and total rows), then two
annexes whose pages carry no "Annexe N" label: a convention ("ENTRE … ET …", "ci-après dénommée", "d'une part /
d'autre part", signatures in two columns, "Fait à … le …") and an avenant whose amount is "porté de … à …".

It is rendered with fpdf2, another PDF producer than reportlab (other text operators, other table drawing), so
the readers are not tuned to one producer's output. Names, numbers and identifiers are invented; the SIRET, SIREN
and IBAN pass their checksums. Usage::

    python samples/make_cp_sample.py [--out DIR]
"""

from __future__ import annotations

import argparse
import pathlib
from datetime import datetime, timezone

from fpdf import FPDF
from fpdf.enums import TableBordersLayout, TableHeadingsDisplay

HERE = pathlib.Path(__file__).resolve().parent
NAME = "dordogne_cp_2024-09-09_n24-cp-0412.pdf"
FOOTER = "Commission permanente du 9 septembre 2024 - Délibération n° 24-CP-0412"

HEADER = [
    "DÉPARTEMENT DE LA DORDOGNE",
    "COMMISSION PERMANENTE DU CONSEIL DÉPARTEMENTAL",
    "Réunion du 9 septembre 2024",
]

PREAMBLE = [
    ("title", "Délibération n° 24-CP-0412"),
    ("bold", "Objet : Aide aux associations de l'insertion et de la jeunesse - troisième répartition 2024"),
    ("text", "L'an deux mille vingt-quatre, le neuf septembre à dix heures, la Commission permanente du Conseil "
             "départemental de la Dordogne s'est réunie à l'Hôtel du Département, à Périgueux, sous la présidence "
             "de Mme Claire DELMAS-VIGNAUD, Présidente du Conseil départemental."),
    ("text", "Membres en exercice : 12 - Présents : 9 - Représentés : 2 - Votants : 11"),
    ("text", "Étaient présents : Mme Claire DELMAS-VIGNAUD, M. Louis CAZENAVE, Mme Anne BARDET, M. Yves "
             "LAFFARGUE, Mme Sophie LAGARDE, M. Bernard MOULINIER, Mme Odile PEYROT, M. Thierry ROUGIER, "
             "Mme Hélène VERGNAUD."),
    ("text", "Avaient donné pouvoir : M. Paul DUFRAISSE à Mme Anne BARDET, Mme Martine ESCLAFER à M. Louis "
             "CAZENAVE."),
    ("text", "Absent : M. Jacques TEILLET."),
    ("text", "Secrétaire de séance : M. Thierry ROUGIER."),
    ("text", "Vu le Code général des collectivités territoriales, et notamment ses articles L. 3211-2 et "
             "L. 3221-1 ;"),
    ("text", "Vu la délibération n° 24-BP-01 du Conseil départemental du 28 mars 2024 adoptant le budget "
             "primitif de l'exercice 2024 ;"),
    ("text", "Vu la délibération n° 21-CD-07 du Conseil départemental du 1er juillet 2021 donnant délégation à "
             "la Commission permanente ;"),
    ("text", "Vu le rapport de Mme la Présidente et l'avis favorable de la commission de la Solidarité ;"),
    ("text", "Considérant que le Département accompagne les structures qui remettent au travail les personnes "
             "éloignées de l'emploi et celles qui accueillent et logent les jeunes du territoire ;"),
    ("text", "Considérant que la Mission Locale du Périgord Noir a ouvert en 2024 une antenne à Terrasson et "
             "qu'il convient d'ajuster la participation départementale prévue pour cette année ;"),
    ("text", "Mme Sophie LAGARDE, administratrice de l'association Les Jardins de la Vézère, n'a pas pris part "
             "au vote."),
    ("bold", "Après en avoir délibéré, la Commission permanente DÉCIDE :"),
]

ARTICLES = [
    "Article 1er : D'accorder aux cinq structures désignées dans le tableau de l'article 3 des subventions d'un "
    "montant total de 61 500 €.",
    "Article 2 : D'approuver la convention d'objectifs à conclure avec l'association Les Jardins de la Vézère, "
    "jointe en annexe 1, et l'avenant n° 1 à la convention n° 2023-00871 conclue avec la Mission Locale du "
    "Périgord Noir, joint en annexe 2, et d'autoriser la Présidente à les signer.",
    "Article 3 : Les crédits nécessaires, soit 61 500 €, seront prélevés sur les crédits inscrits au budget "
    "départemental de l'exercice 2024, selon la répartition suivante :",
]

BUDGET_HEAD = ("Programme", "Chapitre", "Nature", "Fonction", "Libellé", "Crédits disponibles", "Montant proposé")
BUDGET_ROWS = [
    ("Insertion", "65", "6574", "564", "Les Jardins de la Vézère - chantier d'insertion maraîcher", "145 000,00",
     "23 500,00"),
    ("Insertion", "65", "6574", "564", "Trait d'Union Emploi - accompagnement vers l'emploi", "145 000,00",
     "12 000,00"),
    ("", "", "", "", "Sous-total Insertion", "", "35 500,00"),
    ("Jeunesse", "65", "6574", "33", "Mission Locale du Périgord Noir - avenant n° 1", "30 000,00", "5 500,00"),
    ("Jeunesse", "65", "6574", "33", "Foyer de jeunes travailleurs de Sarlat - fonctionnement", "30 000,00",
     "8 000,00"),
    ("Jeunesse", "204", "20421", "33", "Maison des jeunes de Terrasson - équipement de la salle d'activités",
     "40 000,00", "12 500,00"),
    ("", "", "", "", "Sous-total Jeunesse", "", "26 000,00"),
    ("", "", "", "", "TOTAL", "", "61 500,00"),
]

CLOSING = [
    ("text", "Article 4 : La Présidente est chargée de l'exécution de la présente délibération."),
    ("bold", "Votants : 11 - Pour : 10 - Contre : 0 - Abstention : 0"),
    ("text", "Adoptée."),
    ("text", "Fait et délibéré à Périgueux, le 9 septembre 2024."),
    ("right", "La Présidente du Conseil départemental,"),
    ("right", "Claire DELMAS-VIGNAUD"),
]

CONVENTION = [
    ("title", "CONVENTION D'OBJECTIFS ET DE MOYENS"),
    ("center", "Convention n° 2024-01377"),
    ("bold", "ENTRE"),
    ("text", "Le Département de la Dordogne, dont le siège est situé 2 rue Paul-Louis Courier, 24019 Périgueux, "
             "représenté par sa Présidente, Mme Claire DELMAS-VIGNAUD, autorisée par la délibération de la "
             "Commission permanente n° 24-CP-0412 du 9 septembre 2024,"),
    ("text", "ci-après dénommé « le Département »,"),
    ("right", "d'une part,"),
    ("bold", "ET"),
    ("text", "L'association Les Jardins de la Vézère, association régie par la loi du 1er juillet 1901, dont le "
             "siège social est situé 14 chemin des Écluses, 24290 Montignac-Lascaux, inscrite au répertoire "
             "national des associations sous le n° W243004517, SIRET n° 443 061 841 00021, représentée par son "
             "Président, M. Hervé LACOSTE,"),
    ("text", "ci-après dénommée « l'association »,"),
    ("right", "d'autre part,"),
    ("bold", "IL A ÉTÉ CONVENU CE QUI SUIT :"),
    ("bold", "Article 1 - Objet"),
    ("text", "La présente convention fixe les engagements des parties pour le chantier d'insertion maraîcher "
             "que l'association conduit à Montignac-Lascaux au bénéfice de douze salariés en parcours."),
    ("bold", "Article 2 - Durée"),
    ("text", "Elle couvre la période du 1er janvier 2024 au 31 décembre 2024."),
    ("bold", "Article 3 - Montant de l'aide"),
    ("text", "Le Département attribue à l'association une subvention de 23 500 € au titre de l'année 2024, "
             "imputée sur le chapitre 65, nature 6574, fonction 564 du budget départemental."),
    ("bold", "Article 4 - Versement"),
    ("text", "La subvention est versée en une seule fois après la signature de la présente convention, sur le "
             "compte de l'association IBAN FR14 2004 1010 0505 0001 3M02 606."),
    ("text", "Fait à Périgueux, le 16 septembre 2024, en deux exemplaires originaux."),
    ("sign", (("Pour le Département,", "La Présidente du Conseil départemental,", "Claire DELMAS-VIGNAUD"),
              ("Pour l'association,", "Le Président,", "Hervé LACOSTE"))),
]

AVENANT = [
    ("title", "AVENANT N° 1"),
    ("center", "à la convention pluriannuelle d'objectifs n° 2023-00871 du 14 mars 2023"),
    ("bold", "ENTRE"),
    ("text", "Le Département de la Dordogne, représenté par sa Présidente, Mme Claire DELMAS-VIGNAUD, ci-après "
             "dénommé « le Département », d'une part,"),
    ("bold", "ET"),
    ("text", "La Mission Locale du Périgord Noir, association dont le siège est situé 3 place de la Grande "
             "Rigaudie, 24200 Sarlat-la-Canéda, SIREN 412 345 670, représentée par sa Trésorière, Mme Nadine "
             "FAURE, dûment mandatée, ci-après dénommée « la Mission Locale », d'autre part,"),
    ("bold", "Article 1 - Montant"),
    ("text", "Pour l'année 2024, la participation du Département prévue à l'article 4 de la convention est "
             "portée de 24 000 € à 29 500 €, soit un complément de 5 500 € destiné à l'antenne de Terrasson."),
    ("bold", "Article 2 - Durée"),
    ("text", "La convention demeure conclue pour la période du 1er avril 2023 au 31 décembre 2025."),
    ("bold", "Article 3 - Autres dispositions"),
    ("text", "Les autres clauses de la convention initiale restent inchangées."),
    ("text", "Fait à Périgueux, le 16 septembre 2024."),
    ("sign", (("Pour la Mission Locale,", "La Trésorière,", "Nadine FAURE"),
              ("Pour le Département,", "La Présidente du Conseil départemental,", "Claire DELMAS-VIGNAUD"))),
]


class Sheet(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, f"{FOOTER} - page {self.page_no()}/{{nb}}", align="C")


REPLACE: list[tuple[str, str]] = []  # (old, new) applied to every text drawn: altered copies for the rule tests


def alter(text: str) -> str:
    for old, new in REPLACE:
        text = text.replace(old, new)
    return text


def write_block(pdf: Sheet, kind: str, text) -> None:
    if kind != "sign":
        text = alter(text)
    if kind == "sign":
        left, right = text
        pdf.ln(4)
        y = pdf.get_y()
        for column, lines in ((pdf.l_margin, left), (pdf.l_margin + 95, right)):
            pdf.set_xy(column, y)
            for line in lines:
                pdf.set_x(column)
                pdf.cell(85, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        return
    style = {"title": "B", "bold": "B"}.get(kind, "")
    size = 13 if kind == "title" else 10.5
    align = {"title": "C", "center": "C", "right": "R"}.get(kind, "J")
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, 5.4, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.6)


# How the budget table is drawn: the committed sample has horizontal rules only and no header repeated after the
# page break; the tests also build it fully ruled with its header repeated, and with no rules at all.
# "tight": narrow code columns, left-aligned, hardly any padding: the header words break inside ("Cha" / "pitr" /
# "e") and the codes of a row run together ("6574 564", "204 20421 33").
TABLE_LOOK = {"borders": "HORIZONTAL_LINES", "repeat_header": False, "tight": False}
LOOSE = {"col_widths": (20, 15, 13, 17, 60, 27, 27), "padding": 1.2,
         "text_align": ("LEFT", "CENTER", "CENTER", "CENTER", "LEFT", "RIGHT", "RIGHT")}
TIGHT = {"col_widths": (16, 7, 9, 8, 60, 22, 22), "padding": 0.3, "width": 144,
         "text_align": ("LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT")}


def budget_table(pdf: Sheet) -> None:
    pdf.set_font("Helvetica", "", 8.5)
    repeat = TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE if TABLE_LOOK["repeat_header"] else TableHeadingsDisplay.NONE
    look = TIGHT if TABLE_LOOK["tight"] else LOOSE
    with pdf.table(borders_layout=getattr(TableBordersLayout, TABLE_LOOK["borders"]), repeat_headings=repeat,
                   line_height=4.6, **look) as table:
        for values in (BUDGET_HEAD, *BUDGET_ROWS):
            row = table.row()
            for value in values:
                row.cell(alter(value))
    pdf.ln(3)


def build(out: pathlib.Path, replacements: tuple[tuple[str, str], ...] = (), name: str = NAME,
          annexes_swapped: bool = False, borders: str = "HORIZONTAL_LINES", repeat_header: bool = False,
          tight: bool = False) -> pathlib.Path:
    """Render the sample into ``out``; ``replacements`` make an altered copy, ``annexes_swapped`` binds the
    avenant (annexe 2) before the convention (annexe 1); ``borders`` (fpdf2's ``TableBordersLayout`` name) and
    ``repeat_header`` and ``tight`` change how the budget table is drawn."""
    REPLACE[:] = replacements
    TABLE_LOOK.update(borders=borders, repeat_header=repeat_header, tight=tight)
    pdf = Sheet(format="A4")
    pdf.set_creation_date(datetime(2024, 9, 16, tzinfo=timezone.utc))  # builds are byte-identical
    pdf.core_fonts_encoding = "cp1252"  # the euro sign and French letters of the built-in fonts (WinAnsi)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    for line in HEADER:
        pdf.cell(0, 6, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for kind, text in PREAMBLE:
        write_block(pdf, kind, text)
    for text in ARTICLES:
        write_block(pdf, "text", text)
    budget_table(pdf)
    for kind, text in CLOSING:
        write_block(pdf, kind, text)
    for part in (AVENANT, CONVENTION) if annexes_swapped else (CONVENTION, AVENANT):
        pdf.add_page()  # the annexes' pages carry no "Annexe N" label: the articles cite them by number
        for kind, text in part:
            write_block(pdf, kind, text)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    pdf.output(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=HERE)
    print(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
