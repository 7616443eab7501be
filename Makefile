# wiredesk: `make demo` builds the warehouse from the embedded sample; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export WIREDESK_HOME ?= $(CURDIR)/data
export DAGSTER_HOME ?= $(CURDIR)/.dagster

.PHONY: install demo test test-deps dev lint lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit("wiredesk needs Python 3.11+") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==25.3"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: install
	mkdir -p $(DAGSTER_HOME)
	$(BIN)/wiredesk ingest --sources sources.yaml

test: install test-deps
	@$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests were collected" >&2; exit 1; fi; exit $$status

# Chromium and PostgreSQL, which some tests drive for real (Debian packages; needs root).
test-deps:
	bash .ci/test-deps

dev: install
	mkdir -p $(DAGSTER_HOME)
	$(BIN)/dagster dev -w workspace.yaml

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --extra dev --extra scale --python-version 3.11 --generate-hashes -o requirements-scale.lock

clean:
	rm -rf data .dagster
