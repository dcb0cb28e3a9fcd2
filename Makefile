# The two quick-start commands (`make demo`, `make test`) each set up a private
# virtual environment in .venv first, so a machine with only Python 3.11+ and make
# needs nothing else. The venv is rebuilt when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

# The Python is checked before anything is made: macOS's own python3 is 3.9, and a
# venv made with it would be left half-built. --clear rebuilds a venv that an earlier,
# failed attempt (an older python, a lost connection) left behind, so
# `PYTHON=python3.12 make demo` repairs it. The check is written to run on any Python 3.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info; ok = v >= (3, 11); ok or print("retro-tui needs Python 3.11 or newer; %s is %d.%d.\nInstall a newer one (python.org; on a Mac also: brew install python@3.12) and run, for example:\n    PYTHON=python3.12 make demo" % (sys.executable, v[0], v[1]), file=sys.stderr); sys.exit(0 if ok else 2)'; \
		rc=$$?; [ $$rc -ne 127 ] || echo "make: there is no '$(PYTHON)' here; give a Python 3.11 or newer, e.g. PYTHON=python3.12 make demo" >&2; \
		[ $$rc -eq 0 ] || exit 2
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/retro-tui example

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/load_save.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
