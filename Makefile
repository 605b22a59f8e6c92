# The README's two commands: `make demo` and `make test`. Each sets everything up first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test model lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/jdclass classify docs/examples/senior-pm.md

test: setup
	$(BIN)/jdclass corpus check
	$(BIN)/python -m pytest -q

model: setup
	$(BIN)/jdclass train

lint: setup
	$(BIN)/ruff check jdclass tests
	$(BIN)/ruff format --check jdclass tests
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m jdclass.bench --out docs/benchmarks.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
