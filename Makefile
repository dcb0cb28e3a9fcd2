# The two quick-start commands (`make demo`, `make test`) each set up a private
# virtual environment in .venv first, so a machine with only Python 3.11+ and make
# needs nothing else. The venv is rebuilt when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint lock upgrade bench clean

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

# constraints.txt after a change of pyproject.toml's dependencies: new ones are
# pinned, the pins already there stay. `make upgrade` moves every pin to the newest
# version pyproject.toml allows: run it on purpose, then `make test`, look at any
# snapshot that changed, and commit both.
LOCK = $(BIN)/uv pip compile pyproject.toml --all-extras --universal --python-version 3.11 \
	--custom-compile-command 'make lock' --quiet -o constraints.txt

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(LOCK)

upgrade: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(LOCK) --upgrade

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	$(BIN)/python bench/feel.py
	$(BIN)/python bench/load_save.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
