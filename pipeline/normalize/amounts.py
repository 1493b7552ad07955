"""Money amounts as printed in French deliberations -> ``Decimal``.

Formats seen in the corpus (see tests/test_normalize_amounts.py for the sources):
"7 127 786,75 €" (space thousands, decimal comma), "1 525 742.70 €" (decimal point), "300.000 € H.T."
(dot thousands), "1’697€" (apostrophe thousands), "1\u202f200,00 €" (narrow no-break space), "13 200 euros",
"171.90€/mois", "14 439,60 \\n€" (sign on the next line), "7,2 M€", "10 millions d’euros".
Never float: every value is a ``Decimal``; amounts are quantized to cents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from . import fr
from ._text import APOSTROPHES, MINUS_SIGNS, THOUSANDS_SPACES
from .result import Parsed, refuse

__all__ = ["Money", "parse_decimal", "parse_amount", "find_amounts", "format_french"]

CENT = Decimal("0.01")
_DIGITS = frozenset("0123456789")
_SPACES = frozenset(THOUSANDS_SPACES)
_APOS = frozenset(APOSTROPHES)
_NUMBER_CHARS = _DIGITS | _SPACES | _APOS | {".", ","}


@dataclass(frozen=True, slots=True)
class Money:
    value: Decimal
    raw: str
    currency: str = "EUR"
    unit: str | None = None  # "mois" for "171.90€/mois", "jour" for "800 euros / jour / groupe"
    tax: str | None = None  # "HT" / "TTC"
    start: int = 0  # span in the searched text (find_amounts); 0..len(raw) for parse_amount
    end: int = 0


# --------------------------------------------------------------------------------------------------
# Bare numbers


def _int_digits(part: str, allow_dot: bool) -> tuple[str | None, str | None]:
    """Validate the integer part of a number; return (digits, None) or (None, reason)."""
    kinds = set()
    for c in part:
        if c in _DIGITS:
            continue
        if c in _SPACES:
            kinds.add("space")
        elif c in _APOS:
            kinds.add("apostrophe")
        elif c == "." and allow_dot:
            kinds.add("dot")
        else:
            return None, "ambiguous separators"
    if not part:
        return None, "no integer part"
    if not kinds:
        if len(part) > 1 and part[0] == "0":
            return None, "leading zero"
        return part, None
    if len(kinds) > 1:
        return None, "mixed thousands separators"
    groups = _GROUP_SPLIT.split(part)
    head, tail = groups[0], groups[1:]
    if not 1 <= len(head) <= 3 or any(len(g) != 3 for g in tail) or (head[0] == "0" and len(head) > 1):
        return None, "bad digit grouping"
    if head == "0":
        return None, "bad digit grouping"
    return "".join(groups), None


_GROUP_SPLIT = re.compile("[" + THOUSANDS_SPACES + APOSTROPHES + ".]")


def _split_both(s: str) -> tuple[str | None, str, str | None]:
    """Both marks: the rightmost one is the decimal mark ("1.650,00"), the other groups thousands."""
    dec_mark = "," if s.rfind(",") > s.rfind(".") else "."
    other = "." if dec_mark == "," else ","
    if s.count(dec_mark) > 1:
        return None, "", "ambiguous separators"
    int_part, dec = s.rsplit(dec_mark, 1)
    if any(c in _SPACES or c in _APOS for c in int_part):
        return None, "", "mixed thousands separators"
    digits, reason = _int_digits(int_part.replace(other, "."), allow_dot=True)
    return digits, dec, reason


def _split_one_dot(s: str) -> tuple[str | None, str, str | None]:
    """One dot followed by exactly 3 digits is a thousands dot ("300.000", "1.697"); anything else is a decimal
    point ("171.90", "1 525 742.70", "2.5")."""
    int_part, after = s.split(".")
    if len(after) == 3 and after.isdigit():
        if any(c in _SPACES or c in _APOS for c in int_part):
            return None, "", "ambiguous separators"  # "1 200.000": thousands or decimals?
        if not (int_part.isdigit() and 1 <= len(int_part) <= 3 and int_part[0] != "0"):
            return None, "", "ambiguous separators"  # "0.500", "1200.000"
        return int_part + after, "", None
    digits, reason = _int_digits(int_part, allow_dot=False)
    return digits, after, reason


def _split_marks(s: str) -> tuple[str | None, str, str | None]:
    """(integer digits, decimal digits, reason refused) of a number with its separators."""
    n_comma, n_dot = s.count(","), s.count(".")
    if n_comma and n_dot:
        return _split_both(s)
    if n_comma:
        if n_comma > 1:
            return None, "", "ambiguous separators"
        int_part, dec = s.split(",")
        digits, reason = _int_digits(int_part, allow_dot=False)
        return digits, dec, reason
    if n_dot > 1:  # "1.200.000": several dots can only group thousands
        digits, reason = _int_digits(s, allow_dot=True)
        return digits, "", reason
    if n_dot == 1:
        return _split_one_dot(s)
    digits, reason = _int_digits(s, allow_dot=False)
    return digits, "", reason


def _parse_unsigned(s: str) -> tuple[Decimal | None, str | None]:
    """Parse digits + separators (no sign, no currency). Decides which mark is the decimal one."""
    if not s or not any(c in _DIGITS for c in s):
        return None, "no digits"
    digits, dec, reason = _split_marks(s)
    if digits is None:
        return None, reason
    if s.count(",") or (s.count(".") == 1 and dec):
        if not dec:
            return None, "empty decimal part"
        if not all(c in _DIGITS for c in dec):
            return None, "bad decimal part"
        return Decimal(digits + "." + dec), None
    return Decimal(digits), None


def _strip_sign(s: str) -> tuple[str, bool]:
    """Remove accounting parentheses and a leading sign; return (rest, negative)."""
    negative = False
    if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
        negative, s = True, s[1:-1].strip()
    if s and s[0] in MINUS_SIGNS:
        negative, s = True, s[1:].lstrip()
    elif s and s[0] == "+":
        s = s[1:].lstrip()
    return s, negative


def parse_decimal(text: str) -> Parsed[Decimal]:
    """A bare French number: "8 395 650,00", "1 525 742.70", "1.200.000", "-1 200,50", "(1 200,50)"."""
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s, negative = _strip_sign(text.strip())
    if not s:
        return refuse(text, "no digits")
    if not any(c in _DIGITS for c in s):
        return refuse(text, "no digits")
    if any(c not in _NUMBER_CHARS for c in s):
        return refuse(text, "unexpected characters")
    value, reason = _parse_unsigned(s)
    if value is None:
        return refuse(text, reason or "not a number")
    if negative and value:
        value = -value
    return Parsed(value, text)


# --------------------------------------------------------------------------------------------------
# Amounts with a currency marker

_SP = "[" + THOUSANDS_SPACES + "]"
# Integer part: thousands groups with ONE kind of separator, or a plain digit run. Each group is exactly
# 3 digits not followed by another digit, so "50 3 1 3 1 200,00 €" only yields "1 200,00".
_INT = (
    r"(?:\d{1,3}(?:" + _SP + r"\d{3}(?!\d))+"
    r"|\d{1,3}(?:\.\d{3}(?!\d))+"
    r"|\d{1,3}(?:['’]\d{3}(?!\d))+"
    r"|\d+)"
)
# Not glued to a word, a digit or a separator before; not followed by more digits or a date/ratio part.
# The leading (?=\d) lets the regex engine skip non-digit positions fast (2x on a 100-page file).
_NUMBER = r"(?=\d)(?<![\w.,'’/])(?P<num>" + _INT + r"(?:[.,]\d+)?)(?!\d|[.,/'’]\d)"
# Whitespace between the number and its currency; one line break allowed ("14 439,60 \n€").
_GAP = r"[ \t\u00a0\u202f]*(?:\r?\n[ \t\u00a0\u202f]*)?"
_SCALE = (
    r"(?:(?P<scale>"
    + "|".join(sorted((re.escape(k) for k in fr.SCALES if len(k) == 1), key=len, reverse=True))
    + "|(?i:" + "|".join(sorted((re.escape(k) for k in fr.SCALES if len(k) > 1), key=len, reverse=True)) + ")"
    + r")(?:\s+d['’]\s?|\s+de\s+|\s?))?"
)
# "EURO-GRECE" (an association, Montpellier 2013) is not a currency: no letter or hyphen-letter after.
_NOT_WORD = r"(?![^\W\d_]|-[^\W\d_])"
_CURRENCY_ALT = "|".join(
    [re.escape(c) + (_NOT_WORD if c.isalpha() else "") for c in fr.CURRENCY_SYMBOLS]
    + ["(?i:" + "|".join(sorted(map(re.escape, fr.CURRENCY_WORDS), key=len, reverse=True)) + ")" + _NOT_WORD]
)
_CURRENCY = "(?P<cur>" + _CURRENCY_ALT + ")"


def _tax_form(printed: str) -> str:
    """Regex for one printed tax flag: "H.T." also matches "H.T", "H. T.", "h.t."; "HT" never takes a dot
    (after an undotted "HT"/"TTC" a dot ends the sentence)."""
    parts = [re.escape(c) if c != " " else r"\s+" for c in printed]
    rx = "".join(p if p != r"\." else r"\.\s?" for p in parts)
    if printed.endswith("."):
        rx = rx[: -len(r"\.\s?")] + r"\.?"
    return rx


_TAX_RE = (
    "(?i:"
    + "|".join(sorted((_tax_form(f) for forms in fr.TAX_FLAGS.values() for f in forms), key=len, reverse=True))
    + r")(?![^\W\d_])"
)
_TAX_NORMAL = {re.sub(r"[^a-z]", "", f.lower()): flag for flag, forms in fr.TAX_FLAGS.items() for f in forms}
_TAX = r"(?:[ \t\u00a0]*(?P<tax>" + _TAX_RE + r"))?"
_TAX2 = r"(?:[ \t\u00a0]*(?P<tax2>" + _TAX_RE + r"))?"
# "171.90€/mois/logement", "800 euros / jour / groupe": the first word is the unit.
_SLASH, _WORD = r"[ \t\u00a0]*/[ \t\u00a0]*", "[A-Za-zÀ-ÖØ-öø-ÿœ]+"
_UNIT = "(?:" + _SLASH + "(?P<unit>" + _WORD + ")(?:" + _SLASH + _WORD + ")*)?"
_MARKER = "(?P<marker>" + _GAP + _SCALE + _CURRENCY + ")" + _TAX + _UNIT + _TAX2

_FIND_MARKED = re.compile(_NUMBER + _MARKER)
_FIND_BARE = re.compile(_NUMBER + "(?:" + _MARKER + ")?")
_HAS_CURRENCY = re.compile(_CURRENCY_ALT)
# Whole-string form for parse_amount: loose number (validated by _parse_unsigned for a good reason).
_AMOUNT_FULL = re.compile(
    r"\s*(?:(?P<sign>[-\u2212\u2013+])\s*)?(?P<open>\()?\s*"
    r"(?P<num>\d[\d.,'’" + THOUSANDS_SPACES + r"]*?)\s*(?(open)\))"
    + _MARKER + r"[\s.,;:]*"
)
# A spaced minus counts as a sign only after these ("delta de - 1.697€", "Déficit : - 48.854,96 €");
# at a line start "- 500 000€ au titre du FPEL" is a bullet (Pas-de-Calais CP 2024).
_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]*%")
_SIGN_WORDS = frozenset({"de", "soit", "est", "à", "a", "of"})
_PREV_WORD = re.compile(r"([^\W\d_]+)\s*$")


def _tax(m: re.Match) -> str | None:
    t = m.group("tax") or m.group("tax2")
    return _TAX_NORMAL.get(re.sub(r"[^a-z]", "", t.lower())) if t else None


def _scale(m: re.Match) -> int:
    sc = m.group("scale")
    if not sc:
        return 1
    return fr.SCALES.get(sc, fr.SCALES.get(sc.lower(), 1))


def _money(value: Decimal, negative: bool, m: re.Match, raw: str, start: int, end: int) -> Money:
    value = value * _scale(m)
    if negative and value:
        value = -value
    unit = m.group("unit")
    return Money(
        value=value.quantize(CENT, rounding=ROUND_HALF_UP),
        raw=raw,
        unit=unit.lower() if unit else None,
        tax=_tax(m),
        start=start,
        end=end,
    )


def _sign_before(text: str, start: int) -> tuple[bool, int]:
    """Look left of a number for a minus sign; return (negative, new_start)."""
    i = start - 1
    if i < 0:
        return False, start
    c = text[i]
    if c in MINUS_SIGNS:
        if i == 0 or not text[i - 1].isalnum():  # "-8’355,59€", but not "C02-446" or "2022-1 000"
            return True, i
        return False, start
    if c == "+" and (i == 0 or not text[i - 1].isalnum()):
        return False, i
    if c in " \u00a0" and i >= 1 and text[i - 1] in MINUS_SIGNS:
        k = i - 2
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        if k < 0 or text[k] in "\r\n":
            return False, start  # bullet at a line start
        if text[k] in ":=":
            return True, i - 1
        w = _PREV_WORD.search(text, max(0, k - 20), k + 1)
        if w and w.group(1).lower() in _SIGN_WORDS:
            return True, i - 1
    return False, start


def find_amounts(text: str, *, bare: bool = False) -> list[Money]:
    """Every amount in running text, with its span and raw text.

    By default only numbers followed by a euro marker (€, euro(s), EUR, k€, M€, millions d'euros), with
    optional whitespace and one line break between. ``bare=True`` also returns numbers without a marker
    that have exactly two decimals (table cells such as "8 395 650,00"). Years, dates, SIRETs and counts
    ("18 801 places") carry no marker and no decimals, so they are not taken.
    """
    if not isinstance(text, str) or not text:
        return []
    out: list[Money] = []
    rx = _FIND_BARE if bare else _FIND_MARKED
    for m in rx.finditer(text):
        num = m.group("num")
        if m.group("marker") is None:
            # bare number: require a 2-digit decimal part
            if len(num) < 4 or num[-3] not in ",." or not num[-2:].isdigit():
                continue
            # "2.13" with a point and no thousands group is a section number ("dispositif 2.13",
            # Pas-de-Calais CP 2024), not a table cell.
            if num[-3] == "." and not any(c in _SPACES or c in _APOS for c in num):
                continue
            if _PERCENT_AFTER.match(text, m.end()):  # "4,66 %" is a rate
                continue
        value, _ = _parse_unsigned(num)
        if value is None:
            continue
        negative, start = _sign_before(text, m.start("num"))
        end = m.end()
        out.append(_money(value, negative, m, text[start:end], start, end))
    return out


def parse_amount(text: str) -> Parsed[Money]:
    """The text is one amount with its currency: "7 127 786,75 €", "300.000 € H.T.", "171.90€/mois".

    "(1 200,50) €" is negative (accounting style); "(1 200,50 €)" is a parenthetical remark and positive,
    as in "le devis total (4.550,00 €)" (Putanges 2019).
    """
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s = text
    stripped = s.strip()
    if stripped.startswith("(") and stripped.endswith(")") and _HAS_CURRENCY.search(stripped[-6:]):
        s = stripped[1:-1]
    if not any(c in _DIGITS for c in s):
        return refuse(text, "no digits")
    m = _AMOUNT_FULL.fullmatch(s)
    if m is None:
        if not _HAS_CURRENCY.search(s):
            return refuse(text, "no currency marker")
        if len(find_amounts(s)) > 1:
            return refuse(text, "several amounts")
        return refuse(text, "not a single amount")
    value, reason = _parse_unsigned(m.group("num").rstrip(THOUSANDS_SPACES))
    if value is None:
        return refuse(text, reason or "not a number")
    negative = bool(m.group("sign") and m.group("sign") != "+") or bool(m.group("open"))
    try:
        money = _money(value, negative, m, text, 0, len(text))
    except InvalidOperation:  # pragma: no cover - Decimal context overflow on absurd input
        return refuse(text, "number too large")
    return Parsed(money, text)


def format_french(value: Decimal, *, currency: bool = False) -> str:
    """A Decimal written the way French documents print it: ``Decimal("8395650")`` -> ``"8 395 650,00"``
    (``"8 395 650,00 €"`` with ``currency``): the inverse of ``parse_decimal``, for messages and contexts."""
    whole, _, cents = f"{value:.2f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    text = f"{sign}{' '.join(groups) or '0'},{cents}"
    return f"{text} €" if currency else text
