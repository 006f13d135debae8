# The two commands of the README: `make demo` and `make test`. Both install what is missing first.
BUILD ?= build
BUILD_TYPE ?= Release
DEMO_OUT ?= infra
INFRAGEN := $(BUILD)/infragen

.PHONY: all deps build compiler demo test unit golden fuzz bench format clean conformance conformance-deep

all: build

# Debian packages the build needs; installed with apt-get when one is missing.
deps:
	@bash tools/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DINFRAGEN_WERROR=ON

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD)

# The compiler alone, without the tests (what `make demo` needs).
compiler: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --target infragen

demo: compiler
	rm -rf $(DEMO_OUT)
	$(INFRAGEN) generate examples/voting/app.yaml --all -o $(DEMO_OUT)

# Six tests at a time on two cores: an apply on the emulator spends most of its 2-3 minutes
# in the provider's fixed waits (a load balancer 60 s, a database 80 s, and as long again to
# delete it) at a fifth of a core. The tests that compute (manifest fuzzer, generative tier)
# take two slots each, one at a time, and start first with the applies beside them
# (PROCESSORS, RESOURCE_LOCK and COST in CMakeLists.txt).
TEST_JOBS ?= 6
test: build
	bash tools/install-test-tools.sh
	ctest --test-dir $(BUILD) --output-on-failure -j$(TEST_JOBS)

# Regenerates tests/golden/ from the examples (review the diff, then commit).
golden: build
	bash tests/golden/update.sh $(INFRAGEN)

# The generative tier over more seeds than ctest's 32, with cfn-lint and terraform on every
# target of every seed (ctest's take one target per seed in turn):
# `make conformance-deep N=500 SEED=1000`.
N ?= 500
SEED ?= 1
conformance-deep: build
	bash tests/generative/run.sh $(INFRAGEN) . $(N) $(SEED) --all-targets

# The slower tiers that `make test` keeps short (about an hour and a half on two cores): both
# fuzzers for FUZZ_SECONDS each instead of 60, then the deep generative tier.
FUZZ_SECONDS ?= 900
conformance: build
	bash tests/fuzz/run_hcl_fuzz.sh $(FUZZ_SECONDS)
	bash tests/fuzz/run_manifest_fuzz.sh $(FUZZ_SECONDS)
	$(MAKE) conformance-deep

bench: build
	bash bench/run.sh $(INFRAGEN)

format:
	clang-format -i $$(git ls-files 'generator/*.cc' 'generator/*.h' 'tests/*.cc' 'bench/*.cc')

clean:
	rm -rf $(BUILD)
