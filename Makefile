# make run   start the dashboard at http://localhost:8501 on the store $(STORE); the corpus in
#            seeds/ (or CORPUS=...) is added to it at start (articles already stored are skipped)
# make test  run the whole test suite (core, AppTest pages, Playwright in Chromium)
# make ingest CORPUS=folder   add articles to the store from the command line (all cores)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds
STORE  ?= .data/store.duckdb
PORT   ?= 8501
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run ingest test bench chromium clean

run: $(VENV)/.installed
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false -- --store $(STORE) --corpus $(CORPUS)

ingest: $(VENV)/.installed
	$(BIN)/python -m core ingest $(CORPUS) --store $(STORE)

test: $(VENV)/.installed-dev chromium
	$(BIN)/python -m pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser)
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "no /usr/bin/chromium and no apt-get: browser tests will be skipped (fail under CI=true)"; fi

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/tempeval.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/seed.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) .pytest_cache
