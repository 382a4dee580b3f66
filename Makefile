# Two commands do all the set-up (see README):
#   make run    - set up .venv if needed, then run the main job on data/ into output/
#   make test   - set up .venv if needed, then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
OUT    ?= output

.PHONY: run test clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "$(PYTHON) is older than Python 3.11; run: make $(MAKECMDGOALS) PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m toolkit run --data data --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest toolkit tests

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis
