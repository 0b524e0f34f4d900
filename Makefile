# netlead's front door. `make run` serves the demo; `make test` runs everything CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Django 6 needs Python 3.12+: take the first such interpreter found (pyenv versions included).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
NETLEAD := $(BIN)/netlead
VENDOR := src/netlead/static/vendor
HOST ?= 127.0.0.1
PORT ?= 8000

PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

.PHONY: help install pdflibs static messages migrate demo run test lint typecheck importlint pytest makemessages bench clean

help:
	@echo "make run    install, migrate, load the demo and serve on http://$(HOST):$(PORT)"
	@echo "make test   install and run the whole suite (lint, types, architecture, tests, browser tests)"
	@echo "make lint   ruff check and format check"
	@echo "make bench  run the benchmarks under bench/"

$(BIN)/activate:
	@test -n "$(PYTHON)" || { echo "netlead needs Python 3.12 or newer; none was found." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(VENDOR)/.copied: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js \
	   node_modules/cytoscape/dist/cytoscape.min.js \
	   node_modules/cytoscape-svg/cytoscape-svg.js \
	   node_modules/chart.js/dist/chart.umd.min.js \
	   node_modules/chart.js/dist/chart.umd.min.js.map \
	   node_modules/swagger-ui-dist/swagger-ui-bundle.js \
	   node_modules/swagger-ui-dist/swagger-ui.css \
	   node_modules/swagger-ui-dist/swagger-ui.css.map \
	   $(VENDOR)/
	@touch $@

install: $(VENV)/.installed static messages pdflibs

# Reports are PDFs made by WeasyPrint, which needs Pango (with HarfBuzz) from the system and a
# font that covers Dutch and Danish (DejaVu). Installed with apt-get when missing and possible;
# otherwise the step says what is missing, and only the PDFs fail.
pdflibs: $(VENV)/.installed
	@if $(BIN)/python -c 'import weasyprint' 2>/dev/null && fc-list 2>/dev/null | grep -qi 'DejaVu Sans'; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing WeasyPrint's system libraries and fonts: $(PDF_PACKAGES)"; \
	  apt-get install -y -q $(PDF_PACKAGES) >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q $(PDF_PACKAGES) >/dev/null; }; \
	fi; \
	$(BIN)/python -c 'import weasyprint' 2>/dev/null || \
	  echo "PDF reports need Pango: install $(PDF_PACKAGES) (e.g. apt-get install $(PDF_PACKAGES))." >&2; \
	fc-list 2>/dev/null | grep -qi 'DejaVu Sans' || \
	  echo "PDF reports need the DejaVu fonts (Dutch and Danish letters): install fonts-dejavu-core." >&2

static: $(VENDOR)/.copied

# Compiling translations needs GNU gettext's msgfmt.
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -q gettext >/dev/null; \
	  else echo "msgfmt is missing: install GNU gettext (apt-get install gettext)." >&2; exit 1; fi; }
	cd src/netlead && DEBUG=true ../../$(NETLEAD) compilemessages --ignore '.venv' -v0

makemessages: $(VENV)/.installed
	cd src/netlead && DEBUG=true ../../$(NETLEAD) makemessages -l nl -l da --no-obsolete --no-location --ignore 'static/vendor/*'

migrate: install
	DEBUG=true $(NETLEAD) migrate --no-input

demo: migrate
	DEBUG=true $(NETLEAD) demo

run: demo
	@echo
	@echo "netlead runs at http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo "Demo logins, password netlead-demo: leader@example.org (owner), facilitator@example.org, member@example.org"
	@echo
	DEBUG=true $(NETLEAD) runserver $(HOST):$(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	DEBUG=true $(BIN)/mypy

importlint: $(VENV)/.installed
	$(BIN)/lint-imports

pytest: install
	$(BIN)/pytest

test: install lint typecheck importlint pytest

bench: install
	$(BIN)/python bench/analysis/run.py
	$(BIN)/python bench/surveys/run.py --members 5000 --users 50 --duration 60

clean:
	rm -rf $(VENV) node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache
