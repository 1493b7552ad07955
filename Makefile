# Two commands do all the set-up on a fresh machine:
#   make run   - create .venv, install everything, extract samples/ into outputs/
#   make test  - same set-up, then the whole test suite
# and one reads your own folder of PDFs:
#   make extract IN=mes_pdf OUT=resultats   - same set-up, then every table of mes_pdf/ into resultats/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test extract samples schemas docs clean

# OCR of scanned pages needs Tesseract with its French model, and the browser tests Chromium (Debian packages),
# each installed once if missing (the browser tests drive Chromium through Playwright, never `playwright install`).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx fra || \
		($(SUDO) apt-get update && $(SUDO) apt-get install -y tesseract-ocr tesseract-ocr-fra)
	command -v chromium >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/delib extract samples/ --out outputs/

test: setup
	$(BIN)/python -m pytest -q

OUT ?= resultats
extract:
	@test -n "$(IN)" || { echo "make extract: say which folder holds the PDFs: make extract IN=folder OUT=folder" >&2; exit 2; }
	@$(MAKE) --no-print-directory setup
	$(BIN)/delib extract "$(IN)" --out "$(OUT)"

# every rendering of the reference (styles a-f, see samples/make_samples.py) and the non-deliberation
samples: setup
	$(BIN)/python samples/make_samples.py --style all

schemas: setup
	$(BIN)/python -m models.schema

docs: setup
	$(BIN)/python -m pipeline.export.workbook

clean:
	rm -rf $(VENV) outputs/*.csv outputs/.delib outputs/scdl outputs/deliberations.sqlite outputs/deliberations.xlsx
