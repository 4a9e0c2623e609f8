# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint pytest bench clean package package-smoke install-desktop uninstall-desktop
.PHONY: translations qm

TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Open the app on the embedded SQLite default (demo project when empty).
run: $(STAMP) qm
	$(BIN)/annotator

## Refresh resources/translations/*.ts from the code, then list entries left to translate.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py check

## Compile the catalogues the app loads (resources/translations/*.qm, never committed).
qm: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## Lint, type-check, check the layers, then run the whole suite offscreen.
test: $(STAMP) lint pytest

lint: $(STAMP)
	$(BIN)/ruff check annotator tests bench
	$(BIN)/ruff format --check annotator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

## The desktop bundle: dist/annotator/annotator (ANNOTATOR_ONEFILE=1 for one file).
$(VENV)/.installed-package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $@

package: $(VENV)/.installed-package
	packaging/build.sh $(BIN)/python

## Build the bundle, then run its end-to-end smoke test offscreen.
package-smoke: package
	exe=dist/annotator/annotator; test -f dist/annotator && exe=dist/annotator; \
	QT_QPA_PLATFORM=offscreen $$exe --smoke-test

## Add Annotator (bundle if built, else the venv) to the user's applications menu.
install-desktop: $(STAMP)
	PYTHON=$(BIN)/python packaging/install_desktop.sh

uninstall-desktop:
	packaging/install_desktop.sh --uninstall

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
