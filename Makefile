# The README's two commands: `make demo` and `make test`.
# Both create (or reuse) the project's virtual environment at .venv with python3.12.
PYTHON ?= $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12 /usr/bin/python3.12 python3.13; do $$p -c 'import sys' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint venv bench

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "python3.12 (or 3.13) is required" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

venv: $(VENV)/.installed

demo: venv
	$(BIN)/persnews demo

test: venv
	$(BIN)/ruff check persnews tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check persnews tests benchmarks
	$(BIN)/mypy
