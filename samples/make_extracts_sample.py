"""A file of extracts: three deliberations of one sitting of a commune's council, each printed as its own "Extrait
du registre des délibérations" with the sitting's header, its own attendance, its own vote and its own signature,
one after the other in one PDF (the way archives keep them).

The attendance changes between the extracts: M. Julien PERRIN, absent for the first, arrives for the second; M. Marc
ROUSSEL leaves before the third. Each extract prints its own counts and lists, so each deliberation must get the
header it prints. Written from scratch in our own words; the commune, its members and its decisions are invented.
Rendered with fpdf2 (like ``make_cp_sample.py``). Usage::

    python samples/make_extracts_sample.py [--out DIR]
"""

from __future__ import annotations

import argparse
import pathlib
from dataclasses import dataclass
from datetime import datetime, timezone

from fpdf import FPDF

HERE = pathlib.Path(__file__).resolve().parent
NAME = "valcourt-le-bois_cm_2025-03-18_extraits.pdf"

LETTERHEAD = ["DÉPARTEMENT DE LA NIÈVRE", "COMMUNE DE VALCOURT-LE-BOIS"]
OPENING = ("L'an deux mille vingt-cinq, le dix-huit mars à vingt heures, le Conseil Municipal de la commune de "
           "Valcourt-le-Bois, dûment convoqué le 11 mars 2025, s'est réuni en séance publique à la mairie, sous la "
           "présidence de M. Alain MARCHAND, Maire.")
EXCUSED = ("Absents excusés : Mme Patricia LEMAIRE (pouvoir à Mme Claire FONTAINE), M. Rémi COLLIN (pouvoir à "
           "M. Alain MARCHAND).")
SECRETARY = "Secrétaire de séance : Mme Sophie DELORME."
PRESENT_ALL = ["M. Alain MARCHAND", "Mme Sophie DELORME", "M. Bernard LEFEBVRE", "Mme Claire FONTAINE",
               "M. Denis GIRARD", "Mme Élodie RENAUD", "M. François MOREL", "Mme Hélène BLANCHARD",
               "M. Julien PERRIN", "Mme Laure CHEVALIER", "M. Marc ROUSSEL", "Mme Nathalie BRUN",
               "M. Olivier GAUTHIER"]


@dataclass(frozen=True)
class Extract:
    number: str
    subject: str
    present: list[str]
    absent: str | None  # the "Absent :" line, if any
    counts: str | None  # the printed counts line, if any
    report: list[str]
    vote: str
    articles: list[str]


EXTRACTS = [
    Extract(
        "2025-012", "Tarifs de la restauration scolaire pour l'année 2025-2026",
        [p for p in PRESENT_ALL if p != "M. Julien PERRIN"], "Absent : M. Julien PERRIN.",
        "Membres en exercice : 15 - Présents : 12 - Votants : 14",
        ["Monsieur le Maire rappelle que le prix du repas servi aux élèves de l'école communale n'a pas été révisé "
         "depuis la rentrée 2022, alors que le coût des denrées a augmenté de près de quinze pour cent.",
         "Il propose de porter le prix du repas à 3,60 € pour les élèves domiciliés dans la commune et à 4,20 € "
         "pour les élèves domiciliés hors de la commune, à compter du 1er septembre 2025."],
        "Pour : 13 Contre : 0 Abstention : 1",
        ["Article 1 : Le prix du repas de la restauration scolaire est fixé à 3,60 € pour les élèves domiciliés "
         "dans la commune et à 4,20 € pour les autres élèves, à compter du 1er septembre 2025.",
         "Article 2 : Monsieur le Maire est chargé de l'exécution de la présente délibération."]),
    Extract(
        "2025-013", "Subvention à l'association Les Amis de la Halle",
        PRESENT_ALL, None,
        "Membres en exercice : 15 - Présents : 13 - Votants : 15",
        ["Monsieur le Maire présente la demande de l'association Les Amis de la Halle, qui organise chaque été "
         "le marché des producteurs et la fête du village.",
         "Il propose de lui attribuer une subvention de fonctionnement de 1 500 € au titre de l'année 2025."],
        "Pour : 14 Contre : 0 Abstention : 1",
        ["Article 1 : Une subvention de 1 500 € est attribuée à l'association Les Amis de la Halle pour "
         "l'année 2025.",
         "Article 2 : La dépense sera imputée au compte 6574 du budget communal de l'exercice 2025."]),
    Extract(
        "2025-014", "Acquisition de la parcelle cadastrée AB 112 au lieu-dit Les Grands Prés",
        [p for p in PRESENT_ALL if p != "M. Marc ROUSSEL"], "Absent : M. Marc ROUSSEL.",
        "Membres en exercice : 15 - Présents : 12 - Votants : 14",
        ["Monsieur le Maire expose que la parcelle cadastrée AB 112, d'une contenance de 2 450 m², jouxte le "
         "terrain de sport et permettrait d'y aménager un parc de stationnement.",
         "Le propriétaire accepte de la céder à la commune au prix de 9 800 €, frais d'acte en sus."],
        "Pour : 12 Contre : 2 Abstention : 0",
        ["Article 1 : La commune acquiert la parcelle cadastrée AB 112 au prix de 9 800 €, frais d'acte à sa "
         "charge.",
         "Article 2 : Monsieur le Maire est autorisé à signer l'acte authentique et toutes les pièces s'y "
         "rapportant."]),
]


class Sheet(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, f"Commune de Valcourt-le-Bois - page {self.page_no()}/{{nb}}", align="C")


def paragraph(pdf: Sheet, text: str, style: str = "", size: float = 10.5, align: str = "J", gap: float = 1.6) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, 5.4, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def write_extract(pdf: Sheet, extract: Extract, new_page: bool = True) -> None:
    if new_page or pdf.page == 0:
        pdf.add_page()
    else:
        pdf.ln(10)
    for line in LETTERHEAD:
        paragraph(pdf, line, "B", 10, "L", 0)
    pdf.ln(4)
    paragraph(pdf, "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "B", 12, "C", 1)
    paragraph(pdf, "Séance du 18 mars 2025", "B", 11, "C", 1)
    paragraph(pdf, f"Délibération n° {extract.number}", "B", 11, "C", 3)
    if extract.counts:
        paragraph(pdf, extract.counts, size=10)
    paragraph(pdf, OPENING)
    paragraph(pdf, "Présents : " + ", ".join(extract.present) + ".")
    paragraph(pdf, EXCUSED)
    if extract.absent:
        paragraph(pdf, extract.absent)
    paragraph(pdf, SECRETARY, gap=3)
    paragraph(pdf, f"Objet : {extract.subject}", "B", gap=3)
    for text in extract.report:
        paragraph(pdf, text)
    paragraph(pdf, "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :", "B")
    for text in extract.articles:
        paragraph(pdf, text)
    paragraph(pdf, extract.vote)
    pdf.ln(4)
    paragraph(pdf, "Pour extrait conforme,", align="R", gap=0)
    paragraph(pdf, "À Valcourt-le-Bois, le 20 mars 2025", align="R", gap=0)
    paragraph(pdf, "Le Maire,", align="R", gap=0)
    paragraph(pdf, "Alain MARCHAND", align="R", gap=0)


def build(out: pathlib.Path, name: str = NAME, extracts: list[Extract] = EXTRACTS, *,
          page_per_extract: bool = True) -> pathlib.Path:
    """Write the sample (or, for the tests, altered ``extracts``, or extracts that follow one another without a page
    break) into ``out``; returns its path."""
    pdf = Sheet(format="A4")
    pdf.set_creation_date(datetime(2025, 3, 20, tzinfo=timezone.utc))  # builds are byte-identical
    pdf.core_fonts_encoding = "cp1252"  # the euro sign and French letters of the built-in fonts (WinAnsi)
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    for extract in extracts:
        write_extract(pdf, extract, page_per_extract)
    path = out / name
    pdf.output(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=HERE)
    print(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
