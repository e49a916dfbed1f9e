# Two commands for a newcomer: `make lab` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PORT   ?= 8888

.PHONY: lab test lint test-lib test-notebooks test-browser browser notebooks student bench clean help \
  student-branch axe hub

help:
	@echo "make lab    set up .venv and open the lessons in JupyterLab"
	@echo "make test   set up .venv with the test tools and run every test"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install when pyproject.toml changes; the stamp files remember what is installed.
$(VENV)/.lab-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[lab]'
	touch $@

# The tests compare stored notebook outputs, so they run on the versions Binder pins.
$(VENV)/.test-installed: pyproject.toml binder/requirements.txt | $(PY)
	$(PY) -m pip install --quiet -e '.[lab,test]' -c binder/requirements.txt
	touch $@

lab: $(VENV)/.lab-installed
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ "$$(uname)" = Linux ]; then \
	  echo "No screen here: open the URL that JupyterLab prints below in a browser."; \
	  $(BIN)/jupyter lab --no-browser --port=$(PORT) notebooks/00-start-here.ipynb; \
	else \
	  $(BIN)/jupyter lab --port=$(PORT) notebooks/00-start-here.ipynb; \
	fi

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-lib: $(VENV)/.test-installed
	$(BIN)/pytest tests -m "not browser"

test-notebooks: $(VENV)/.test-installed
	$(BIN)/pytest --nbval notebooks teacher --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

# Browser tests need Debian's Chromium at /usr/bin/chromium.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installing Chromium needs root: sudo apt-get install chromium"; exit 1; fi; \
	fi

# axe-core (npm) checks the lessons' outputs and the handouts for accessibility problems.
AXE_VERSION := 4.14.1
AXE_DIR     ?= $(VENV)/npm
AXE_JS      := $(AXE_DIR)/node_modules/axe-core/axe.min.js

$(AXE_DIR)/.axe-core-$(AXE_VERSION):
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq npm >/dev/null; \
	  else echo "Installing axe-core needs npm: sudo apt-get install npm"; exit 1; fi; \
	fi
	npm install --prefix $(AXE_DIR) --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)
	touch $@

axe: $(AXE_DIR)/.axe-core-$(AXE_VERSION)

# A real JupyterHub for tests/browser/test_hub.py: JupyterHub and nbgitpuller from PyPI (the
# versions the README's sizing was measured on), configurable-http-proxy from npm.
HUB_PINS    := jupyterhub==6.1.1 nbgitpuller==1.3.0
CHP_VERSION := 5.3.0
CHP_DIR     ?= $(VENV)/npm/chp
CHP         := $(CHP_DIR)/node_modules/.bin/configurable-http-proxy

$(VENV)/.hub-installed: $(VENV)/.test-installed
	$(PY) -m pip install --quiet $(HUB_PINS) -c binder/requirements.txt
	touch $@

# Its own prefix: an `npm install --no-save` in axe-core's would remove it.
$(CHP_DIR)/.chp-$(CHP_VERSION): $(AXE_DIR)/.axe-core-$(AXE_VERSION)
	npm install --prefix $(CHP_DIR) --no-save --no-audit --no-fund --loglevel=error configurable-http-proxy@$(CHP_VERSION)
	touch $@

hub: $(VENV)/.hub-installed $(CHP_DIR)/.chp-$(CHP_VERSION)

test-browser: $(VENV)/.test-installed browser axe hub
	NEWSFACTS_AXE=$(AXE_JS) NEWSFACTS_CHP=$(CHP) $(BIN)/pytest tests -m browser

# On CI (CI=true) the browser tests always run: test-browser installs Chromium, and a
# browser test that would be skipped fails there instead.
test: lint test-lib test-notebooks
	@if [ -x /usr/bin/chromium ] || [ "$$CI" = true ]; then \
	  $(MAKE) --no-print-directory test-browser; \
	else \
	  echo; echo "Browser tests NOT run: Chromium is missing. Run 'make test-browser' (installs Debian's chromium, needs root)."; \
	fi

# Two editions of the lessons. teacher/ is the source: the lessons with their answer keys
# (cells tagged `solution`). notebooks/ is the student edition, built from it by nbconvert's
# TagRemovePreprocessor; edit teacher/, never notebooks/.
STRIP_SOLUTIONS := --to notebook --log-level=WARN --TagRemovePreprocessor.enabled=True \
  --TagRemovePreprocessor.remove_cell_tags=solution

# Build the student edition from teacher/, then run it and store its outputs.
student: $(VENV)/.test-installed
	rm -f notebooks/[0-9][0-9]-*.ipynb notebooks/any-article/[0-9][0-9]-*.ipynb
	$(BIN)/jupyter nbconvert $(STRIP_SOLUTIONS) --output-dir notebooks teacher/[0-9][0-9]-*.ipynb
	$(BIN)/jupyter nbconvert $(STRIP_SOLUTIONS) --output-dir notebooks/any-article \
	  teacher/any-article/[0-9][0-9]-*.ipynb
	$(PY) scripts/run_notebooks.py notebooks

# Re-execute every lesson of both editions and store its outputs (nbval compares against
# them): teacher/ in place, then notebooks/ built from it. Each folder's any-article/
# (the lessons that run on any pack) is included.
notebooks: $(VENV)/.test-installed
	$(PY) scripts/run_notebooks.py teacher
	$(MAKE) --no-print-directory student

bench: $(VENV)/.test-installed
	$(PY) benchmarks/bench.py

# The branch the Binder and nbgitpuller links open: notebooks/, library, data, binder/; no
# teacher/, no teacher guide. Built from the last commit; the work tree is not touched.
student-branch:
	$(PYTHON) scripts/student_branch.py

# Printable pages (git ignores handouts/): each lesson without code or widgets, the
# annotated article, and an index. Uses the outputs stored in notebooks/.
.PHONY: handouts
handouts: $(VENV)/.test-installed
	$(PY) scripts/handouts.py --out handouts

clean:
	rm -rf $(VENV) build dist .pytest_cache screenshots handouts
