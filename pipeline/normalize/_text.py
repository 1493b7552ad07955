"""Character classes and small text helpers shared by the normalisers."""

from __future__ import annotations

import unicodedata

import regex

# Thousands separators seen in the corpus: space, no-break space, narrow no-break space (Pas-de-Calais
# CP 2024 annex 8 grid: "1\u202f200,00 €"), thin and figure spaces.
THOUSANDS_SPACES = " \u00a0\u202f\u2009\u2007"
# Apostrophe thousands ("1’697€", "-8’355,59€": Couthenans CR 2021-06-04).
APOSTROPHES = "'’"
# Minus signs: hyphen-minus, minus sign, en dash ("soit – 1’697€", Couthenans CR 2021-06-04).
MINUS_SIGNS = "-\u2212\u2013"
# Dashes to normalise to "-" inside identifiers ("n° 2024 – 04102").
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"

_DASH_TABLE = str.maketrans({c: "-" for c in DASHES if c != "-"})
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def normalize_dashes(text: str) -> str:
    return text.translate(_DASH_TABLE)


def strip_accents(text: str) -> str:
    """"HINGREZ-CÉRÉDA" -> "HINGREZ-CEREDA", "Œuvre" -> "OEuvre"."""
    text = text.translate(_LIGATURES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


# A hyphen after a letter at a line's end: the word or name goes on at the next line ("Jean-" / "Claude GROSS").
_LINE_END_HYPHEN = regex.compile(r"(?<=\p{L})-[ \t]*\r?\n\s*(?=\S)")
_SOFT_HYPHEN_BREAK = regex.compile(r"\u00ad\s*")


def collapse(text: str | None) -> str:
    """Runs of whitespace (line breaks included) as one space, trimmed; None as the empty text. A line that ends
    with a hyphen after a letter goes on with the next one without a space, as ``Paragraph.flat`` joins lines."""
    text = text or ""
    if "-" in text and "\n" in text:
        text = _LINE_END_HYPHEN.sub("-", text)
    if "\u00ad" in text:  # a word hyphenated at a line's end (see ``pipeline.ingest.resolve_line_end_hyphens``)
        text = _SOFT_HYPHEN_BREAK.sub("", text)
    return " ".join(text.split())
