# Two entry points for people (README): `make lab` and `make test`.
# Everything installs into ./.venv from PyPI with the pinned versions of
# requirements/constraints.txt; nothing is installed system-wide.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test determinism lint notebooks slides assignments student site bench bench-quick lock clean

$(STAMP): pyproject.toml requirements/constraints.txt
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[test]"
	touch $(STAMP)

# Offline JavaScript for the slides and the site (reveal.js, MathJax 2, RequireJS,
# jQuery), exactly as package-lock.json pins it; nothing of it runs in Node.
NPM_STAMP := node_modules/.installed
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

# JupyterLab on 127.0.0.1 only, with its default random token (printed in the URL).
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(ROOT_FLAG)

# Lint; then, on both cores (one notebook per worker), the doctests, the unit,
# property and reference tests with coverage, and nbval (strict) on every stored
# notebook output; then the determinism gate (nbval strict again under another
# OpenBLAS kernel, the native one when the environment forces one, and one BLAS
# thread); then the grading cycle of every problem set with nbgrader (one notebook per
# worker); then, alone on the machine so their clocks mean something, the timed
# tests and the browser tests (run when Chromium is present; required in CI).
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg
test: $(STAMP) $(NPM_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not timed and not browser and not grading" \
		--cov=mlhelpers --cov-report=term-missing $(PYTEST_NBVAL) --doctest-modules mlhelpers tests notebooks
	$(BIN)/python tools/determinism_gate.py
	$(BIN)/python -m pytest -n 2 --dist load -p no:logging -m grading tests/test_grading.py
	$(BIN)/python -m pytest -m "timed or browser" tests

# Only the determinism gate: stored outputs must not depend on the BLAS kernel or threads.
determinism: $(STAMP)
	$(BIN)/python tools/determinism_gate.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check mlhelpers tests tools benchmarks

# Re-execute every notebook in place (after changing one); counts 1..n, outputs stored.
notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb

# A reveal.js deck per notebook, offline: open slides/index.html.
slides: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m tools.classroom.build_slides --out slides

# The problem sets as an nbgrader course in classroom/ (git-ignored): source/, the student
# release in release/psNN/, gradebook.db with the hidden tests, nbgrader_config.py.
# Grade from that folder: nbgrader autograde psNN, nbgrader export, ... (README).
assignments: $(STAMP)
	$(BIN)/python -m tools.classroom.build_assignments --out classroom

# The student edition is that release, also copied flat into student/ to hand out.
student: assignments
	rm -rf student && mkdir -p student && cp classroom/release/ps*/*.ipynb notebooks/course.json student/

# The whole course as a static HTML site, offline: open site/index.html.
site: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m tools.classroom.build_site --out site

# Speed and memory against scikit-learn and the hardware floor, printed as ratios
# (benchmarks/README.md). The quick mode is what the test suite runs.
bench: $(STAMP)
	$(BIN)/python -m benchmarks

bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks --quick

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable

clean:
	rm -rf $(VENV) node_modules classroom student site slides screenshots .pytest_cache .coverage
