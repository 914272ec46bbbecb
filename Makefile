# Contacts — developer commands. `make run` and `make test` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NPM ?= npm
N ?= 10000
COMPOSE ?= docker compose

.PHONY: help install build run dev test test-unit test-e2e test-browser test-web migrate seed bench lint fmt up down logs shell services

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

test: build services ## Run every test: API unit + end-to-end, web unit, browser
	$(NPM) test

bench: build services ## Print the product's benchmark figures (JSON and a table)
	node scripts/bench/run-all.mjs

lint: install ## Type-check everything
	$(NPM) run lint

fmt: install ## Format the sources
	$(NPM) run fmt

up: ## docker compose: build and start redis, 2 API replicas and nginx on :5173
	$(COMPOSE) up --build -d

down: ## docker compose: stop everything
	$(COMPOSE) down

logs: ## docker compose: follow the API logs
	$(COMPOSE) logs -f --tail=200 api

shell: ## docker compose: a shell in an API container
	$(COMPOSE) exec api sh
