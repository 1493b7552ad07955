"""Open-data exports: SCDL Délibérations and Subventions validated by validata-table (the validator behind
validata.fr, custom checks included), the SQLite database for Datasette, the excel-fr CSV dialect, --coll-siret."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

import pytest
from validata_core import main as validata

from conftest import REPO, SAMPLE_A, SAMPLE_B, SHARED, delib_executable
from models.records import (TABLES, Article, Attendance, Convention, Deliberation, Document, FileResult, Identifier,
                            Payment, Vote)
from pipeline.batch import extract
from pipeline.export import scdl
from pipeline.export.csv_tables import write_tables
from pipeline.export.open_data import prepare, write_open_data
from pipeline.export.sqlite import FILE_NAME
from pipeline.export.workbook import unprotect
from pipeline.extract.identifiers import RNA
from pipeline.process import process_file
from pipeline.reconcile import RULES

PAS_DE_CALAIS = "22620001200012"
A_SIRET = "22800001400016"  # made up for the tests: 14 digits that pass the Luhn check, prefix 22 (a département)
DELIB_SCHEMA, SUBV_SCHEMA = scdl.DELIBERATIONS_SCHEMA, scdl.SUBVENTIONS_SCHEMA


def validate(csv_path: Path, schema: Path) -> dict:
    return validata.validate(str(csv_path), str(schema)).to_dict()


def errors(report: dict) -> list[tuple]:
    return sorted((e.get("rowNumber"), e["type"]) for e in report["errors"])


def read_csv(path: Path, delimiter: str = ",") -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


@pytest.fixture(scope="module")
def run(samples_run):
    return samples_run


# --- SCDL exports of the samples --------------------------------------------------------------------------

def test_both_scdl_exports_of_the_samples_validate_with_validata(run):
    out, _ = run
    for name, schema in (("deliberations.csv", DELIB_SCHEMA), ("subventions.csv", SUBV_SCHEMA)):
        report = validate(out / "scdl" / name, schema)
        assert report["valid"] and report["errors"] == [], (name, report["errors"])
        assert report["stats"]["errors"] == 0 and report["stats"]["rows"] == 4, name


def test_the_schemas_are_the_official_ones_copied_unchanged():
    for path in (DELIB_SCHEMA, SUBV_SCHEMA, scdl.SCHEMA_DIR / "README.md"):
        shared = SHARED / "spec" / "scdl" / path.name
        if shared.is_file():
            assert path.read_bytes() == shared.read_bytes(), path.name
    assert scdl.schema_columns(DELIB_SCHEMA)[:3] == ("COLL_NOM", "COLL_SIRET", "DELIB_ID")
    assert len(scdl.schema_columns(SUBV_SCHEMA)) == 16


def test_one_deliberation_row_per_vote_block_with_the_printed_counts(run):
    out, _ = run
    rows = read_csv(out / "scdl" / "deliberations.csv")
    assert list(rows[0]) == list(scdl.schema_columns(DELIB_SCHEMA))
    # the two renderings of N°2024-273 are one deliberation: exported once, 4 blocks
    assert [(r["DELIB_ID"], r["VOTE_EFFECTIF"], r["VOTE_REEL"], r["VOTE_POUR"], r["VOTE_CONTRE"], r["VOTE_ABSTENTION"])
            for r in rows] == [("2024-273", "44", "39", "24", "0", "15"), ("2024-273", "44", "39", "34", "0", "5"),
                               ("2024-273", "44", "39", "33", "0", "6"), ("2024-273", "44", "39", "28", "0", "11")]
    assert {r["COLL_NOM"] for r in rows} == {"Département du Pas-de-Calais"}
    assert {r["COLL_SIRET"] for r in rows} == {PAS_DE_CALAIS}
    assert {(r["DELIB_DATE"], r["DELIB_MATIERE_CODE"], r["DELIB_MATIERE_NOM"]) for r in rows} == {
        ("2024-06-17", "7.5", "finances locales/subventions")}
    assert {(r["BUDGET_ANNEE"], r["BUDGET_NOM"]) for r in rows} == {("2024", "Budget départemental")}
    assert [r["DELIB_OBJET"].rsplit("(", 1)[1] for r in rows] == [
        "articles 1 à 4)", "articles 5 à 9)", "articles 10 et 11)", "articles 12 à 14)"]


def test_subsidies_of_the_samples(run):
    out, _ = run
    rows = read_csv(out / "scdl" / "subventions.csv")
    assert list(rows[0]) == list(scdl.schema_columns(SUBV_SCHEMA))
    assert [(r["nomBeneficiaire"], r["idBeneficiaire"], r["montant"], r["conditionsVersement"],
             r["datesPeriodeVersement"]) for r in rows] == [
        ("Cheval Bleu", "48054398200023", "185000.00", "échelonné", "2024-06-17/2024-12-31"),
        ("Association interdépartementale D’Information sur le Logement du Nord et du Pas-de-Calais",
         "34309733300078", "18000.00", "unique", "2024-06-17/2024-12-31"),
        ("BLANZY POURRE", "48782289200013", "37130.40", "modalités de versement non précisées dans l'acte annexé",
         "2024-06-17/2024-12-31"),
        ("Résidence Pour Tous", "41351608900013", "36099.00", "modalités de versement non précisées dans l'acte annexé",
         "2024-06-17/2024-12-31")]
    assert {(r["nomAttribuant"], r["idAttribuant"], r["dateConvention"], r["referenceDecision"], r["nature"],
             r["notificationUE"], r["pourcentageSubvention"]) for r in rows} == {
        ("Département du Pas-de-Calais", PAS_DE_CALAIS, "2024-06-17", "2024-273", "aide en numéraire", "non", "1.00")}
    # the CNFPT avenant buys training days: not a subsidy; FACE and the CAF print no SIRET: to complete
    assert not any("CNFPT" in r["nomBeneficiaire"] for r in rows)
    incomplete = read_csv(out / "scdl" / scdl.INCOMPLETE_FILE)
    assert [(r["nomBeneficiaire"], r["idBeneficiaire"], r["montant"]) for r in incomplete] == [
        ("FACE Côte d’Opale", "", "20000.00"), ("Caisse d’Allocation Familiales du Pas-de-Calais", "", "600000.00")]
    # each incomplete row says what it lacks, in a last column after the schema's
    assert list(incomplete[0])[-1] == scdl.INCOMPLETE_COLUMN
    assert {r[scdl.INCOMPLETE_COLUMN] for r in incomplete} == {"no SIRET or RNA number is printed for the beneficiary"}
    assert read_csv(out / "scdl" / scdl.DELIB_INCOMPLETE_FILE) == []


def test_one_finding_per_file_says_what_is_published_and_why_not(run):
    out, results = run
    findings = [r for r in read_csv(out / "findings.csv") if r["rule"] == "scdl.publishable"]
    a, b = (next(r.document.doc_id for r in results if r.document.source_file == str(sample))
            for sample in (SAMPLE_A, SAMPLE_B))
    assert a < b  # both renderings have a text layer: the smaller doc_id is the copy exported
    assert sorted(f["doc_id"] for f in findings) == sorted(r.document.doc_id for r in results)  # one per file
    [kept] = [f for f in findings if f["doc_id"] == a]
    assert (kept["status"], kept["delib_id"], kept["family"]) == ("fail", "", "reading")
    assert kept["message"].startswith("2 of the file's 10 SCDL rows cannot be published as they are: 2 subsidy "
                                      "row(s) are in scdl/subventions_incomplete.csv: no SIRET or RNA number is "
                                      "printed for the beneficiary (2 rows)")
    assert "COLL_SIRET 22620001200012 printed in the document (page 20)" in kept["message"]
    [copy] = [f for f in findings if f["doc_id"] == b]
    assert copy["status"] == "skip" and f"2024-273 is exported from {SAMPLE_A}" in copy["message"]
    [other] = [f for f in findings if f["doc_id"] not in (a, b)]
    assert other["status"] == "skip"
    assert all(f["severity"] == "info" == RULES["scdl.publishable"].severity for f in findings)


def test_scdl_publishable_is_a_batch_rule_the_worker_does_not_evaluate(run):
    from pipeline.reconcile import evaluate

    _, results = run
    sample = next(r for r in results if r.document.source_file == str(SAMPLE_A))
    assert not [f for f in evaluate(sample) if f.rule == "scdl.publishable"]
    reconcile_source = (REPO / "pipeline" / "reconcile.py").read_text(encoding="utf-8")
    assert "pipeline.export" not in reconcile_source


def test_scdl_rows_are_the_voted_blocks_of_the_exported_deliberations(run):
    """Complete + incomplete deliberation rows = one per vote block (one for a deliberation without a vote read),
    counted over the deliberations exported (one copy each; none from a non-deliberation)."""
    out, results = run
    plan = scdl.plan(results)
    expected = 0
    unique = {r.document.doc_id: r for r in results}.values()  # the same content twice is exported once
    for result in unique:
        if result.document.kind == "other":
            continue
        for d in result.rows.get("deliberations", []):
            if plan.copy_of(result, d.delib_id) is None:
                expected += max(1, len([v for v in result.rows.get("votes", []) if v.delib_id == d.delib_id]))
    rows = read_csv(out / "scdl" / "deliberations.csv") + read_csv(out / "scdl" / scdl.DELIB_INCOMPLETE_FILE)
    assert len(rows) == expected == 4


# --- validata catches a broken row ------------------------------------------------------------------------

def break_cell(src: Path, dst: Path, row: int, column: str, value: str) -> Path:
    rows = read_csv(src)
    rows[row - 2][column] = value  # row numbers as validata counts them: the header is row 1
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    dst.write_text(buf.getvalue(), encoding="utf-8")
    return dst


# (column, broken value, validata's error type, a word of its message). validata 0.12 runs the schemas' deprecated
# french-siret-value and nomenclature-actes-value checks through frformat: "custom-check-error".
@pytest.mark.parametrize("column, value, error, says", [
    ("VOTE_REEL", "40", "sum-columns-value", "VOTE_POUR, VOTE_CONTRE, VOTE_ABSTENTION (39)"),
    ("VOTE_EFFECTIF", "38", "compare-columns-value", "VOTE_EFFECTIF"),  # EFFECTIF < REEL
    ("VOTE_CONTRE", "", "cohesive-columns-value", "toutes"),  # all vote columns or none
    ("COLL_SIRET", "22620001200013", "custom-check-error", "Siret"),  # fails the Luhn check
    ("DELIB_MATIERE_NOM", "finances/subventions", "custom-check-error", "nomenclature Actes"),
    ("DELIB_DATE", "17/06/2024", "type-error", "La forme attendue est `2024-06-17`"),
])
def test_validata_catches_a_broken_deliberation_row(run, tmp_path, column, value, error, says):
    out, _ = run
    broken = break_cell(out / "scdl" / "deliberations.csv", tmp_path / "deliberations.csv", 3, column, value)
    report = validate(broken, DELIB_SCHEMA)
    assert not report["valid"]
    assert any(e["type"] == error and says in e["message"] for e in report["errors"]), report["errors"]
    assert {e.get("rowNumber") for e in report["errors"]} == {3}


@pytest.mark.parametrize("column, value, error, says", [
    ("idBeneficiaire", "", "one-of-required", "idBeneficiaire"),
    ("idBeneficiaire", "48054398200024", "custom-check-error", "Siret"),
    ("notificationUE", "peut-être", "type-error", "`oui` (vrai) et `non` (faux)"),
    ("datesPeriodeVersement", "2024", "constraint-error", "ne respecte pas le motif"),
    ("pourcentageSubvention", "1.5", "constraint-error", "au plus égale à 1"),
])
def test_validata_catches_a_broken_subsidy_row(run, tmp_path, column, value, error, says):
    out, _ = run
    broken = break_cell(out / "scdl" / "subventions.csv", tmp_path / "subventions.csv", 2, column, value)
    report = validate(broken, SUBV_SCHEMA)
    assert not report["valid"]
    assert any(e["type"] == error and says in e["message"] for e in report["errors"]), report["errors"]
    assert {e.get("rowNumber") for e in report["errors"]} == {2}


# --- SQLite ---------------------------------------------------------------------------------------------------

def test_sqlite_has_every_table_with_the_csvs_row_counts_and_sound_foreign_keys(run):
    out, _ = run
    db = sqlite3.connect(out / FILE_NAME)
    for table in TABLES:
        n_csv = len(read_csv(out / f"{table}.csv"))
        assert db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0] == n_csv, table
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    pks = {t: [r[1] for r in sorted(db.execute(f"PRAGMA table_info([{t}])"), key=lambda r: r[5]) if r[5]]
           for t in TABLES}
    assert pks["documents"] == ["doc_id"] and pks["deliberations"] == ["doc_id", "delib_id"]
    assert all(pks[t] == ["id"] for t in TABLES if t not in ("documents", "deliberations"))
    fks = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(votes)")}
    assert fks == {("documents", "doc_id"), ("deliberations", "doc_id"), ("deliberations", "delib_id")}
    indexed = {r[0] for r in db.execute("SELECT tbl_name || ':' || name FROM sqlite_master WHERE type = 'index'")}
    assert {"attendance:idx_attendance_doc_id_delib_id", "attendance:idx_attendance_name_key",
            "payments:idx_payments_doc_id_delib_id_annex"} <= indexed
    # row ids are the CSV's row numbers, values typed
    third = read_csv(out / "votes.csv")[2]
    assert db.execute("SELECT pour, unanimous, articles FROM votes WHERE id = 3").fetchone() == (
        int(third["pour"]), 0, third["articles"])
    assert db.execute("SELECT SUM(amount) FROM articles WHERE kind = 'financing'").fetchone()[0] == pytest.approx(
        2 * 9710272.97)


def readme_queries() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Open-data exports", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.DOTALL)


def test_the_readme_queries_answer_on_the_samples(run):
    out, _ = run
    queries = readme_queries()
    assert len(queries) == 3
    db = sqlite3.connect(out / FILE_NAME)
    attendance, recusals, beneficiaries = (db.execute(q).fetchall() for q in queries)
    # one session of 48 members named in the lists (44 voting + 4 without a deliberative voice)
    assert len(attendance) == 48 and {r[2] for r in attendance} == {1}
    assert sorted(r[1] for r in attendance if r[5])[:2] == ["ALEXANDRE MALFAIT", "BRUNO COUSEIN"]
    recused = {r[1]: r[3] for r in recusals}
    assert recused and max(recused.values()) <= 4
    totals = {r[0]: (r[2], r[3]) for r in beneficiaries}
    assert totals["Cheval Bleu"] == (1, 185000.0)  # each act once, though two files hold it
    assert totals["Caisse d’Allocation Familiales du Pas-de-Calais"] == (1, 600000.0)


def test_datasette_serves_the_database_and_the_readme_queries(run):
    out, _ = run
    exe = Path(sys.executable).parent / "datasette"
    for query in readme_queries():
        url = "/deliberations.json?" + urlencode({"sql": query, "_shape": "array"})
        proc = subprocess.run([str(exe), str(out / FILE_NAME), "--get", url], capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)) > 0


def test_sqlite_keeps_every_row_when_a_key_repeats(run, tmp_path):
    _, results = run
    sample = next(r for r in results if r.document.source_file == str(SAMPLE_A))
    elsewhere = dataclasses.replace(sample.document, source_file="elsewhere/copy-of-a.pdf")  # same content
    twice = [*results, dataclasses.replace(sample, document=elsewhere)]
    write_tables(twice, tmp_path)
    write_open_data(twice, tmp_path, prepare(twice))
    db = sqlite3.connect(tmp_path / FILE_NAME)
    for table in TABLES:
        assert db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0] == len(read_csv(tmp_path / f"{table}.csv"))
    assert [r[1] for r in db.execute("PRAGMA table_info(documents)") if r[5]] == ["id"]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # the SCDL files still hold the deliberation once
    assert len(read_csv(tmp_path / "scdl" / "deliberations.csv")) == 4


# --- excel-fr dialect ----------------------------------------------------------------------------------------

def test_excel_fr_dialect(run, tmp_path):
    out, results = run
    write_tables(results, tmp_path, "excel-fr")
    raw = (tmp_path / "articles.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()) and raw.decode("utf-8-sig").startswith("doc_id;delib_id;article;")
    fr = read_csv(tmp_path / "articles.csv", ";")
    default = read_csv(out / "articles.csv")
    assert len(fr) == len(default)
    assert [r["amount"] for r in fr if r["amount"]][:2] == ["7127786,75", "902200,24"]
    for fr_row, row in zip(fr, default):  # only the decimal separator and the protected text cells differ
        assert {k: v.replace(",", ".") if k == "amount" else unprotect(v) for k, v in fr_row.items()} == row
    # text Excel would turn into a date, a number or a formula is written as a text formula
    assert {r["delib_id"] for r in fr} == {'="2024-273"'}
    assert fr[0]["doc_id"] == fr[0]["doc_id"].strip('="') and fr[0]["kind"] == "financing"
    sirets = [r["siret"] for r in read_csv(tmp_path / "conventions.csv", ";") if r["siret"]]
    assert sirets and all(s.startswith('="') and s[2:-1].isdigit() for s in sirets)
    assert '"6;10;11;12"' in raw.decode("utf-8-sig")  # a ';'-joined list is quoted
    # the default is unchanged, and the SCDL files do not follow the dialect
    write_tables(results, tmp_path / "default")
    for table in TABLES:
        assert (tmp_path / "default" / f"{table}.csv").read_bytes() == (out / f"{table}.csv").read_bytes()


def test_cli_extract_with_excel_fr_and_coll_siret(tmp_path):
    proc = subprocess.run([delib_executable(), "extract", str(SAMPLE_A), "--out", str(tmp_path), "--quiet",
                           "--jobs", "1", "--csv-dialect", "excel-fr", "--coll-siret", "226 200 012 00012"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "votes.csv").read_text(encoding="utf-8").startswith("\ufeffdoc_id;delib_id;block;")
    assert (tmp_path / "scdl" / "deliberations.csv").read_text(encoding="utf-8").startswith("COLL_NOM,COLL_SIRET,")
    assert validate(tmp_path / "scdl" / "deliberations.csv", DELIB_SCHEMA)["valid"]
    assert (tmp_path / FILE_NAME).is_file()


@pytest.mark.parametrize("siret", ["22620001200013", "2262000120001", "abc"])
def test_cli_refuses_a_bad_coll_siret_before_reading_any_file(tmp_path, siret):
    proc = subprocess.run([delib_executable(), "extract", str(SAMPLE_A), "--out", str(tmp_path / "o"),
                           "--coll-siret", siret], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "--coll-siret" in proc.stderr and "Luhn" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists()


# --- COLL_SIRET: printed, option, known table; never guessed -------------------------------------------------

@pytest.fixture(scope="module")
def somme(make_samples, tmp_path_factory):
    """The sample as if a Département that prints no SIRET of its own had adopted it."""
    path = make_samples.build_pdf("a", tmp_path_factory.mktemp("somme") / "somme.pdf",
                                  [("DEPARTEMENT DU PAS-DE-CALAIS", "DEPARTEMENT DE LA SOMME")])
    return process_file(path)


def scdl_findings(result: FileResult) -> list:
    return [f for f in result.rows["findings"] if f.rule == "scdl.publishable"]


def test_unknown_coll_siret_sends_the_rows_to_the_incomplete_file(somme, tmp_path):
    assert scdl_findings(somme) == []  # the worker leaves the batch-scope rule to the batch
    plan = prepare([somme])
    [finding] = scdl_findings(somme)
    assert finding.status == "fail" and finding.page == 1
    assert "4 deliberation row(s) are in scdl/deliberations_incomplete.csv" in finding.message
    assert "no SIRET is printed next to “DEPARTEMENT DE LA SOMME”" in finding.message
    assert "--collectivites FILE.csv or --coll-siret" in finding.message and "(4 rows)" in finding.message
    write_open_data([somme], tmp_path, plan)
    assert read_csv(tmp_path / "scdl" / "deliberations.csv") == []
    assert validate(tmp_path / "scdl" / "deliberations.csv", DELIB_SCHEMA)["valid"]
    rows = read_csv(tmp_path / "scdl" / scdl.DELIB_INCOMPLETE_FILE)
    assert len(rows) == 4 and {r["COLL_SIRET"] for r in rows} == {""} and rows[0]["COLL_NOM"] == "DEPARTEMENT DE LA SOMME"
    assert all(r[scdl.INCOMPLETE_COLUMN].startswith("no SIRET is printed next to") for r in rows)
    # the subsidies lack the attributor's SIRET too: none is published, each says why
    assert read_csv(tmp_path / "scdl" / "subventions.csv") == []
    subsidies = read_csv(tmp_path / "scdl" / scdl.INCOMPLETE_FILE)
    assert len(subsidies) == 6 and all(r["idAttribuant"] == "" for r in subsidies)
    assert all("no SIRET is printed next to “DEPARTEMENT DE LA SOMME”" in r[scdl.INCOMPLETE_COLUMN] for r in subsidies)
    assert sum("no SIRET or RNA number is printed for the beneficiary" in r[scdl.INCOMPLETE_COLUMN]
               for r in subsidies) == 2


def test_coll_siret_option_fills_it_in(somme, tmp_path):
    plan = prepare([somme], scdl.OpenDataOptions(coll_siret=A_SIRET))
    [finding] = scdl_findings(somme)
    assert f"COLL_SIRET {A_SIRET} given with --coll-siret" in finding.message
    assert "deliberations_incomplete" not in finding.message
    write_open_data([somme], tmp_path, plan)
    assert {r["COLL_SIRET"] for r in read_csv(tmp_path / "scdl" / "deliberations.csv")} == {A_SIRET}
    assert {r["idAttribuant"] for r in read_csv(tmp_path / "scdl" / "subventions.csv")} == {A_SIRET}
    assert validate(tmp_path / "scdl" / "deliberations.csv", DELIB_SCHEMA)["valid"]
    prepare([somme])  # the finding goes back to what the document alone says
    assert "deliberations_incomplete" in scdl_findings(somme)[0].message


def test_collectivites_file_gives_each_council_its_siret(somme, tmp_path):
    table = tmp_path / "collectivites.csv"
    table.write_text(f"nom;siret\nCommune de Pierrefonds;{PAS_DE_CALAIS}\nDépartement de la Somme;{A_SIRET}\n",
                     encoding="utf-8")
    options = scdl.OpenDataOptions(collectivites=scdl.read_collectivites(table))
    plan = prepare([somme], options)
    assert "given in the --collectivites file (as “Département de la Somme”)" in scdl_findings(somme)[0].message
    write_open_data([somme], tmp_path, plan)
    assert {r["COLL_SIRET"] for r in read_csv(tmp_path / "scdl" / "deliberations.csv")} == {A_SIRET}


@pytest.mark.parametrize("text, says", [
    ("name,siret\nX,22620001200012\n", "needs a header line with the columns nom and siret"),
    ("nom,siret\nX,22620001200013\n", "line 2 of"),
])
def test_a_bad_collectivites_file_is_one_sentence(tmp_path, text, says):
    table = tmp_path / "c.csv"
    table.write_text(text, encoding="utf-8")
    with pytest.raises(scdl.CollectivitesFileError, match=says):
        scdl.read_collectivites(table)


def test_official_list_recognises_communes_epci_and_departements_by_name():
    pierrefonds = scdl.official("Commune de Pierrefonds")
    assert (pierrefonds.kind, pierrefonds.code, pierrefonds.siren) == ("commune", "60491", "216004853")
    assert scdl.official("Commune de L'Arbresle").code == "69010"
    assert scdl.official("Ville de Bourg-en-Bresse").siren == "210100533"
    assert scdl.official("Communauté de Communes des Lisières de l'Oise").siren == "246000749"
    assert scdl.official("DEPARTEMENT DU PAS-DE-CALAIS").code == "62"
    assert scdl.official("Commune d'Aiglun") is None  # two communes have that name: not recognised
    assert scdl.official("Association Les Amis") is None


def test_a_siret_of_the_official_siren_is_taken_wherever_it_is_printed():
    # Pierrefonds' SIREN is 216004853 (official list); a valid SIRET of it printed without the name nearby
    siret = next(s for s in (f"216004853{n:05d}" for n in range(100)) if scdl.luhn_ok(s))
    printed = Identifier("siret", siret, siret, True, 2, "Mairie 60350 SIRET " + siret)
    coll = scdl.collectivite(one_deliberation("Commune de Pierrefonds", [printed]), "Commune de Pierrefonds",
                             scdl.OpenDataOptions())
    assert (coll.siret, coll.source) == (siret, "printed in the document (page 2)")


def one_deliberation(collectivite: str, identifiers: list[Identifier] = ()) -> FileResult:
    result = FileResult(Document(doc_id="00000000000000aa", source_file="x.pdf", status="ok", text_source="text"))
    result.add(Deliberation(doc_id="00000000000000aa", delib_id="2024-1", collectivite=collectivite,
                            session_date=date(2024, 3, 4), title="Motion relative au service public"))
    result.identifiers = list(identifiers)
    return result


def test_a_document_siret_is_taken_only_next_to_the_collectivites_name():
    options = scdl.OpenDataOptions()
    near = Identifier("siret", PAS_DE_CALAIS, PAS_DE_CALAIS, True, 7, "public DEPARTEMENT DU PAS DE CALAIS SIRET "
                      "22620001200012 THEMATIQUES")
    result = one_deliberation("DEPARTEMENT DU PAS-DE-CALAIS", [near])
    coll = scdl.collectivite(result, "DEPARTEMENT DU PAS-DE-CALAIS", options)
    assert (coll.siret, coll.source, coll.nom) == (PAS_DE_CALAIS, "printed in the document (page 7)",
                                                   "Département du Pas-de-Calais")
    # an association's SIRET next to the name (prefix 48, not 22), or the name of another collectivité: not taken
    other = Identifier("siret", "48054398200023", "48054398200023", True, 3,
                       "le Département du Pas-de-Calais et le Cheval Bleu SIRET 48054398200023")
    assert scdl.printed_sirets(one_deliberation("DEPARTEMENT DU PAS-DE-CALAIS", [other]),
                               "DEPARTEMENT DU PAS-DE-CALAIS") == {}
    assert scdl.collectivite(one_deliberation("DEPARTEMENT DE LA SOMME", [near]), "DEPARTEMENT DE LA SOMME",
                             options).siret is None
    # two different SIRETs next to the name: ambiguous, none taken (not even the known table's)
    second = Identifier("siret", A_SIRET, A_SIRET, True, 9, "DEPARTEMENT DU PAS DE CALAIS SIRET 22800001400016")
    ambiguous = scdl.collectivite(one_deliberation("DEPARTEMENT DU PAS-DE-CALAIS", [near, second]),
                                  "DEPARTEMENT DU PAS-DE-CALAIS", options)
    assert ambiguous.siret is None and "several SIRETs" in ambiguous.problem


def test_known_collectivites_table_by_name_when_nothing_is_printed():
    result = one_deliberation("Conseil départemental du Pas-de-Calais")
    coll = scdl.collectivite(result, "Conseil départemental du Pas-de-Calais", scdl.OpenDataOptions())
    assert (coll.siret, coll.nom, coll.source) == (PAS_DE_CALAIS, "Département du Pas-de-Calais",
                                                   "known_collectivites.csv")
    for known in scdl.known_collectivites():  # every row says where its SIRET was read, and the SIRET is valid
        assert scdl.luhn_ok(known.siret) and len(known.source) > 20


# --- Matière ----------------------------------------------------------------------------------------------

def test_nomenclature_is_the_schemas_57_codes_with_frformats_level_1_names():
    from frformat import NomenclatureActe
    from frformat.nomenclature_acte_format import AUTHORIZED_VALUES

    codes = scdl.nomenclature()
    ranges = {"1": 7, "2": 3, "3": 6, "4": 5, "5": 8, "6": 5, "7": 10, "8": 9, "9": 4}  # the schema's description
    assert sorted(codes, key=lambda c: tuple(map(int, c.split(".")))) == [
        f"{k}.{i}" for k, n in ranges.items() for i in range(1, n + 1)]
    assert {level1 for level1, _ in codes.values()} == AUTHORIZED_VALUES
    for code in codes:
        nom = scdl.matiere_nom(code)
        assert NomenclatureActe().is_valid(nom) and not re.search(r"[,()A-Z]", nom), nom


@pytest.mark.parametrize("title, articles, collectivite, code", [
    ("APPELS À PROJETS DES POLITIQUES D'INCLUSION DURABLE 2024 - PHASE 1", [], "DEPARTEMENT DU PAS-DE-CALAIS", "7.5"),
    ("Subvention à l'association culturelle Les Amis du Musée", [], "VILLE DE MONTPELLIER", "7.5"),
    ("Budget primitif 2021 - budget principal", [], "COMMUNE DE COUTHENANS", "7.1"),
    ("Vote des taux d'imposition 2023", [], None, "7.2"),
    ("Désignation des délégués au syndicat d'électricité", [], None, "5.3"),
    ("Motion de soutien aux agriculteurs", [], None, "9.4"),
    ("Tableau des effectifs : création d'un poste d'adjoint technique", [], None, "4.1"),
    ("Acquisition de la parcelle AB 12", [], None, "3.1"),
    ("Renouvellement du bail de la gendarmerie", [], None, "3.3"),
    ("Avenant n°1 au marché de travaux du Rockstore", [], None, "1.1"),
    ("Rapport annuel", ["D'approuver le programme de voirie 2024"], None, "8.3"),
    ("Mme le Maire Adoption de l’ordre du jour", [], "Commune de Pierrefonds", "5.2"),
    # "rez-de-chaussée" is not a road (Montpellier 2011)
    ("HOTEL DE VARENNES Réaménagement des sanitaires au rez-de-chaussée", [], "VILLE DE MONTPELLIER", "9.1"),
    ("Point divers", ["De prendre acte."], "DEPARTEMENT DU PAS-DE-CALAIS", "9.2"),
    ("Point divers", ["De prendre acte."], "REGION HAUTS-DE-FRANCE", "9.3"),
    ("Point divers", ["De prendre acte."], "COMMUNE DE PIERREFONDS", "9.1"),
])
def test_classify(title, articles, collectivite, code):
    assert scdl.classify(title, articles, collectivite)[0] == code


# --- Votes, budgets, subsidies: the mapping rules -----------------------------------------------------------

def test_vote_columns():
    vote = Vote(doc_id="d", delib_id="1", block=1, pour=24, contre=None, abstention=15, absents_no_delegation=5)
    assert scdl.vote_columns(vote, 44) == ({"VOTE_EFFECTIF": 44, "VOTE_REEL": 39, "VOTE_POUR": 24, "VOTE_CONTRE": 0,
                                            "VOTE_ABSTENTION": 15}, None)
    assert scdl.vote_columns(vote, 0)[0]["VOTE_EFFECTIF"] == 44  # no list: réel + absents sans délégation
    no_list = Vote(doc_id="d", delib_id="1", block=1, pour=24)
    assert set(scdl.vote_columns(no_list, 0)[0].values()) == {None}
    unanimous = Vote(doc_id="d", delib_id="1", block=1, unanimous=True, outcome="adopted")
    assert set(scdl.vote_columns(unanimous, 44)[0].values()) == {None}
    columns, problem = scdl.vote_columns(vote, 30)
    assert set(columns.values()) == {None} and "39 votes cast for 30 voting members" in problem


def test_a_deliberation_without_votes_is_one_row_and_voting_members_come_from_the_lists():
    result = one_deliberation("DEPARTEMENT DU PAS-DE-CALAIS")
    d = result.rows["deliberations"][0]
    coll = scdl.collectivite(result, d.collectivite, scdl.OpenDataOptions())
    rows, problems = scdl.deliberation_rows(result, d, coll)
    assert len(rows) == 1 and rows[0]["VOTE_REEL"] is None and problems == []
    assert rows[0]["DELIB_MATIERE_CODE"] == "9.4" and rows[0]["BUDGET_ANNEE"] is None
    for status, name in (("present", "A"), ("present", "A"), ("excused", "B"), ("absent", "C"),
                         ("excused_no_vote", "D")):
        result.add(Attendance(doc_id=d.doc_id, delib_id=None, status=status, name=name, name_key=name))
    assert scdl.voting_members(result, d.delib_id) == 3


def subsidy_file(**convention) -> tuple[FileResult, Deliberation]:
    result = one_deliberation("DEPARTEMENT DU PAS-DE-CALAIS")
    d = result.rows["deliberations"][0]
    result.add(Convention(**{"doc_id": d.doc_id, "delib_id": d.delib_id, "annex": 3, "kind": "convention",
                             "counterparty": "Association Les Amis", "amount": Decimal("5000"), "object": "Objet",
                             "page": 4, "page_end": 6, **convention}))
    return result, d


def test_subsidy_rows_rna_state_aid_in_kind_and_payments():
    result, d = subsidy_file(funding_terms=["state_aid", "in_kind"], period_end=date(2025, 6, 30))
    result.identifiers = [Identifier("rna", "W622001234", "W 622 001 234", True, 5, "RNA : W 622 001 234")]
    result.add(Payment(doc_id=d.doc_id, delib_id=d.delib_id, annex=3, rank=1, kind="advance", budget_year=2023,
                       condition="déjà versée à la signature de la convention"))
    result.add(Payment(doc_id=d.doc_id, delib_id=d.delib_id, annex=3, rank=2, kind="balance", budget_year=2025,
                       condition="à verser sur présentation du bilan"))
    coll = scdl.collectivite(result, d.collectivite, scdl.OpenDataOptions())
    [s] = scdl.subsidies(result, d, coll)
    assert s.status == "pass"
    assert (s.row["idBeneficiaire"], s.row["rnaBeneficiaire"], s.row["notificationUE"], s.row["nature"],
            s.row["conditionsVersement"], s.row["datesPeriodeVersement"]) == (
        None, "W622001234", "oui", "aide en numéraire;aide en nature", "échelonné", "2024-03-04/2025-12-31")


@pytest.mark.parametrize("convention, status, why", [
    ({"funding_terms": ["service_price"]}, "skip", "pays for a service"),
    ({"amount": None}, "skip", "no amount committed"),
    ({"siret": "48054398200024"}, "fail", "fails its Luhn check"),
    ({}, "fail", "no SIRET or RNA number"),
    ({"siret": "48054398200023"}, "pass", "identified by SIRET 48054398200023"),
])
def test_which_acts_are_subsidies(convention, status, why):
    result, d = subsidy_file(**convention)
    coll = scdl.collectivite(result, d.collectivite, scdl.OpenDataOptions())
    [s] = scdl.subsidies(result, d, coll)
    assert s.status == status and why in s.reason


def test_single_payment_period_runs_to_the_end_of_the_acts_period():
    result, d = subsidy_file(siret="48054398200023", period_end=date(2027, 12, 31))
    result.add(Payment(doc_id=d.doc_id, delib_id=d.delib_id, annex=3, kind="single",
                       condition="après signature de la présente convention"))
    coll = scdl.collectivite(result, d.collectivite, scdl.OpenDataOptions())
    [s] = scdl.subsidies(result, d, coll)
    assert (s.row["conditionsVersement"], s.row["datesPeriodeVersement"]) == ("unique", "2024-03-04/2027-12-31")


def test_budget_columns_name_the_imputed_budget():
    result = one_deliberation("COMMUNE DE X")
    d = result.rows["deliberations"][0]
    assert scdl.budget_columns(result, d) == {"BUDGET_ANNEE": None, "BUDGET_NOM": None}
    result.add(Article(doc_id=d.doc_id, delib_id=d.delib_id, article=2, kind="imputation",
                       text="La dépense sera imputée au budget annexe de l'eau, chapitre 011."))
    assert scdl.budget_columns(result, d) == {"BUDGET_ANNEE": "2024", "BUDGET_NOM": "Budget annexe de l'eau"}
    result.rows["articles"][0].text = "Les crédits sont inscrits au chapitre 65."
    assert scdl.budget_columns(result, d)["BUDGET_NOM"] == "Budget principal"


@pytest.mark.parametrize("text, found", [
    ("association déclarée sous le n° RNA W622001234, représentée", ["W622001234"]),
    ("RNA : W 622 001 234.", ["W622001234"]),
    ("numéro W6220012345 trop long", []),
    ("SIRET 48054398200023", []),
])
def test_rna_numbers(text, found):
    assert ["W" + re.sub(r"\s", "", m.group("v")) for m in RNA.finditer(text)] == found


# --- Real archives that print no SIRET: the published files validate, the rest says what it lacks --------------

CORPUS_FILES = ["couthenans/CR_conseil_municipal_24_02_2023.pdf", "pierrefonds/CM-11-avril-2023.pdf",
                "bourg-en-bresse/deliberation-2016-02-01-n2016.02.16.pdf"]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    paths = [SHARED / "corpus" / name for name in CORPUS_FILES]
    if not all(p.is_file() for p in paths):
        pytest.skip("../shared/corpus is not available")
    out = tmp_path_factory.mktemp("corpus_scdl")
    table = out / "collectivites.csv"
    table.write_text("nom,siret\nCommune de Pierrefonds,21600485300018\n", encoding="utf-8")
    results = extract([str(p) for p in paths], out / "plain", jobs=2, quiet=True)
    extract([str(p) for p in paths], out / "named", jobs=2, quiet=True,
            collectivites=scdl.read_collectivites(table))
    return out, results


def voted_blocks(results: list[FileResult]) -> int:
    return sum(max(1, len([v for v in r.rows.get("votes", []) if v.delib_id == d.delib_id]))
               for r in results if r.document.kind != "other" for d in r.rows.get("deliberations", []))


@pytest.mark.corpus
def test_corpus_files_without_a_printed_siret_publish_only_valid_rows(corpus_run):
    out, results = corpus_run
    for folder in ("plain", "named"):
        scdl_dir = out / folder / "scdl"
        for name, schema in (("deliberations.csv", DELIB_SCHEMA), ("subventions.csv", SUBV_SCHEMA)):
            report = validate(scdl_dir / name, schema)
            assert report["valid"] and report["errors"] == [], (folder, name, report["errors"][:3])
        complete = read_csv(scdl_dir / "deliberations.csv")
        incomplete = read_csv(scdl_dir / scdl.DELIB_INCOMPLETE_FILE)
        assert len(complete) + len(incomplete) == voted_blocks(results) > 20, folder  # no row lost
        assert all(r[scdl.INCOMPLETE_COLUMN] for r in incomplete)
    plain = read_csv(out / "plain" / "scdl" / scdl.DELIB_INCOMPLETE_FILE)
    pierrefonds = [r for r in plain if r["COLL_NOM"] == "Commune de Pierrefonds"]
    assert pierrefonds and all("no SIRET is printed next to “Commune de Pierrefonds”" in r[scdl.INCOMPLETE_COLUMN]
                               and "SIREN 216004853" in r[scdl.INCOMPLETE_COLUMN] for r in pierrefonds)
    # with --collectivites, Pierrefonds' rows are published, with the SIRET given
    named = read_csv(out / "named" / "scdl" / "deliberations.csv")
    assert len([r for r in named if r["COLL_SIRET"] == "21600485300018"]) == len(pierrefonds)
    findings = [f for f in read_csv(out / "named" / "findings.csv") if f["rule"] == "scdl.publishable"]
    assert len(findings) == len(CORPUS_FILES)
    assert any("given in the --collectivites file" in f["message"] and f["status"] == "pass" for f in findings)


def test_row_gaps_are_what_validata_would_refuse():
    row = {"COLL_NOM": "Commune de X", "COLL_SIRET": PAS_DE_CALAIS, "DELIB_ID": "2024-1",
           "DELIB_DATE": date(2024, 3, 4), "DELIB_MATIERE_CODE": "9.1",
           "DELIB_MATIERE_NOM": scdl.matiere_nom("9.1"), "DELIB_OBJET": "Motion"}
    assert scdl.row_gaps(row, DELIB_SCHEMA) == []
    assert scdl.row_gaps({**row, "COLL_SIRET": "22620001200013", "DELIB_OBJET": None, "BUDGET_ANNEE": "24"},
                         DELIB_SCHEMA) == ["COLL_SIRET 22620001200013 fails its Luhn check",
                                           "DELIB_OBJET is empty (no title was read)",
                                           "BUDGET_ANNEE '24' does not have the expected form"]
    subsidy = {"nomAttribuant": "X", "idAttribuant": PAS_DE_CALAIS, "dateConvention": date(2024, 3, 4),
               "nomBeneficiaire": "Association", "objet": "o" * 257, "montant": Decimal("5"),
               "nature": "aide en numéraire", "conditionsVersement": "unique",
               "datesPeriodeVersement": "2024-03-04/2024-12-31", "notificationUE": "non",
               "pourcentageSubvention": Decimal("1"), "idBeneficiaire": None, "rnaBeneficiaire": None}
    assert scdl.row_gaps(subsidy, SUBV_SCHEMA) == [
        "objet is longer than 256 characters", "neither idBeneficiaire (SIRET) nor rnaBeneficiaire (RNA) is known"]
