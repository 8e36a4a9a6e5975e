# French news analysis: `make run` builds the report, `make test` runs the suite.
# Both set up .venv from scratch on a fresh machine (pip + requirements.lock, nothing by hand).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha256sum | cut -c1-16)
KERNEL := french-news-analysis
CORPUS ?= data/corpus
# One word for the bundled real-news corpus: make run CORPUS=wikinews (or make demo).
ifeq ($(CORPUS),wikinews)
CORPUS_PATH := data/wikinews/wikinews_fr_2012.jsonl
OUT ?= reports-wikinews
else
CORPUS_PATH := $(CORPUS)
OUT ?= reports
endif
DOCS ?= 200

.DEFAULT_GOAL := help
.PHONY: help setup run demo eval test lint lab bench lock clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-7s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11'" >&2; exit 2; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-input -c requirements.lock -e '.[md,dask,dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (French news analysis)" >/dev/null
	touch $@

setup: $(STAMP) ## Create .venv with the locked dependencies (done by run and test)

run: $(STAMP) ## Run every notebook on the bundled article into reports/ (CORPUS=path|wikinews, OUT=...)
	$(BIN)/python -m analysis run --corpus "$(CORPUS_PATH)" --out "$(OUT)"

demo: $(STAMP) ## Run every notebook on the 83 bundled Wikinews articles into reports-wikinews/
	$(MAKE) --no-print-directory run CORPUS=wikinews

eval: $(STAMP) ## Score the project (sm and md) and the peers on 83 real articles with hand-made gold
	$(BIN)/python -m benchmarks.realtext

test: $(STAMP) ## Run ruff and the whole test suite (notebooks included)
	$(BIN)/ruff check analysis tests benchmarks tools
	MPLBACKEND=agg $(BIN)/python -m pytest

lint: $(STAMP) ## ruff only
	$(BIN)/ruff check analysis tests benchmarks tools

lab: $(STAMP) ## Open JupyterLab on notebooks/ with the project kernel (as root and in containers too)
	$(BIN)/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) \
	  $$( [ -f /.dockerenv ] || [ -f /run/.containerenv ] && echo --ip=0.0.0.0 --no-browser ) $(LAB_ARGS)

bench: $(STAMP) ## Benchmark parse and analysis speed, cache and memory into benchmarks/ (DOCS=200)
	$(BIN)/python -m benchmarks.run --docs $(DOCS)

lock: ## Re-resolve requirements.lock from pyproject.toml (needs the package registry)
	rm -rf /tmp/analysis-lock && $(PYTHON) -m venv /tmp/analysis-lock
	/tmp/analysis-lock/bin/pip install --quiet -e '.[md,dask,dev]'
	/tmp/analysis-lock/bin/pip freeze --exclude-editable | grep -v '^analysis' > requirements.lock

clean: ## Remove .venv, caches and reports
	rm -rf $(VENV) .cache reports .pytest_cache .ruff_cache
