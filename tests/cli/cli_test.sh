#!/usr/bin/env bash
# End-to-end tests of the infragen command line: exit codes, determinism, the writer's safety
# rules and `check`. Usage: cli_test.sh INFRAGEN SOURCE_DIR
set -uo pipefail
infragen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$source_dir"
source "$source_dir/tests/cli/harness.sh"
manifest=examples/voting/app.yaml

# Exit codes.
expect_code "--version" 0 "$infragen" --version
grep -q "^infragen [0-9]" "$work/stdout" || fail "--version prints the version"
expect_code "--help" 0 "$infragen" --help
expect_code "no command is a usage error" 2 "$infragen"
expect_code "unknown option is a usage error" 2 "$infragen" generate "$manifest" --bogus
expect_code "targets" 0 "$infragen" targets
grep -q "^ecs-fargate " "$work/stdout" || fail "targets lists ecs-fargate"
expect_code "schema" 0 "$infragen" schema
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/stdout" || fail "schema prints JSON"
expect_code "schema --pack" 0 "$infragen" schema --pack
for example in examples/*/app.yaml; do
  expect_code "validate $example" 0 "$infragen" validate "$example"
done
# An unknown target is a usage error (exit 2) in every command that takes -t.
expect_code "unknown target" 2 "$infragen" generate "$manifest" -t ecs-fargat -o "$work/unknown"
grep -q "did you mean 'ecs-fargate'" "$work/stderr" || fail "unknown target suggests the closest"
[ ! -e "$work/unknown" ] || fail "nothing written for an unknown target"
expect_code "validate -t unknown target" 2 "$infragen" validate "$manifest" -t no-such-target
expect_code "check -t unknown target" 2 "$infragen" check "$manifest" -t no-such-target -o "$work/unknown"
expect_code "context -t unknown target" 2 "$infragen" context "$manifest" -t no-such-target
# AWS quotas: 102 public services need 102 listener rules, more than one load balancer allows
# (100): they are spread over two. 102 routes of one host must share one: refused at the line with
# the quota's name, nothing written.
{
  printf 'apiVersion: infragen/v1\nname: many\nregion: eu-west-1\nservices:\n'
  for i in $(seq 0 101); do
    printf '  s%s: {image: nginx, port: 80, expose: public, route: {path: /s%s}}\n' "$i" "$i"
  done
} >"$work/many.yaml"
expect_code "more rules than one load balancer allows" 0 "$infragen" generate "$work/many.yaml" -o "$work/many"
grep -q 'resource "aws_lb" "public_2"' "$work/many/ecs-fargate/terraform/load_balancer.tf" \
  || fail "a second load balancer takes the rules past the quota"
sed 's/route: {path: \(\/s[0-9]*\)}/route: {host: api.example.com, path: \1}/' "$work/many.yaml" >"$work/one-host.yaml"
expect_code "one host past an AWS quota" 1 "$infragen" generate "$work/one-host.yaml" -o "$work/one-host"
grep -q "one-host.yaml:5:3: error: 102 public services routed by host 'api.example.com' need 102 listener rules on one load balancer; an Application Load Balancer allows 100 (Elastic Load Balancing quota 'Rules per Application Load Balancer')" "$work/stderr" \
  || fail "the quota error names the quota at the services"
[ ! -e "$work/one-host" ] || fail "nothing written past a quota"
# Images built from source: each one's repository is named in a mapping of its own, not exported
# from the app stack (two outputs per image passed the 200 outputs at 99 images), so 150 fit;
# 201 pass the 200 keys of a mapping level, refused with the quota's name.
built_images() {
  printf 'apiVersion: infragen/v1\nname: images\nregion: eu-west-1\n'
  printf 'pipeline: {provider: codepipeline, repository: o/r, branch: main}\nservices:\n'
  for i in $(seq 1 "$1"); do
    printf '  w%s: {build: {context: ./w%s}, expose: none}\n' "$i" "$i"
  done
}
built_images 150 >"$work/images.yaml"
expect_code "150 built images" 0 "$infragen" generate "$work/images.yaml" -f cloudformation -o "$work/images"
grep -q '"RepositoryNames"' "$work/images/ecs-fargate/cloudformation/pipeline.json" \
  || fail "the pipeline stack names the repositories it pushes to"
built_images 201 >"$work/images.yaml"
expect_code "201 built images" 1 "$infragen" generate "$work/images.yaml" -f cloudformation -o "$work/images201"
grep -q "error: ecs-fargate/cloudformation/app.json would have 201 keys in mapping RepositoryNames.default; CloudFormation allows 200 per mapping level (quota 'Mapping attributes per mapping')" \
  "$work/stderr" || fail "201 built images are refused with the mapping quota"
# validate -t runs the target's lowering and rendering too, and writes nothing.
cat >"$work/one-zone.yaml" <<'YAML'
apiVersion: infragen/v1
name: onezone
region: eu-west-1
network: {zones: 1}
services:
  web: {image: nginx:1.27, port: 80, expose: public}
YAML
expect_code "validate without a target checks the manifest only" 0 "$infragen" validate "$work/one-zone.yaml"
expect_code "validate -t reports what the target cannot carry" 1 \
  "$infragen" validate "$work/one-zone.yaml" -t ecs-fargate
grep -q "one-zone.yaml:4:18: error: the load balancer of the public services needs subnets in two availability zones" \
  "$work/stderr" || fail "validate -t names the one-zone problem at its line"
expect_code "validate -t on a good example" 0 "$infragen" validate "$manifest" -t ecs-fargate
grep -q "^examples/voting/app.yaml: ok (environments: dev, prod)$" "$work/stdout" || fail "validate -t says ok"

# --accept takes advisory features only: a misspelt one is a usage error (it would silence
# nothing), with the closest name; nothing written.
expect_code "--accept a misspelt feature" 2 "$infragen" generate examples/rates/app.yaml \
  -t ecs-fargate --accept jobs.timout -o "$work/accept-typo"
grep -q "error: unknown advisory feature 'jobs.timout' for --accept" "$work/stderr" \
  || fail "a misspelt --accept is refused"
grep -q "did you mean 'jobs.timeout'?" "$work/stderr" || fail "a misspelt --accept suggests the feature"
[ ! -e "$work/accept-typo" ] || fail "nothing written for a misspelt --accept"
# Advisory features a target ignores are warnings, silenced one by one with --accept.
expect_code "ignored job settings warn" 0 "$infragen" generate examples/rates/app.yaml \
  -t ecs-fargate -o "$work/rates"
grep -q "warning: target 'ecs-fargate' cannot carry a run timeout (job 'ingest'); it is ignored" \
  "$work/stderr" || fail "a job timeout on ecs-fargate is a warning"
grep -q "\`--accept jobs.timeout\` silences this" "$work/stderr" || fail "the warning says how to silence it"
# Warnings of targets lowered on several threads come out as from one thread.
INFRAGEN_JOBS=1 "$infragen" generate examples/rates/app.yaml -o "$work/rates-1" >/dev/null 2>"$work/warnings-1"
INFRAGEN_JOBS=4 "$infragen" generate examples/rates/app.yaml -o "$work/rates-4" >/dev/null 2>"$work/warnings-4"
if [ -s "$work/warnings-1" ] && cmp -s "$work/warnings-1" "$work/warnings-4"; then
  pass "warnings do not depend on INFRAGEN_JOBS"; else fail "warnings differ with INFRAGEN_JOBS"; fi
expect_code "--accept silences them" 0 "$infragen" generate examples/rates/app.yaml \
  -t ecs-fargate -o "$work/rates" --accept jobs.timeout --accept jobs.retries \
  --accept jobs.max-vcpus
if grep -q "warning: target" "$work/stderr"; then fail "--accept silences the warnings"; fi
expect_code "context prints JSON" 0 "$infragen" context "$manifest" -t ecs-fargate
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/stdout" || fail "context is JSON"
# The fast reader of rendered YAML reads every example's CloudFormation templates, compose files
# and cloud-init documents as yaml-cpp does.
for example in examples/*/app.yaml; do
  expect_code "simple YAML reader agrees on $example" 0 \
    env INFRAGEN_CHECK_SIMPLE_YAML=1 "$infragen" generate "$example" --all -o "$work/simple-yaml"
done
# One section, with each environment's name; -f leaves out what serves another format.
expect_code "context --section" 0 "$infragen" context "$manifest" -t ecs-ec2 --section instance_capacity
python3 - "$work/stdout" <<'PY' && pass "context --section prints that section only" || fail "context --section prints that section only"
import json, sys
view = json.load(open(sys.argv[1]))
assert sorted(view) == ["capacity", "environments"], sorted(view)
assert all(sorted(e) == ["capacity", "name"] for e in view["environments"]), view["environments"]
PY
expect_code "context -f terraform" 0 "$infragen" context "$manifest" -t ecs-fargate -f terraform
python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); assert "cloudformation" not in v and "network" in v' \
  "$work/stdout" && pass "context -f terraform has no cloudformation section" || fail "context -f terraform has no cloudformation section"
expect_code "context unknown section" 2 "$infragen" context "$manifest" -t ecs-fargate --section netwrk
grep -qx "infragen: error: unknown view section 'netwrk'" "$work/stderr" && grep -q "did you mean 'network'" "$work/stderr" \
  && pass "unknown section suggests the closest" || fail "unknown section suggests the closest"
expect_code "context section not built" 2 "$infragen" context "$manifest" -t ecs-fargate -f terraform --section cloudformation
grep -q "does not build section 'cloudformation' for the formats asked for" "$work/stderr" \
  && pass "a section not built is named" || fail "a section not built is named"
expect_code "context unknown format" 2 "$infragen" context "$manifest" -t ecs-fargate -f helm

# A bad manifest: exit 1, nothing written.
bad=$(ls tests/diagnostics/*.yaml | head -n 1)
expect_code "generate with a bad manifest" 1 "$infragen" generate "$bad" -o "$work/bad"
[ ! -e "$work/bad" ] && pass "bad manifest writes nothing" || fail "bad manifest wrote files"

# Determinism: two runs, another working directory, another time zone and locale, one thread
# and several.
INFRAGEN_JOBS=1 "$infragen" generate "$manifest" -o "$work/a" >/dev/null || fail "generate a"
(cd / && TZ=Asia/Kolkata LC_ALL=C.UTF-8 INFRAGEN_JOBS=5 "$infragen" generate "$source_dir/$manifest" -o "$work/b" >/dev/null) || fail "generate b"
if diff -r "$work/a" "$work/b" >"$work/diff"; then pass "byte-identical across runs, cwd, TZ, LC_ALL, INFRAGEN_JOBS"; else
  fail "output differs between runs"; head -20 "$work/diff"; fi
if grep -rqs "$source_dir\|$work" "$work/a"; then fail "output contains an absolute path"; else
  pass "no absolute paths in output"; fi

# check: current right after generate, stale after an edit, and after a removed file.
expect_code "check right after generate" 0 "$infragen" check "$manifest" -o "$work/a"
some_file=$(cd "$work/a" && find . -type f ! -name '.infragen-files.json' | sort | head -n 1)
echo "# edited by hand" >>"$work/a/$some_file"
expect_code "check after an edit" 1 "$infragen" check "$manifest" -o "$work/a"
grep -q "^-# edited by hand" "$work/stdout" || fail "check prints a unified diff of the edit"
rm "$work/a/$some_file"
expect_code "check after a removed file" 1 "$infragen" check "$manifest" -o "$work/a"
"$infragen" generate "$manifest" -o "$work/a" >/dev/null
expect_code "check after regenerating" 0 "$infragen" check "$manifest" -o "$work/a"

# The writer never touches files it did not write.
mkdir -p "$work/c"
echo "mine" >"$work/c/notes.txt"
"$infragen" generate "$manifest" -o "$work/c" >/dev/null || fail "generate next to a foreign file"
[ "$(cat "$work/c/notes.txt")" = "mine" ] && pass "foreign file kept" || fail "foreign file changed"
"$infragen" generate "$manifest" -o "$work/c" >/dev/null
[ "$(cat "$work/c/notes.txt")" = "mine" ] && pass "foreign file kept on regenerate" || fail "foreign file changed on regenerate"
target_file=$(cd "$work/c" && find . -type f ! -name '.infragen-files.json' ! -name notes.txt | sort | head -n 1)
mkdir -p "$work/d/$(dirname "$target_file")"
echo "hand-written" >"$work/d/$target_file"
expect_code "refuses to overwrite a foreign file" 1 "$infragen" generate "$manifest" -o "$work/d"
[ "$(cat "$work/d/$target_file")" = "hand-written" ] && pass "foreign file not overwritten" || fail "foreign file overwritten"
[ "$(find "$work/d" -type f | wc -l)" -eq 1 ] && pass "nothing written when refusing" || fail "partial output written"

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all CLI tests passed"
