"""The header of the second reference-genre sample (another département, another PDF producer), read by the same
grammar as the councils of the corpus: number with letters, "Objet :" as title, counts on one line, "Avaient donné
pouvoir :" as a proxy heading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.process import process_file

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "dordogne_cp_2024-09-09_n24-cp-0412.pdf"


def test_the_second_sample_header_and_lists():
    result = process_file(SAMPLE)
    (d,) = result.rows["deliberations"]
    assert (d.delib_id, d.collectivite, d.assembly, d.session_date, d.president, d.secretary) == (
        "24-CP-0412", "DÉPARTEMENT DE LA DORDOGNE", "COMMISSION PERMANENTE DU CONSEIL DÉPARTEMENTAL",
        date(2024, 9, 9), "Claire DELMAS-VIGNAUD", "Thierry ROUGIER")
    assert d.title == "Aide aux associations de l'insertion et de la jeunesse - troisième répartition 2024"
    assert d.counts_printed == {"en_exercice": 12, "presents": 9, "pouvoirs": 2, "votants": 11}
    proxies = {(a.name, a.proxy_to) for a in result.rows["attendance"] if a.status == "excused"}
    assert proxies == {("Paul DUFRAISSE", "Anne BARDET"), ("Martine ESCLAFER", "Louis CAZENAVE")}
    assert (d.n_present, d.n_excused, d.n_absent) == (9, 2, 1)
    assert result.document.kind == "deliberation"
