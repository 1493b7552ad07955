"""One member across an archive: the identity (``member_id``) of every elected member named in a run.

Resolution runs ONCE over the whole run, after the per-file work (``pipeline.batch.write_outputs``), so a plain
run, a ``--resume`` and the Dask engine, which give the same per-file results, give the same ids.

1. **Councils.** Files are grouped by the collectivité they print (``COMMUNE DE PUTANGES-LE-LAC`` and
   ``Commune de PUTANGES LE LAC`` are one key). A file that prints none joins the council whose lists name its
   members (a score of at least 0.3 a name: 1 for a full name or a surname the council's lists print, 0.5 for a
   word alone that is one of its first names), else it starts a council of unnamed files, which later unnamed
   files join the same way (files in doc_id order).
2. **Printed forms.** Each name is read as first names, initials, surname: ``Jean-Pierre JEANROY``,
   ``DESMARES Elisabeth`` (the capitals are the surname), ``Sébastien Leroux`` (the last word), ``J-L Gély``,
   ``F. DUPUIS``, ``M. Grandin`` (a civility and one word: a surname), ``Yves`` (one word alone: a first name or a
   surname). ``le Maire`` is the president the file names.
3. **Full names** (first name and surname) of one council are one member when their keys are equal (case,
   accents, civility, hyphen-vs-space aside), or when one letter of the first name or of the surname differs
   (``Mathieu``/``Matthieu``), or when a first name seen once is cut short or misread (``Pat``/``Patrick``,
   ``Amaud``/``Arnaud``) — and only if no attendance list prints both forms: two people named in one list are
   two members.
4. **Partial forms** (initials, surname alone, first name alone) join the only member they fit; where several
   fit (``SAUGET``: Marc and Marielle), the civility, then the members of the same file decide; if nothing
   decides, the form stays a member of its own, never a guess.

``member_id`` is ``m`` + the first 12 hex digits of the SHA-256 of the council's key and the member's resolved
key (``SURNAME|FIRST NAME``): the same inputs give the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from models.records import Attendance, FileResult, Member, Recusal, VoteMember
from pipeline.normalize.names import (PARTICLES, Form, is_capitals, name_key, parse_name, strip_civility,
                                     word_key)

OFFICES = frozenset({"MAIRE", "LE MAIRE", "LA MAIRE", "PRESIDENT", "LE PRESIDENT", "PRESIDENTE",
                     "LA PRESIDENTE"})
STATUS_RANK = {"present": 0, "excused": 1, "excused_no_vote": 2, "absent": 3}
TYPO_MIN_LENGTH = 5  # a one-letter difference is a typo only in words at least this long
MAX_NAME_WORDS = 5  # a longer "name" in a recusal or a vote is a misread sentence, not a member
MISREAD_SIMILARITY = 70  # rapidfuzz ratio (0-100) of two first names, one of them seen once, to be one name
COUNCIL_OVERLAP = 0.3  # share of a file's names that must fit a council for an unnamed file to join it
_COMMUNE_WORDS = re.compile(r"^(?:COMMUNE|VILLE|MAIRIE|CONSEIL MUNICIPAL)(?: DE | D'| DU | )")
_KIND_WORDS = frozenset({"", "COMMUNE", "VILLE", "MAIRIE", "CONSEIL MUNICIPAL", "DE", "DU", "D'"})


def first_initials(first: str) -> str:
    return "".join(part[0] for part in re.split(r"[-\s]+", first) if part)


def _squash(key: str) -> str:
    return key.replace("-", "").replace(" ", "").replace("'", "")


def _close(a: str, b: str) -> bool:
    """Equal, or one letter apart in words long enough for that to be a typo."""
    a, b = _squash(a), _squash(b)
    if a == b:
        return True
    if min(len(a), len(b)) < TYPO_MIN_LENGTH:
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


# ------------------------------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class Mention:
    """One printed name in one file: an attendance row, a proxy holder, a recusal or a named vote."""

    role: str  # attendance | proxy | recusal | vote
    doc_id: str
    delib_id: str
    printed: str
    form: Form
    row: object | None = None  # the record whose member_id this mention fills
    giver: Mention | None = None  # for a proxy: the attendance mention of the member who gave it
    member: str | None = None  # resolved identity key


@dataclass(slots=True)
class FileFacts:
    """What one file says about its council and sittings."""

    doc_id: str
    source_file: str
    collectivite: str = ""
    dates: dict[str, date | None] = field(default_factory=dict)  # delib_id -> session date
    presidents: dict[str, str] = field(default_factory=dict)  # delib_id -> president
    date: date | None = None  # the file's most common session date
    president: str = ""


def _file_facts(result: FileResult) -> FileFacts:
    facts = FileFacts(result.document.doc_id, result.document.source_file or "")
    delibs = result.rows.get("deliberations", [])
    names = Counter(d.collectivite for d in delibs if d.collectivite)
    facts.collectivite = min(names, key=lambda n: (-names[n], n)) if names else ""
    for d in delibs:
        facts.dates[d.delib_id] = d.session_date
        if d.president:
            facts.presidents[d.delib_id] = d.president
    dates = Counter(d.session_date for d in delibs if d.session_date)
    facts.date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    presidents = Counter(facts.presidents.values())
    facts.president = min(presidents, key=lambda p: (-presidents[p], p)) if presidents else ""
    return facts


@lru_cache(maxsize=65536)
def _bare_name(printed: str) -> str:
    """The printed name without its civility."""
    return strip_civility(printed)[1]


@lru_cache(maxsize=65536)
def _is_office(printed: str) -> bool:
    return name_key(printed) in OFFICES


def _office_name(printed: str, facts: FileFacts, delib_id: str) -> str:
    """``le Maire`` / ``Madame la Présidente`` -> the president the file names, when it names one."""
    if _is_office(printed):
        return facts.presidents.get(delib_id or "", facts.president) or printed
    return printed


def _clean_holder(text: str) -> str:
    """A proxy holder as the list gave it, cut where a misread next sentence starts."""
    return re.split(r"\.\s|\s+donne\s|,|;", text, maxsplit=1)[0].strip()


def _mentions(result: FileResult, facts: FileFacts) -> list[Mention]:
    found: list[Mention] = []
    doc = facts.doc_id
    for row in result.rows.get("attendance", []):
        if not isinstance(row, Attendance) or not (row.name or "").strip():  # the writers refuse a wrong record
            continue
        mention = Mention("attendance", doc, row.delib_id or "", row.name,
                          parse_name(_office_name(row.name, facts, row.delib_id), row.civility or ""), row)
        found.append(mention)
        if row.proxy_to:
            holder = _office_name(_clean_holder(row.proxy_to), facts, row.delib_id)
            found.append(Mention("proxy", doc, row.delib_id or "", holder, parse_name(holder), giver=mention))
    for table, role, kind in (("recusals", "recusal", Recusal), ("vote_members", "vote", VoteMember)):
        for row in result.rows.get(table, []):
            if not isinstance(row, kind) or not (row.name or "").strip():
                continue
            printed = _office_name(row.name, facts, row.delib_id)
            found.append(Mention(role, doc, row.delib_id or "", row.name, parse_name(printed, row.civility or ""),
                                 row))
    return found


# ------------------------------------------------------------------------------------------------- councils


def council_key(collectivite: str) -> str:
    """``COMMUNE DE PUTANGES-LE-LAC`` and ``Putanges-le-Lac`` -> ``PUTANGES LE LAC``; what follows a comma is
    not the name (``Ville de Montpellier, le mercredi 22 juin 2011``); a kind without a name (``Ville de``)
    names no council: ``""``."""
    key = name_key((collectivite or "").split(",")[0])
    key = _COMMUNE_WORDS.sub("", key + " ").replace("-", " ").strip()
    return "" if key in _KIND_WORDS else key


def _words(mentions: list[Mention]) -> set[str]:
    """What a council's lists name: full names, surnames and first names, and words printed alone."""
    words = set()
    for m in mentions:
        if m.role != "proxy":
            f = m.form
            words |= {f"P:{f.surname}|{f.first}", f"S:{f.surname}", f"F:{f.first}", f"B:{f.bare}"}
    return words


def _fits(m: Mention, words: set[str]) -> float:
    """1 when a full name or a surname is named in the council; 0.5 for a word alone that is one of its first
    names or surnames (a first name is weak evidence: many councils have a Nelly)."""
    f = m.form
    if f.full:
        return float(bool({f"P:{f.surname}|{f.first}", f"B:{f.first}", f"B:{f.surname}"} & words))
    if f.surname:
        return float(bool({f"S:{f.surname}", f"B:{f.surname}"} & words))
    return 0.5 * bool({f"F:{f.bare}", f"S:{f.bare}", f"B:{f.bare}"} & words)


def _fit(mentions: list[Mention], words: set[str]) -> float:
    named = [m for m in mentions if m.role != "proxy" and (m.form.surname or m.form.bare)]
    if not named:
        return 0.0
    return sum(_fits(m, words) for m in named) / len(named)


def group_councils(facts: list[FileFacts], mentions: dict[str, list[Mention]]) -> dict[str, str]:
    """doc_id -> council key: the printed collectivité, else the council whose names the file's lists fit."""
    council: dict[str, str] = {}
    words: dict[str, set[str]] = defaultdict(set)
    for f in sorted(facts, key=lambda f: f.doc_id):
        if council_key(f.collectivite):
            council[f.doc_id] = council_key(f.collectivite)
            words[council[f.doc_id]] |= _words(mentions[f.doc_id])
    for f in sorted(facts, key=lambda f: f.doc_id):
        if f.doc_id in council:
            continue
        scores = sorted((-_fit(mentions[f.doc_id], w), key) for key, w in words.items())
        key = scores[0][1] if scores and -scores[0][0] >= COUNCIL_OVERLAP else f"?{f.doc_id}"
        council[f.doc_id] = key
        words[key] |= _words(mentions[f.doc_id])
    return council


# ------------------------------------------------------------------------------------------------- identities


@dataclass(slots=True)
class Identity:
    key: str
    forms: Counter = field(default_factory=Counter)  # (surname, first) -> mentions
    docs: set[str] = field(default_factory=set)
    civilities: Counter = field(default_factory=Counter)

    def firsts(self) -> list[str]:
        return [first for _, first in self.forms]

    def surnames(self) -> list[str]:
        return [surname for surname, _ in self.forms]

    def gender(self) -> str:
        return self.civilities.most_common(1)[0][0] if self.civilities else ""


class _Union:
    def __init__(self, keys: list) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a, b) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _misread(a: str, b: str) -> bool:
    """A first name cut short or misread once ("Pat"/"Patrick", "Amaud"/"Arnaud", "Maux"/"Max" in the
    Montpellier lists): same initial, and one is the start of the other or they share most letters."""
    a, b = _squash(a), _squash(b)
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < 3:
        return False
    return a.startswith(b) or b.startswith(a) or fuzz.ratio(a, b) >= MISREAD_SIMILARITY


def _variant_pairs(keys: list[tuple[str, str]], seen: Counter) -> list[tuple]:
    """Pairs of forms (surname, first) that may be one member: one surname and first names one letter apart
    (or, for a form seen once, cut short or misread); or one first name and surnames one letter apart."""
    by_surname: dict[str, list] = defaultdict(list)
    by_first: dict[str, list] = defaultdict(list)
    for k in keys:
        by_surname[_squash(k[0])].append(k)
        by_first[_squash(k[1])].append(k)
    pairs = []
    for group in by_surname.values():
        pairs += [(a, b) for i, a in enumerate(group) for b in group[i + 1:]
                  if _close(a[1], b[1]) or (min(seen[a], seen[b]) == 1 and _misread(a[1], b[1]))]
    for group in by_first.values():
        pairs += [(a, b) for i, a in enumerate(group) for b in group[i + 1:] if _close(a[0], b[0])]
    return sorted(pairs)


def _full_identities(full: list[Mention]) -> dict[tuple[str, str], Identity]:
    """(surname, first) -> its identity: equal keys merged, then variants (``_variant_pairs``) that no list
    prints together."""
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)  # the files whose lists name each form
    seen: Counter = Counter()
    for m in full:
        docs[(m.form.surname, m.form.first)]
        if m.role == "attendance":
            docs[(m.form.surname, m.form.first)].add(m.doc_id)
            seen[(m.form.surname, m.form.first)] += 1
    keys = sorted(docs)
    union = _Union(keys)
    squashed: dict[tuple[str, str], list] = defaultdict(list)
    for k in keys:
        squashed[(_squash(k[0]), _squash(k[1]))].append(k)
    for same in squashed.values():
        for k in same[1:]:
            union.join(same[0], k)
    group_docs = {k: set(docs[k]) for k in keys}
    for a, b in _variant_pairs(keys, seen):
        ra, rb = union.find(a), union.find(b)
        if ra != rb and not (group_docs[ra] & group_docs[rb]):
            union.join(ra, rb)
            group_docs[union.find(ra)] = group_docs[ra] | group_docs[rb]
    identities: dict[tuple[str, str], Identity] = {}
    for m in full:
        root = union.find((m.form.surname, m.form.first))
        identity = identities.setdefault(root, Identity(""))
        identity.forms[(m.form.surname, m.form.first)] += 1
        identity.docs.add(m.doc_id)
        if m.form.civility:
            identity.civilities[m.form.civility] += 1
    for identity in identities.values():
        surname, first = min(identity.forms, key=lambda f: (-identity.forms[f], f))
        identity.key = f"{surname}|{first}"
    return {k: identities[union.find(k)] for k in keys}


class _Council:
    """The identities of one council, and the lookup of a partial form among them."""

    def __init__(self, key: str, mentions: list[Mention]) -> None:
        self.key = key
        full = [m for m in mentions if m.form.full and m.role != "proxy" and _plausible(m)]
        self.by_form = _full_identities(full)
        self.identities = sorted({id(i): i for i in self.by_form.values()}.values(), key=lambda i: i.key)
        self.cache: dict[Form, list[Identity]] = {}

    def candidates(self, form: Form) -> list[Identity]:
        if form not in self.cache:
            exact = [i for i in self.identities if self._fits(i, form, lambda a, b: _squash(a) == _squash(b))]
            self.cache[form] = exact or [i for i in self.identities if self._fits(i, form, _close)]
        return self.cache[form]

    @staticmethod
    def _fits(identity: Identity, form: Form, same) -> bool:
        if form.civility and identity.gender() and form.civility != identity.gender():
            return False
        for surname, first in identity.forms:
            if form.full and same(surname, form.surname) and same(first, form.first):
                return True
            if form.surname and not form.first and same(surname, form.surname) and (
                    first_initials(first).startswith(form.initials)):
                return True
            if form.bare and (same(first, form.bare) or same(surname, form.bare)):
                return True
        return False

    def resolve(self, m: Mention) -> str | None:
        if not _plausible(m):  # a name run into the next sentence: its leading name, if that is a member
            found = self.candidates(parse_name(_leading_name(m.printed), m.form.civility))
            found = found if len(found) == 1 else [i for i in found if m.doc_id in i.docs]
            return found[0].key if len(found) == 1 else None
        if m.form.full and m.role != "proxy" and (m.form.surname, m.form.first) in self.by_form:
            return self.by_form[(m.form.surname, m.form.first)].key
        found = self.candidates(m.form)
        if len(found) > 1:  # several fit: the one this file lists, if only one does
            found = [i for i in found if m.doc_id in i.docs]
        if len(found) == 1:
            return found[0].key
        if m.role == "proxy" or not _plausible(m) or not (m.form.surname or m.form.bare):
            return None
        if m.form.full:
            return f"{m.form.surname}|{m.form.first}"
        return f"{m.form.surname or m.form.bare}|" + (f"{m.form.initials}." if m.form.initials else "")


def _plausible(m: Mention) -> bool:
    return len(m.printed.split()) <= MAX_NAME_WORDS


def _leading_name(printed: str) -> str:
    """The name a misread "name" starts with: ``TANGUY qui indique ne pas comprendre …`` -> ``TANGUY``,
    ``Patrick VIGNAL Garantie d'emprunt – Ville de Montpellier`` -> ``Patrick VIGNAL``."""
    lead = []
    for word in printed.split():
        if not word[0].isupper():
            break
        lead.append(word)
    caps = [i for i, w in enumerate(lead) if is_capitals(w)]
    if caps:
        end = caps[0]
        while end + 1 < len(lead) and is_capitals(lead[end + 1]):
            end += 1
        lead = lead[:end + 1]
    return " ".join(lead)


def clear_caches() -> None:
    """Forget every printed form read so far (the caches only save time; the bench starts cold)."""
    for cached in (parse_name, word_key, _bare_name, _is_office):
        cached.cache_clear()


def member_id(council: str, identity_key: str) -> str:
    return "m" + hashlib.sha256(f"{council}\n{identity_key}".encode()).hexdigest()[:12]


# ------------------------------------------------------------------------------------------------- the run


@dataclass(slots=True)
class Roster:
    """The members of a run: ``members`` (members.csv rows) and ``events`` (one row per mention: member_id, role,
    sitting, date, doc_id, delib_id, status, proxy_given, position, giver, source_file, printed), for
    the members view."""

    members: list[Member]
    events: pd.DataFrame


COUNTS = ("sessions", "present", "excused", "absent", "proxies_given", "proxies_held", "recusals", "votes_contre",
          "votes_abstention")
EVENT_COLUMNS = ["member_id", "role", "sitting", "date", "doc_id", "delib_id", "status", "proxy_given",
                 "position", "giver", "source_file", "printed"]


def resolve_members(results: list[FileResult]) -> Roster:
    """Resolve every member named in the run, fill ``member_id`` in the attendance, recusal and vote_members
    rows, and return the members table. Each content (doc_id) counts once, whatever the paths given."""
    unique = {r.document.doc_id: r for r in sorted(results, key=lambda r: (r.document.doc_id,
                                                                            r.document.source_file or ""))}
    facts = {doc: _file_facts(r) for doc, r in unique.items()}
    mentions = {doc: _mentions(r, facts[doc]) for doc, r in unique.items()}
    councils = group_councils(list(facts.values()), mentions)
    by_council: dict[str, list[Mention]] = defaultdict(list)
    for doc in sorted(mentions):
        by_council[councils[doc]].extend(mentions[doc])
    for key, found in by_council.items():
        council = _Council(key, found)
        for m in found:
            resolved = council.resolve(m)
            m.member = member_id(key, resolved) if resolved else None
            if m.row is not None:
                m.row.member_id = m.member
    events = _events(mentions, facts, councils)
    return Roster(_members_table(events, facts, councils), events)


def _sitting(m: Mention, facts: FileFacts, council: str) -> tuple[str, date | None]:
    day = facts.dates.get(m.delib_id) or facts.date
    return (f"{council}|{day.isoformat()}" if day else f"{council}|{m.doc_id}"), day


def _events(mentions: dict[str, list[Mention]], facts: dict[str, FileFacts], councils: dict[str, str]
            ) -> pd.DataFrame:
    rows = []
    for doc, found in mentions.items():
        for m in found:
            giver = m.giver.member if m.giver is not None else None
            if not m.member or (m.role == "proxy" and not giver):
                continue
            sitting, day = _sitting(m, facts[doc], councils[doc])
            attendance = m.role == "attendance"
            rows.append((m.member, m.role, sitting, day, doc, m.delib_id,
                         m.row.status if attendance else None, bool(attendance and m.row.proxy_to),
                         m.row.position if m.role == "vote" else None, giver, facts[doc].source_file,
                         m.printed if _plausible(m) else _leading_name(m.printed)))
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _count(frame: pd.DataFrame, index: pd.Index) -> pd.Series:
    return frame.groupby("member_id").size().reindex(index, fill_value=0).astype(int)


def _attendance_counts(events: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """Per member: sittings listed, and each sitting counted once under its best status (present first)."""
    att = events[events.role == "attendance"].copy()
    att["rank"] = att.status.map(STATUS_RANK).fillna(len(STATUS_RANK))
    best = att.sort_values("rank").drop_duplicates(["member_id", "sitting"])
    out = pd.DataFrame(index=index)
    out["sessions"] = _count(best, index)
    out["present"] = _count(best[best.status == "present"], index)
    out["excused"] = _count(best[best.status.isin(["excused", "excused_no_vote"])], index)
    out["absent"] = _count(best[best.status == "absent"], index)
    given = att[att.proxy_given.astype(bool)].drop_duplicates(["member_id", "sitting"])
    out["proxies_given"] = _count(given, index)
    held = events[events.role == "proxy"].drop_duplicates(["member_id", "sitting", "giver"])
    out["proxies_held"] = _count(held, index)
    dates = att.dropna(subset=["date"]).groupby("member_id")["date"]
    out["first_session"] = dates.min().reindex(index)
    out["last_session"] = dates.max().reindex(index)
    return out


def _display_name(printed: list[str]) -> str:
    """The fullest printed form: first name and surname before partial forms, then the most words, then the
    usual "Prénom NOM" order, then the most frequent, then the first in alphabetical order."""
    counts = Counter(_bare_name(p) for p in printed)

    def usual(p: str) -> bool:
        words = p.split()
        return is_capitals(words[-1]) and not is_capitals(words[0])

    return min(counts, key=lambda p: (not parse_name(p).full, -len(p.split()), not usual(p), -counts[p], p))


def _members_table(events: pd.DataFrame, facts: dict[str, FileFacts], councils: dict[str, str]) -> list[Member]:
    """One Member per identity, counted with pandas over the events of the run."""
    named = events[events.role != "proxy"]
    if named.empty:
        return []
    index = pd.Index(sorted(named.member_id.unique()), name="member_id")
    table = _attendance_counts(events, index)
    votes = named[named.role == "vote"]
    table["recusals"] = _count(named[named.role == "recusal"], index)
    table["votes_contre"] = _count(votes[votes.position == "contre"], index)
    table["votes_abstention"] = _count(votes[votes.position == "abstention"], index)
    table["council"] = named.drop_duplicates("member_id").set_index("member_id").doc_id.map(councils)
    table["printed"] = named.groupby("member_id").printed.agg(list)
    display = _council_names(facts, councils)
    members = []
    for mid, row in zip(index, table.to_dict("records")):
        name = _display_name(row["printed"])
        members.append(Member(
            member_id=mid, collectivite=display.get(row["council"]) or None, name=name, name_key=name_key(name),
            variants=sorted({_bare_name(p) for p in set(row["printed"])}),
            first_session=_day(row["first_session"]), last_session=_day(row["last_session"]),
            **{k: int(row[k]) for k in COUNTS}))
    return sorted(members, key=lambda m: (m.collectivite or "", _surname_key(m.name), m.name_key, m.member_id))


def _surname_key(name: str) -> str:
    form = parse_name(name)
    return form.surname or form.bare


def _day(value) -> date | None:
    return value if isinstance(value, date) else None


def _council_names(facts: dict[str, FileFacts], councils: dict[str, str]) -> dict[str, str]:
    """council key -> the collectivité as its files print it most often."""
    printed: dict[str, Counter] = defaultdict(Counter)
    for doc, f in facts.items():
        if council_key(f.collectivite):
            printed[councils[doc]][f.collectivite.split(",")[0].strip()] += 1
    return {key: min(c, key=lambda n: (-c[n], n)) for key, c in printed.items()}
