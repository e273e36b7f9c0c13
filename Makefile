# Two entry points: `make demo` grades the demo class, `make test` runs the tests.
# Both set up the pinned environment in .venv first (once).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test setup release

demo: $(VENV)/.installed
	$(PY) -m autograder demo

test: $(VENV)/.installed
	$(PY) -m pytest

release: $(VENV)/.installed
	$(PY) -m autograder release

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "the course needs Python 3.11"'
	@# Debian packages: bubblewrap (the grading sandbox) and chromium (the
	@# browser tests), installed when we can.
	@if ! command -v bwrap >/dev/null || ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap chromium >/dev/null; \
	  else echo "note: install bubblewrap and chromium (apt-get install bubblewrap chromium) to grade in the sandbox and run the browser tests"; fi; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@
