"""index.html and the reports in a real browser (Debian's Chromium driven by Playwright; skipped without it):
the index loads, filters, links every report, and every failed document finding of the fault-injected samples
shows its page picture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import NON_DELIBERATION, SAMPLE_A
from test_rules import ALTERATIONS

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() or shutil.which("chromium") is None,
                                reason="Debian's chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def run(make_samples, tmp_path_factory):
    """The sample, the non-deliberation and one copy of the sample per injected document fault (and one that
    prints a wrong count of members present), reported."""
    from pipeline.export.reports import write_reports
    from pipeline.process import process_file
    from pipeline.reconcile import RULES
    from pipeline.review import template_row

    folder = tmp_path_factory.mktemp("faults")
    paths = [SAMPLE_A, NON_DELIBERATION]
    for rule_id, (replacements, _) in sorted(ALTERATIONS.items()):
        if RULES[rule_id].family == "document":
            paths.append(make_samples.build_pdf("a", folder / f"fault-{rule_id}.pdf", replacements))
    paths.append(make_samples.build_pdf("a", folder / "fault-attendance.counts_vs_lists.pdf", [
        ("Étaient présents :", "Nombre de conseillers présents : 36\nÉtaient présents :")]))
    results = [process_file(p) for p in paths]
    out = folder / "out"
    out.mkdir()
    iban = next(f for r in results for f in r.rows["findings"] if f.rule == "ids.iban_checksum" and f.status == "fail")
    (out / "reviews.csv").write_text("doc_id,rule,delib_id,block,page,mark,note\n" + template_row(iban)
                                     + "\n", encoding="utf-8")
    write_reports(results, out)
    return out, results


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--allow-file-access-from-files"])
        yield chromium
        chromium.close()


def test_the_index_links_every_report_and_filters(run, browser):
    out, results = run
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    links = page.eval_on_selector_all("#files a.report", "as => as.map(a => a.href)")
    assert len(links) == len({r.document.doc_id for r in results}) == 16
    for href in links:
        assert Path(href.removeprefix("file://")).is_file(), href
    visible = "rows => rows.filter(r => !r.hidden).length"
    total = page.eval_on_selector_all("#findings tbody tr", visible)
    page.select_option("#f-family", "reading")
    reading = page.eval_on_selector_all("#findings tbody tr", visible)
    assert 0 < reading < total
    assert page.eval_on_selector_all("#findings tbody tr:not([hidden])", "rs => rs.every(r => r.dataset.family"
                                                                         " === 'reading')")
    page.select_option("#f-family", "")
    page.select_option("#f-rule", "ids.iban_checksum")
    assert page.eval_on_selector_all("#findings tbody tr", visible) == 1
    assert page.eval_on_selector_all("#files tbody tr", visible) == 1  # only the file with that failure
    assert page.locator("#files tbody tr:not([hidden]) a").inner_text() == "fault-ids.iban_checksum.pdf"
    page.select_option("#f-rule", "")
    page.select_option("#f-severity", "error")
    errors = page.eval_on_selector_all("#findings tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.rule)")
    assert sorted(set(errors)) == sorted(r for r in ALTERATIONS if r in {
        "attendance.unique", "votes.sum_vs_members", "recusals.known_member", "budget.total_vs_articles",
        "ids.siret_checksum", "ids.iban_checksum"})
    page.select_option("#f-severity", "")
    before = page.eval_on_selector_all("#findings tbody tr", visible)
    page.check("#hide-reviewed")  # the IBAN failure is marked checked in reviews.csv
    assert page.eval_on_selector_all("#findings tbody tr", visible) == before - 1
    assert page.locator('#findings tr[data-rule="ids.iban_checksum"]').is_hidden()
    page.uncheck("#hide-reviewed")
    assert page.locator(".chart svg").count() == 1
    page.locator("#files th").first.click()  # sortable: by name
    names = page.eval_on_selector_all("#files tbody a.report", "as => as.map(a => a.textContent)")
    assert names == sorted(names)


def test_every_failed_document_finding_shows_its_page_picture(run, browser):
    out, results = run
    page = browser.new_page()
    checked = 0
    page.goto((out / "index.html").as_uri())
    reports = page.eval_on_selector_all("#files a.report", "as => as.map(a => a.href)")
    for href in reports:
        page.goto(href)
        findings = page.locator("#document ~ .finding")
        shown = page.evaluate("""() => Array.from(document.querySelectorAll('.finding')).filter(
            f => document.getElementById('reading').compareDocumentPosition(f) & Node.DOCUMENT_POSITION_PRECEDING)
            .map(f => { const img = f.querySelector('img.evidence');
                        return [f.dataset.rule, !!img && img.complete && img.naturalWidth > 100,
                                !!f.querySelector('blockquote.quote'), !!f.querySelector('a.page')]; })""")
        assert findings.count() >= len(shown)
        for rule_id, picture, quote, link in shown:
            assert picture and link, (href, rule_id)
            assert quote, (href, rule_id)
            checked += 1
    failed = sum(f.status == "fail" and f.family == "document" for r in results for f in r.rows["findings"])
    assert checked == failed
