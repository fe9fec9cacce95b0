# Two entry points for a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve check browser-tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## Set up and build the sample handbook into site/
site: $(STAMP)
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

## Set up and run every test: lint, unit, end-to-end builds, headless Chromium
test: $(STAMP) browser-tools
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site site.new site.old .site.swap .handbook
