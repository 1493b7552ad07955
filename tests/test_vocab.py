"""The French wording tables of pipeline/vocab.py, checked row by row from their own examples (generated tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import vocab

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
ROWS = [(name, i, row) for name, table in vocab.FORMULA_TABLES.items() for i, row in enumerate(table)]


@pytest.mark.parametrize("name,index,row", ROWS, ids=[f"{n}[{i}]" for n, i, _ in ROWS])
def test_every_row_reads_its_examples_and_no_earlier_row_of_another_meaning_takes_them(name, index, row):
    assert row.examples, f"{name}[{index}] has no real example"
    table = vocab.FORMULA_TABLES[name]
    for example in row.examples:
        assert row.pattern.search(example), f"{name}[{index}] ({row.meaning}) does not read {example!r}"
        rivals = [r for r in table if r.meaning == row.meaning] if name in vocab.EVERY_MEANING_TRIED else table
        first = next(r for r in rivals if r.pattern.search(example))
        assert first.meaning == row.meaning, f"{example!r} is read as {first.meaning} before {row.meaning}"


@pytest.mark.parametrize("name", sorted(vocab.FORMULA_TABLES))
def test_every_table_is_read_by_a_stage(name):
    readers = [p for p in PIPELINE.rglob("*.py") if p.name != "vocab.py" and f"vocab.{name}" in p.read_text("utf-8")]
    assert readers, f"vocab.{name} is read nowhere"


def test_attendance_heading_words_give_the_status():
    from pipeline.segment import attendance_status

    assert attendance_status("Etait absent, excusé et a donné pouvoir : Nadine MALHOMME à Georges CARRET")[0] == \
        "excused"  # L'Arbresle 2013
    assert attendance_status("Etait absent : Soraya BENBALA")[0] == "absent"
    assert attendance_status("Excusés ayant donné procuration :\nGuillaume LACROIX à Sylviane CHENE")[0] == "excused"
    assert attendance_status("Absents et absent(s) excusé(s) :")[0] == "absent"  # CC Lisières de l'Oise 2025
    assert attendance_status("Présente le rapport suivant :") is None


# Lines printed by the reference document and the corpus that the tables without examples of their own read.
LINES = ["DECIDE :", "Après en avoir délibéré,", "(Adopté)", "Le Conseil municipal, après en avoir délibéré, à "
         "l'unanimité :", "Pour extrait conforme,", "Fait et délibéré les jour, mois et an susdits.",
         "Dit que les crédits sont inscrits au budget", "Autorise le Maire à signer la convention",
         "Pour : 24 voix (Groupe Socialiste)", "Adopté à l'unanimité des membres présents",
         "Le Président du Conseil départemental", "Article 1 :"]
EXAMPLES = sorted({example for table in vocab.FORMULA_TABLES.values() for row in table for example in row.examples}
                  | set(LINES))
UNION_TABLES = {**vocab.FORMULA_TABLES, "DECISION_OPEN": vocab.DECISION_OPEN, "VOTE_START": vocab.VOTE_START,
                "SIGNATURE_HEAD": vocab.SIGNATURE_HEAD, "OUTCOMES": vocab.OUTCOMES, "CLAUSE_LEAD": vocab.CLAUSE_LEAD}


@pytest.mark.parametrize("name", sorted(UNION_TABLES))
def test_a_table_as_one_alternation_reads_what_its_rows_read(name):
    """``vocab.matches_any`` / ``searches_any`` (one alternation a set of flags) say what trying the rows one by one
    says, on every example of every table (each table's own, and the others', which mostly it must not read)."""
    table = UNION_TABLES[name]
    for text in EXAMPLES + [f"  {e.upper()}" for e in EXAMPLES]:
        assert vocab.matches_any(text, table) == any(p.match(text) for _, p in table), (name, text)
        assert vocab.searches_any(text, table) == any(p.search(text) for _, p in table), (name, text)
    read = sum(vocab.searches_any(text, table) for text in EXAMPLES)
    assert 0 < read < len(EXAMPLES), f"{name}: the examples do not tell reading from not reading ({read})"


def test_tables_joined_read_what_either_reads():
    text = "Vu le code général des collectivités territoriales"
    assert vocab.matches_any("Pour extrait conforme", vocab.DECISION_OPEN, vocab.SIGNATURE_HEAD) == \
        vocab.matches_any("Pour extrait conforme", vocab.SIGNATURE_HEAD)
    assert not vocab.matches_any(text, vocab.DECISION_OPEN, vocab.VOTE_START)
