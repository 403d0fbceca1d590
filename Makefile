# Two entry points, each doing its own set-up on a fresh machine:
#   make demo   - run statx on samples/, print the figures and their totals
#   make test   - ruff, mypy and pytest (what .ci/run calls)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench score clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q statx  # bytecode, as a wheel install writes it: a faster start
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/statx extract samples/ -o out/figures.jsonl
	$(BIN)/statx extract samples/ -f csv -o out/figures.csv
	@echo "wrote out/figures.jsonl and out/figures.csv; first figures:"
	@$(BIN)/python -c "import json,sys; [print(f\"{r['doc'][:12]:<13}{r['text']:<12}{r['value']:>12} {r['unit']:<5}{r['qualifier']:<9}{r['metric']}\") for r in map(json.loads, list(open('out/figures.jsonl'))[:25])]"
	@echo "totals per metric and unit:"
	$(BIN)/statx summary samples/ -f table

lint: $(STAMP)
	$(BIN)/ruff check statx tests $(wildcard bench)
	$(BIN)/ruff format --check statx tests $(wildcard bench)

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

# Floor, statx -j 1, -j 2 and Dask on a 20 MB corpus, in one run (see bench/RESULTS.md).
bench: $(STAMP)
	$(BIN)/python bench/run.py

# The seeds' score against their gold annotations (record it in evaluation/ when rules change).
score: $(STAMP)
	$(BIN)/statx extract samples/ | $(BIN)/python tests/gold/score.py - --gold tests/gold --show

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
