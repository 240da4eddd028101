# Thin wrapper over CMake: `make demo` and `make test` set everything up.
BUILD_DIR ?= build
SANITIZE ?= OFF
WERROR ?= OFF
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
CLAUSIER = $(BUILD_DIR)/host/clausier
SAMPLE = samples/departement-2027/programme.csv
FOLLOWUP = samples/departement-2027/suivi

FUZZ_SECONDS ?= 20

.PHONY: all deps test-deps configure build demo test test-sanitize fuzz accept format format-check tidy clean bench bench-quick bench-workspace bench-serve bench-followup

all: build

# What building and running need; `make test` adds the test tools (browser,
# LibreOffice, poppler, python test libraries, PostgreSQL).
deps:
	@.ci/install-deps

test-deps:
	@.ci/install-deps --test

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCLAUSIER_SANITIZE=$(SANITIZE) -DCLAUSIER_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The main job on the shipped sample: the evaluation, the documents, the
# facilitator's review, and the programme kept in a workspace (out/clausier.db)
# with a first decision.
DEMO_DB = sqlite:out/clausier.db
demo: build
	@echo
	$(CLAUSIER) evaluate $(SAMPLE)
	@echo
	$(CLAUSIER) render $(SAMPLE) -o out/documents
	@echo
	$(CLAUSIER) review $(SAMPLE) -o out/revue.html
	@echo
	@rm -f out/clausier.db out/clausier.db-wal out/clausier.db-shm
	$(CLAUSIER) workspace import $(SAMPLE) --name departement-2027 --db $(DEMO_DB)
	CLAUSIER_AUTHOR=demo $(CLAUSIER) workspace decide departement-2027 C2027-01-L3 --clause insertion --hours 900 \
	  --comment "Volume arrondi à 900 heures avec l'acheteur" --db $(DEMO_DB)
	$(CLAUSIER) render --workspace departement-2027 --only C2027-01-L3 -o out/documents-decides --db $(DEMO_DB)
	@echo
	@echo "Suivi de l'exécution (docs/followup.md), au 15/09/2027 : deux lots attribués, quatre états mensuels"
	$(CLAUSIER) followup award departement-2027 C2027-01-L2 --siret 99900001000010 \
	  --company "Bâtiments du Bocage (exemple)" --start 2027-04-01 --end 2028-05-31 --db $(DEMO_DB)
	$(CLAUSIER) followup award departement-2027 C2027-01-L3 --siret 99900002000019 --kind ei \
	  --company "Façades de l'Orne (exemple)" --start 2027-05-01 --end 2027-12-31 --committed 950 --db $(DEMO_DB)
	@echo "Un état avec une erreur de chaque sorte : refusé en entier, chaque erreur à sa ligne (attendu)"
	-$(CLAUSIER) followup statement import $(FOLLOWUP)/releve-erreurs.csv --company 99900001000010 \
	  --as-of 2027-09-15 --db $(DEMO_DB)
	for m in 04 05 06 07; do \
	  $(CLAUSIER) followup statement import $(FOLLOWUP)/releve-2027-$$m.csv --as-of 2027-09-15 --db $(DEMO_DB) || exit 1; \
	done
	$(CLAUSIER) followup status departement-2027 --as-of 2027-09-15 --db $(DEMO_DB)
	$(CLAUSIER) followup report departement-2027 --as-of 2027-09-15 -o out/etat-realisation.html --db $(DEMO_DB)
	$(CLAUSIER) followup report departement-2027 --as-of 2027-09-15 --format docx -o out/etat-realisation.docx \
	  --db $(DEMO_DB)
	$(CLAUSIER) followup consolidation --year 2027 --format xlsx -o out/consolidation-2027.xlsx --db $(DEMO_DB)
	$(CLAUSIER) followup consolidation --year 2027 --format html -o out/consolidation-2027.html --db $(DEMO_DB)
	@echo
	@echo "Espace de travail : out/clausier.db. Pour l'ouvrir dans le navigateur :"
	@echo "  $(CLAUSIER) serve --db $(DEMO_DB)    puis http://127.0.0.1:8080/"
	@echo "ou en ligne de commande : $(CLAUSIER) workspace show departement-2027 --db $(DEMO_DB)"
	@echo "Suivi de l'exécution : http://127.0.0.1:8080/suivi/departement-2027, out/etat-realisation.html,"
	@echo "  out/consolidation-2027.xlsx et out/consolidation-2027.html (imprimable)"

# LSAN_OPTIONS: third-party leaks the sanitizer build must not count (tests/lsan.supp).
test: build test-deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-sanitize:
	$(MAKE) test BUILD_DIR=build-sanitize SANITIZE=ON

# Builds the libFuzzer targets with clang in build-fuzz/ and runs each on its
# seed corpus for FUZZ_SECONDS (tests/fuzz/README.md).
fuzz:
	@.ci/install-deps clang libclang-rt-14-dev
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_CMAKE_FLAGS="-DCLAUSIER_WERROR=$(WERROR) $(CMAKE_FLAGS)" tests/fuzz/run.sh

# Benchmarks against the usual tools (bench/README.md): long, never part of `make test`.
bench: build
	bench/run.sh

bench-followup: build
	bench/followup.sh

bench-workspace: build
	bench/workspace.sh

bench-serve: build
	bench/serve.sh

bench-quick: build
	BENCH_SIZES=10000 BENCH_XLSX_ROWS=10000 bench/run.sh

# Rewrites the golden files from the current outputs; review with `git diff`.
accept: build test-deps
	CLAUSIER_ACCEPT=1 ctest --test-dir $(BUILD_DIR) -R golden --output-on-failure

CXX_SOURCES = $(shell git ls-files 'host/*.cpp' 'host/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 2>/dev/null)

format:
	clang-format -i $(CXX_SOURCES)

format-check:
	@command -v clang-format >/dev/null || .ci/install-deps clang-format
	@clang-format --dry-run --Werror $(CXX_SOURCES) && echo "clang-format : sources conformes"

# clang-tidy on host/ and tests/unit/, the checks of .clang-tidy as errors (.ci/clang-tidy).
tidy: build
	@JOBS=$(JOBS) .ci/clang-tidy $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) build-sanitize build-fuzz out
