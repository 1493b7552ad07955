"""docs/: the output contract, the rule list and the column dictionary live in the repository, are linked from the
README, and say what the code does (the column dictionary is generated and must be current)."""

from __future__ import annotations

import json
import re

from conftest import REPO, SHARED
from models.records import TABLES, columns
from pipeline.export import scdl, workbook
from pipeline.reconcile import RULES

DOCS = REPO / "docs"


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_the_column_dictionary_is_current():
    assert read("columns.md") == workbook.column_dictionary(), "run `make docs`"


def test_the_column_dictionary_names_every_column_of_every_table():
    text = read("columns.md")
    for table, record_type in TABLES.items():
        section = text.split(f"## `{table}.csv`", 1)[1].split("\n## ", 1)[0]
        assert re.findall(r"^\| `(\w+)` \|", section, re.M) == columns(record_type), table


def test_the_shared_contracts_columns_are_all_documented():
    spec = SHARED / "spec" / "columns.json"
    if not spec.is_file():
        return  # the shared contract is optional: the repository's own docs are checked above
    dictionary = read("columns.md")
    for table, names in json.loads(spec.read_text(encoding="utf-8")).items():
        section = dictionary.split(f"## `{table}.csv`", 1)[1].split("\n## ", 1)[0]
        for name in names:
            assert f"| `{name}` |" in section, (table, name)


def test_the_rule_list_has_every_rule_of_the_catalogue_with_its_severity_and_family():
    scdl.register_rule()
    text = read("rules.md")
    for rule_id, spec in RULES.items():
        row = re.search(rf"^\| `{re.escape(rule_id)}` \| (\w+) \| (\w+) \|", text, re.M)
        assert row, rule_id
        assert (row.group(1), row.group(2)) == (spec.severity, spec.family), rule_id


def test_the_output_contract_lists_every_file_written():
    text = read("outputs.md")
    for table in TABLES:
        assert f"`{table}.csv`" in text, table
    for name in ("deliberations.xlsx", "scdl/deliberations_incomplete.csv", "scdl/subventions_incomplete.csv",
                 "deliberations.sqlite", "summary.md", scdl.INCOMPLETE_COLUMN):
        assert name in text, name


def test_the_readme_links_the_docs_and_nothing_outside_the_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("docs/outputs.md", "docs/rules.md", "docs/columns.md"):
        assert f"]({name})" in readme, name
        assert (REPO / name).is_file()
    for text in (readme, *(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))):
        assert "shared/spec" not in text  # the contract and the rules are in docs/ (the corpus stays optional)
    for link in re.findall(r"\]\(((?:docs|pipeline|samples|tests|bench)/[^)#]+)\)", readme):
        assert (REPO / link).exists(), link
