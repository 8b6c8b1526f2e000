# confide: the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
OUT    := out

.PHONY: demo test lint sysdeps install install-test bench clean

# Debian libraries WeasyPrint needs for PDF output (pango, harfbuzz, fonts).
SYSLIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
sysdeps:
	@if ! ldconfig -p | grep -q 'libpango-1.0.so.0' || ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0' \
	    || ! ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
	  echo "installing Debian libraries for PDF output: $(SYSLIBS)"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSLIBS) >/dev/null; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# A real (non-editable) install: what a user gets from `pip install .`.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(PIP) install ".[pdf]"
	@touch $@

# The test environment: editable install with the test and dask extras.
$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(PIP) install -e ".[test,dask,pdf]"
	@rm -f $(VENV)/.installed
	@touch $@

install: sysdeps $(VENV)/.installed
install-test: sysdeps $(VENV)/.installed-test

demo: install
	@rm -rf $(OUT) && mkdir -p $(OUT)
	@echo "== 1. confide redact: examples/transcripts -> $(OUT)/redacted (text, Teams VTT, JSONL chat log, CSV)"
	$(BIN)/confide redact examples/transcripts -o $(OUT)/redacted --report $(OUT)/redaction-report.jsonl
	@echo "== a redacted session transcript:"
	@cat $(OUT)/redacted/session-01.txt
	@echo "== 2. confide detect (types and offsets only, never the text; exit 1 = personal data found)"
	$(BIN)/confide detect examples/transcripts/session-01.txt || test $$? -eq 1
	@echo "== 3. confide consent validate (one valid record, one failing; exit 1 = findings)"
	$(BIN)/confide consent validate examples/consent/valid.yaml examples/consent/failing.json \
	    --now 2026-11-01T00:00:00Z || test $$? -eq 1
	@echo "== 4. confide consent render: consent documents for an AI tool"
	$(BIN)/confide consent render examples/profiles/cbt-chatbot.yaml -o $(OUT)/consent-cbt-chatbot.html
	$(BIN)/confide consent render examples/profiles/research-study.yaml --format pdf -o $(OUT)/consent-research-study.pdf
	@if [ -d examples/dataset ]; then \
	  echo "== 5. confide audit: a small dataset with planted problems (exit 1 = findings)"; \
	  $(BIN)/confide audit examples/dataset --html $(OUT)/audit.html --json $(OUT)/audit.json \
	      --now 2026-11-01T00:00:00Z || test $$? -eq 1; \
	fi
	@echo "== done: outputs in $(OUT)/"

test: install-test
	$(BIN)/python -m pytest
	$(BIN)/ruff check toolkit tests benchmarks

lint: install-test
	$(BIN)/ruff check toolkit tests benchmarks

bench: install-test
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .ruff_cache
