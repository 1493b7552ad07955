"""OCR slips inside numbers: repaired where safe, refused where a word or an identifier could change.

Sources: "scan" = what Tesseract read on the scanned copy of the seed sample (samples/scans/) and on the corpus
scans (montpellier/CR_CM_28_03_2011.pdf, putanges/pv-du-25-mars-2024.pdf); "brief" = the issue's examples;
"seed" = strings of the seed deliberation with the slips Tesseract makes on such text.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.amounts import parse_amount
from pipeline.normalize.ocr_fix import fix_digit_groups

# (source, as read by OCR, repaired)
REPAIRS = [
    ("brief", "1O 000", "10 000"),
    ("brief", "l 200,50", "1 200,50"),
    ("brief", "7 127 786, 75", "7 127 786,75"),
    ("seed", "pour un montant total de 7 127 786, 75 € ainsi que",
     "pour un montant total de 7 127 786,75 € ainsi que"),
    ("seed", "pour un montant total de 9O2 200,24 €", "pour un montant total de 902 200,24 €"),
    ("seed", "8 395 65O,OO", "8 395 650,00"),
    ("seed", "1 259 869,O5", "1 259 869,05"),
    ("seed", "13 989 48O,46", "13 989 480,46"),
    ("seed", "l 583 l00,00", "1 583 100,00"),
    ("seed", "7 l27 786,75 €", "7 127 786,75 €"),
    ("seed", "2 87O 691 ,00", "2 870 691,00"),
    ("seed", "Pour : 2O voix", "Pour : 20 voix"),
    ("seed", "Contre : O voix", "Contre : 0 voix"),
    ("seed", "Abstention : l5 (Groupe Socialiste", "Abstention : 15 (Groupe Socialiste"),
    ("seed", "Absents sans délégation de vote : 5", "Absents sans délégation de vote : 5"),
    ("seed", "en date du O3/O6/2O24 ;", "en date du 03/06/2024 ;"),
    ("seed", "(N°2O24-273)", "(N°2O24-273)"),  # glued to N°: left for the identifier parser
    ("seed", "délibération n° 2O24-273", "délibération n° 2024-273"),
    ("scan", "_687 145,98", "687 145,98"),  # a speck read as an underscore
    ("scan", "45 000,00_", "45 000,00"),
    ("scan", "Pour : 5O", "Pour : 50"),
    ("scan", "Contre : O", "Contre : 0"),
    ("scan", "O abstention", "0 abstention"),
    ("scan", "1 2l0,50 €", "1 210,50 €"),
    ("scan", "2o24", "2024"),
    ("scan", "650, 00", "650,00"),  # "00" cents: no list of numbers prints "00"
    ("scan", "200, 50 €", "200,50 €"),
    ("seed", "75 OOO,OO €", "75 000,00 €"),  # a whole group of look-alikes after a group of digits
    ("seed", "2 OOO OOO €", "2 000 000 €"),
]

# (source, text that must come back unchanged, why)
REFUSALS = [
    ("brief", "Lol", "a word"),
    ("brief", "COOL", "a word of look-alike letters"),
    ("scan", "Il a voté", "no digit in the word"),
    ("scan", "lO", "look-alike letters only"),
    ("scan", "IO", "look-alike letters only"),
    ("scan", "Olivier BARBARIN", "a name"),
    ("seed", "C02-428O10", "an operation code: the O is a letter there"),
    ("seed", "C02-446A05", "an operation code"),
    ("seed", "1er janvier 2024", "an ordinal"),
    ("seed", "2ème commission", "an ordinal"),
    ("seed", "articles 1, 5, 10 et 12", "a list of numbers, not a decimal comma"),
    ("seed", "articles 12, 13 et 14", "a list of numbers"),
    ("seed", "entre 2023 et 2024, 15 structures", "a year then a count"),
    ("scan", "Titre I 200", "a Roman numeral before a number"),
    ("scan", "| 200,00 |", "a table ruling read as a bar is not a 1"),
    ("scan", "l’article 12", "an elided article"),
    ("scan", "l' 200", "an elided article"),
    ("scan", "1o", "1° (numéro) misread: ambiguous"),
    ("scan", "snake_case __init__", "underscores inside words"),
    ("scan", "O", "a lone O with nothing to count"),
    ("scan", "Le point O du jour", "a lone O in a sentence"),
    ("scan", "7 127 786,75 €", "already right"),
    ("scan", "", "empty"),
    ("scan", "le 12 Ill", "a group without an O: the Ill is a river"),
    ("scan", "OOO,OO €", "look-alikes only, no digit group before them"),
]


@pytest.mark.parametrize("source,text,expected", REPAIRS, ids=[r[1] for r in REPAIRS])
def test_fix_digit_groups_repairs_ocr_slips(source, text, expected):
    assert fix_digit_groups(text) == expected


@pytest.mark.parametrize("source,text,why", REFUSALS, ids=[r[1] or "empty" for r in REFUSALS])
def test_fix_digit_groups_refuses_what_is_not_safe(source, text, why):
    assert fix_digit_groups(text) == text, why


@pytest.mark.parametrize("source,text,expected", [r for r in REPAIRS if "€" in r[2]])
def test_repaired_amounts_parse(source, text, expected):
    start = next(i for i, c in enumerate(expected) if c.isdigit())
    assert parse_amount(expected[start:expected.index("€") + 1]).ok


_OCR_ALPHABET = "0123456789OolI|_ ,.:€()-/abcdeLNrsvx'"


@given(st.text(alphabet=_OCR_ALPHABET, max_size=40))
def test_repair_only_substitutes_characters_and_removes_spaces(text):
    """pipeline.ocr maps a repaired value back to the OCR words (and their confidences) it came from: this
    works because a repair substitutes a look-alike letter by its digit or drops a space or a speck."""
    fixed = fix_digit_groups(text)
    i = 0
    for ch in fixed:
        while i < len(text) and text[i] in " _" and ch != text[i]:
            i += 1
        assert i < len(text), (text, fixed)
        assert ch == text[i] or (text[i] in "OoIl" and ch in "01"), (text, fixed)
        i += 1


@given(st.text(alphabet=_OCR_ALPHABET, max_size=40))
def test_repair_is_idempotent(text):
    once = fix_digit_groups(text)
    assert fix_digit_groups(once) == once


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2),
       st.randoms(use_true_random=False))
def test_zeros_and_ones_read_as_letters_come_back(value, rnd):
    """Round trip: a French amount whose 0s and 1s OCR read as O and l is repaired to the amount printed."""
    integer, cents = f"{value:.2f}".split(".")
    groups = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    printed = " ".join(groups) + "," + cents + " €"
    slipped = "".join(rnd.choice({"0": "0O", "1": "1l"}.get(c, c)) for c in printed)
    if not any(c.isdigit() for c in slipped.split()[0]) and len(slipped.split()[0]) > 1:
        return  # a group of look-alike letters only ("lO") is refused on purpose
    fixed = fix_digit_groups(slipped)
    if fixed != printed:
        # left as read on purpose: a lone "l" or "O" the next group does not confirm, and a group of "l" only
        # ("lll": no O to tell it from a word such as "Ill")
        assert any(tok in ("l", "O") or set(tok) <= set("l") for tok in slipped.split()), (slipped, fixed)
    else:
        assert parse_amount(fixed).value.value == value
