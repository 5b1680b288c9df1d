# Two commands do everything:
#   make        set up .venv (first run only), build the tables, draw the figures, run the notebooks
#   make test   set up .venv (first run only) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export MPLBACKEND := Agg

.PHONY: all setup build figures notebooks test lab clean

all: build figures notebooks

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/ipanalysis build

figures: build
	$(BIN)/ipanalysis figures --lang both

notebooks: build
	$(BIN)/python -m ipanalysis.notebooks --execute

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/python -m ipanalysis.notebooks --sync
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf data/processed/*.parquet data/processed/*.csv data/processed/.cache figures/*.png figures/*.pdf notebooks/executed .cache
