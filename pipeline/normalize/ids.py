"""Identifiers: SIRET, SIREN, IBAN, RNA, deliberation and convention numbers, budget codes.

Checksums come from python-stdnum (``stdnum.fr.siret``, ``stdnum.fr.siren``, ``stdnum.iban``); parse_* only
normalise the printed form and say why when they cannot, *_valid check the checksum.
"""

from __future__ import annotations

import re

from stdnum import iban as _iban
from stdnum.fr import siren as _siren
from stdnum.fr import siret as _siret

from ._text import DASHES, normalize_dashes
from .result import Parsed, refuse

__all__ = [
    "parse_siret", "siret_valid", "siret_exact", "parse_siren", "siren_valid", "parse_iban", "iban_valid", "rna_valid",
    "find_sirets", "find_ibans", "parse_delib_number", "parse_convention_ref", "parse_budget_code",
]

# Labels printed before a number: "SIRET : 343 097 333 00078", "sous le n° 48054398200023".
_ID_LABEL = re.compile(
    r"^\s*(?:(?:identifi[ée]e?\s+)?(?:au\s+)?(?:r[ée]pertoire\s+)?(?:SIRET|SIREN|IBAN)\s*)?"
    r"(?:(?:sous\s+le\s+)?(?:num[ée]ro|n\s*°|nº|no\.?)\s*)?:?\s*",
    re.IGNORECASE,
)
_DIGIT_SEPARATORS = re.compile(r"[\s.\u00a0\u202f\u2009" + DASHES + "]")


def _digits(text: str, n: int, what: str) -> Parsed[str]:
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s = _ID_LABEL.sub("", text, count=1)
    compact = _DIGIT_SEPARATORS.sub("", s)
    if not compact:
        return refuse(text, "no digits")
    if not compact.isdigit() or not compact.isascii():
        return refuse(text, f"a {what} has digits only")
    if len(compact) != n:
        return refuse(text, f"a {what} has {n} digits, found {len(compact)}")
    return Parsed(compact, text)


def parse_siret(text: str) -> Parsed[str]:
    """"343 097 333 00078" -> "34309733300078" (14 digits, separators removed; checksum not checked)."""
    return _digits(text, 14, "SIRET")


def parse_siren(text: str) -> Parsed[str]:
    """"343 097 333" -> "343097333" (9 digits)."""
    return _digits(text, 9, "SIREN")


def siret_valid(s: str) -> bool:
    """Luhn check of a SIRET (with La Poste's exception), via stdnum."""
    try:
        return isinstance(s, str) and bool(_siret.is_valid(s))
    except Exception:  # stdnum is defensive, but bad text must never raise here
        return False


def siret_exact(s: str | None) -> bool:
    """A SIRET written as exactly 14 digits that passes its Luhn check (La Poste's exception included)."""
    return bool(s) and len(s) == 14 and s.isdigit() and siret_valid(s)


def siren_valid(s: str) -> bool:
    try:
        return isinstance(s, str) and bool(_siren.is_valid(s))
    except Exception:
        return False


_IBAN_SHAPE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}")


def parse_iban(text: str) -> Parsed[str]:
    """"IBAN FR76 1007 1750 0000 0010 0516 217" -> "FR7610071750000000100516217" (compact, upper case;
    checksum not checked, see iban_valid)."""
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s = _ID_LABEL.sub("", text, count=1)
    compact = re.sub(r"[\s\u00a0\u202f\-]", "", s).upper()
    if not compact:
        return refuse(text, "empty")
    if not _IBAN_SHAPE.fullmatch(compact):
        return refuse(text, "not an IBAN: expected 2 letters, 2 check digits and 10 to 30 letters or digits")
    return Parsed(compact, text)


def iban_valid(s: str) -> bool:
    """ISO 13616 mod-97 check and country length, via stdnum."""
    try:
        return isinstance(s, str) and bool(_iban.is_valid(s))
    except Exception:
        return False


def rna_valid(s: str) -> bool:
    """RNA number of an association: "W" followed by 9 digits ("W623001234")."""
    return isinstance(s, str) and re.fullmatch(r"W\d{9}", re.sub(r"\s", "", s).upper()) is not None


# --------------------------------------------------------------------------------------------------
# Finding identifiers in running text

# 14 digits, plain or grouped 3-3-3-5 ("343 097 333 00078"), not inside a longer digit run.
_SIRET_RE = re.compile(
    r"(?=\d)(?<![\d])(?<!\d[ \u00a0.])(\d{3}([ \u00a0.]?)\d{3}\2\d{3}\2\d{5})(?![\d])(?![ \u00a0.]\d)"
)
_IBAN_RE = re.compile(r"(?=[A-Z])(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{1,4}){3,8})(?![A-Za-z0-9])")


def find_sirets(text: str) -> list[tuple[str, str, int, int]]:
    """Every SIRET-shaped number in running text: (14 digits, raw, start, end). The checksum is not
    required (a misprinted SIRET is still reported); check it with siret_valid."""
    if not isinstance(text, str):
        return []
    out = []
    for m in _SIRET_RE.finditer(text):
        raw = m.group(1)
        out.append((re.sub(r"\D", "", raw), raw, m.start(1), m.end(1)))
    return out


def find_ibans(text: str) -> list[tuple[str, str, int, int]]:
    """Every IBAN in running text: (compact, raw, start, end). Groups are taken while the result stays a
    valid IBAN ("… 0516 217 BIC …" stops before "BIC"); an IBAN with a bad checksum is still reported, with
    trailing all-letter groups dropped."""
    if not isinstance(text, str):
        return []
    out = []
    for m in _IBAN_RE.finditer(text):
        raw, start = m.group(1), m.start(1)
        toks = [(t.start(), t.end()) for t in _IBAN_TOKEN.finditer(raw)]
        parts = [raw[i:j] for i, j in toks]
        chosen = next((k for k in range(len(parts), 0, -1) if iban_valid("".join(parts[:k]))), None)
        if chosen is None:
            chosen = len(parts)
            while chosen > 1 and parts[chosen - 1].isalpha():
                chosen -= 1
        compact = "".join(parts[:chosen])
        if len(compact) < 15:
            continue
        end = start + toks[chosen - 1][1]
        out.append((compact, text[start:end], start, end))
    return out


_IBAN_TOKEN = re.compile(r"[A-Z0-9]+")


# --------------------------------------------------------------------------------------------------
# Deliberation / convention numbers, budget codes

_NUMBER_PREFIX = re.compile(
    r"^(?:(?:d[ée]lib[ée]ration|convention|avenant)\s+)?(?:(?:n\s*°|nº|no\.?(?=\s*\d)|num[ée]ro)\s*)?",
    re.IGNORECASE,
)
_REF_CHARS = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.\-]*")


def _ref(text: str) -> Parsed[str]:
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s = normalize_dashes(text).strip().strip("()[]«»\"").strip()
    s = _NUMBER_PREFIX.sub("", s, count=1)
    s = s.rstrip(".,;: ")
    if not s:
        return refuse(text, "no number")
    if re.search(r"\d\s+\d", s):
        return refuse(text, "digit groups separated only by a space")
    s = re.sub(r"\s+", "", s)
    if not any(c.isdigit() for c in s):
        return refuse(text, "no digits")
    if len(s) > 40 or not _REF_CHARS.fullmatch(s):
        return refuse(text, "unexpected characters in a number")
    return Parsed(s, text)


def parse_delib_number(text: str) -> Parsed[str]:
    """"N°2024-273" / "(N°2024-273)" -> "2024-273", "n° 2013 / 11" -> "2013/11", "DE-2013/86" -> "DE-2013/86".

    Rule: drop the "N°/n°/No/numéro" prefix and all whitespace, keep separators as printed, dashes – — -> -.
    "20220329 2" (two digit groups with only a space between) is refused: the separator is not printed.
    """
    return _ref(text)


def parse_convention_ref(text: str) -> Parsed[str]:
    """"2023-01628", "n° 2024 – 04102" -> "2024-04102", "N°2023-01628" -> "2023-01628" (same rule)."""
    return _ref(text)


# Operation codes of the Pas-de-Calais budget ("C02-446A05", "C02-428O10"), imputations nature/fonction
# ("6568/93446"), and a nature alone ("6574").
_OPERATION_CODE = re.compile(r"[A-Z]\d{2}-\d{3}[A-Z]\d{2}")
_IMPUTATION = re.compile(r"\d{2,6}(?:/\d{2,6})+|\d{3,6}")


def parse_budget_code(text: str) -> Parsed[str]:
    """Operation code "C02-446A05" or imputation "6568/93446", spaces removed, letters upper case."""
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s = normalize_dashes(text).strip().strip("«»\"“”()").strip()
    s = re.sub(r"\s*([/\-])\s*", r"\1", s).upper()
    if not s:
        return refuse(text, "empty")
    if _OPERATION_CODE.fullmatch(s) or _IMPUTATION.fullmatch(s):
        return Parsed(s, text)
    return refuse(text, "not a budget operation code (C02-446A05) or imputation (6568/93446)")
