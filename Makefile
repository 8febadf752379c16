# Parallax: the project's verbs. `make help` lists them.
#
# Every target installs what it needs and skips what is already there, so that
# `make demo` and `make test` work on a fresh machine (see README.md).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# wasm-pack uses the wasm-bindgen CLI on PATH only when its version equals the
# crate's, so the version is read from Cargo.toml, where it is pinned with `=`.
WBG_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
WASM_PACK_VERSION := 0.15.1
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium
PORT ?= 8080

# The wasm build leaves out the CLI's crates (feature `cli`, on by default for `cargo build`).
WASM_FEATURES := --no-default-features --features languages,encodings
# The lean engine (src/lean.rs): the page's first load; workers switch to the full
# engine for an input it refuses. Same crate, same glue, fewer features.
LEAN_FEATURES := --no-default-features --features lean
WASM_OPT_FLAGS := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
# -O1: measured smaller gzipped than -O3 after opt-level "s" (README.md, "Dependencies and what they cost").
LEAN_WASM_OPT := -O1 $(WASM_OPT_FLAGS)

WWW_MODULES := $(shell find www -name '*.js' -not -path 'www/pkg/*' -not -name 'app.bundle.js' 2>/dev/null)
# The vendored crates are sources too: a change in vendor/whatlang rebuilds the wasm.
RUST_SOURCES := Cargo.toml $(shell find src vendor -path vendor/whatlang/target -prune -o \( -name '*.rs' -o -name '*.txt' -o -name '*.tsv' -o -name Cargo.toml \) -print 2>/dev/null)

.PHONY: help setup setup-browser build pkg dist size demo serve test test-size test-native test-wasm test-package test-e2e test-hostile test-python python lint clean

help: ## List the verbs.
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- set-up

setup: .tools/rust .tools/wasm-pack .tools/wasm-bindgen node_modules/.installed ## Install the build tools that are missing.

.tools/rust:
	rustup target add wasm32-unknown-unknown
	rustup component add rustfmt clippy
	@mkdir -p .tools && touch $@

.tools/wasm-pack:
	@if wasm-pack --version 2>/dev/null | grep -q '$(WASM_PACK_VERSION)'; then \
	  echo "wasm-pack $(WASM_PACK_VERSION) is installed"; \
	else cargo install wasm-pack --version $(WASM_PACK_VERSION) --locked; fi
	@mkdir -p .tools && touch $@

# Without --locked: a dependency version its lock file names is gone from the registry.
.tools/wasm-bindgen: Cargo.toml
	@if wasm-bindgen --version 2>/dev/null | grep -q ' $(WBG_VERSION)$$'; then \
	  echo "wasm-bindgen $(WBG_VERSION) is installed"; \
	else cargo install wasm-bindgen-cli --version $(WBG_VERSION) --force; fi
	@mkdir -p .tools && touch $@

node_modules/.installed: package.json package-lock.json
	# `npm ci` refuses lock files written without download addresses (this registry's setting).
	npm install --no-audit --no-fund
	@touch $@

setup-browser: ## Install Debian's Chromium and ChromeDriver when missing.
	@if [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ]; then echo "chromium is installed"; \
	else apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; fi

# ---------------------------------------------------------------- build

build: setup pkg www/pkg/parallax_bg.wasm www/app.bundle.js ## Build the npm package (pkg/), the page's copy of the engine and its script.

# wasm-pack writes the engine (glue + wasm); tools/build-pkg.mjs makes it the npm
# package: package.json, the Node entry, the types, the README and the widget,
# from npm/ and www/. It is cheap, so it always runs.
pkg: setup pkg/parallax_bg.wasm pkg/parallax_lean_bg.wasm ## Build the npm package into pkg/ (`npm pack pkg` packs it).
	node tools/build-pkg.mjs

pkg/parallax_bg.wasm: $(RUST_SOURCES) | setup
	wasm-pack build --release --target web --out-dir pkg --out-name parallax . $(WASM_FEATURES)
	@ls -l pkg/parallax_bg.wasm | awk '{print "wasm raw bytes:", $$5}'
	@gzip -9 -c pkg/parallax_bg.wasm | wc -c | awk '{print "wasm gzip bytes:", $$1}'

# The lean engine (Cargo profile `wasm-lean`, opt-level "s"), bound by the same glue:
# wasm-bindgen's glue for it must be the full engine's byte for byte, since the
# page loads one glue for both.
pkg/parallax_lean_bg.wasm: pkg/parallax_bg.wasm
	cargo build --lib --profile wasm-lean --target wasm32-unknown-unknown $(LEAN_FEATURES)
	wasm-bindgen --target web --out-dir target/lean --out-name parallax target/wasm32-unknown-unknown/wasm-lean/parallax.wasm
	@cmp -s target/lean/parallax.js pkg/parallax.js || { echo "the lean engine's glue differs from the full engine's (diff target/lean/parallax.js pkg/parallax.js)"; exit 1; }
	wasm-opt $(LEAN_WASM_OPT) target/lean/parallax_bg.wasm -o $@
	@gzip -9 -c $@ | wc -c | awk '{print "lean wasm gzip bytes:", $$1}'

# The page's modules as the one script index.html loads, the engine's glue inline (tools/build-page.mjs).
www/app.bundle.js: $(WWW_MODULES) tools/build-page.mjs www/pkg/parallax_bg.wasm | node_modules/.installed
	node tools/build-page.mjs

# index.js: the package's entry (tokenize and termFrequencies unpacked), for the page's tests.
www/pkg/parallax_bg.wasm: pkg/parallax_bg.wasm pkg/parallax_lean_bg.wasm npm/index.js
	@mkdir -p www/pkg
	cp npm/index.js pkg/parallax.js pkg/parallax.d.ts pkg/parallax_bg.wasm pkg/parallax_lean_bg.wasm www/pkg/

size: build ## The gzipped size of each shipped wasm and of the page's first load (what the README quotes).
	@node tools/size.mjs

test-size: build ## The page's first-load wasm within its budget (300 kB gzipped, issue 9).
	node tools/size.mjs --check

dist: build ## Write dist/parallax.html: the page in one file (script, worker, wasm, seeds inline) that works from file://.
	node tools/build-dist.mjs dist/parallax.html

demo: build ## Build and serve the page with the seed articles on http://127.0.0.1:8080.
	@echo "Parallax: open http://127.0.0.1:$(PORT)/"
	node tools/serve.mjs www $(PORT)

serve: ## Serve www/ as it is (no build).
	node tools/serve.mjs www $(PORT)

# ---------------------------------------------------------------- python

# The Python package (python/, PyO3 built by maturin) in a virtualenv at the root.
# maturin, pytest and mypy come from PyPI; `make python` leaves `.venv/bin/python
# -c "import parallax"` working.
PYTHON ?= python3
VENV := .venv

# pyspark (pinned), pandas and pyarrow are for `python -m parallax.spark` and its
# test (Spark runs on the machine's Java 17).
SPARK_PACKAGES := 'pyspark==4.0.1' 'pandas>=2.2,<3' 'pyarrow>=15'

$(VENV)/.installed: python/pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check 'maturin>=1.9,<2' 'pytest>=7' 'mypy>=1.8' $(SPARK_PACKAGES)
	@touch $@

python: $(VENV)/.installed ## Build the Python package (python/) and install it into .venv (release).
	VIRTUAL_ENV=$(CURDIR)/$(VENV) $(VENV)/bin/maturin develop --release --quiet -m python/Cargo.toml

# ---------------------------------------------------------------- tests

test: setup setup-browser lint test-native test-wasm build test-size test-package test-e2e test-hostile test-python ## Run every test layer.
	@echo "make test: every layer passed"

# clippy.toml's disallowed methods (the standard sorts: the library sorts with
# src/sort.rs) are the wasm library's rule: the --lib runs check it; tests, benches
# and the CLI run natively, where code size does not matter.
lint: setup ## rustfmt and clippy, warnings as errors.
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings -A clippy::disallowed_methods
	cargo clippy --target wasm32-unknown-unknown --all-targets $(WASM_FEATURES) -- -D warnings -A clippy::disallowed_methods
	cargo clippy --target wasm32-unknown-unknown --lib $(WASM_FEATURES) -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib $(LEAN_FEATURES) -- -D warnings

test-native: ## Native unit, property and integration tests.
	cargo test --release
	# The lean engine's library (src/lean.rs): what it hands to the full engine.
	cargo test --lib $(LEAN_FEATURES)

test-wasm: setup setup-browser ## The wasm layer under Node and in headless Chromium.
	wasm-pack test --release --node -- $(WASM_FEATURES) --test wasm_node
	wasm-pack test --release --headless --chrome -- $(WASM_FEATURES) --test wasm_browser

test-package: pkg setup-browser ## Pack pkg/; install it into a fresh Node project, Vite app and import-map page; run each.
	node tests/package/run.mjs

test-e2e: build dist setup-browser ## The page, the element, the offline file, accessibility and the worker's cancel and memory in headless Chromium (Playwright).
	node tests/e2e/run.mjs
	node tests/e2e/element.mjs
	node tests/e2e/offline.mjs
	node tests/e2e/page.mjs
	node tests/e2e/news.mjs
	node tests/e2e/worker.mjs
	node tests/e2e/bulk.mjs

test-hostile: build setup-browser ## Hostile files (encodings, BOMs, line ends, normal forms, pathological shapes, binary, empty, over the limit) through the CLI, the npm package and the page.
	cargo build --release --bin parallax
	node tests/hostile/run.mjs

test-python: python ## The Python package's pytest suite: the same answers as the CLI, errors, types (mypy --strict).
	cargo build --release --bin parallax
	PYO3_PYTHON=$(CURDIR)/$(VENV)/bin/python cargo clippy --manifest-path python/Cargo.toml -- -D warnings
	cargo fmt --manifest-path python/Cargo.toml -- --check
	PARALLAX_CLI=$(CURDIR)/target/release/parallax $(VENV)/bin/python -m pytest -q python/tests

clean: ## Remove build output.
	cargo clean
	rm -rf pkg www/pkg dist python/target .venv

# ---------------------------------------------------------------- fuzzing

FUZZ_TARGETS ?= tokenize analyze align pan html decode
FUZZ_SECONDS ?= 60

.PHONY: fuzz .tools/cargo-fuzz

fuzz: .tools/cargo-fuzz ## Run every fuzz target for FUZZ_SECONDS each (libFuzzer, nightly); new crashes land in fuzz/artifacts/.
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  (cd fuzz && cargo +nightly fuzz run -O $$t corpus/$$t regressions/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1) || exit 1; \
	done

# libFuzzer needs a nightly compiler; cargo-fuzz drives it.
.tools/cargo-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# ---------------------------------------------------------------- text engine benchmarks

.PHONY: bench bench-native bench-wasm

# The shared data (seeds, PAN, article extraction) beside the checkout.
SHARED ?= ../shared

bench: bench-native bench-wasm ## Text engine throughput: native, and wasm against wink-nlp (needs ../shared/data).

bench-native: ## Native tokenize + count throughput (MB/s, tokens/s) on 5 MiB of English and per article; language detection's sample against the whole text.
	PARALLAX_SHARED=$(abspath $(SHARED)) cargo bench --bench text

bench-wasm: build ## tokenize and termFrequencies in wasm vs wink-nlp (tokenization only) under Node: 5 MB of articles one call each, and one 5 MiB text.
	PARALLAX_SHARED=$(abspath $(SHARED)) node benches/termfreq.mjs

# ---------------------------------------------------------------- overlap engine (PAN)

PAN_TRAIN ?= ../shared/data/pan13-train
PAN_OUT ?= target/pan-detections

.PHONY: eval-pan bench-align bench-analyze bench-candidates bench-scale bench-scale-web

eval-pan: ## Align the PAN 2013 training corpus and print plagdet per obfuscation folder.
	cargo build --release --bin parallax
	rm -rf $(PAN_OUT) && mkdir -p $(PAN_OUT)
	./target/release/parallax pan $(PAN_TRAIN)/pairs $(PAN_TRAIN)/src $(PAN_TRAIN)/susp $(PAN_OUT)
	./target/release/parallax pan-eval $(PAN_TRAIN) $(PAN_OUT)

bench-analyze: build ## analyze on the seeds, 100 and 1,000 PAN documents, natively (where the time goes) and in wasm under Node (the ratio).
	PARALLAX_SHARED=$(abspath $(SHARED)) cargo bench --bench analyze
	PARALLAX_SHARED=$(abspath $(SHARED)) node benches/analyze.mjs

bench-candidates: ## Candidate pairs over all 5,057 PAN documents: time, count, recall per folder, plagdet of the proposed pairs.
	PAN_TRAIN=$(abspath $(PAN_TRAIN)) cargo bench --bench candidates

bench-scale: ## The release CLI on 1,700 news-sized articles (vs all pairs) and 1k/10k/100k made from PAN: time, memory, recall (SIZES="news 1000").
	@[ -x /usr/bin/time ] || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y time)
	cargo build --release --bin parallax
	PARALLAX_SHARED=$(abspath $(PAN_TRAIN)/../..) benches/scale.sh $(SIZES)

# The shared data's folder (from a git worktree: PARALLAX_SHARED=/path/to/shared).
PARALLAX_SHARED ?= $(abspath ../shared)

bench-scale-web: build setup-browser ## 1,000 news-sized articles (made from ../shared into target/): analyze in wasm under Node, and the page from file chosen to comparison shown (Playwright).
	PARALLAX_SHARED=$(PARALLAX_SHARED) node benches/make-articles.mjs 1000
	node benches/analyze-1000.mjs target/articles-1000.jsonl
	node benches/page-1000.mjs target/articles-1000.jsonl target/scale-web-1000.png

bench-align: build ## Alignment speed: PAN training corpus natively and in wasm (Node), and the ratio.
	PAN_TRAIN=$(abspath $(PAN_TRAIN)) cargo bench --bench align
	PAN_TRAIN=$(abspath $(PAN_TRAIN)) node benches/align.mjs

# ---------------------------------------------------------------- the page

PARALLAX_SHARED ?= $(abspath ../shared)
PAGE_RUNS ?= 9

.PHONY: bench-page

bench-page: build setup-browser ## The page in Chromium: cold loads step by step (performance marks), the engine's first analysis cold under Node, then the controls on the seeds and 100 articles (needs ../shared for those).
	node benches/page.mjs $(PAGE_RUNS)
	PARALLAX_SHARED=$(PARALLAX_SHARED) node benches/cold.mjs
	PARALLAX_SHARED=$(PARALLAX_SHARED) node benches/interactions.mjs

# ---------------------------------------------------------------- HTML reader

ARTICLE_EXTRACTION ?= ../shared/data/article-extraction

.PHONY: eval-html

eval-html: ## Score the HTML reader on the article-extraction benchmark (F1, P, R; see src/html/EVAL.md).
	cargo build --release --bin parallax
	./target/release/parallax extract-eval $(ARTICLE_EXTRACTION)
