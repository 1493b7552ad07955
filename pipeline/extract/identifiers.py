"""Every SIRET, SIREN, IBAN and RNA number printed in a file, with its checksum verdict and page."""

from __future__ import annotations

import regex

from models.layout import IngestedDocument
from models.records import Identifier
from pipeline.normalize.ids import find_ibans, find_sirets, iban_valid, siren_valid, siret_valid

# A SIREN is only taken where it is named as such: nine digits alone are too common (phone numbers, amounts).
SIREN = regex.compile(r"\bSIREN\s*(?:n°|:|\s)\s*(?P<v>\d{3}\s?\d{3}\s?\d{3})(?!\s?\d)", regex.IGNORECASE)
# An RNA number (Répertoire National des Associations): W + 9 digits ("W622001234", "RNA : W 622 001 234"). It has
# no checksum: ``valid`` says its shape is right. The SCDL Subventions export reads it as rnaBeneficiaire.
RNA = regex.compile(r"(?<![\p{L}\d])W\s?(?P<v>\d{3}\s?\d{3}\s?\d{3})(?![\s]?\d)")


def identifiers(doc: IngestedDocument) -> list[Identifier]:
    out: list[Identifier] = []
    for page in doc.pages:
        text = page.text.replace("\n", " ")
        for value, raw, start, end in find_sirets(text):
            out.append(Identifier("siret", value, raw, siret_valid(value), page.number, _around(text, start, end)))
        for m in SIREN.finditer(text):
            value = regex.sub(r"\s", "", m.group("v"))
            out.append(Identifier("siren", value, m.group("v"), siren_valid(value), page.number,
                                  _around(text, m.start(), m.end())))
        for value, raw, start, end in find_ibans(text):
            out.append(Identifier("iban", value, raw, iban_valid(value), page.number, _around(text, start, end)))
        for m in RNA.finditer(text):
            value = "W" + regex.sub(r"\s", "", m.group("v"))
            out.append(Identifier("rna", value, m.group(0), True, page.number, _around(text, m.start(), m.end())))
    return out


def _around(text: str, start: int, end: int, width: int = 60) -> str:
    return " ".join(text[max(0, start - width): end + width].split())
