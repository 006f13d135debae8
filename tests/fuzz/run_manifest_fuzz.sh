#!/usr/bin/env bash
# Builds the front-end libFuzzer target (tests/fuzz/manifest_fuzz.cc) with clang++-14 outside
# the g++ CMake build, seeds it with the examples and tests/diagnostics, fuzzes for SECONDS.
#
#   run_manifest_fuzz.sh [SECONDS] [--keep-going]
#
# Fails on a crash, hang, sanitizer report, escaped exception or unlocated error, printing each
# reproducer in base64. --keep-going (libFuzzer fork mode) goes on after a finding, to collect
# several in one run. MANIFEST_FUZZ_WORK=DIR keeps the objects, the grown corpus and the
# reproducers in DIR between runs (default: a temporary folder, removed at the end).
# MANIFEST_FUZZ_RENDER=1 also renders and finishes every accepted manifest (all of the pack's
# formats): seconds per accepted input under the sanitizers, so not by default.
set -euo pipefail

seconds="${1:-60}"
keep_going=0
[[ "${2:-}" == "--keep-going" ]] && keep_going=1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/../.." && pwd)"

compiler="$(command -v clang++-14 || true)"
if [[ -z "${compiler}" ]]; then
  echo "SKIPPED: clang++-14 not found"
  exit 0
fi
for library in yaml-cpp fmt nlohmann_json libcrypto; do
  if ! pkg-config --exists "${library}"; then
    echo "SKIPPED: ${library} not found by pkg-config"
    exit 0
  fi
done

if [[ -n "${MANIFEST_FUZZ_WORK:-}" ]]; then
  work="${MANIFEST_FUZZ_WORK}"
else
  work="$(mktemp -d)"
  trap 'rm -rf "${work}"' EXIT
fi
mkdir -p "${work}/obj" "${work}/generated" "${work}/corpus" "${work}/artifacts"

version="$(sed -n 's/^project(infragen VERSION \([0-9.]*\).*/\1/p' "${root}/CMakeLists.txt")"
# shellcheck disable=SC2207  # pkg-config prints space-separated flags
library_flags=($(pkg-config --cflags --libs yaml-cpp fmt nlohmann_json libcrypto))
# -O0: the sanitizer build of ~90 sources is most of this test's time, and -O1 doubles it; the
# fuzzer runs for a fixed time either way (fewer executions, the same coverage feedback).
flags=(-std=c++20 -O0 -gline-tables-only -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -I "${root}/generator"
       "-DINFRAGEN_VERSION=\"${version}\"" "-DINFRAGEN_SOURCE_DIR=\"${root}\"")

# The schemas compiled into the binary, generated as the CMake build does.
embed() {
  cmake -DINPUT="${root}/$1" -DOUTPUT="${work}/generated/$2.cc" -DFUNCTION="$2" \
        -P "${root}/cmake/embed_text.cmake"
}
embed schemas/manifest.v1.schema.json manifest_schema_text
embed schemas/pack.v1.schema.json pack_schema_text
embed schemas/instance_types.v1.json instance_types_text
# The view sections' contracts (CMakeLists.txt embeds the same files under the same names).
for schema in "${root}"/schemas/view/*.v1.schema.json; do
  section="$(basename "${schema}" .v1.schema.json)"
  embed "schemas/view/${section}.v1.schema.json" "view_${section}_schema_text"
done

# Every stage from load to finish; not the CLI, the writer's callers or the review commands.
# Rendering and finishing (MANIFEST_FUZZ_RENDER=1) need the finishers too: a quarter more sources
# to build under the sanitizers, so `make test` leaves them out.
dirs=(diagnostics frontend model output lowering render)
if [[ "${MANIFEST_FUZZ_RENDER:-}" == "1" ]]; then
  dirs+=(formats formats/cloudformation formats/yaml formats/hcl)
  flags+=(-DMANIFEST_FUZZ_RENDER)
fi
# Unity batches, as the CMake build makes them (INFRAGEN_UNITY_BATCH): each folder's sources in
# C-locale order, 8 to a translation unit, so the same files share a unit as there (the build
# keeps those free of clashes). Parsing the heavy headers once per batch instead of once per
# source makes the sanitizer build about three times faster.
sources=()
mkdir -p "${work}/unity"
for dir in "${dirs[@]}"; do
  mapfile -t files < <(printf '%s\n' "${root}/generator/${dir}"/*.cc | grep -v '/fmt_tool\.cc$' |
                       LC_ALL=C sort)
  for ((first = 0; first < ${#files[@]}; first += 8)); do
    unit="${work}/unity/${dir//\//_}_$((first / 8)).cc"
    text=""
    for file in "${files[@]:first:8}"; do text+="#include \"${file}\""$'\n'; done
    # Rewritten only when its list changes: a kept work folder rebuilds only what changed.
    if ! printf '%s' "${text}" | cmp -s - "${unit}"; then printf '%s' "${text}" >"${unit}"; fi
    sources+=("${unit}")
  done
done
# The plain-YAML reader that render's pack loading uses, when its folders are not built whole.
if [[ "${MANIFEST_FUZZ_RENDER:-}" != "1" ]]; then
  sources+=("${root}/generator/formats/yaml/simple_yaml.cc"
            "${root}/generator/formats/yaml/yaml_document.cc"
            "${root}/generator/formats/hcl/unicode_text.cc")
fi
sources+=("${work}"/generated/*.cc "${here}/manifest_fuzz.cc")

# An object is rebuilt when its source or a header it included (clang's -MMD list) is newer,
# so a kept work folder rebuilds only what changed.
object_of() {
  local relative="${1#"${root}/"}"
  relative="${relative#"${work}/"}"
  echo "${work}/obj/${relative//\//_}.o"
}
stale() {
  local object="$1" dependency
  [[ -f "${object}" && -f "${object}.d" ]] || return 0
  for dependency in $(sed -e 's/\\$//' -e 's/^[^:]*://' "${object}.d"); do
    [[ "${dependency}" -nt "${object}" ]] && return 0
  done
  return 1
}

echo "building manifest_fuzz with ${compiler} (${#sources[@]} translation units, 2 at a time)"
running=()
build_failed=0
for source in "${sources[@]}"; do
  object="$(object_of "${source}")"
  stale "${object}" || continue
  "${compiler}" "${flags[@]}" -MMD -MF "${object}.d" -c "${source}" -o "${object}.tmp" &&
    mv "${object}.tmp" "${object}" &
  running+=("$!")
  if [[ ${#running[@]} -ge 2 ]]; then
    wait "${running[0]}" || build_failed=1
    running=("${running[@]:1}")
  fi
done
for pid in "${running[@]}"; do wait "${pid}" || build_failed=1; done
if [[ ${build_failed} -ne 0 ]]; then
  echo "FAIL: manifest_fuzz does not compile with ${compiler}"
  exit 1
fi
objects=()
for source in "${sources[@]}"; do objects+=("$(object_of "${source}")"); done
"${compiler}" "${flags[@]}" "${objects[@]}" "${library_flags[@]}" -o "${work}/manifest_fuzz"

# Seeds: every example (accepted) and every bad manifest of the diagnostics corpus (rejected).
for manifest in "${root}"/examples/*/app.yaml; do
  cp "${manifest}" "${work}/corpus/example-$(basename "$(dirname "${manifest}")").yaml"
done
while IFS= read -r -d '' manifest; do
  relative="${manifest#"${root}/tests/diagnostics/"}"
  cp "${manifest}" "${work}/corpus/diagnostics-${relative//\//_}"
done < <(find "${root}/tests/diagnostics" -name '*.yaml' -print0)

rm -f "${work}"/artifacts/*
options=(-dict="${here}/manifest.dict" -max_total_time="${seconds}" -timeout=10
         -rss_limit_mb=2048 -max_len=16384 -artifact_prefix="${work}/artifacts/"
         -print_final_stats=1)
if [[ ${keep_going} -eq 1 ]]; then
  options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
echo "fuzzing for ${seconds} s"
status=0
INFRAGEN_TEMPLATES_DIR="${root}/templates" \
  "${work}/manifest_fuzz" "${work}/corpus" "${options[@]}" >"${work}/log" 2>&1 || status=$?
found=0
for artifact in "${work}"/artifacts/*; do
  [[ -f "${artifact}" ]] && found=1
done
if [[ ${status} -ne 0 || ${found} -ne 0 ]]; then
  grep -E '^(manifest_fuzz:|==[0-9]+==ERROR|SUMMARY:|.*runtime error:)' "${work}/log" | sort -u || true
  tail -n 60 "${work}/log"
  for artifact in "${work}"/artifacts/*; do
    [[ -f "${artifact}" ]] || continue
    echo "FAIL: reproducer ($(basename "${artifact}")), base64:"
    base64 "${artifact}"
    # Fork mode keeps the children's reports to itself: run each reproducer again for its own.
    echo "--- what it does:"
    INFRAGEN_TEMPLATES_DIR="${root}/templates" "${work}/manifest_fuzz" -timeout=10 "${artifact}" 2>&1 |
      grep -E -m 4 '^(manifest_fuzz:|SUMMARY:)|runtime error:|ERROR: AddressSanitizer' || true
  done
  exit 1
fi
grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::average_exec_per_sec|Done [0-9]+ runs)' \
  "${work}/log" || true
echo "OK: no crash, hang, sanitizer report or unlocated error in ${seconds} s"
