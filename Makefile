# The clinic site. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test

.DEFAULT_GOAL := help
.PHONY: help setup run test test-postgres lint ci bench drill clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed ## Create .venv and install the pinned requirements

.secret_key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: setup .secret_key ## Serve the whole site (web + worker) with demo content on http://127.0.0.1:$(PORT)
	@PORT=$(PORT) DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat .secret_key)}" bash bin/run

test: setup ## Run the whole test suite (SQLite unless DATABASE_URL says otherwise)
	$(BIN)/python bin/build-messages >/dev/null
	DJANGO_SECRET_KEY=test $(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/pytest

test-postgres: setup ## Run the test suite on PostgreSQL ($(POSTGRES_TEST_URL))
	DATABASE_URL=$(POSTGRES_TEST_URL) $(MAKE) test

lint: setup ## Ruff lint and format check, mypy with django-stubs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SECRET_KEY=lint $(BIN)/mypy clinic_site services booking appointments documents

ci: lint ## What CI runs: lint, the tests on SQLite and on PostgreSQL, the scale-out drill
	$(MAKE) test
	$(MAKE) test-postgres
	$(MAKE) drill

bench: setup .secret_key ## Measure pages, form POST and notifications on PostgreSQL+Redis and SQLite (bench/README.md)
	DJANGO_SECRET_KEY="$$(cat .secret_key)" $(BIN)/python bench/run.py $(BENCH_ARGS)

drill: setup .secret_key ## Scale-out drill on PostgreSQL: 2 gunicorns behind nginx, a worker killed under load
	DJANGO_SECRET_KEY="$$(cat .secret_key)" $(BIN)/python bench/drill.py

clean: ## Remove the virtualenv, the local database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* db.sqlite3.*-lock staticfiles media
