# The two set-up commands of the README:
#   make run   install what is missing, build, migrate the bundled example on SQLite
#   make test  the same set-up, a throwaway PostgreSQL on 127.0.0.1, then the whole suite
# Also: make bench (figures next to the sqlite3 floor), make format.

BUILD_RELEASE := build/release
BUILD_DEBUG   := build/debug
JOBS          ?= $(shell nproc)
EXAMPLE_DB    := $(BUILD_RELEASE)/example/shop.db

.PHONY: run test bench fuzz deps deps-test release debug format clean

deps:
	@bash scripts/install-deps.sh

deps-test:
	@bash scripts/install-deps.sh --with-postgres

release: deps
	@cmake -S . -B $(BUILD_RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTRATA_BUILD_TESTS=OFF >/dev/null
	@ninja -C $(BUILD_RELEASE) -j $(JOBS) strata_cli

run: release
	@rm -rf $(dir $(EXAMPLE_DB)) && mkdir -p $(dir $(EXAMPLE_DB))
	@echo "== strata up (examples/migrations -> sqlite:$(EXAMPLE_DB))"
	@$(BUILD_RELEASE)/strata --dir examples/migrations --url sqlite:$(EXAMPLE_DB) up
	@echo; echo "== strata status"
	@$(BUILD_RELEASE)/strata --dir examples/migrations --url sqlite:$(EXAMPLE_DB) status
	@echo; echo "== strata history"
	@$(BUILD_RELEASE)/strata --dir examples/migrations --url sqlite:$(EXAMPLE_DB) history

debug: deps-test
	@cmake -S . -B $(BUILD_DEBUG) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTRATA_SANITIZE=ON >/dev/null
	@ninja -C $(BUILD_DEBUG) -j $(JOBS)

# The suite runs on the sanitizer build. tests/run.sh starts and always stops
# the PostgreSQL server around ctest.
test: debug
	@bash tests/run.sh $(BUILD_DEBUG)

bench: deps-test
	@bash bench/lint_tools.sh >/dev/null || echo "bench: could not install squawk (node, npm); the lint benchmark runs without it" >&2
	@cmake -S . -B $(BUILD_RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@ninja -C $(BUILD_RELEASE) -j $(JOBS) bench

# Fuzz the migration reader + splitter + parser + lint pass with libFuzzer
# (clang, ASan + UBSan, build/fuzz) for SECONDS seconds; see fuzz/README.md.
SECONDS ?= 60
fuzz:
	@bash scripts/install-deps.sh --with-fuzz
	@bash fuzz/run.sh $(SECONDS)

format:
	@find src include tests bench examples -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build
