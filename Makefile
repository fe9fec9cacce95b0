# Two entry points for a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve check browser-tools print-tools pdf-test-tools fault-test-tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## Set up and build the sample handbook into site/ (with its PDFs)
site: $(STAMP) print-tools
	$(BIN)/handbook build

## Live preview on http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/handbook serve

check: $(STAMP)
	$(BIN)/handbook check

## Chromium (Debian's package) and axe-core for the browser tests
browser-tools:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium'" >&2; exit 1; fi; \
	fi
	npm install --no-audit --no-fund --silent

## Chinese fonts (Debian's fonts-noto-cjk) for the PDFs (Typst sets them); without a
## Chinese font the site is built without PDFs, and the build says so.
PRINT_PACKAGES := fonts-noto-cjk fontconfig
print-tools:
	@if ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(PRINT_PACKAGES); \
	  else echo "No Chinese font for the PDFs: run 'sudo apt-get install $(PRINT_PACKAGES)'" >&2; fi; \
	fi

## poppler-utils (pdftotext, pdfinfo, pdffonts) for the tests that read the PDFs
pdf-test-tools: print-tools
	@if ! command -v pdftotext >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils; \
	  else echo "poppler-utils is missing: run 'sudo apt-get install poppler-utils'" >&2; exit 1; fi; \
	fi

## rsync for the test that publishing sends only what changed
fault-test-tools:
	@if ! command -v rsync >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq rsync; \
	  else echo "rsync is missing: run 'sudo apt-get install rsync'" >&2; exit 1; fi; \
	fi

## Set up and run every test: lint, unit, end-to-end builds, headless Chromium, PDFs
test: $(STAMP) browser-tools pdf-test-tools fault-test-tools
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site site.new site.old .site.swap .handbook
