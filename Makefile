# The two quick-start commands (`make demo`, `make test`) each set up a private
# virtual environment in .venv first, so a machine with only Python 3.11+ and make
# needs nothing else. The venv is rebuilt when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint lock bench clean

# constraints.txt pins every package to the versions the tests (and their snapshots)
# were last checked with, so a new release cannot break a fresh clone or CI.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/retro-tui example

test: lint
	$(BIN)/python -m pytest -q -n auto --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Moves constraints.txt to the newest versions pyproject.toml allows. Run it on
# purpose, then `make test`, look at any snapshot that changed, and commit both.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--upgrade --custom-compile-command 'make lock' --quiet -o constraints.txt

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	$(BIN)/python bench/feel.py
	$(BIN)/python bench/load_save.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
