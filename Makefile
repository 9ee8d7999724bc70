# The two set-up commands of the README are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///$(CURDIR)/.quaestio-demo.sqlite3
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev frontend lint unit bench clean

install:
	scripts/system-deps run
	scripts/bootstrap
	@if [ -x frontend/build.sh ]; then frontend/build.sh; fi

install-dev:
	scripts/system-deps test
	scripts/bootstrap dev
	@if [ -x frontend/build.sh ]; then frontend/build.sh; fi
	@if [ -f tools/argdown/package.json ]; then npm ci --prefix tools/argdown --no-audit --no-fund --loglevel=error; fi

## Install everything and serve the bundled example debate on SQLite.
run: install
	$(BIN)/quaestio serve examples/purges.debate.md --db "$(DB)" --host $(HOST) --port $(PORT)

## Install everything and run the whole test suite (linters included).
test: install-dev lint unit

lint:
	$(BIN)/ruff check src tests benchmarks
	cd src && ../$(BIN)/mypy -p quaestio
	$(BIN)/lint-imports

unit:
	$(BIN)/python -m pytest tests -q -n 2

bench: install-dev
	scripts/system-deps bench
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .venv-tools .pytest_cache .mypy_cache .ruff_cache
