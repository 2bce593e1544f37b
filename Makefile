# Two commands do everything on a fresh machine:
#   make demo   create .venv, install the pinned dependencies, run the headless round trip
#   make test   create .venv, install the pinned dependencies, run the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DIR ?= demo-output

.PHONY: venv demo run test bench lint dist bundle-check clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO_DIR)
	$(VENV)/bin/taizhang demo -o $(DEMO_DIR)

run: $(STAMP)
	$(VENV)/bin/taizhang

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not bench" tests

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m bench -s tests/bench

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests tools

dist: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

bundle-check: $(STAMP)
	.ci/bundle-check

clean:
	rm -rf $(VENV) build dist $(DEMO_DIR)
