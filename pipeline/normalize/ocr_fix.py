"""OCR slips inside numbers, repaired where the repair cannot change a word: ``1O 000`` -> ``10 000``.

Tesseract reads the digit 0 as the letter O and the digit 1 as a lower-case l (or a capital I) often enough
in scanned deliberations to break amounts and vote counts, and it reads the space of a justified line into a
decimal comma ("7 127 786, 75"). ``fix_digit_groups`` repairs only what sits inside, or right against, a group
of digits; a token made of letters only ("Lol", "COOL", "Il", "lO") is never touched, and neither is an
identifier that mixes other letters with digits ("C02-428O10", "1er", "n°2024").

The repair only substitutes characters one for one and removes spaces and specks read as underscores:
``pipeline.ocr`` relies on this to find back which OCR words (and their confidences) a repaired number came from.
"""

from __future__ import annotations

import re

__all__ = ["fix_digit_groups", "code_repairs"]

# Letters Tesseract gives for a digit, and the digit they stand for.
DIGIT_LOOKALIKES = {"O": "0", "o": "0", "l": "1", "I": "1"}
# A number-like token once its surrounding punctuation is set aside: digits and look-alike letters, in runs
# separated by a decimal comma/point, a slash (dates) or a hyphen (deliberation numbers "2O24-273").
_NUMBERISH = re.compile(r"[0-9OoIl]+(?:[.,/\-][0-9OoIl]+)*")
_LEADING = "([«\"'“‘"
_TRAILING = ")]»\"'”’,;:.!?€%"
# Words after which a lone "O" is a zero count: "Contre : O voix", "O abstention" (Montpellier CR 2011 scans).
_COUNT_WORDS = frozenset({"voix", "vote", "votes", "abstention", "abstentions", "contre", "pour", "membres",
                          "membre", "€", "euros", "euro", "eur"})
_CURRENCY = re.compile(r"\s*(?:€|euros?\b|EUR\b)", re.IGNORECASE)
_GROUP3 = re.compile(r"\d{3}(?![\d])")
_LETTER_GROUP = re.compile(r"[OoIl]{3}(?:,[OoIl0-9]{2})?")  # "OOO", "OOO,OO": no word is spelt so
_ENDS_GROUP = re.compile(r"(?:^|[^\w,.])\d{1,3}$|^\d{1,3}$")
# A brace never stands in French prose: against a digit it is a misread 1 ("Séance du {7 novembre 2023").
_BRACE_ONE = re.compile(r"(?<!\S)[{}](?=\d)")
_GLUED_UNDERSCORE = re.compile(r"(?<![^\s(])_+(?=\d)|(?<=\d)_+(?=[\s€)]|$)")
# "786, 75" / "786 ,75" / "786 , 75": a decimal comma with a space read into it, before exactly two digits.
_SPLIT_DECIMAL = re.compile(r"(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)(?P<gap> ?, ?)(?P<dec>\d\d)(?!\d)")


def _split_token(token: str) -> tuple[int, int]:
    """Start and end of a token's core, once opening and closing punctuation are set aside."""
    start, end = 0, len(token)
    while start < end and token[start] in _LEADING:
        start += 1
    while end > start and token[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _fix_numberish(core: str) -> str:
    """``1O`` -> ``10``, ``2l0,5O`` -> ``210,50``, ``2O24-273`` -> ``2024-273``; other tokens unchanged."""
    if not _NUMBERISH.fullmatch(core) or not any(c.isdigit() for c in core) or core.isdigit():
        return core
    out = []
    for i, c in enumerate(core):
        if c == "o":  # lower-case o only between two digits ("2o24"): "1o" may be a misread "1°"
            before = core[i - 1] if i else ""
            after = core[i + 1] if i + 1 < len(core) else ""
            out.append("0" if before.isdigit() and (after.isdigit() or after == "O") else c)
        else:
            out.append(DIGIT_LOOKALIKES.get(c, c))
    fixed = "".join(out)
    return fixed if "o" not in fixed else core  # an "o" we could not place: leave the token as read


def fix_digit_groups(text: str) -> str:
    """Repair OCR slips inside digit groups; leave every word alone.

    >>> fix_digit_groups("pour un montant de 1O 000 €")
    'pour un montant de 10 000 €'
    >>> fix_digit_groups("l 200,50 € ; 7 127 786, 75 €")
    '1 200,50 € ; 7 127 786,75 €'
    >>> fix_digit_groups("COOL Lol Il")
    'COOL Lol Il'
    """
    if not text:
        return text
    # a speck read as "_" against a number ("_687 145,98"): dropped
    text = _GLUED_UNDERSCORE.sub("", text)
    text = _BRACE_ONE.sub("1", text)
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    chars = list(text)
    previous = ""  # the previous token's core, repaired
    for k, (pos, token) in enumerate(tokens):
        start, end = _split_token(token)
        core = token[start:end]
        if not core:
            previous = ""
            continue
        fixed = _fix_numberish(core)
        if fixed == core and core in ("l", "O", "o"):
            fixed = _fix_lone(core, tokens, k, start, end)
        elif fixed == core and _LETTER_GROUP.fullmatch(core) and "O" in core.upper() and not token[:start] \
                and _ENDS_GROUP.search(previous):
            # "75 OOO,OO €": a thousands group of look-alikes right after a group of digits (with an O: "Ill"
            # is a river of Alsace)
            fixed = "".join(DIGIT_LOOKALIKES.get(c, c) for c in core)
        if fixed != core:
            chars[pos + start:pos + end] = fixed
        previous = fixed if not token[end:] or token[end:] in "€" else ""
    return _join_split_decimals("".join(chars))


def _fix_lone(core: str, tokens: list[tuple[int, str]], k: int, start: int, end: int) -> str:
    """A lone ``l`` before a thousands group is a 1 ("l 200,50"); a lone ``O`` counted is a 0 ("Contre : O").

    A lone ``I`` is refused: it is a Roman numeral ("Titre I 200"). A lone ``|`` is a table ruling.
    """
    token = tokens[k][1]
    nxt = tokens[k + 1][1] if k + 1 < len(tokens) else None
    prev = tokens[k - 1][1] if k else None
    if core == "l":
        if token[end:] or nxt is None:
            return core
        n_start, _ = _split_token(nxt)
        following = _fix_numberish(nxt[n_start:])
        if n_start == 0 and _GROUP3.match(following):
            return "1"
        return core
    # "O" / "o": a zero count, with a counting word after it or a label colon before it and nothing after.
    after_word = nxt.strip(_TRAILING + _LEADING).lower() if nxt else ""
    if after_word in _COUNT_WORDS or (nxt is not None and nxt.startswith("(") and _after_colon(prev, token, start)):
        return "0"
    if nxt is None and _after_colon(prev, token, start):
        return "0"
    return core


def _after_colon(prev: str | None, token: str, start: int) -> bool:
    return token[:start] == "" and prev is not None and prev.endswith(":")


def _join_split_decimals(text: str) -> str:
    """``7 127 786, 75`` -> ``7 127 786,75`` where the number is plainly an amount.

    An amount here has thousands groups, or a currency after it, or ``00`` cents; "articles 12, 13 et 14" has
    none of them and keeps its space.
    """
    def repl(m: re.Match) -> str:
        if " " not in m.group("gap"):
            return m.group()
        integer = m.group("int")
        before = text[m.start() - 1] if m.start() else " "
        if before.isdigit() or before in ",.":
            return m.group()
        grouped = " " in integer or "\u00a0" in integer or "\u202f" in integer
        currency = bool(_CURRENCY.match(text, m.end()))
        if grouped or currency or m.group("dec") == "00":
            return integer + "," + m.group("dec")
        return m.group()

    return _SPLIT_DECIMAL.sub(repl, text)


# --------------------------------------------------------------------------------------------------
# Identifiers whose pattern the document shows: operation codes "C02-428O10", "C02-446A05"

# A code: letters and digits around one hyphen, with at least one letter and one digit.
CODE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9]{1,4}-[A-Z0-9]{3,8}(?![\w-])")
# The letter a digit is misread as, and back: Tesseract cannot tell O from 0 in a code's font, nor I from 1.
LETTER_FOR_DIGIT = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}
DIGIT_FOR_LETTER = {letter: digit for digit, letter in LETTER_FOR_DIGIT.items()}
# Codes of one shape needed before their shared shape is trusted, and the share of them that must have it.
MIN_CODES = 3
MIN_SHARE = 0.6


def _shape(code: str) -> str:
    """``C02-428O10`` -> ``LDD-DDDLDD``: a letter or a digit at each position."""
    return "".join("L" if c.isalpha() else "D" if c.isdigit() else c for c in code)


def code_repairs(codes: list[str]) -> dict[str, str]:
    """Codes of one document read by OCR -> the repairs their shared pattern dictates: ``{"C02-428010":
    "C02-428O10"}`` when most codes of that length and layout have a letter where this one has a 0.

    A code is repaired only where every position that breaks the pattern holds a character Tesseract confuses
    with one of the expected kind (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G); an outlier that differs otherwise is left as
    read. With fewer than ``MIN_CODES`` codes of a layout, or no shape shared by ``MIN_SHARE`` of them, there
    is no pattern to go by.
    """
    groups: dict[str, list[str]] = {}
    for code in codes:
        layout = "".join("-" if c == "-" else "x" for c in code)
        groups.setdefault(layout, []).append(code)
    repairs: dict[str, str] = {}
    for members in groups.values():
        shapes: dict[str, int] = {}
        for code in members:
            shapes[_shape(code)] = shapes.get(_shape(code), 0) + 1
        pattern, count = max(shapes.items(), key=lambda item: item[1])
        if len(members) < MIN_CODES or count < MIN_SHARE * len(members):
            continue
        for code in set(members):
            fixed = _to_pattern(code, pattern)
            if fixed and fixed != code:
                repairs[code] = fixed
    return repairs


def _to_pattern(code: str, pattern: str) -> str | None:
    out = []
    for c, want in zip(code, pattern):
        if want == "L" and c.isdigit():
            c = LETTER_FOR_DIGIT.get(c, "")
        elif want == "D" and c.isalpha():
            c = DIGIT_FOR_LETTER.get(c, "")
        if not c:
            return None
        out.append(c)
    return "".join(out)
