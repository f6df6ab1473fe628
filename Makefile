# awx-report: build, test, render the bundled example, benchmark, install.
SWIFT   ?= swift
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share
DESTDIR ?=
PRODUCT := awx-report
# The version's one place is AWXReport.version in the Swift source (`awx-report --version`).
VERSION := $(shell sed -n 's/^ *package static let version = "\(.*\)"$$/\1/p' \
             Sources/AWXReportCommand/AWXReport.swift)
ARCH    := $(shell uname -m)
DIST    := $(PRODUCT)-$(VERSION)-linux-$(ARCH)
STATIC  := .build-static/release/$(PRODUCT)
# Generated from the command definitions by the built binary: man page and completions.
SHARE   := .build-static/share
EXAMPLE := examples/workflow-job-4711.snapshot.json
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev pkg-config w3c-sgml-lib graphviz python3 \
                python3-jsonschema man-db
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help deps build release test lint format report install uninstall clean templates \
        dist static share version bench bench-layout bench-fetch bench-validate bench-render bench-archive leak-check example

help: ## List the targets.
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

deps: ## Install missing system packages (apt-get; sudo when not root).
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "All system packages present: $(APT_PACKAGES)"; fi
	@# The tests validate summary.json with whichever python3 is first on PATH.
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema

build: deps ## Debug build (installs missing system packages first).
	$(SWIFT) build --product $(PRODUCT)

release: deps ## Optimised build.
	$(SWIFT) build -c release --product $(PRODUCT)

test: deps ## Run every test (Swift Testing; there are no XCTest tests).
	$(SWIFT) test --disable-xctest

lint: ## Check formatting and lint rules (swift format, .swift-format); fails on any finding.
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks

format: ## Rewrite Swift files in the project's format.
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests Benchmarks

report: build ## Render the bundled example into output/.
	$$($(SWIFT) build --show-bin-path)/$(PRODUCT) render $(EXAMPLE) --out output

templates: ## Re-embed templates/ into the binary after editing them.
	python3 Scripts/embed-templates.py

example: ## Regenerate the bundled example snapshot.
	python3 examples/make_example.py $(EXAMPLE)

version: ## Print the version (from AWXReport.version).
	@echo $(VERSION)

static: deps ## Self-contained release binary (Swift runtime linked in), stripped.
	$(SWIFT) build -c release --product $(PRODUCT) --static-swift-stdlib --scratch-path .build-static
	strip "$(STATIC)"

share: static ## Man page and bash/zsh/fish completions, generated from the command definitions.
	mkdir -p $(SHARE)
	"$(STATIC)" --experimental-dump-help | python3 Scripts/make-manpage.py "$(VERSION)" > $(SHARE)/$(PRODUCT).1
	"$(STATIC)" --generate-completion-script bash > $(SHARE)/$(PRODUCT).bash
	"$(STATIC)" --generate-completion-script zsh > $(SHARE)/_$(PRODUCT)
	"$(STATIC)" --generate-completion-script fish > $(SHARE)/$(PRODUCT).fish

install: share ## Install the stripped self-contained binary, man page and completions under $(DESTDIR)$(PREFIX).
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" \
	  "$(DESTDIR)$(DATADIR)/bash-completion/completions" "$(DESTDIR)$(DATADIR)/zsh/site-functions" \
	  "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d"
	install -m 755 "$(STATIC)" "$(DESTDIR)$(BINDIR)/$(PRODUCT)"
	install -m 644 $(SHARE)/$(PRODUCT).1 "$(DESTDIR)$(MANDIR)/man1/$(PRODUCT).1"
	install -m 644 $(SHARE)/$(PRODUCT).bash "$(DESTDIR)$(DATADIR)/bash-completion/completions/$(PRODUCT)"
	install -m 644 $(SHARE)/_$(PRODUCT) "$(DESTDIR)$(DATADIR)/zsh/site-functions/_$(PRODUCT)"
	install -m 644 $(SHARE)/$(PRODUCT).fish "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/$(PRODUCT).fish"

uninstall: ## Remove what `make install` installed.
	rm -f "$(DESTDIR)$(BINDIR)/$(PRODUCT)" "$(DESTDIR)$(MANDIR)/man1/$(PRODUCT).1" \
	  "$(DESTDIR)$(DATADIR)/bash-completion/completions/$(PRODUCT)" \
	  "$(DESTDIR)$(DATADIR)/zsh/site-functions/_$(PRODUCT)" \
	  "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/$(PRODUCT).fish"

dist: share ## Release tarball dist/awx-report-VERSION-linux-ARCH.tar.gz and dist/SHA256SUMS.
	rm -rf dist/$(DIST) dist/$(DIST).tar.gz dist/SHA256SUMS
	install -d dist/$(DIST)/bin dist/$(DIST)/share/man/man1 dist/$(DIST)/share/bash-completion/completions \
	  dist/$(DIST)/share/zsh/site-functions dist/$(DIST)/share/fish/vendor_completions.d
	install -m 755 "$(STATIC)" dist/$(DIST)/bin/$(PRODUCT)
	install -m 644 README.md dist/$(DIST)/README.md
	if [ -f LICENSE ]; then install -m 644 LICENSE dist/$(DIST)/LICENSE; fi
	install -m 644 $(SHARE)/$(PRODUCT).1 dist/$(DIST)/share/man/man1/$(PRODUCT).1
	install -m 644 $(SHARE)/$(PRODUCT).bash dist/$(DIST)/share/bash-completion/completions/$(PRODUCT)
	install -m 644 $(SHARE)/_$(PRODUCT) dist/$(DIST)/share/zsh/site-functions/_$(PRODUCT)
	install -m 644 $(SHARE)/$(PRODUCT).fish dist/$(DIST)/share/fish/vendor_completions.d/$(PRODUCT).fish
	cd dist && tar --sort=name --owner=0 --group=0 --numeric-owner \
	  --mtime="@$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || echo 0)}" \
	  -cf - $(DIST) | gzip -n > $(DIST).tar.gz
	cd dist && sha256sum $(DIST).tar.gz > SHA256SUMS
	rm -rf dist/$(DIST)
	@ls -l dist/$(DIST).tar.gz && cat dist/SHA256SUMS

bench: bench-layout bench-fetch bench-validate bench-render bench-archive ## Every benchmark.

bench-layout: ## Layout + SVG speed and quality vs Graphviz dot.
	bash Benchmarks/bench-layout.sh

bench-fetch: ## Fetch a 1,000-node workflow from the loopback server (20 ms latency).
	bash Benchmarks/bench-fetch.sh

bench-validate: ## libxml2 validation time of a 5,000-node workflow SVG, and its ratio to xmllint --valid.
	bash Benchmarks/bench-validate.sh

bench-render: ## Template step (1k nodes); whole render at 1k/5k/10k nodes: best/median time, peak RSS.
	bash Benchmarks/bench-render.sh

bench-archive: ## Archive 300 jobs (5-25 nodes, 20 ms latency, --concurrency 4) vs the ideal time.
	bash Benchmarks/bench-archive.sh

leak-check: ## Validate 10,000 SVGs under valgrind; fails on any leaked byte.
	bash Benchmarks/leak-check.sh

clean: ## Remove build products and rendered output.
	rm -rf .build .build-static dist output/workflow-job-* bench-out
