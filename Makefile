# Two commands do everything on a fresh machine:
#   make demo      create .venv, install the pinned dependencies, run the headless round trip
#   make test      create .venv, install the pinned dependencies, run every test that is not slow
# and, for CI and before a merge:
#   make test-all  every test except the timing benchmarks (slow ones included)
#   make lint      ruff, mypy on desktop/core, lint-imports (the three contracts in pyproject.toml)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DIR ?= demo-output

.PHONY: venv demo run test test-all bench lint lint-imports typecheck fmt i18n screenshots dist bundle-check clean

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

# the inner loop: slow tests (kill -9, big batches, LibreOffice, > ~3 s) are left to test-all
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow and not bench" tests

test-all: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not bench" tests

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m bench -s tests/bench

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests tools
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# the import contracts of ARCHITECTURE.md (pyproject [tool.importlinter]); joins `lint` once they hold
lint-imports: $(STAMP)
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# formatting-only: run it in a commit of its own (and list that commit in .git-blame-ignore-revs)
fmt: $(STAMP)
	$(VENV)/bin/ruff format desktop tests tools

# after changing GUI strings (README "Translations"): update the .ts files, translate, then compile
i18n: $(STAMP)
	$(VENV)/bin/pyside6-lupdate desktop/gui/app.py desktop/gui/common/*.py desktop/gui/school/*.py -ts resources/i18n/taizhang_en.ts
	$(VENV)/bin/pyside6-lupdate -no-obsolete desktop/gui/bureau/*.py -ts resources/i18n/bureau_en.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/taizhang_en.ts -qm resources/i18n/taizhang_en.qm
	$(VENV)/bin/pyside6-lrelease resources/i18n/bureau_en.ts -qm resources/i18n/bureau_en.qm
	$(VENV)/bin/pyside6-lupdate -no-obsolete desktop/gui/city/*.py -ts resources/i18n/city_en.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/city_en.ts -qm resources/i18n/city_en.qm

# docs/screenshots/*.png, under Xvfb with a CJK font (fonts-noto-cjk)
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) tools/screenshots_school.py docs/screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) tools/screenshots_bureau.py
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) tools/screenshots_city.py
	$(PY) tools/render_outputs.py docs/screenshots

dist: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

bundle-check: $(STAMP)
	.ci/bundle-check

clean:
	rm -rf $(VENV) build dist $(DEMO_DIR)
