# The two quick-start commands (`make demo`, `make test`) each set up a private
# virtual environment in .venv first, so a machine with only Python 3.11+ and make
# needs nothing else. The venv is rebuilt when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint lock upgrade bench bench-record clean

# The Python is checked before anything is made: macOS's own python3 is 3.9, and a
# venv made with it would be left half-built. --clear rebuilds a venv that an earlier,
# failed attempt (an older python, a lost connection) left behind, so
# `PYTHON=python3.12 make demo` repairs it. The check is written to run on any Python 3.
# constraints.txt pins every package to the versions the tests (and their snapshots)
# were last checked with, so a new release cannot break a fresh clone or CI.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; v = sys.version_info; ok = v >= (3, 11); ok or print("retro-tui needs Python 3.11 or newer; %s is %d.%d.\nInstall a newer one (python.org; on a Mac also: brew install python@3.12) and run, for example:\n    PYTHON=python3.12 make demo" % (sys.executable, v[0], v[1]), file=sys.stderr); sys.exit(0 if ok else 2)'; \
		rc=$$?; [ $$rc -ne 127 ] || echo "make: there is no '$(PYTHON)' here; give a Python 3.11 or newer, e.g. PYTHON=python3.12 make demo" >&2; \
		[ $$rc -eq 0 ] || exit 2
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/retro-tui example

# mypy runs beside the tests rather than before them: most tests wait on an app's
# screen as much as they compute, and mypy's cold start (a fresh clone has no
# .mypy_cache) fits in that time. Its report follows the tests'; either failing fails.
# Compiled first, once: where PYTHONDONTWRITEBYTECODE is set (as on some CI machines)
# every test worker and every `retro-tui` a test starts would compile the sources anew.
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m compileall -q src/retro_tui tests
	@report=$$(mktemp); $(BIN)/mypy >$$report 2>&1 & types=$$!; \
	echo "$(BIN)/mypy (beside the tests; its report follows them)"; \
	echo "$(BIN)/python -m pytest -q -n auto --dist worksteal"; \
	$(BIN)/python -m pytest -q -n auto --dist worksteal; tests=$$?; \
	wait $$types; typed=$$?; cat $$report; rm -f $$report; \
	[ $$tests -eq 0 ] && [ $$typed -eq 0 ]

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

# Every bench, then one table of them all (bench/results.py); about two minutes on
# two cores. Compiled first: an installed copy runs from bytecode, as users' does.
BENCH_RESULTS := $(VENV)/bench-results.jsonl
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	$(BIN)/python -m compileall -q src/retro_tui
	rm -f $(BENCH_RESULTS)
	BENCH_RESULTS=$(BENCH_RESULTS) $(BIN)/python bench/feel.py --runs 5 --keys 5
	BENCH_RESULTS=$(BENCH_RESULTS) $(BIN)/python bench/load_save.py --repeat 5
	BENCH_RESULTS=$(BENCH_RESULTS) $(BIN)/python bench/export.py --runs 3
	BENCH_RESULTS=$(BENCH_RESULTS) $(BIN)/python bench/check.py --repeat 3
	$(BIN)/python bench/results.py $(BENCH_RESULTS)

# The last `make bench` becomes the recorded run: bench/recorded.jsonl, and the table in
# the README's "Performance" that the next runs are set beside.
bench-record:
	$(BIN)/python bench/results.py $(BENCH_RESULTS) --record

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
