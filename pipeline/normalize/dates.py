"""Dates and periods in French deliberations -> ``datetime.date``.

The common forms are read with regexes and the month table of ``fr.py``: "17 juin 2024", "17 JUIN 2024",
"1er janvier 2024" (also "1\\ner" wrapped, Putanges 2019), "31 aout 2025", "lundi 4 février 2013",
"01/07/2021", "10.04.15", and dates in words ("L'an deux mille vingt-quatre, le dix-sept juin",
"le vingt-huit mars deux mil onze"). ``dateparser`` is called only for what is left, through one wrapper
with fixed settings (French, day-first, strict: no relative dates, no filled-in day or year), cached.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from text_to_num import text2num

from . import fr
from .result import Parsed, refuse

__all__ = ["Period", "parse_date", "find_dates", "parse_period", "find_periods"]

MIN_YEAR, MAX_YEAR = 1800, 2199
# Two-digit years ("10.04.15"): 00-69 -> 2000-2069, 70-99 -> 1970-1999. Fixed, not relative to today.
TWO_DIGIT_PIVOT = 70


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date


# --------------------------------------------------------------------------------------------------
# Regex building blocks (data from fr.py)

_L = r"(?![^\W\d_])"  # not followed by a letter
_MONTHS = {k.lower(): v for k, v in fr.MONTHS.items()}
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WEEKDAY_ALT = "|".join(fr.WEEKDAYS)
_ORD = "(?:" + "|".join(map(re.escape, fr.DAY_ORDINAL_SUFFIXES)) + ")" + _L
_NW_ALT = "|".join(sorted(map(re.escape, fr.NUMBER_WORDS), key=len, reverse=True))
_NW_FIRST_ALT = "|".join(sorted((re.escape(w) for w in fr.NUMBER_WORDS if w != "et"), key=len, reverse=True))
_NW = "(?:" + _NW_ALT + ")" + _L
_NW_RUN = "(?:" + _NW_FIRST_ALT + ")" + _L + r"(?:[\s\-]+" + _NW + ")*"
_YEAR_WORDS = r"(?:deux[\s\-]+mil(?:le)?|mille|mil)" + _L + r"(?:[\s\-]+" + _NW + ")*"
_DAY_DIGITS = r"[0-3]?\d(?:\s*" + _ORD + ")?"


# "le douze du mois de mars", "le 3 du mois d'avril": the month named after "du mois de"
_OF_MONTH = r"(?:du\s+mois\s+d(?:e\s+|['’]\s?))?"


def _textual(p: str, *, year: str = "optional", month: str = "required") -> str:
    """'[weekday] D[er] month [YYYY]' with group names prefixed by ``p``."""
    y = r"(?:,?\s+(?P<" + p + r"y>\d{4})(?!\d))"
    y = {"optional": y + "?", "required": y}[year]
    m = r"\s+" + _OF_MONTH + r"(?P<" + p + r"m>" + _MONTH_ALT + ")" + _L + r"\.?" + y
    m = {"required": m, "optional": "(?:" + m + ")?"}[month]
    return (
        r"(?:(?<![^\W\d_])(?P<" + p + r"wd>" + _WEEKDAY_ALT + r")\s+)?(?<![\d.,/])(?P<" + p + r"d>[0-3]?\d)"
        r"(?:\s*" + _ORD + ")?" + m
    )


def _numeric(p: str) -> str:
    """'DD/MM/YYYY', 'DD.MM.YY', 'DD-MM-YYYY' (hyphen only with 4-digit years: "7-8-17" is a parcel list)."""
    return (
        r"(?<![\d/.\-])(?:(?P<" + p + r"nd>[0-3]?\d)(?P<" + p + r"s>[/.])(?P<" + p + r"nm>[01]?\d)(?P=" + p
        + r"s)(?P<" + p + r"ny>\d{4}|\d{2})|(?P<" + p + r"hd>[0-3]?\d)-(?P<" + p + r"hm>[01]?\d)-(?P<" + p
        + r"hy>\d{4}))(?!\d|[/.\-]\d)"
    )


_LAN = (
    r"(?P<lan>l['’]\s?an)\s+(?P<lan_y>" + _YEAR_WORDS + r"|(?:1[89]|20)\d\d)(?:\s*,\s*(?:le\s+)?|\s+le\s+)"
    # (the weekday may come before the day: "L'an deux mille vingt et un, le Jeudi 25 février", 2021)
    r"(?:(?:" + _WEEKDAY_ALT + r")\s+)?"
    r"(?P<lan_d>" + _NW_RUN + "|" + _DAY_DIGITS + r")\s+" + _OF_MONTH + r"(?P<lan_m>" + _MONTH_ALT + ")" + _L
)
_DMY_WORDS = (
    r"(?<![^\W_])(?P<w_d>" + _NW_RUN + "|" + _DAY_DIGITS + r")\s+" + _OF_MONTH + r"(?P<w_m>" + _MONTH_ALT + ")" + _L
    + r"\s+(?P<w_y>" + _YEAR_WORDS + ")"
)
_DM_WORDS = r"(?<![^\W_])(?P<x_d>" + _NW_RUN + r")\s+(?P<x_m>" + _MONTH_ALT + ")" + _L

_DATE_RE = re.compile(
    "|".join(["(?:" + _LAN + ")", "(?:" + _DMY_WORDS + ")", "(?:" + _textual("t_") + ")",
              "(?:" + _numeric("n_") + ")"]),
    re.IGNORECASE,
)
# Every date form but the numeric one contains a month name, and a numeric date a "/" or "." or "-" between
# digits: candidates are found with str.find on these anchors, and the regexes only run there. Running them at
# every position of a 100-page file is 10x slower (CPython's re has no fast path for a leading look-behind).
_MONTH_AT = re.compile(r"(?<![^\W\d_])(?:" + _MONTH_ALT + ")" + _L, re.IGNORECASE)
_MONTH_STEMS = tuple(sorted({name[:3] for name in _MONTHS}))  # "jan", "fév", "fev", "mar", …
_NUMERIC_RE = re.compile(_numeric("n_"))
_PERIOD_ANCHORS = tuple(sorted({"du", "entre"} | {p.split()[0] for p in fr.YEAR_PERIOD_PHRASES}))
# Text searched around a month name: a weekday and a day ("mercredi 1er", "vingt et un") fit in 40 characters
# on the left, "L'an mil neuf cent quatre-vingt-dix-neuf, le vingt-huit" needs 100; a year in words on the right 50.
_LEFT_MARGIN, _LEFT_MARGIN_LAN, _RIGHT_MARGIN = 40, 100, 50
_LAN_HINT = re.compile(r"l['’]\s?an\b", re.IGNORECASE)
_DM_WORDS_RE = re.compile(_DM_WORDS, re.IGNORECASE)
# dateparser is only worth asking when the text has a month name or three digit groups ("2024/06/17");
# "18H45" or "N°2024-273" are not dates and must not pay for it.
_FALLBACK_HINT = re.compile(
    r"(?:" + _MONTH_ALT + r")" + _L + r"|\d+\s*[/.\-]\s*\d+\s*[/.\-]\s*\d+", re.IGNORECASE
)
_ISO_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")
# Cheap pre-filter: a digit or a month stem; without one there is no date to look for.
_HINT = re.compile(r"\d|" + "|".join(map(re.escape, _MONTH_STEMS)), re.IGNORECASE)

_YEAR_PERIOD_ALT = "|".join(
    re.escape(p).replace("'", "['’]\\s?").replace(r"\ ", r"\s+") for p in fr.YEAR_PERIOD_PHRASES
)
_PERIOD_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:du|entre\s+le)\s+(?:" + _textual("a_", year="optional", month="optional") + "|"
    + _numeric("an_") + r")\s+(?:au|jusqu['’]\s?au|et\s+le)\s+(?:" + _textual("b_", year="required") + "|"
    + _numeric("bn_") + r"))"
    r"|(?:(?<![^\W\d_])(?:" + _YEAR_PERIOD_ALT + r")\s+(?P<yy>\d{4})(?!\d))",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------------
# Building dates from match groups


def _make_date(y: int, m: int, d: int) -> tuple[dt.date | None, str | None]:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None, f"year {y} out of range"
    if not 1 <= m <= 12:
        return None, f"invalid month {m}"
    try:
        return dt.date(y, m, d), None
    except ValueError:
        return None, f"invalid date: day {d} does not exist in month {m} of {y}"


def _year2(s: str) -> int:
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < TWO_DIGIT_PIVOT else 1900
    return y


def _words_value(s: str) -> int | None:
    words = re.sub(r"[\s\-]+", " ", s.lower()).strip()
    words = re.sub(r"\bpremi[eè]re?\b", "un", words)
    while words.endswith(" et"):
        words = words[:-3]
    try:
        return text2num(words, "fr")
    except (ValueError, TypeError, OverflowError):
        return None


def _day_value(s: str) -> int | None:
    s = s.strip()
    if s[:1].isdigit():
        return int(re.match(r"\d+", s).group())
    v = _words_value(s)
    return v if v is not None and 1 <= v <= 31 else None


def _year_words(s: str) -> int | None:
    """A year in words ("deux mille vingt-quatre"), or in digits after "L'an" ("L'an 2024, le 12 mars")."""
    v = int(s) if s.isdigit() else _words_value(s)
    return v if v is not None and 1000 <= v <= 2999 else None


def _numeric_groups(m: re.Match, p: str) -> tuple[int, int, int] | None:
    if m.group(p + "nd") is not None:
        return _year2(m.group(p + "ny")), int(m.group(p + "nm")), int(m.group(p + "nd"))
    if m.group(p + "hd") is not None:
        return int(m.group(p + "hy")), int(m.group(p + "hm")), int(m.group(p + "hd"))
    return None


def _from_match(m: re.Match) -> tuple[dt.date | None, str | None]:
    """Date (or refusal) of one _DATE_RE match; (None, "no year") for a textual date without a year."""
    g = m.groupdict()
    if g.get("lan") is not None:
        y, d = _year_words(m.group("lan_y")), _day_value(m.group("lan_d"))
        if y is None or d is None:
            return None, "unreadable date in words"
        return _make_date(y, _MONTHS[m.group("lan_m").lower()], d)
    if g.get("w_d") is not None:
        y, d = _year_words(m.group("w_y")), _day_value(m.group("w_d"))
        if y is None or d is None:
            return None, "unreadable date in words"
        return _make_date(y, _MONTHS[m.group("w_m").lower()], d)
    if g.get("t_d") is not None:
        if m.group("t_y") is None:
            return None, "no year"
        return _make_date(int(m.group("t_y")), _MONTHS[m.group("t_m").lower()], int(m.group("t_d")))
    ymd = _numeric_groups(m, "n_")
    if ymd is None:  # pragma: no cover - every alternative is handled above
        return None, "no date found"
    return _make_date(*ymd)


def _positions(lowered: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted start positions of every needle in ``lowered`` (str.find is far faster than a regex scan)."""
    out = []
    for needle in needles:
        i = lowered.find(needle)
        while i >= 0:
            out.append(i)
            i = lowered.find(needle, i + 1)
    out.sort()
    return out


def _lowered(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) else None  # a few characters change length when lowered


def _month_positions(text: str) -> list[tuple[int, int]]:
    low = _lowered(text)
    if low is None:
        return [(m.start(), m.end()) for m in _MONTH_AT.finditer(text)]
    out = []
    for p in _positions(low, _MONTH_STEMS):
        m = _MONTH_AT.match(text, p)
        if m:
            out.append((p, m.end()))
    return out


def _numeric_matches(text: str) -> list[re.Match]:
    """_NUMERIC_RE matches, tried only where a "/", "." or "-" stands between two digits."""
    out: list[re.Match] = []
    last = -1
    for sep in "/.-":
        i = text.find(sep)
        while i >= 0:
            if 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                for start in (i - 2, i - 1):
                    if start >= 0:
                        m = _NUMERIC_RE.match(text, start)
                        if m:
                            out.append(m)
                            break
            i = text.find(sep, i + 1)
    out.sort(key=lambda m: m.start())
    dedup = []
    for m in out:
        if m.start() >= last:
            dedup.append(m)
            last = m.end()
    return dedup


def _date_matches(text: str) -> list[re.Match]:
    """All _DATE_RE matches of ``text``, left to right, without overlaps (same result as finditer)."""
    found: list[re.Match] = []
    for ms, me in _month_positions(text):
        if found and found[-1].end() > ms:
            continue  # month already inside the previous date
        left = max(0, ms - _LEFT_MARGIN_LAN)
        if not _LAN_HINT.search(text, left, ms):
            left = max(0, ms - _LEFT_MARGIN)
        for m in _DATE_RE.finditer(text, left, me + _RIGHT_MARGIN):
            if m.start() <= ms < m.end():
                if not found or m.start() >= found[-1].end():
                    found.append(m)
                break
            if m.start() > ms:
                break
    numeric = _numeric_matches(text)
    if numeric:
        found = sorted(found + numeric, key=lambda m: m.start())
    return found


def _period_matches(text: str) -> list[re.Match]:
    """All _PERIOD_RE matches of ``text`` (same result as finditer), tried only at its anchor words."""
    low = _lowered(text)
    if low is None:
        return list(_PERIOD_RE.finditer(text))
    found: list[re.Match] = []
    for p in _positions(low, _PERIOD_ANCHORS):
        if found and p < found[-1].end():
            continue
        m = _PERIOD_RE.match(text, p)
        if m:
            found.append(m)
    return found


# --------------------------------------------------------------------------------------------------
# dateparser, once, with fixed settings; only for forms the regexes above do not read.

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_LOCALE_DATE_ORDER": False,
    "STRICT_PARSING": True,  # no filling of a missing day, month or year
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],  # no "hier", "dans 3 jours"
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_dateparser: Any = None


@lru_cache(maxsize=4096)
def _dateparser_date(text: str) -> dt.date | None:
    global _dateparser
    try:
        if _dateparser is None:
            from dateparser.date import DateDataParser  # slow import, deferred to first use

            _dateparser = DateDataParser(languages=["fr"], settings=_DATEPARSER_SETTINGS)
        data = _dateparser.get_date_data(text)
    except Exception:  # dateparser raises on some garbage; bad text is data, not an exception
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    d = data.date_obj.date()
    return d if MIN_YEAR <= d.year <= MAX_YEAR else None


# --------------------------------------------------------------------------------------------------
# Public API


def find_dates(text: str) -> list[tuple[dt.date, str, int, int]]:
    """Every complete date in running text: (value, raw, start, end). Dates without a year are skipped;
    ISO "2019-03-01" is not read here (Putanges numbers its deliberations that way)."""
    if not isinstance(text, str) or not _HINT.search(text):
        return []
    out = []
    for m in _date_matches(text):
        value, _ = _from_match(m)
        if value is not None:
            out.append((value, m.group(), m.start(), m.end()))
    return out


def _dates_in(text: str, default_year: int | None) -> tuple[list[dt.date], str | None]:
    """Every date of the text (a day and month take ``default_year``), and the first reason one was refused."""
    found: list[dt.date] = []
    first_reason: str | None = None
    for m in _date_matches(text):
        value, reason = _from_match(m)
        if value is None and reason == "no year" and default_year is not None:
            value, reason = _make_date(default_year, _MONTHS[m.group("t_m").lower()], int(m.group("t_d")))
        if value is not None:
            found.append(value)
        elif first_reason is None:
            first_reason = reason
    if not found and default_year is not None:
        for m in _DM_WORDS_RE.finditer(text):
            d = _day_value(m.group("x_d"))
            if d is None:
                continue
            value, reason = _make_date(default_year, _MONTHS[m.group("x_m").lower()], d)
            if value is not None:
                found.append(value)
            elif first_reason is None:
                first_reason = reason
    return found, first_reason


def parse_date(text: str, *, default_year: int | None = None) -> Parsed[dt.date]:
    """One date in ``text``: "17 juin 2024", "le 05 mars 2024", "01/07/2021", "10.04.15",
    "L'an deux mille vingt-quatre, le dix-sept juin". A day and month without a year are refused unless
    ``default_year`` is given. Several different dates in the text are refused."""
    if not isinstance(text, str):
        return refuse(text, "not a string")
    if not _HINT.search(text):
        return refuse(text, "no date found")
    iso = _ISO_RE.fullmatch(text)
    if iso:
        value, reason = _make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return Parsed(value, text) if value else refuse(text, reason or "invalid date")
    found, first_reason = _dates_in(text, default_year)
    if found:
        return refuse(text, "several different dates") if len(set(found)) > 1 else Parsed(found[0], text)
    if first_reason is not None:
        return refuse(text, first_reason)
    if _DM_WORDS_RE.search(text):
        return refuse(text, "no year")
    value = _dateparser_date(" ".join(text.split())) if len(text) <= 200 and _FALLBACK_HINT.search(text) else None
    return Parsed(value, text) if value is not None else refuse(text, "no date found")


def _endpoint(m: re.Match, p: str) -> tuple[int | None, int | None, int]:
    """(year, month, day) of a period endpoint; year/month None when not printed."""
    ymd = _numeric_groups(m, p + "n_")
    if ymd is not None:
        return ymd
    y = m.group(p + "_y")
    mo = m.group(p + "_m")
    return (int(y) if y else None, _MONTHS[mo.lower()] if mo else None, int(m.group(p + "_d")))


def _period_from_match(m: re.Match) -> tuple[Period | None, str | None]:
    if m.group("yy") is not None:
        y = int(m.group("yy"))
        start, reason = _make_date(y, 1, 1)
        if start is None:
            return None, reason
        return Period(start, dt.date(y, 12, 31)), None
    by, bm, bd = _endpoint(m, "b")
    end, reason = _make_date(by, bm, bd)  # type: ignore[arg-type]
    if end is None:
        return None, reason
    ay, am, ad = _endpoint(m, "a")
    if am is None:  # "du 1er au 5 juin 2011": month and year from the end
        start, reason = _make_date(end.year, end.month, ad)
    elif ay is None:  # "du 1er janvier au 31 décembre 2024": year from the end
        start, reason = _make_date(end.year, am, ad)
        if start is not None and start > end:  # "du 1er octobre au 30 septembre 2025"
            start, reason = _make_date(end.year - 1, am, ad)
    else:
        start, reason = _make_date(ay, am, ad)
    if start is None:
        return None, reason
    if start > end:
        return None, "period starts after it ends"
    return Period(start, end), None


def find_periods(text: str) -> list[tuple[Period, str, int, int]]:
    """Every period in running text: "du 1er juillet 2023 au 31 décembre 2025", "Du 01/07/2023 au
    30/04/2024", "du 1er janvier au 31 décembre 2024", "pour l'année 2024". (value, raw, start, end)."""
    if not isinstance(text, str) or not _HINT.search(text):
        return []
    out = []
    for m in _period_matches(text):
        value, _ = _period_from_match(m)
        if value is not None:
            out.append((value, m.group(), m.start(), m.end()))
    return out


def parse_period(text: str) -> Parsed[Period]:
    """One period in ``text`` (see find_periods); refused when there is none, or several different ones."""
    if not isinstance(text, str):
        return refuse(text, "not a string")
    if not _HINT.search(text):
        return refuse(text, "no period found")
    found: list[Period] = []
    first_reason: str | None = None
    for m in _period_matches(text):
        value, reason = _period_from_match(m)
        if value is not None:
            found.append(value)
        elif first_reason is None:
            first_reason = reason
    if found:
        if len(set(found)) > 1:
            return refuse(text, "several different periods")
        return Parsed(found[0], text)
    return refuse(text, first_reason or "no period found")
