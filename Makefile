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
	@echo "== confide redact: examples/transcripts -> $(OUT)/redacted"
	$(BIN)/confide redact examples/transcripts -o $(OUT)/redacted
	@echo "== a redacted transcript:"
	@cat $(OUT)/redacted/session-01.txt
	@echo "== confide detect (spans only, no raw text):"
	$(BIN)/confide detect examples/transcripts/session-01.txt --format table

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
