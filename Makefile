# Quid — developer commands (GNU make).
#
#   make run     install Quid into .venv (runtime dependencies only) and start the app
#   make test    install with test and dev tools, run `make lint`, then pytest (offscreen Qt)
#   make lint    ruff check, ruff format --check, mypy
#   make bench   start-up and unlock benchmarks (python -m tests.bench)
#   make translations          compile resources/i18n/*.ts into the .qm files the app loads
#   make translations-update   re-extract the texts from app/ into the .ts files (lupdate)
#   make package the one-folder desktop build in dist/quid/ (PyInstaller), smoke-tested
#   make stress  the robustness tests with a large budget (500 kills, long fuzzing)
#   make venv    create .venv and install '.[test,dev]'
#   make clean   remove caches and build output; `make distclean` also removes .venv
#
# PY chooses the Python that creates .venv (Python >= 3.11): `make test PY=python3.12`.
# ARGS is passed to the app by `make run`: `make run ARGS="--data-dir /tmp/quid-try"`.

PY ?= python3
VENV ?= .venv
ARGS ?=
PYTEST_ARGS ?=

BIN := $(VENV)/bin
PYTHON := $(BIN)/python
PIP := $(PYTHON) -m pip --disable-pip-version-check
# Re-install only when pyproject.toml changes.
STAMP_TEST := $(VENV)/.installed-test
STAMP_RUN := $(VENV)/.installed-run

SRC := app tests

.DEFAULT_GOAL := help
.PHONY: help venv run test lint bench stress package clean distclean translations \
	translations-update

help:
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

# --- the virtual environment ------------------------------------------------------------------
$(PYTHON):
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Quid needs Python 3.11 or newer; '$(PY)' is $$($(PY) -V 2>&1). Try: make $(MAKECMDGOALS) PY=python3.11" >&2; exit 1; }
	$(PY) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP_TEST): pyproject.toml | $(PYTHON)
	$(PIP) install -q -e '.[test,dev]'
	@touch $@ $(STAMP_RUN)

$(STAMP_RUN): pyproject.toml | $(PYTHON)
	$(PIP) install -q -e .
	@touch $@

venv: $(STAMP_TEST) translations

# --- translations -----------------------------------------------------------------------------
# The .qm files are committed too (so `python -m app` works from a checkout without make);
# lrelease is deterministic, so rebuilding one leaves it byte-for-byte the same.
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
# every module: the Qt-free core marks its error messages with QT_TR_NOOP (app/errors.py)
TR_SOURCES := $(sort $(wildcard app/*.py app/*/*.py))

%.qm: %.ts | $(STAMP_RUN)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM_FILES)

# Texts no longer in the code are dropped; line numbers are left out so that the .ts changes
# only when a text does. Translate the new entries (Qt Linguist: $(BIN)/pyside6-linguist), then
# `make translations`.
translations-update: $(STAMP_RUN)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $(TR_SOURCES) \
		-source-language en -ts $(TS_FILES)

# --- running ----------------------------------------------------------------------------------
# platform_check prints the Qt system libraries that are missing (and exits non-zero), so a
# missing libxcb-cursor0 says so instead of Qt's "Could not load the Qt platform plugin xcb".
run: $(STAMP_RUN) translations
	@$(PYTHON) -m app.ui.platform_check
	$(PYTHON) -m app $(ARGS)

# --- checks -----------------------------------------------------------------------------------
# All three linters run, so one run shows every problem; any failure fails the target.
lint: $(STAMP_TEST)
	@status=0; \
	echo "ruff check $(SRC)"; $(BIN)/ruff check -q $(SRC) || status=1; \
	echo "ruff format --check $(SRC)"; $(BIN)/ruff format -q --check $(SRC) || status=1; \
	echo "mypy"; $(BIN)/mypy || status=1; \
	exit $$status

# pytest's exit code is make's: failures (1), errors (2–4) and "no tests collected" (5) all fail.
test: lint translations
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest $(PYTEST_ARGS)

# The same tests as `make test` for crashes and fuzzing, with QUID_STRESS's larger budget.
stress: $(STAMP_TEST)
	QUID_STRESS=1 QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest -p no:cacheprovider \
		-o timeout=3600 -m stress $(PYTEST_ARGS)

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m tests.bench

# --- packaging --------------------------------------------------------------------------------
# PyInstaller comes from the `package` extra, installed here only. The smoke test runs the frozen
# app: --version, then init and doctor on a new passphrase vault in a throw-away data folder.
package: $(STAMP_TEST)
	$(PIP) install -q -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/quid.spec
	@du -sh dist/quid
	dist/quid/quid --version
	@smoke="$$(mktemp -d)"; trap 'rm -rf "$$smoke"' EXIT; \
	export QUID_SMOKE_PASSPHRASE="smoke-test-$$$$-passphrase"; \
	dist/quid/quid --data-dir "$$smoke/data" --passphrase-env QUID_SMOKE_PASSPHRASE init >/dev/null \
		&& dist/quid/quid --data-dir "$$smoke/data" --passphrase-env QUID_SMOKE_PASSPHRASE doctor \
		&& echo "package: dist/quid smoke test passed (--version, init, doctor)"

# --- cleaning ---------------------------------------------------------------------------------
clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis bench-results
	find app tests -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
