# Two commands a new user needs: `make chat` (talk to the bot) and `make test` (the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: chat test bench bench-server lint mutate

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

chat: $(STAMP)
	$(VENV)/bin/policybot chat

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy bot intents handlers knowledge

test: lint
	$(PY) -m pytest -n auto  # one worker per CPU (pytest-xdist); plain `pytest` runs the suite in one process

bench: $(STAMP)
	$(PY) benchmarks/run.py

bench-server: $(STAMP)
	$(PY) benchmarks/bench_server.py

# Mutation testing of the code behind the promises (docs/testing.md); slow, not part of `make test`.
mutate: $(STAMP)
	$(PY) tests/mutation.py
