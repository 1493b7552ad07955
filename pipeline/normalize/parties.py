"""Whether two printed names designate the same party (an association, a body, a company): "Cheval Bleu" ~
"Le Cheval Bleu", "CAF du Pas-de-Calais" ~ "Caisse d'Allocation Familiales du Pas-de-Calais", "CNFPT" ~
"… (CNFPT)". Read by the annex linking (extract) and by the convention rules (reconcile)."""

from __future__ import annotations

from functools import lru_cache

import regex

from .names import name_key

CACHE = 65536  # names and sentences of a file are compared with every convention's party: read each once

STOP_WORDS = frozenset({"le", "la", "les", "du", "de", "des", "l", "d", "et"})
MIN_ACRONYM = 3  # "CAF", "FSL": shorter capitals are initials or roman numerals


_LETTERS = regex.compile(r"[\p{L}]+")
_ELIDED = regex.compile(r"\b\p{L}['’]")
_CAPITALISED_WORD = regex.compile(r"\p{Lu}[\p{L}]*")
_BRACKETED_ACRONYM = regex.compile(r"\((\p{Lu}{3,})\)")
_ELIDED_LOWER = regex.compile(r"\b\p{Ll}['’]")
_ACRONYM = regex.compile(r"\b\p{Lu}{3,}\b")


@lru_cache(maxsize=CACHE)
def party_words(text: str, keep_case: bool = False) -> tuple[str, ...]:
    """The words of a name that tell it apart (articles and "de", "du"… left out), as matching keys."""
    words = _LETTERS.findall(text)
    if keep_case:
        return tuple(words)
    return tuple(name_key(w) for w in words if w.lower() not in STOP_WORDS)


def _initials(name: str, *, drop_elided: bool) -> str:
    if drop_elided:  # "Caisse d'Allocation" -> "Caisse Allocation"
        name = _ELIDED.sub("", name)
    return "".join(w[0] for w in _CAPITALISED_WORD.findall(name))


def same_party(name: str, other: str | None) -> bool:
    """Whether ``name`` designates the party printed as ``other``: its meaningful words all in ``other``, or an
    acronym of ``name`` made of the initials of ``other`` or printed in it."""
    other = other or ""
    a, b = set(party_words(name)), set(party_words(other))
    if not a or not b:
        return False
    core = {w for w in a if len(w) > 2}
    if core and core <= b:
        return True
    acronyms = {w for w in party_words(name, keep_case=True) if w.isupper() and len(w) >= MIN_ACRONYM}
    initials = _initials(other, drop_elided=True)
    initials_full = _initials(other, drop_elided=False)
    return any(acr in initials or acr in initials_full or acr in other for acr in acronyms)


def short_name(name: str) -> str:
    """The acronym a name prints in brackets ("… (CNFPT)" -> "CNFPT"), else the name."""
    acronym = _BRACKETED_ACRONYM.search(name)
    return acronym.group(1) if acronym else name


@lru_cache(maxsize=CACHE)
def names_party(text: str, party: str | None) -> bool:
    """Whether a text names a party: its whole name, its bracketed acronym, or an acronym in the text that starts
    the name's initials ("ADIL" for "Association interdépartementale D'Information sur le Logement du Nord")."""
    if not party:
        return False
    if same_party(party, text) or same_party(short_name(party), text):
        return True
    initials = "".join(w[0] for w in _CAPITALISED_WORD.findall(_ELIDED_LOWER.sub("", party)))
    return any(len(token) >= MIN_ACRONYM and initials.startswith(token)
               for token in _ACRONYM.findall(text))
