#!/usr/bin/env bash
# Builds the HCL libFuzzer target with clang++-14 (outside the g++ CMake build) in a
# temporary directory, seeds it with tests/hcl/*.tf and fuzzes for SECONDS (default 60).
# Fails when libFuzzer finds a crash, a hang or a round-trip difference.
set -euo pipefail

seconds="${1:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/../.." && pwd)"

compiler="$(command -v clang++-14 || true)"
if [[ -z "${compiler}" ]]; then
  echo "SKIPPED: clang++-14 not found"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
mkdir -p "${work}/obj" "${work}/corpus" "${work}/artifacts"

flags=(-std=c++20 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -I "${root}/generator")
# The fuzzer exercises parse + format; the file-handling tool (fmt_tool.cc) is not needed.
sources=()
for source in "${root}"/generator/formats/hcl/*.cc; do
  [[ "$(basename "${source}")" == "fmt_tool.cc" ]] && continue
  sources+=("${source}")
done
sources+=("${here}/hcl_fuzz.cc")

echo "building hcl_fuzz with ${compiler} (${#sources[@]} sources, 2 at a time)"
compile() {
  "${compiler}" "${flags[@]}" -c "$1" -o "${work}/obj/$(basename "$1" .cc).o"
}
running=()
build_failed=0
for source in "${sources[@]}"; do
  compile "${source}" &
  running+=("$!")
  if [[ ${#running[@]} -ge 2 ]]; then
    wait "${running[0]}" || build_failed=1
    running=("${running[@]:1}")
  fi
done
for pid in "${running[@]}"; do wait "${pid}" || build_failed=1; done
if [[ ${build_failed} -ne 0 ]]; then
  echo "FAIL: hcl_fuzz does not compile with ${compiler}"
  exit 1
fi
"${compiler}" "${flags[@]}" "${work}"/obj/*.o -lfmt -o "${work}/hcl_fuzz"

cp "${root}"/tests/hcl/*.tf "${work}/corpus/"
echo "fuzzing for ${seconds} s"
if ! "${work}/hcl_fuzz" "${work}/corpus" -dict="${here}/hcl.dict" \
    -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="${work}/artifacts/" -print_final_stats=1 >"${work}/log" 2>&1; then
  tail -n 60 "${work}/log"
  for artifact in "${work}"/artifacts/*; do
    [[ -f "${artifact}" ]] || continue
    echo "FAIL: reproducer ($(basename "${artifact}")), base64:"
    base64 "${artifact}"
  done
  exit 1
fi
grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|Done [0-9]+ runs)' "${work}/log" || true
echo "OK: no crash, hang or round-trip difference in ${seconds} s"
