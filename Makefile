# Contacts — developer commands. `make run` and `make test` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NPM ?= npm
N ?= 10000
CONTACTS ?= 1000000
CLIENTS ?= 10000
# The Compose v2 plugin when it works, else Debian's docker-compose (v1).
COMPOSE ?= $(shell docker compose version >/dev/null 2>&1 && echo 'docker compose' || echo docker-compose)
# make up DB=postgres: the `postgres` profile, and the API pointed at it.
DB ?= sqlite
ifeq ($(DB),postgres)
COMPOSE_ENV := COMPOSE_PROFILES=postgres DATABASE_URL=postgres://contacts@postgres:5432/contacts
endif

.PHONY: help install build run dev test tools test-unit test-e2e test-browser test-web migrate seed bench bench-scale lint fmt up down logs shell services check-containers audit soak

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

node_modules/.install-stamp: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

install: node_modules/.install-stamp ## Install dependencies (only when package files changed)

build: install ## Build the wire types, the API and the web app
	$(NPM) run build

run: build ## Install what is missing, build, migrate and serve on :8000 (PORT overrides)
	$(NPM) start

migrate: install ## Apply database migrations (they also run at every start)
	$(NPM) run build:lib --silent && $(NPM) run build:api --silent && node dist/api/apps/api/src/migrate.js

seed: install ## Insert N realistic contacts with their versions (make seed N=10000)
	$(NPM) run build:lib --silent && $(NPM) run build:api --silent && node dist/api/apps/api/src/seed.js $(N)

services: ## Start the local Redis and PostgreSQL if they are down (tests need them)
	@bash scripts/ensure-services.sh

tools: ## Install the Debian packages the tests use when missing (Chromium, vdirsyncer, nginx, ...)
	@bash scripts/ensure-tools.sh

test: build services tools ## Run every test: API unit + e2e (SQLite and PostgreSQL), browser, web unit, container checks
	bash scripts/test-all.sh

bench: build services ## Print the product's benchmark figures (JSON and a table; saved in bench-results/)
	@bash scripts/ensure-tools.sh --bench
	node scripts/bench/run-all.mjs

bench-scale: build services ## issue 17's table: 1M contacts, 10k live clients, each row beside its floor (minutes; CONTACTS=, CLIENTS= override)
	node scripts/bench/scale.mjs --contacts $(CONTACTS) --clients $(CLIENTS)

audit: install ## Fail on high/critical advisories in production dependencies (skipped, loudly, if the registry is unreachable)
	@bash scripts/audit.sh

soak: build services ## Mixed load + 500 Socket.IO clients for SOAK_SECONDS (default 600); not part of make test
	node scripts/soak.mjs

check-containers: install ## Validate Dockerfile, docker-compose.yml, nginx.conf (no Docker engine needed)
	@bash scripts/check-containers.sh

lint: install ## Lint (ESLint) and type-check the API, the web app and the scripts
	$(NPM) run lint

fmt: install ## Format the sources with prettier (.prettierrc)
	$(NPM) run fmt

up: ## docker compose: build and start redis, 2 API replicas and nginx on :5173 (DB=postgres)
	$(COMPOSE_ENV) $(COMPOSE) up --build -d
	@echo "Contacts on http://localhost:5173 (more replicas: $(COMPOSE) up -d --scale api=4)"

down: ## docker compose: stop everything (volumes are kept; add -v by hand to drop the data)
	$(COMPOSE) --profile postgres down --remove-orphans

logs: ## docker compose: follow the API logs (S=web for another service)
	$(COMPOSE) logs -f --tail=200 $(or $(S),api)

shell: ## docker compose: a shell in an API container (I=2 for the second replica)
	$(COMPOSE) exec --index=$(or $(I),1) api sh
