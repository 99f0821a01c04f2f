# Two commands on a fresh clone: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90
export PREFECT_HOME ?= $(CURDIR)/data/prefect

.PHONY: install demo test test-fast eval lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(PREFECT_HOME)
	$(VENV)/bin/claimwatch demo

test: $(STAMP)
	@mkdir -p $(PREFECT_HOME)
	$(PY) -m pytest

test-fast: $(STAMP)
	@mkdir -p $(PREFECT_HOME)
	$(PY) -m pytest -m "not slow"

eval: $(STAMP)
	$(PY) benchmarks/eval_extraction.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP)
	@mkdir -p $(PREFECT_HOME)
	$(PY) benchmarks/bench_monitor.py

clean:
	rm -rf $(VENV) data
