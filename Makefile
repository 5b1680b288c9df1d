# Two commands do everything:
#   make        set up .venv (first run only), build the tables, draw the figures, run the notebooks
#   make test   set up .venv (first run only) and run the whole test suite
# The environment is installed from requirements.lock (exact versions with hashes, Python 3.11+);
# `make lock` refreshes the lock from pyproject.toml (needs network access to PyPI).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export MPLBACKEND := Agg

.PHONY: all setup build figures notebooks test lab lock clean

all: build figures notebooks

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ipanalysis needs Python 3.11 or later; set PYTHON=python3.11 (or later)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/ipanalysis build
	$(BIN)/ipanalysis reuse --quiet

figures: build
	$(BIN)/ipanalysis figures --lang both

notebooks: build
	$(BIN)/python -m ipanalysis.notebooks --execute

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/python -m ipanalysis.notebooks --sync
	$(BIN)/jupyter lab notebooks/

lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --no-header -o requirements.lock

clean:
	rm -rf data/processed/*.parquet data/processed/*.csv data/processed/.cache figures/*.png figures/*.pdf notebooks/executed .cache
