"""Vote sections -> the block's tally (``Vote``) and the members named with their vote (``VoteMember``).

The tally grammar is data (``vocab.VOTE_COUNTS``, ``vocab.OUTCOMES``, ``vocab.NAMED_VOTERS``); this module only
reads the vote's own text, keeps it as printed (``Vote.raw``) and says who was named.
"""

from __future__ import annotations

import regex

from models.records import Recusal, Vote, VoteMember
from models.sections import Section
from pipeline import vocab
from pipeline.normalize.names import name_key, split_names
from pipeline.normalize._text import collapse_spaces as collapse
from pipeline.segment import is_vote, vote_counts, vote_text

POSITIONS = {"pour": "pour", "contre": "contre", "abstention": "abstention", "abstentions": "abstention",
             "abstenu": "abstention", "abstenus": "abstention", "abstenant": "abstention",
             "ne prend pas part au vote": "not_voting", "ne prennent pas part au vote": "not_voting"}


def vote_of(section: Section) -> str:
    """The text of the vote: its first paragraph and the paragraphs after it that are votes too; the text after
    it (a debate, the next sub-point's title) is not read for counts nor for a result."""
    return collapse(" ".join(vote_text(vocab.LEADING_BULLET.sub("", p.flat)) for i, p in enumerate(section.paragraphs)
                             if i == 0 or is_vote(p)))


def outcome_of(text: str, counts: dict[str, int], unanimous: bool) -> str:
    outcome = next((name for name, pattern in vocab.OUTCOMES if pattern.search(text)), "unknown")
    if outcome == "unknown" and unanimous:
        outcome = "adopted"
    pour, contre = counts.get("pour"), counts.get("contre")
    if outcome == "unknown" and pour is not None:  # a majority printed without the word "adopté"
        if pour > (contre or 0):
            outcome = "adopted"
        elif contre is not None and contre > pour:
            outcome = "rejected"
    if outcome == "unknown" and vocab.MAJORITY.search(text):
        outcome = "adopted"
    return outcome


def section_to_vote(section: Section, doc_id: str, delib_id: str | None, articles: list[int]) -> Vote:
    text = vote_of(section)
    counts = vote_counts(text)
    unanimous = bool(vocab.UNANIMOUS.search(text))
    return Vote(doc_id=doc_id, delib_id=delib_id, block=section.block, articles=articles,
                pour=counts.get("pour"), contre=counts.get("contre"), abstention=counts.get("abstention"),
                absents_no_delegation=counts.get("absents_no_delegation"),
                outcome=outcome_of(text, counts, unanimous), unanimous=unanimous, page=section.page, raw=text)


def named_voters(vote: Vote) -> list[VoteMember]:
    """Members the vote names with their position: "CONTRE | 1 (Jean Marie SALANON)", "8 abstentions (groupe …
    et Mme VEILLEROT)" (the group is not a member; Mme VEILLEROT is)."""
    rows: list[VoteMember] = []
    seen: set[tuple[str, str]] = set()
    for _, pattern in vocab.NAMED_VOTERS:
        for m in pattern.finditer(vote.raw or ""):
            position = POSITIONS.get(" ".join(m.group("position").lower().split()))
            for person in split_names(_members_only(m.group("names"))):
                key = name_key(person.name)
                if position is None or (position, key) in seen or not _a_person(person.civility, person.name):
                    continue
                seen.add((position, key))
                rows.append(VoteMember(doc_id=vote.doc_id, delib_id=vote.delib_id, block=vote.block,
                                       position=position, civility=person.civility or None, name=person.name,
                                       name_key=key, page=vote.page))
    return rows


def not_voting(recusals: list[Recusal]) -> list[VoteMember]:
    """Members recorded as taking no part in a block's vote ("ne prend pas part au vote")."""
    return [VoteMember(doc_id=r.doc_id, delib_id=r.delib_id, block=r.block, position="not_voting",
                       civility=r.civility, name=r.name, name_key=r.name_key, page=r.page)
            for r in recusals if r.kind == "recused"]


def _members_only(names: str) -> str:
    """Drop the groups of a parenthesis ("groupe d'union de la droite et du centre et Mme VEILLEROT" -> "Mme
    VEILLEROT"): the parts joined by "et" or commas that name a group."""
    parts = regex.split(r"\s*,\s*|\s+et\s+(?=(?:M\.|Mme|MM\.|Monsieur|Madame|\p{Lu}))", names)
    return ", ".join(p for p in parts if not vocab.VOTER_GROUP.match(p))


def _a_person(civility: str | None, name: str) -> bool:
    """A civility, or a surname in capitals, or "Prénom Nom": not "Groupe", not a lone common word."""
    if vocab.VOTER_GROUP.match(name):
        return False
    return bool(civility) or bool(regex.search(r"\b\p{Lu}{2,}", name)) or \
        bool(regex.fullmatch(r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+", name))
