"""The output contract: every CSV, exact headers, Table Schemas, determinism, atomic writes."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from frictionless import Resource, Schema

from conftest import NON_DELIBERATION, SAMPLE_A, SAMPLE_B, SHARED
from models.records import TABLES, Amount, Document, FileResult, Vote, columns
from models.schema import SCHEMA_DIR, table_schema
from pipeline.batch import extract
from pipeline.export.csv_tables import format_value, write_tables


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    extract([str(SAMPLE_A), str(SAMPLE_B), str(NON_DELIBERATION)], out, jobs=1, quiet=True)
    return out


def test_every_table_of_the_contract_is_written_with_its_header(sample_outputs):
    for table, record_type in TABLES.items():
        header = (sample_outputs / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == columns(record_type)


@pytest.mark.skipif(not (SHARED / "spec/columns.json").is_file(), reason="../shared/spec is not available")
def test_record_types_follow_columns_json():
    spec = json.loads((SHARED / "spec/columns.json").read_text(encoding="utf-8"))
    for table, cols in spec.items():
        assert columns(TABLES[table])[: len(cols)] == cols, table


def test_committed_schemas_are_generated_from_the_types():
    for table, record_type in TABLES.items():
        committed = json.loads((SCHEMA_DIR / f"{table}.json").read_text(encoding="utf-8"))
        assert committed == table_schema(record_type), f"run `make schemas` ({table})"


def test_written_csvs_validate_against_their_schemas(sample_outputs):
    for table in TABLES:
        schema = Schema.from_descriptor(json.loads((SCHEMA_DIR / f"{table}.json").read_text(encoding="utf-8")))
        report = Resource(path=f"{table}.csv", basepath=str(sample_outputs), schema=schema).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])


def test_schema_validation_catches_a_bad_cell(tmp_path):
    result = FileResult(Document(doc_id="0123456789abcdef", source_file="x.pdf", status="ok"))
    result.add(Vote(doc_id="0123456789abcdef", delib_id="1", block=1, outcome="adopted", unanimous=True))
    write_tables([result], tmp_path)
    path = tmp_path / "votes.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("adopted", "maybe"), encoding="utf-8")
    report = Resource(path="votes.csv", basepath=str(tmp_path),
                      schema=Schema.from_descriptor(json.loads((SCHEMA_DIR / "votes.json").read_text(encoding="utf-8")))).validate()
    assert report.flatten(["rowNumber", "fieldName", "type"]) == [[2, "outcome", "constraint-error"]]


def test_two_runs_write_identical_bytes(tmp_path):
    first, second = tmp_path / "1", tmp_path / "2"
    extract([str(SAMPLE_B), str(SAMPLE_A)], first, jobs=2, quiet=True)
    extract([str(SAMPLE_A), str(SAMPLE_B)], second, jobs=1, quiet=True)
    for table in TABLES:
        assert (first / f"{table}.csv").read_bytes() == (second / f"{table}.csv").read_bytes(), table


def test_no_temporary_files_are_left(sample_outputs):
    assert sorted(p.name for p in sample_outputs.rglob("*.tmp")) == []


def test_csvs_load_in_pandas(sample_outputs):
    docs = pd.read_csv(sample_outputs / "documents.csv", dtype={"doc_id": str})
    assert list(docs.columns) == columns(Document)
    assert len(docs) == 3 and set(docs["status"]) <= {"ok", "partial"}
    assert docs["pages"].dtype.kind == "i"


@pytest.mark.parametrize("value, cell", [
    (None, ""), (True, "true"), (False, "false"), (Decimal("7127786.75"), "7127786.75"), (Decimal("13200"), "13200.00"),
    (Decimal("-0.5"), "-0.50"), (date(2024, 6, 17), "2024-06-17"), ([1, 5, 10, 12], "1;5;10;12"), (44, "44"),
    ("Mme X", "Mme X"),
])
def test_cell_format(value, cell):
    assert format_value(value) == cell


def test_writer_refuses_a_record_in_the_wrong_table(tmp_path):
    result = FileResult(Document(doc_id="0123456789abcdef", source_file="x.pdf", status="ok"))
    result.rows["votes"] = [Amount(doc_id="0123456789abcdef", raw="1 €")]
    with pytest.raises(TypeError):
        write_tables([result], tmp_path)
