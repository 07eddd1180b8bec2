# article-widget: build, demo and test.
#
#   make demo   build pkg/ and serve the demo page on http://127.0.0.1:8080/
#   make test   formatting, clippy, native tests, browser tests in Chromium, Firefox
#               and WebKit, the npm package, the Playwright test of the demo page
#               (Chromium) and its WebDriver walk in Firefox and WebKit
#
# Every target first runs scripts/ensure-tools.sh, which installs what is missing
# (quietly does nothing when all is there).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
# wasm-bindgen-test-runner reads browser capabilities from ./webdriver.json.
BROWSER_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target $(WASM_TARGET) --test web

# The steps share two cores and one target/ directory: run them one at a time.
.NOTPARALLEL:

.PHONY: fuzz all tools package demo test fmt-check clippy test-native test-chrome test-firefox test-webkit test-browser e2e clean
.PHONY: webdriver webdriver-firefox webdriver-webkit
.PHONY: bench bench-check size-check bench-profile bench-tasks

all: package

tools:
	@scripts/ensure-tools.sh

package: tools
	scripts/build-package.sh

demo: package
	node scripts/serve.mjs

test: fmt-check clippy test-native test-browser package test-package test-node test-readme e2e test-realpages webdriver bench-check size-check

fmt-check: tools
	cargo fmt --check

clippy: tools
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --tests -- -D warnings

test-native: tools
	cargo test

test-browser: test-chrome test-firefox test-webkit

# The runner picks Firefox whenever geckodriver is on PATH: name the driver each time.
# retry-start.sh runs a browser's tests again only when none of them ran (the browser or
# its first page never came up; seen once with Chromium on a loaded machine).
test-chrome: tools
	tests/webdriver/retry-start.sh env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver $(BROWSER_TEST)

test-firefox: tools
	tests/webdriver/retry-start.sh env -u CHROMEDRIVER GECKODRIVER="$$(command -v geckodriver)" $(BROWSER_TEST)

# WebKit: WebKitGTK's WebKitWebDriver named as the runner's SAFARIDRIVER. The runner's
# Safari session sends no capabilities (it ignores webdriver.json), so WebKitWebDriver
# starts its default browser, MiniBrowser --automation; MiniBrowser needs an X display.
# retry-start.sh runs it again when MiniBrowser never came up (about one start in 15).
test-webkit: tools
	tests/webdriver/retry-start.sh tests/webdriver/xvfb.sh env -u CHROMEDRIVER -u GECKODRIVER \
		SAFARIDRIVER="$$(command -v WebKitWebDriver)" $(BROWSER_TEST)

e2e: package
	node --test tests/e2e/

# The demo walked through W3C WebDriver (tests/webdriver/) in the engines Playwright
# does not drive here: Firefox (geckodriver) and WebKit (WebKitWebDriver, MiniBrowser).
# Screenshots go to test-results/shots/ (SHOTS_DIR=... elsewhere).
webdriver: webdriver-firefox webdriver-webkit

webdriver-firefox: package
	WEBDRIVER_ENGINES=firefox node --test tests/webdriver/

webdriver-webkit: package
	WEBDRIVER_ENGINES=webkit node --test tests/webdriver/

# The npm tarball, pkg/article-widget-<version>.tgz.
.PHONY: pack test-package test-node
pack: package
	cd pkg && npm pack

# The npm package as its users get it (tests/package/): packed, installed into a fresh
# project, type-checked with tsc, bundled with Vite 7, and loaded in Chromium: the API,
# a plain HTML page and the one-tag embed on a Blogger-like page.
test-package: package
	node --test tests/package/package.test.mjs

# The widget in Node (tests/node/): analyze(), mount() and destroy() under jsdom and
# happy-dom with their globals on globalThis as Vitest sets them, and the entry's
# internal-error guard.
test-node: package
	node --test tests/node/

# Every install snippet of the README as written (tests/readme/), read from README.md at
# test time: both Blogger tags and the plain HTML snippets in Chromium, the npm snippet
# bundled by Vite 7, and the Vitest example under happy-dom and jsdom, with the packed
# package installed into temporary projects; and every relative link of README.md,
# docs/*.md and bench/README.md names a file that is there.
.PHONY: test-readme
test-readme: package
	node --test tests/readme/

# The README's one tag on real pages (tests/realpages/): a sample of saved news pages
# with the article text a person marked, and blog pages of the project's own making with
# every kind of comment area (tests/fixtures/realpages/), at phone and desktop sizes:
# each mounts, its root holds the article and little else, every word is kept,
# destroy() gives the document back and nothing shifts. realpages-report measures the
# same on a folder of pages (REALPAGES=shared: all of ../shared/realpages/) and prints
# the figures by failure kind.
.PHONY: test-realpages realpages-report
test-realpages: package
	node --test tests/realpages/

realpages-report: package
	node scripts/realpages-report.mjs $(if $(filter shared,$(REALPAGES)),--shared) $(if $(VIEWPORT),--viewport $(VIEWPORT))

# The benchmark (bench/run.mjs): shipped size, demo start-up, mount()/analyze() on the
# seed, the corpus and synthetic articles, against the plain-JS floor (bench/floor.js).
# Prints a table and writes test-results/bench.json. It measures; it fails on no time.
bench: package
	node bench/run.mjs

# The benchmark in a quick mode (one run, a few pages), to show that it still works.
bench-check: package
	node bench/run.mjs --quick

# Fails when pkg/ ships more than SIZE_BUDGET bytes gzip -9 in all (wasm + JS + CSS).
# Part of make test as a ceiling that stops growth (129,200 bytes, about 0.3 % over
# what ships today); the project's target is 80,000 (see bench/README.md).
size-check: package
	node bench/size.mjs --check

# The one-tag embed's steps, cold, at 4x slower CPU (bench/tasks.mjs): each step's task,
# the WebAssembly it compiles on first call, and the long tasks. RUNS=N (default 5);
# WARM_UP=0: the same without warmUp's worker and rehearsal.
bench-tasks: package
	node bench/tasks.mjs --runs $(or $(RUNS),5) $(if $(filter 0,$(WARM_UP)),--no-warm-up)

# A CPU profile of mount() on PAGE (default: the slowest corpus page of the last bench);
# OPTIONS='{"quotes":false}' adds to the mount's options (there: the sections alone).
bench-profile: package
	node bench/profile.mjs $(PAGE) $(if $(OPTIONS),--options '$(OPTIONS)')

# Quote quality against the hand labels in tests/fixtures/quotes/: precision, recall,
# speaker accuracy and analyze() time per page, and the worst errors. A measurement:
# low scores do not fail it; a page that does not load or an analyze() that throws does.
# When ../shared/quotes-eval/ is there (QUOTES_EVAL=file for another), it also scores the
# core natively on its labelled news articles, and says so when it is not there.
# Writes test-results/quotes-report.json. First, natively, the table per language
# (French, Spanish, Portuguese, German, Italian next to English) on the labelled
# articles of tests/fixtures/quotes-lang/ (examples/quotes_lang.rs).
.PHONY: quotes-report
quotes-report: package
	cargo run --quiet --release --example quotes_lang
	node scripts/quotes-report.mjs

# The quote finder natively on the labelled news of ../shared/quotes-eval/ (QUOTES_EVAL=file
# for another): quote F1, speaker accuracy of the names shown and of the guesses kept, and
# the share of key quotes shown with a wrong name, all by the file's own scorer. Says so
# and measures nothing when the file is not there. No browser.
QUOTES_EVAL ?= ../shared/quotes-eval/news-train.jsonl
.PHONY: quotes-keys
quotes-keys:
	@if [ -f $(QUOTES_EVAL) ]; then \
		cargo run --quiet --release --example quotes_eval -- $(QUOTES_EVAL) test-results/quotes-eval-pred.jsonl && \
		python3 $(dir $(QUOTES_EVAL))score.py test-results/quotes-eval-pred.jsonl $(QUOTES_EVAL) --min-words 3 --merge-aware | tail -1 && \
		python3 scripts/quotes-keys.py test-results/quotes-eval-pred.jsonl $(QUOTES_EVAL); \
	else echo "quotes-keys: $(QUOTES_EVAL) is not there; nothing measured"; fi

# Inferred headings on real pages nobody tuned on: the pages of ../shared/realpages/
# whose article has h2 to h4 sub-headings, dumped by the browser reader into
# /tmp/realpages-headings (HEADINGS_DIR=... elsewhere) in three forms (own headings,
# bold lines, plain lines), then planned natively by examples/headings_eval.rs: section
# F1 per form on the first half of the pages by id (for tuning) and the second (held
# out). Says so and measures nothing when ../shared/realpages is not there.
HEADINGS_DIR ?= /tmp/realpages-headings
.PHONY: headings-report
headings-report: tools
	@if [ -d ../shared/realpages ]; then \
		node scripts/dump-realpages-headings.mjs $(HEADINGS_DIR) && \
		cargo run -q --example headings_eval -- $(HEADINGS_DIR); \
	else echo "headings-report: ../shared/realpages is not there; nothing measured"; fi

# Fuzzing (not part of `make test`; the corpora are, through tests/fuzz_corpus.rs and
# tests/generated.rs): `plan` reads raw bytes as lines, `generated` lets the bytes drive
# the article generator (src/core/textgen.rs). FUZZ_SECONDS is per target.
# Needs the nightly toolchain and cargo-fuzz, which this target installs.
FUZZ_SECONDS ?= 60
fuzz: tools
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cd fuzz && cargo +nightly fuzz run plan corpus/plan -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd fuzz && cargo +nightly fuzz run generated corpus/generated -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096

clean:
	cargo clean
	rm -rf pkg test-results
