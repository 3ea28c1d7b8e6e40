# The single entry point: `make run` and `make test` set up everything they need.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails and the demo loader's greeting point at the server `make run` starts.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: install run test lint format messages vendor bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED)

# DEBUG off, so that what users meet (the Swedish 404 and 500 pages) is what `make run` shows;
# WhiteNoise still serves the static files from the source folders. `make run RUN_DEBUG=true`
# brings Django's debug pages back.
RUN_DEBUG ?= false
run: install
	$(BIN)/python manage.py migrate --no-input
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo_data
	SITE_URL=$(SITE_URL) DEBUG=$(RUN_DEBUG) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# Response times and query counts of the heaviest pages at 100 ecosystems (prints a table).
bench: install
	$(BIN)/python bench/bench.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext (Debian: gettext). The compiled .mo files are committed so `make run` does not.
messages: install
	$(BIN)/python manage.py makemessages --locale en --no-obsolete --add-location file --ignore '.venv/*' --ignore 'staticfiles/*'
	$(BIN)/python manage.py compilemessages --locale en --ignore '.venv/*'

# Refresh the vendored front-end assets in static/vendor from the npm registry.
vendor:
	npm ci --no-audit --no-fund
	mkdir -p static/vendor/bootstrap tests/browser/vendor
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* node_modules/bootstrap/LICENSE static/vendor/bootstrap/
	cp node_modules/axe-core/axe.min.js tests/browser/vendor/
	cp node_modules/axe-core/LICENSE tests/browser/vendor/axe-core-LICENSE

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
