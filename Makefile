# Two commands for a fresh machine:  make run  |  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test migrate demo serve lint messages browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

serve:
	$(MANAGE) runserver $(HOST):$(PORT)

## make run: venv, install, migrate, demo content, serve on http://127.0.0.1:8000/ (SQLite)
run: demo serve

## make test: install test needs, run every test (DATABASE_URL=postgres://... to use PostgreSQL)
test: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## make messages: extract strings (needs gettext), then compile .mo files (no gettext needed)
messages: install
	$(BIN)/python scripts/catalogs.py extract
	$(BIN)/python scripts/catalogs.py compile
	$(BIN)/python scripts/catalogs.py missing

## Debian's Chromium and fonts for the browser tests (never `playwright install`)
browser-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		chromium fonts-dejavu-core fonts-liberation2

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .test-media .pytest_cache
