# Shared helpers of the CLI test scripts (sourced after $work is set): results and exit codes.
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
expect_code() {  # NAME EXPECTED_CODE COMMAND...: the command's stdout/stderr go to $work
  local name=$1 want=$2; shift 2
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass "$name (exit $got)"; else
    fail "$name: exit $got, expected $want"; sed 's/^/    /' "$work/stderr" | head -20; fi
}
