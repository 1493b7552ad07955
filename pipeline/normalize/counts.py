"""Counts: votes, members, places, ETP -> ``int`` (or ``Decimal`` for "8,5 ETP").

"24 voix", "Abstention : 15 (Groupe …)", "10 849 places", "8,5 ETP", and numbers in words in older
registers ("vingt-quatre voix", "trente et un"), read with ``text2num``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from text_to_num import text2num

from . import fr
from ._text import THOUSANDS_SPACES
from .amounts import _int_digits
from .result import Parsed, refuse

__all__ = ["parse_count"]

# "Pour : 24 voix", "Votants : 27": a leading label ending with a colon, without digits.
_LABEL = re.compile(r"^[^\d:]{1,60}?:\s*")
_SP = "[" + THOUSANDS_SPACES + "]"
# A digit count: thousands groups are validated afterwards ("3 1 3" is refused, not read as 313).
_DIGIT_COUNT = re.compile(
    r"(?P<sign>[-\u2212\u2013]\s*)?(?P<num>\d(?:\d|" + _SP + r"(?=\d))*)(?:[.,](?P<dec>\d+))?(?![.,]?\d)"
)
# What may not follow a count: a currency or percent (an amount), an ordinal suffix ("1er", "2ème").
_NOT_A_COUNT = re.compile(r"^\s*(?:%|€|(?i:euros?\b)|EUR\b|/|°|(?i:ers?|ère|ème|eme|e|è)(?![^\W\d_]))")
_NUMBER_WORDS = frozenset(fr.NUMBER_WORDS)
_ZERO_WORDS = frozenset(fr.ZERO_WORDS)
_EDGE_PUNCT = ",;:.()«»\"'’"


def _words_count(s: str) -> tuple[int | None, str | None, str]:
    """Read a leading run of French number words; return (value, reason, rest)."""
    tokens = s.split()
    run: list[str] = []
    used = 0
    for tok in tokens:
        word = tok.strip(_EDGE_PUNCT).lower()
        parts = word.split("-")
        if word and all(p in _NUMBER_WORDS for p in parts) and not (not run and parts[0] == "et"):
            run.extend(p for p in parts)
            used += 1
            if tok[-1] in _EDGE_PUNCT:
                break
        else:
            break
    rest = " ".join(tokens[used:])
    if not run:
        first = tokens[0].strip(_EDGE_PUNCT).lower() if tokens else ""
        if first in _ZERO_WORDS:
            return 0, None, " ".join(tokens[1:])
        return None, "no number", rest
    while run and run[-1] == "et":
        run.pop()
    words = " ".join("un" if w in ("premier", "première") else w for w in run)
    try:
        value = text2num(words, "fr")
    except (ValueError, TypeError, OverflowError):
        return None, "unreadable number words", rest
    return value, None, rest


def parse_count(text: str) -> Parsed[int | Decimal]:
    """"24 voix" -> 24, "8,5 ETP" -> Decimal("8.5"), "vingt-quatre voix" -> 24, "trente et un" -> 31."""
    if not isinstance(text, str):
        return refuse(text, "not a string")
    s = text.strip()
    label = _LABEL.match(s)
    if label:
        s = s[label.end():]
    if not s:
        return refuse(text, "no number")
    m = _DIGIT_COUNT.match(s)
    if m:
        if m.group("sign"):
            return refuse(text, "negative count")
        digits, reason = _int_digits(m.group("num"), allow_dot=False)
        if digits is None:
            return refuse(text, reason or "not a number")
        rest = s[m.end():]
        if _NOT_A_COUNT.match(rest):
            return refuse(text, "not a count (amount, percentage or ordinal)")
        if any(c.isdigit() for c in rest):
            return refuse(text, "several numbers")
        dec = m.group("dec")
        return Parsed(Decimal(digits + "." + dec) if dec else int(digits), text)
    if s[0] in "-\u2212\u2013" and len(s) > 1 and s[1:].lstrip()[:1].isdigit():
        return refuse(text, "negative count")
    value, reason, rest = _words_count(s)
    if value is None:
        return refuse(text, reason or "no number")
    if any(c.isdigit() for c in rest):
        return refuse(text, "several numbers")
    return Parsed(value, text)
