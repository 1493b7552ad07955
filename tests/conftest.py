"""Shared fixtures: the repository's samples, the shared corpus (optional), bad files made on the fly."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE_A = SAMPLES / "pas-de-calais_cp_2024-06-17_n2024-273_a.pdf"
SAMPLE_B = SAMPLES / "pas-de-calais_cp_2024-06-17_n2024-273_b.pdf"
NON_DELIBERATION = SAMPLES / "not-a-deliberation.pdf"
# style c: a narrow column in a monospaced font, so that every list and sentence wraps at other words
SAMPLE_C = SAMPLES / "pas-de-calais_cp_2024-06-17_n2024-273_c.pdf"
# style d: A4 landscape, a serif TrueType font, justified, the budget table unruled, the conventions in two columns
SAMPLE_D = SAMPLES / "pas-de-calais_cp_2024-06-17_n2024-273_d.pdf"
# style e: US letter, large sans type, ragged right, a running header and "Page X sur Y" on every page
SAMPLE_E = SAMPLES / "pas-de-calais_cp_2024-06-17_n2024-273_e.pdf"
# style f: justified and hyphenated (first names and "euros" cut at line ends: ingest tells hyphenation from a
# compound's hyphen by the words the document prints elsewhere)
SAMPLE_F = SAMPLES / "pas-de-calais_cp_2024-06-17_n2024-273_f.pdf"
SEED_SAMPLES = (SAMPLE_A, SAMPLE_B, SAMPLE_C, SAMPLE_D, SAMPLE_E, SAMPLE_F)

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def _tesseract_ready() -> bool:
    from pipeline import ocr

    try:
        ocr.check_available()
    except ocr.OcrUnavailable:
        return False
    return True


needs_tesseract = pytest.mark.skipif(not _tesseract_ready(),
                                     reason="Tesseract with its French model is not installed (make setup does it)")


def corpus_table() -> list[dict]:
    """The rows of ../shared/corpus/SOURCES.md: file, pages, text layer."""
    sources = CORPUS / "SOURCES.md"
    if not sources.is_file():
        return []
    rows = []
    for line in sources.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 7 and cells[0].endswith(".pdf"):
            rows.append({"file": cells[0], "pages": int(cells[4]), "text_layer": cells[5]})
    return rows


def load_script(name: str):
    """Import samples/<name>.py (a script, not a package module) once per session."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_make_samples():
    return load_script("make_samples")


@pytest.fixture(scope="session")
def make_samples():
    return load_make_samples()


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    """The bad inputs of the foundation issue, made from a sample: name -> path."""
    import pikepdf

    folder = tmp_path_factory.mktemp("bad")
    files = {}
    data = SAMPLE_A.read_bytes()
    files["truncated"] = folder / "truncated.pdf"
    files["truncated"].write_bytes(data[: len(data) // 3])
    files["empty"] = folder / "empty.pdf"
    files["empty"].write_bytes(b"")
    files["text"] = folder / "notes.pdf"
    files["text"].write_text("Ceci n'est pas un PDF : compte rendu tapé dans un éditeur de texte.\n", encoding="utf-8")
    files["encrypted"] = folder / "encrypted.pdf"
    with pikepdf.open(SAMPLE_A) as pdf:
        pdf.save(files["encrypted"], encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
    files["zero_pages"] = folder / "zero-pages.pdf"
    files["zero_pages"].write_bytes(zero_page_pdf())
    return files


def zero_page_pdf() -> bytes:
    """A syntactically valid PDF whose page tree is empty, written by hand (pikepdf refuses to save one)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def delib_executable() -> str:
    exe = Path(sys.executable).parent / "delib"
    return str(exe) if exe.exists() else shutil.which("delib") or "delib"


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory):
    """One batch over samples a and b and the non-deliberation (``--jobs 2``), read by the open-data and workbook
    tests (which only read its outputs): (output folder, results)."""
    from pipeline.batch import extract

    out = tmp_path_factory.mktemp("samples_run")
    return out, extract([str(SAMPLE_A), str(SAMPLE_B), str(NON_DELIBERATION)], out, jobs=2, quiet=True)
