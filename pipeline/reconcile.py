"""Reconcile: every rule of RULES.md, one small function per rule id, gathered in one catalogue.

A rule reads one file's records and yields findings — ``pass``, ``fail`` or ``skip`` (a skip says which input
was missing) — with a sentence a journalist understands, what was expected, what was found, the page of the
evidence and, for a failure, the printed text it rests on (``quote``). Rules never raise: ``evaluate`` turns a
rule that breaks into a ``skip`` finding that says so.

A rule is declared once, with ``@rule(id, severity, title, family)``: its body receives a ``RuleContext`` (the
file's records, bound to the rule), so ``ctx.finding(delib_id, status, message, ...)`` never repeats the id.
Rule code reads records only: it imports no extractor and no exporter (shared helpers live in
``pipeline.normalize``).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from models.records import Article, Convention, FileResult, Finding
from pipeline.extract.budget import imputes  # the imputation passage's wording (issue 19): still in extract
from pipeline.normalize.amounts import find_amounts, format_french
from pipeline.normalize.names import find_member, same_person
from pipeline.normalize.parties import names_party, same_party

log = logging.getLogger(__name__)

VOTING_STATUSES = ("present", "excused", "absent")
FAMILIES = ("document", "reading")
QUOTE_MAX = 300  # OUTPUTS.md: findings.quote is at most 300 characters


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the catalogue: its public id, severity, one-line title, family, and its body."""

    id: str
    severity: str
    title: str
    body: Callable[["RuleContext"], Iterator[Finding]]
    family: str = "document"

    def check(self, ctx: "Context") -> Iterator[Finding]:
        """The rule's findings on one file."""
        return self.body(RuleContext(ctx, self))


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, title: str, family: str = "document"):
    """Register a rule function under its public id (RULES.md), with its family: ``document`` (the PDF
    contradicts itself) or ``reading`` (what delib could not read or publish)."""
    if family not in FAMILIES:
        raise ValueError(f"rule {rule_id}: family must be one of {FAMILIES}, not {family!r}")

    def register(func: Callable[[RuleContext], Iterator[Finding]]):
        RULES[rule_id] = Rule(rule_id, severity, title, func, family)
        return func
    return register


class Context:
    """One file's records, grouped the way the rules read them."""

    def __init__(self, result: FileResult, *, open_data: object | None = None) -> None:
        self.result = result
        self.open_data = open_data  # the batch's SCDL export plan (--coll-siret, copies); None: this file alone
        self.doc_id = result.document.doc_id
        self.rows = result.rows
        self.deliberations = result.rows.get("deliberations", [])
        self.titles = {d.delib_id: d.title for d in self.deliberations}

    def of(self, table: str, delib_id: str | None) -> list:
        return [r for r in self.rows.get(table, []) if r.delib_id == delib_id]

    def attendance(self, delib_id: str | None) -> list:
        """A deliberation's own list, else the session's list (delib_id empty) that applies to all of them."""
        own = self.of("attendance", delib_id)
        return own or self.of("attendance", None)

    def amount_raw(self, value: Decimal | None, page: int | None = None) -> str | None:
        """An amount of this value as printed ("345 769.15 €")."""
        rows = [a for a in self.rows.get("amounts", []) if a.value == value and value is not None]
        best = ([a for a in rows if a.page == page] or rows or [None])[0]
        return best.raw if best is not None else None

    def amount_context(self, value: Decimal | None, page: int | None = None) -> str | None:
        """The printed sentence or table row around an amount of this value (amounts.csv keeps it)."""
        if value is None:
            return None
        rows = [a for a in self.rows.get("amounts", []) if a.value == value]
        on_page = [a for a in rows if page is None or a.page == page]
        best = (on_page or rows or [None])[0]
        if best is None:
            return None
        context = best.context or best.raw
        # amounts.csv cuts its context at a width: a context that starts inside a word lost its beginning
        return _whole_words(context, context[:1].islower())


class RuleContext:
    """The file's records as one rule sees them: ``finding`` fills in the rule's id, severity and family, the
    deliberation's title, and clips the quote. Every other attribute is the file's ``Context``'s."""

    __slots__ = ("_ctx", "spec")

    def __init__(self, ctx: Context, spec: Rule) -> None:
        self._ctx = ctx
        self.spec = spec

    def __getattr__(self, name: str):
        return getattr(self._ctx, name)

    def finding(self, *args, **kwargs) -> Finding:
        if args and args[0] == self.spec.id:  # a body written before rules were bound names its id: drop it
            args = args[1:]
        return self._make(*args, **kwargs)

    def _make(self, delib_id: str | None, status: str, message: str, expected: object = None, found: object = None,
              page: int | None = None, quote: str | None = None) -> Finding:
        spec = self.spec
        return Finding(doc_id=self._ctx.doc_id, delib_id=delib_id, rule=spec.id, severity=spec.severity,
                       status=status, message=message, expected=_text(expected), found=_text(found), page=page,
                       family=spec.family, quote=clip(quote), title=self._ctx.titles.get(delib_id),
                       block=_block_of(message))


_BLOCK_NUMBER = regex.compile(r"\b[Bb]lock (\d+)\b")


def _block_of(message: str) -> int | None:
    """The decision block a finding's message is about ("Block 2: …", "… in block 3 …"), for its review key."""
    m = _BLOCK_NUMBER.search(message or "")
    return int(m.group(1)) if m else None


def clip(quote: str | None) -> str | None:
    """A quote on one line, at most QUOTE_MAX characters (cut with an ellipsis)."""
    if not quote:
        return None
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_MAX else quote[: QUOTE_MAX - 1] + "…"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


def money(value: Decimal | None) -> str:
    """12345.6 -> "12 345,60 €", the way the documents print it."""
    return "?" if value is None else format_french(value, currency=True)


def voting_members(attendance: list) -> list:
    """Members who can vote: present, excused and absent (not those "sans voix délibérative"), each once even if
    a list names them twice (attendance.unique reports that)."""
    seen: dict[str, object] = {}
    for r in attendance:
        if r.status in VOTING_STATUSES:
            seen.setdefault(r.name_key, r)
    return list(seen.values())


def _around(text: str | None, pattern: str, width: int = 140) -> str | None:
    """The part of a printed text around the first match of ``pattern`` (the whole text if it is short)."""
    if not text:
        return None
    m = regex.search(pattern, text, regex.IGNORECASE)
    if m is None or len(text) <= QUOTE_MAX:
        return text
    start = max(0, m.start() - width)
    return _whole_words(text[start: m.end() + width], start > 0)


def _whole_words(text: str, cut: bool) -> str:
    """A piece cut out of a longer text, without the broken word it starts with ("…" marks the cut)."""
    if not cut or not text:
        return text
    head, _, rest = text.partition(" ")
    return "…" + rest if rest else text


def _printed_name(row) -> str:
    return " ".join(v for v in (getattr(row, "civility", None), row.name) if v)


def _date_fr(value) -> str:
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")
    return f"{value.day} {months[value.month - 1]} {value.year}"


# --- The rules ---------------------------------------------------------------------------------------------

@rule("extraction.required_fields", "warning", "The deliberation's essential fields were found", "reading")
def required_fields(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.result.document
    if doc.kind == "other":  # not a deliberation: nothing to require (document.kind says what it is)
        yield ctx.finding(None, "skip", "The file is not a deliberation: no deliberation field is expected.")
        return
    if not ctx.deliberations:  # an unreadable, scanned or empty file: say why nothing was extracted
        why = doc.error or "No deliberation was found in this file."
        yield ctx.finding(None, "fail", why.rstrip(".") + ".", "at least one deliberation", f"status {doc.status}")
    for d in ctx.deliberations:
        for v in ctx.of("votes", d.delib_id):  # a vote read as one, whose tally and result the grammar missed
            if v.outcome == "unknown" and v.pour is None and v.contre is None and not v.unanimous:
                yield ctx.finding(d.delib_id, "fail", f"The vote of block {v.block or '?'} was found but neither "
                                  f"its tally nor its result could be read: check it on the page.",
                                  "a tally or a result", "unread", v.page, v.raw)
        missing = _missing_fields(ctx, d)
        if missing:
            yield ctx.finding(d.delib_id, "fail", f"Could not find the {', '.join(missing)} of this deliberation.",
                              "number, session date, assembly, articles, a vote per block",
                              "missing: " + "; ".join(missing), d.page_start)
        else:
            yield ctx.finding(d.delib_id, "pass",
                              "Number, session date, assembly, articles and a vote for every block were found.",
                              page=d.page_start)


def _missing_fields(ctx: RuleContext, d) -> list[str]:
    missing = []
    if not d.delib_id or "#" in d.delib_id:
        missing.append("number")
    if d.session_date is None:
        missing.append("session date")
    if not d.assembly:
        missing.append("assembly")
    articles = ctx.of("articles", d.delib_id)
    if not articles:
        missing.append("articles")
    votes = ctx.of("votes", d.delib_id)
    if not votes:
        missing.append("vote")
    blocks = {a.block for a in articles if a.block} | {r.block for r in ctx.of("recusals", d.delib_id)}
    unvoted = sorted(b for b in blocks if not any(v.block == b and (v.outcome != "unknown" or v.pour is not None)
                                                     for v in votes))
    if votes and unvoted:
        missing.append("vote of block " + ", ".join(map(str, unvoted)))
    return missing


@rule("attendance.unique", "error", "No member is in two attendance lists")
def attendance_unique(ctx: RuleContext) -> Iterator[Finding]:
    lists: dict[str | None, list] = defaultdict(list)
    for row in ctx.rows.get("attendance", []):
        lists[row.delib_id].append(row)
    if not lists:
        for d in ctx.deliberations:
            yield ctx.finding(d.delib_id, "skip", "No attendance list was found.")
        return
    for delib_id, rows in lists.items():
        statuses: dict[str, set] = defaultdict(set)
        first: dict[str, object] = {}
        for row in rows:
            statuses[row.name_key].add(row.status)
            first.setdefault(row.name_key, row)
        twice = sorted(k for k, s in statuses.items() if len(s) > 1)
        if twice:
            listed = "; ".join(f"{first[k].name} ({', '.join(sorted(statuses[k]))})" for k in twice)
            quote = "; ".join(f"{status}: {_printed_name(r)}" for r in rows if r.name_key in twice
                              for status in [r.status])
            yield ctx.finding(delib_id, "fail", f"{len(twice)} member(s) appear in two attendance lists: {listed}.",
                              "each member in one list", listed, first[twice[0]].page, quote)
        else:
            yield ctx.finding(delib_id, "pass",
                              f"Each of the {len(statuses)} members is in one attendance list only.", page=rows[0].page)


COUNT_LABELS = {"presents": "présents", "votants": "votants", "pouvoirs": "pouvoirs"}


def listed_counts(attendance: list) -> tuple[dict[str, int], dict[str, list[str]]]:
    """What the attendance lists give for the counts a document prints: présents (members listed present),
    pouvoirs (proxies given by listed members), votants (présents + proxies held); and the names counted."""
    members = {}
    for r in attendance:
        members.setdefault(r.name_key, r)
    present = [r.name for r in members.values() if r.status == "present"]
    proxies = [r.name for r in members.values() if r.status != "present" and r.proxy_to]
    names = {"presents": present, "pouvoirs": proxies, "votants": present + proxies}
    return {k: len(v) for k, v in names.items()}, names


@rule("attendance.counts_vs_lists", "warning", "The printed attendance counts agree with the names listed")
def attendance_counts(ctx: RuleContext) -> Iterator[Finding]:
    seen: set = set()
    for d in ctx.deliberations:
        printed = {k: v for k, v in (d.counts_printed or {}).items() if k in COUNT_LABELS and v is not None}
        if not printed:
            continue
        own = ctx.of("attendance", d.delib_id)
        attendance = own or ctx.of("attendance", None)
        # a session record prints its counts once, for the session's list: one finding, about the session
        delib_id = d.delib_id if own or not attendance else None
        if (delib_id, tuple(sorted(printed.items()))) in seen:
            continue
        seen.add((delib_id, tuple(sorted(printed.items()))))
        page = attendance[0].page if attendance else d.page_start
        if not attendance:
            yield ctx.finding(delib_id, "skip", "Counts are printed, but no attendance list was found.", page=page)
            continue
        yield _counts_finding(ctx, delib_id, printed, attendance, page, d.counts_quote)


def _counts_finding(ctx: RuleContext, delib_id, printed: dict, attendance: list, page, quote) -> Finding:
    counted, names = listed_counts(attendance)
    unread = [k for k in COUNT_LABELS if k in printed and printed[k] and not counted[k]]
    said = ", ".join(f"{COUNT_LABELS[k]} {printed[k]}" for k in COUNT_LABELS if k in printed)
    found = ", ".join(f"{COUNT_LABELS[k]} {counted[k]}" for k in COUNT_LABELS if k in printed)
    if unread:  # nobody read where the document counts some: what we missed, not what the document says
        return ctx.finding(delib_id, "skip", f"The document prints {said}, but no member was read as "
                                             f"{' or '.join(COUNT_LABELS[k] for k in unread)} in the lists.",
                           said, found, page, quote)
    wrong = [k for k in COUNT_LABELS if k in printed and printed[k] != counted[k]]
    if not wrong:
        return ctx.finding(delib_id, "pass", f"The printed counts ({said}) agree with the names listed.",
                           said, found, page, quote)
    detail = "; ".join(f"{COUNT_LABELS[k]}: {printed[k]} printed, {counted[k]} listed ("
                       + (", ".join(names[k]) or "nobody") + ")" for k in wrong)
    return ctx.finding(delib_id, "fail", f"The printed counts disagree with the names listed: {detail}.",
                       said, found, page, quote)


@rule("votes.sum_vs_members", "error", "Each vote adds up to the voting members")
def votes_sum(ctx: Context) -> Iterator[Finding]:
    for d in ctx.deliberations:
        attendance = ctx.attendance(d.delib_id)
        members = voting_members(attendance)
        for v in ctx.of("votes", d.delib_id):
            if v.pour is None and v.contre is None and v.abstention is None:
                yield ctx.finding("votes.sum_vs_members", d.delib_id, "skip",
                                  f"Block {v.block}: no vote counts are printed"
                                  + (" (adopted unanimously)." if v.unanimous else "."), page=v.page)
                continue
            recused = [r for r in ctx.of("recusals", d.delib_id) if r.block == v.block and r.kind == "recused"]
            yield tally_finding(ctx, d, v, tally_form(d, v, attendance, members, recused))


def tally_finding(ctx: Context, d, v, form: tuple[str, int, bool, str] | None) -> Finding:
    if form is None:
        return ctx.finding("votes.sum_vs_members", d.delib_id, "skip",
                           f"Block {v.block}: no attendance list nor printed count of votants to count the voting "
                           "members.", page=v.page)
    name, expected, exact, how = form
    with_absents = name == "absents_no_delegation"
    cast = sum(c or 0 for c in (v.pour, v.contre, v.abstention)) + ((v.absents_no_delegation or 0)
                                                                    if with_absents else 0)
    ok = cast == expected if exact else cast <= expected
    tally = (f"pour {v.pour or 0} + contre {v.contre or 0} + abstention {v.abstention or 0}"
             + (f" + absents without proxy {v.absents_no_delegation}" if with_absents else ""))
    return ctx.finding("votes.sum_vs_members", d.delib_id, "pass" if ok else "fail",
                       f"Block {v.block} ({name}): {tally} = {cast}; {how}"
                       + ("." if ok else " — the tally does not account for them."),
                       ("" if exact else "≤ ") + str(expected), cast, v.page, quote=v.raw)


def tally_form(d, v, attendance: list, members: list, recused: list) -> tuple[str, int, bool, str] | None:
    """What a block's tally must add up to, by the first form the document allows (RULES.md): the members who
    can vote when the absents without proxy are printed; else the printed votants, else the members present +
    the proxies they hold, less the recused members unless the council counts them as abstentions; else at most
    the voting members. Returns (form, expected, exact, how it was counted)."""
    if v.absents_no_delegation is not None and members:
        return ("absents_no_delegation", len(members), True,
                f"the {len(members)} voting members (present, excused and absent listed)")
    printed = d.counts_printed or {}
    as_abstention = counted_as_abstention(v, recused)
    less = 0 if as_abstention or not recused else len(recused)
    why = "" if not recused else (f", the {len(recused)} recused member(s) counted as abstention" if as_abstention
                                  else f" − {len(recused)} recused member(s) who took no part")
    if not any(r.delib_id == d.delib_id for r in attendance):
        # one list for a whole sitting: members come and go between its points (late arrivals, departures), so the
        # counts of the sitting bound a point's tally without fixing it
        return sitting_bound(printed, members, less, why)
    if printed.get("votants") is not None:
        return "printed votants", printed["votants"] - less, True, f"printed votants {printed['votants']}{why}"
    present, proxies = present_and_proxies(printed, attendance)
    if proxies is not None and present:
        return ("present + proxies", present + proxies - less, True,
                f"{present} present + {proxies} proxies held{why}")
    if members:
        return ("at most the voting members", len(members), False,
                f"no votants, proxies or absents without proxy were read, so the check is votes cast ≤ the "
                f"{len(members)} voting members")
    return None


def sitting_bound(printed: dict, members: list, less: int, why: str) -> tuple[str, int, bool, str] | None:
    """The bound a session record's counts put on one point's tally: at most the voting members listed (present,
    excused with or without proxy, absent), or the printed count of members in office."""
    bound = max(len(members), printed.get("en_exercice") or 0)
    if not bound:
        return None
    return ("at most the sitting's voting members", bound - less, False,
            f"one attendance list for the whole sitting, whose members may come and go, so the check is votes "
            f"cast ≤ the {bound} voting members{why}")


def present_and_proxies(printed: dict, attendance: list) -> tuple[int | None, int | None]:
    """Members present and proxies held: as printed, else as the lists give them (proxies only when the lists
    name who holds them)."""
    proxies = printed.get("pouvoirs")
    if proxies is None and any(getattr(r, "proxy_to", None) for r in attendance):
        proxies = sum(1 for r in attendance if getattr(r, "proxy_to", None))
    present = printed.get("presents")
    if present is None and attendance:
        present = sum(1 for r in attendance if r.status == "present")
    return present, proxies


def counted_as_abstention(v, recused: list) -> bool:
    """Whether the tally names the recused members among its abstentions ("Abstention : 1 (Mme LAGARDE)")."""
    raw = (v.raw or "").upper()
    for r in recused:
        surname = (r.name or "").split()[-1].upper() if r.name else ""
        at = raw.find(surname) if surname else -1
        if at < 0:
            return False
        before = raw[:at]
        if before.rfind("ABSTENTION") < max(before.rfind("POUR"), before.rfind("CONTRE"), before.rfind("ABSENT")):
            return False
    return bool(recused)


@rule("recusals.known_member", "error", "Every recused member is a member of the assembly")
def recusals_known(ctx: RuleContext) -> Iterator[Finding]:
    for d in ctx.deliberations:
        recusals = ctx.of("recusals", d.delib_id)
        if not recusals:
            continue
        attendance = ctx.attendance(d.delib_id)
        if not attendance:
            yield ctx.finding(d.delib_id, "skip",
                              "Members are named as interested in the matter, but no attendance list was found.",
                              page=recusals[0].page)
            continue
        for r in recusals:
            match = find_member(r.name, attendance)
            if match:
                yield ctx.finding(d.delib_id, "pass",
                                  f"{r.name} (block {r.block}) is in the attendance list as {match.status}.",
                                  r.name_key, match.name, r.page)
            else:
                yield ctx.finding(d.delib_id, "fail", f"{r.name}, named as interested in the matter in block "
                                                      f"{r.block}, is in no attendance list.",
                                  "a listed member", r.name, r.page, _printed_name(r))


@rule("recusals.within_tally", "warning", "Recused members are not counted as pour or contre")
def recusals_within_tally(ctx: RuleContext) -> Iterator[Finding]:
    for d in ctx.deliberations:
        members = voting_members(ctx.attendance(d.delib_id))
        for v in ctx.of("votes", d.delib_id):
            recused = [r for r in ctx.of("recusals", d.delib_id) if r.block == v.block and r.kind == "recused"]
            if not recused:
                continue
            if v.pour is None or not members:
                yield ctx.finding(d.delib_id, "skip",
                                  f"Block {v.block}: the vote counts or the attendance list are missing.", page=v.page)
                continue
            room = len(members) - (v.pour or 0) - (v.contre or 0) - (v.absents_no_delegation or 0)
            ok = len(recused) <= room
            quote = None if ok else _recused_quote(recused, v)
            yield ctx.finding(
                d.delib_id, "pass" if ok else "fail",
                f"Block {v.block}: {len(recused)} members took no part; {len(members)} voting members − pour "
                f"{v.pour or 0} − contre {v.contre or 0} − absents without proxy {v.absents_no_delegation or 0} "
                f"leaves {room}" + ("." if ok else ", so some of them must have been counted as pour or contre."),
                f"≤ {room}", len(recused), v.page, quote)


def _recused_quote(recused: list, vote) -> str:
    """The recused members as printed, then the tally as printed."""
    return " … ".join(x for x in (", ".join(_printed_name(r) for r in recused), vote.raw) if x)


@rule("budget.total_vs_articles", "error", "The budget table adds up to the articles it imputes")
def budget_total(ctx: RuleContext) -> Iterator[Finding]:
    for d in ctx.deliberations:
        lines = ctx.of("budget_lines", d.delib_id)
        yield from printed_totals(ctx, d.delib_id, lines)
        articles = ctx.of("articles", d.delib_id)
        imputation = next((a for a in articles if a.kind == "imputation"), None) or next(
            (a for a in articles if a.text and imputes(a.text)), None)
        if not lines or imputation is None:
            if lines and not any(line.table_total or line.subtotal for line in lines) or imputation:
                yield ctx.finding(d.delib_id, "skip", "The budget table or the imputation article was not found.",
                                  page=(lines[0].page if lines else imputation.page))
            continue
        yield _budget_total(ctx, d.delib_id, lines, articles, imputation)


def _budget_total(ctx: RuleContext, delib_id, lines: list, articles: list, imputation: Article) -> Finding:
    cited = _cited_amounts(imputation, articles)
    if isinstance(cited, str):
        return ctx.finding(delib_id, "skip", cited, page=imputation.page)
    names, expected = cited
    found = sum(line.depense or Decimal(0) for line in lines)
    if found == expected:
        return ctx.finding(delib_id, "pass", f"The budget table's expenses add up to {money(found)}, the total of "
                                             f"{names}.", expected, found, lines[0].page)
    return ctx.finding(delib_id, "fail", f"The budget table's expenses add up to {money(found)}, but {names} "
                                         f"total {money(expected)} (a gap of {money(found - expected)}).",
                       expected, found, lines[0].page, _around(imputation.text, r"articles?\s+\d"))


def _cited_amounts(imputation: Article, articles: list[Article]) -> tuple[str, Decimal] | str:
    """What the imputation article imputes: the articles it cites ("articles 1, 5, 10 et 12"), else the amount
    it prints itself ("Les crédits nécessaires, soit 61 500 €, seront prélevés sur …"); a string: why not."""
    if not imputation.cited_articles:
        own = find_amounts(imputation.text or "")
        if len(own) == 1:
            return f"article {imputation.article}", own[0].value
        return "The imputation article does not say which articles it imputes."
    by_number = {a.article: a for a in articles}
    cited = [by_number.get(n) for n in imputation.cited_articles]
    if any(a is None or a.amount is None for a in cited):
        lacking = [str(n) for n, a in zip(imputation.cited_articles, cited) if a is None or a.amount is None]
        return f"No amount was found for article(s) {', '.join(lacking)}."
    return " + ".join(f"article {a.article}" for a in cited), sum(a.amount for a in cited)


def printed_totals(ctx: Context, delib_id: str | None, lines: list) -> Iterator[Finding]:
    """Each subtotal and total row the budget table prints equals the lines it closes."""
    groups: dict[tuple, list] = defaultdict(list)
    tables: dict[int | None, list] = defaultdict(list)
    for line in lines:
        tables[line.table].append(line)
        if line.subtotal is not None:
            groups[(line.table, line.group)].append(line)
    checks = [("subtotal", rows[0].subtotal, rows) for rows in groups.values()]
    checks += [("total", rows[0].table_total, rows) for rows in tables.values() if rows[0].table_total is not None]
    for kind, printed, rows in checks:
        found = sum(r.depense or Decimal(0) for r in rows)
        what = f"The {kind} row printed under {len(rows)} budget line(s)"
        yield ctx.finding("budget.total_vs_articles", delib_id, "pass" if found == printed else "fail",
                          f"{what} reads {money(printed)}" + (", their sum." if found == printed else
                                                             f", but they add up to {money(found)}."),
                          printed, found, rows[-1].page, quote=ctx.amount_context(printed, rows[-1].page))


@rule("budget.line_within_ae", "warning", "No budget line spends more than its authorisation")
def budget_line_within_ae(ctx: RuleContext) -> Iterator[Finding]:
    for line in ctx.rows.get("budget_lines", []):
        label = line.code_operation or line.label or line.imputation
        ceiling = line.ceiling or "AE"
        if line.ae is None or line.depense is None:
            yield ctx.finding(line.delib_id, "skip", f"Budget line {label}: the ceiling (AE, AP or credits "
                                                     f"available) or the expense is missing.", page=line.page)
        elif line.depense <= line.ae:
            yield ctx.finding(line.delib_id, "pass", f"Budget line {label}: expense {money(line.depense)} within its "
                                                     f"{ceiling} {money(line.ae)}.",
                              f"≤ {money(line.ae)} ({ceiling})", line.depense, line.page)
        else:
            printed = [format_french(v) for v in (line.ae, line.depense)]  # as the table prints them
            context = ctx.amount_context(line.depense, line.page) or ""
            quote = context if printed[1] in context else " | ".join(
                v for v in (line.code_operation, line.imputation, line.label, *printed) if v)
            yield ctx.finding(line.delib_id, "fail", f"Budget line {label}: expense {money(line.depense)} is more "
                                                     f"than its {ceiling} {money(line.ae)}.",
                              f"≤ {money(line.ae)} ({ceiling})", line.depense, line.page, quote)


def _id_rule(kinds: tuple[str, ...], label: str):
    def check(ctx: RuleContext) -> Iterator[Finding]:
        delib_id = ctx.deliberations[-1].delib_id if ctx.deliberations else None
        for ident in ctx.result.identifiers:
            if ident.kind not in kinds:
                continue
            name = ident.kind.upper()
            if ident.valid:
                yield ctx.finding(delib_id, "pass", f"{name} {ident.raw} passes its {label} check.",
                                  "valid", ident.value, ident.page)
            else:
                yield ctx.finding(delib_id, "fail", f"{name} {ident.raw} fails its {label} check: a digit is wrong "
                                                    f"or missing (“{ident.context}”).", "valid", ident.value,
                                  ident.page, ident.context or ident.raw)
    return check


rule("ids.siret_checksum", "error", "SIRET and SIREN numbers pass their Luhn check")(
    _id_rule(("siret", "siren"), "Luhn"))
rule("ids.iban_checksum", "error", "IBANs pass their mod-97 check")(_id_rule(("iban",), "mod-97"))


@rule("annexes.referenced_present", "warning", "Every annex an article cites is in the file")
def annexes_present(ctx: RuleContext) -> Iterator[Finding]:
    present = set(ctx.result.annexes_present)
    for d in ctx.deliberations:
        cited: dict[int, list[Article]] = defaultdict(list)
        for a in ctx.of("articles", d.delib_id):
            for n in a.annexes:
                cited[n].append(a)
        for n in sorted(cited):
            arts = ", ".join(str(a.article) for a in cited[n])
            if n in present:
                yield ctx.finding(d.delib_id, "pass", f"Annexe {n}, cited by article {arts}, is in the file.", n, n,
                                  cited[n][0].page)
            else:
                yield ctx.finding(d.delib_id, "fail", f"Annexe {n}, cited by article(s) {arts}, is not in the file.",
                                  n, "annexes present: " + ", ".join(map(str, sorted(present))) if present else "none",
                                  cited[n][0].page, _around(cited[n][0].text, rf"annexes?\b[^.]*?\b{n}\b"))


@rule("conventions.signatory_matches_representative", "warning",
      "The person who signs for the counterparty is its representative")
def signatory_matches(ctx: RuleContext) -> Iterator[Finding]:
    for c in ctx.rows.get("conventions", []):
        who = _who(c)
        if not c.representative or not c.signatory:
            missing = "representative" if not c.representative else "signatory"
            yield ctx.finding(c.delib_id, "skip", f"{who}: the counterparty's {missing} was not found.", page=c.page)
        elif same_person(c.representative, c.signatory):
            yield ctx.finding(c.delib_id, "pass", f"{who} is signed by {c.signatory}, its representative.",
                              c.representative, c.signatory, c.signatory_page or c.page)
        else:
            role = f", {c.representative_role}" if c.representative_role else ""
            yield ctx.finding(c.delib_id, "fail", f"{who} names {c.representative} as the counterparty's "
                                                  f"representative, but {c.signatory} signs it.",
                              c.representative, c.signatory, c.signatory_page or c.page,
                              f"{c.representative}{role} … {c.signatory}")


def _who(c: Convention) -> str:
    kind = "Avenant" if c.kind == "avenant" else "Convention"
    annex = f" (annexe {c.annex})" if c.annex else ""
    return f"{kind} with {c.counterparty or 'an unnamed counterparty'}{annex}"


def _amount_sources(ctx: RuleContext, c: Convention) -> list[tuple[str, set, int | None]]:
    """What the deliberation gives for a convention's counterparty, (where, amounts, page): the report's
    operations, the articles, the budget lines."""
    sources = []
    for op in ctx.rows.get("operations", []):
        if op.text and names_party(op.text, c.counterparty):
            amounts = {op.amount} if op.amount is not None else set()
            for sentence in regex.split(r"(?<=[.;])\s+", op.text):  # the amount said next to its name
                if names_party(sentence, c.counterparty):
                    amounts |= {m.value for m in find_amounts(sentence)}
            sources.append((f"operation {op.operation} of theme {op.theme}", amounts, op.page))
    for a in ctx.of("articles", c.delib_id):
        if a.amount is not None and a.counterparty and same_party(a.counterparty, c.counterparty):
            sources.append((f"article {a.article}", {a.amount}, a.page))
    for line in ctx.of("budget_lines", c.delib_id):
        if line.depense is not None and line.label and names_party(line.label, c.counterparty):
            sources.append((f"the budget line '{line.label}'", {line.depense}, line.page))
    return sources


@rule("conventions.amount_matches_article", "warning",
      "A convention commits the amount the deliberation or its report gives")
def convention_amounts(ctx: RuleContext) -> Iterator[Finding]:
    for c in ctx.rows.get("conventions", []):
        who = _who(c)
        if c.amount is None:
            yield ctx.finding(c.delib_id, "skip", f"{who}: no committed amount was found in the act.", page=c.page)
            continue
        sources = _amount_sources(ctx, c)
        if not sources:
            yield ctx.finding(c.delib_id, "skip", f"{who}: neither the articles nor the report give an amount for "
                                                  f"this counterparty.", page=c.page)
            continue
        matching = [s for s in sources if c.amount in s[1] or c.amount_added in s[1]]  # an avenant's complement
        if matching:
            yield ctx.finding(c.delib_id, "pass", f"{who} commits {money(c.amount)}, as {matching[0][0]} says.",
                              matching[0][1].pop() if matching[0][1] else None, c.amount, c.page)
        else:
            said = "; ".join(f"{name}: {', '.join(money(v) for v in sorted(vals))}" for name, vals, _ in sources
                             if vals)
            yield ctx.finding(c.delib_id, "fail", f"{who} commits {money(c.amount)}, but the deliberation gives "
                                                  f"{said}.", said, c.amount, c.page, ctx.amount_context(c.amount))


@rule("report.operations_vs_article", "info", "The report's operations add up to their theme's article")
def operations_vs_article(ctx: RuleContext) -> Iterator[Finding]:
    themes = defaultdict(list)
    for op in ctx.rows.get("operations", []):
        if op.theme is not None:
            themes[(op.delib_id, op.theme)].append(op)
    for (delib_id, theme), ops in sorted(themes.items(), key=lambda kv: kv[0][1]):
        article = next((a for a in ctx.of("articles", delib_id) if a.kind == "financing" and a.amount is not None
                        and regex.search(rf"\bth[ée]matique\s+{theme}\b", a.text or "", regex.IGNORECASE)), None)
        if article is None:
            yield ctx.finding(delib_id, "skip", f"Theme {theme}: no financing article names this theme.",
                              page=ops[0].page)
            continue
        yield _operations_total(ctx, delib_id, theme, ops, article)


def _operations_total(ctx: RuleContext, delib_id, theme: int, ops: list, article: Article) -> Finding:
    missing = [op.operation for op in ops if op.amount is None]
    total = sum(op.amount for op in ops if op.amount is not None)
    if total == article.amount and not missing:
        return ctx.finding(delib_id, "pass", f"Theme {theme}: the {len(ops)} operations of the report add up to "
                                             f"{money(total)}, article {article.article}'s amount.",
                           article.amount, total, ops[0].page)
    gap = total - article.amount
    other = [op for op in ops if op.fund and op.amount is not None]
    other_total = sum(op.amount for op in other)
    listed = "; ".join(f"op. {op.operation} {money(op.amount)}" + (f" ({op.fund})" if op.fund else "") for op in ops)
    explanation = ""
    if other and total - other_total == article.amount:
        funds = ", ".join(sorted({op.fund for op in other}))
        explanation = (f" The gap is exactly the operations funded by the {funds} "
                       f"({', '.join(op.operation for op in other)}: {money(other_total)}), which the article "
                       f"does not count.")
    if missing:
        explanation += f" No amount was read for operation(s) {', '.join(missing)}."
    return ctx.finding(delib_id, "fail", f"Theme {theme}: the operations add up to {money(total)}, article "
                                         f"{article.article} says {money(article.amount)} (gap {money(gap)}). "
                                         f"Operations: {listed}.{explanation}",
                       article.amount, total, ops[0].page, _operations_quote(ctx, article, ops))


ARTICLE_QUOTE = 120  # characters of the article kept before the operations' amounts


def _operations_quote(ctx: RuleContext, article: Article, ops: list) -> str:
    """The article's amount as printed, then each operation's amount as printed (verbatim pieces joined)."""
    said = ctx.amount_context(article.amount, article.page) or article.text or ""
    printed = [f"{op.operation} : {ctx.amount_raw(op.amount, op.page) or money(op.amount)}" for op in ops
               if op.amount is not None]
    if len(said) > ARTICLE_QUOTE:
        said = said[:ARTICLE_QUOTE].rsplit(" ", 1)[0]
    return said + " … " + " ; ".join(printed)


@rule("dates.signature_not_before_session", "warning", "The deliberation is not signed before its session")
def signature_date(ctx: RuleContext) -> Iterator[Finding]:
    for d in ctx.deliberations:
        if d.signed_date is None or d.session_date is None:
            if d.signed_date or d.signatory:
                yield ctx.finding(d.delib_id, "skip", "The signature date or the session date was not found.",
                                  page=d.page_end)
            continue
        ok = d.signed_date >= d.session_date
        quote = None if ok else ", le ".join(v for v in (d.signed_place, _date_fr(d.signed_date)) if v)
        yield ctx.finding(d.delib_id, "pass" if ok else "fail",
                          f"Signed on {d.signed_date.isoformat()}, session of {d.session_date.isoformat()}"
                          + ("." if ok else ": the deliberation is signed before the session that adopted it."),
                          f"≥ {d.session_date.isoformat()}", d.signed_date.isoformat(), d.page_end, quote)


@rule("ocr.low_confidence", "warning", "Amounts and counts read by OCR were read with confidence", "reading")
def ocr_low_confidence(ctx: RuleContext) -> Iterator[Finding]:
    """Only for files read by OCR: each amount or count whose words Tesseract was unsure of (below the threshold
    of ``pipeline.ocr.LOW_CONFIDENCE``) is a value to check on the page."""
    if not ctx.result.ocr_pages:
        return
    delib_id = ctx.deliberations[-1].delib_id if ctx.deliberations else None
    if not ctx.result.low_confidence:
        yield ctx.finding(delib_id, "pass", f"Every amount and count on the {len(ctx.result.ocr_pages)} OCR'd "
                                            f"page(s) was read with confidence.", page=ctx.result.ocr_pages[0])
    for page, raw, confidence in ctx.result.low_confidence:
        yield ctx.finding(delib_id, "fail", f"“{raw}” was read by OCR with a low confidence "
                                            f"({confidence:.0f}/100): check it on the page.",
                          "confidence ≥ threshold", f"{confidence:.0f}", page, raw)


@rule("extraction.left_out", "info", "What was read and left out on purpose is said", "reading")
def left_out(ctx: RuleContext) -> Iterator[Finding]:
    """Each thing extraction read and left out on purpose (a residents' poll printed like a vote…), with its
    quote: never a silent drop."""
    delib_id = ctx.deliberations[-1].delib_id if len(ctx.deliberations) == 1 else None
    for page, quote, why in ctx.result.dropped:
        yield ctx.finding(delib_id, "fail", f"Read and left out: {why.rstrip('.')}.", "kept, or said why not", why,
                          page, quote)


KINDS_WITH_DELIBERATIONS = ("deliberation", "session_record")


@rule("document.kind", "info", "The file is a deliberation or the record of a sitting", "reading")
def document_kind(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.result.document
    if doc.status == "failed":  # extraction.required_fields already says why nothing was read
        return
    if not doc.kind:
        yield ctx.finding(None, "skip", "The kind of the file was not determined.")
        return
    quote = _quoted(doc.kind_reason)
    said = doc.kind_reason.rstrip(".") + "." if doc.kind_reason else ""
    if doc.kind in KINDS_WITH_DELIBERATIONS:
        label = "a deliberation" if doc.kind == "deliberation" else "the record of a sitting"
        yield ctx.finding(None, "pass", f"The file is {label}. {said}".strip(), "deliberation or session_record",
                          doc.kind, quote=quote)
    else:
        rows = (f" Yet {len(ctx.deliberations)} deliberation(s) were read from it." if ctx.deliberations else
                " It yields no deliberation rows.")
        yield ctx.finding(None, "fail", (said or f"The file is of kind {doc.kind}.") + rows,
                          "deliberation or session_record", doc.kind, quote=quote or doc.kind_reason)


def _quoted(reason: str | None) -> str | None:
    """The printed words a kind reason quotes (“La Lettre de Beaumarais”), else None."""
    found = regex.findall(r"[“«]\s*(.+?)\s*[”»]", reason or "")
    return " … ".join(found) if found else None


# --- Running the catalogue ---------------------------------------------------------------------------------

def evaluate(result: FileResult) -> list[Finding]:
    """Every rule on one file. A rule that breaks on an unexpected record becomes a skip, never an exception."""
    ctx = Context(result)
    findings: list[Finding] = []
    for spec in RULES.values():
        try:
            findings.extend(spec.check(ctx))
        except Exception as exc:  # a bug in a rule must not lose the file's other findings
            log.debug("rule %s crashed", spec.id, exc_info=True)
            findings.append(RuleContext(ctx, spec).finding(
                None, "skip", f"The rule could not be evaluated ({type(exc).__name__}: {exc})."))
    return findings


def summary_counts(findings: list[Finding]) -> Counter:
    return Counter((f.rule, f.status) for f in findings)
