# Quick start: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test check lint bench schema common-words clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "evextract needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# A stamp per dependency set, so a changed pyproject.toml reinstalls.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev,bench,export,dask]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/evextract extract data/raw -o data/out

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy

check: test lint

# Options for the benchmark: make bench ARGS='--only fsync' (see python -m benchmarks.run -h).
# Under flock: benchmarks on the shared machine never overlap.
bench: $(VENV)/.installed-dev
	flock /tmp/bench.lock $(BIN)/python -m benchmarks.run $(ARGS)

# Regenerate the common-word list the entity typer reads (needs wordfreq, not installed by run/test).
common-words: $(VENV)/.installed-run
	$(BIN)/python -m pip install -q -e '.[wordlists]'
	$(BIN)/python tools/common_words.py

# After changing records.py: regenerate the packaged schema (tests fail until it matches).
schema: $(VENV)/.installed-run
	$(BIN)/python -m evextract.records > src/evextract/data/record.schema.json

clean:
	rm -rf $(VENV) data/out/*.json
