#!/usr/bin/env bash
# "Every target" (no -t) is every pack that can carry the manifest: a pack that cannot is skipped
# with a note, named with -t it reports its errors, and when no pack can carry the manifest none
# is skipped. Usage: skipped_targets_test.sh INFRAGEN SOURCE_DIR
set -uo pipefail
infragen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-skip.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
source "$source_dir/tests/cli/harness.sh"

# no-workers: ecs-fargate renamed, without services without inbound traffic (a pack that can
# never carry a worker, as a Lambda one). tf-only: ecs-fargate renamed, Terraform only.
mkdir packs
cp -r "$source_dir/templates/ecs-fargate" packs/no-workers
sed -i -e 's/^name: ecs-fargate$/name: no-workers/' -e '/^  - services\.none$/d' packs/no-workers/pack.yaml
cp -r "$source_dir/templates/ecs-fargate" packs/tf-only
sed -i -e 's/^name: ecs-fargate$/name: tf-only/' -e '/^  cloudformation:$/,$d' packs/tf-only/pack.yaml
run() { "$infragen" --templates packs "$@"; }

cat >web.yaml <<'YAML'
apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public}
YAML
{ cat web.yaml; echo "  worker: {image: myorg/worker:1, expose: none}"; } >worker.yaml
# Nothing any pack carries: a job on GPUs (started by new objects, which ec2-compose lacks too)
# and a CodePipeline pipeline (which batch, the pack with GPU jobs, lacks).
{ cat web.yaml; printf 'buckets:\n  inbox: {}\njobs:\n  train: {image: myorg/train:1, compute: {gpu: 1}, trigger: {bucket: inbox}}\n'
  printf 'pipeline: {provider: codepipeline, repository: myorg/shop, branch: main}\n'; } >gpu.yaml

expected_note="worker.yaml:6:11: note: target 'no-workers' is skipped: it cannot carry a service without inbound traffic (service 'worker')
  worker: {image: myorg/worker:1, expose: none}
          ^
  hint: \`services.none\` is not in the target's supported features; name it with -t to see every reason"

# A manifest every pack carries: all of them, into a folder the run owns whole.
expect_code "every pack carries it" 0 run generate web.yaml -o infra
[ -d infra/no-workers/terraform ] && pass "no-workers generated" || fail "no-workers generated"

# A worker: no-workers is skipped with one note, exit 0, the others generated, and its folder of
# the previous run removed (a run with every target owns the whole output folder).
expect_code "generate without -t skips what cannot carry it" 0 run generate worker.yaml -o infra
[ "$(cat "$work/stderr")" = "$expected_note" ] && pass "the note, exactly" || {
  fail "the note, exactly"; diff <(echo "$expected_note") "$work/stderr" | sed 's/^/    /'; }
for part in ecs-ec2/terraform ecs-ec2/cloudformation ecs-fargate/terraform \
  ecs-fargate/cloudformation tf-only/terraform; do
  grep -q " $part/ " "$work/stdout" && [ -f "infra/$part/README.md" ] && pass "$part generated" \
    || fail "$part generated"
done
grep -q "no-workers" "$work/stdout" && fail "no-workers is not listed" || pass "no-workers is not listed"
[ ! -e infra/no-workers ] && pass "the skipped pack's old folder is removed" \
  || fail "the skipped pack's old folder is removed"
expect_code "--all is the same" 0 run generate worker.yaml --all -o infra
[ "$(cat "$work/stderr")" = "$expected_note" ] && pass "--all: the same note" || fail "--all: the same note"
expect_code "check: the note does not change the exit code" 0 run check worker.yaml -o infra
[ "$(cat "$work/stderr")" = "$expected_note" ] && pass "check: the same note" || fail "check: the same note"
expect_code "plan skips it too" 0 run plan worker.yaml
grep -q "^ecs-fargate/terraform " "$work/stdout" && ! grep -q "^no-workers/" "$work/stdout" \
  && pass "plan has the others' parts, not no-workers'" || fail "plan has the others' parts, not no-workers'"

# Named with -t, the pack reports its errors as before, and nothing is written.
expect_code "-t no-workers is an error" 1 run generate worker.yaml -t no-workers -o named
[ "$(cat "$work/stderr")" = "worker.yaml:6:11: error: target 'no-workers' cannot carry a service without inbound traffic (service 'worker')
  worker: {image: myorg/worker:1, expose: none}
          ^
  hint: \`services.none\` is not in the target's supported features
1 error generated." ] && pass "-t: the error, exactly" || { fail "-t: the error, exactly"; cat "$work/stderr"; }
[ ! -e named ] && pass "-t: nothing written" || fail "-t: nothing written"

# -f without -t: a pack without the format is not generated (nor skipped with a note); a format
# no selected pack offers is a usage error.
expect_code "-f cloudformation" 0 run generate worker.yaml -f cloudformation -o cfn
[ "$(cat "$work/stderr")" = "$expected_note" ] && pass "-f: only the note of no-workers" \
  || fail "-f: only the note of no-workers"
[ ! -e cfn/tf-only ] && [ -f cfn/ecs-fargate/cloudformation/app.json ] \
  && pass "-f: the packs without the format are not generated" \
  || fail "-f: the packs without the format are not generated"
expect_code "-f helm is a usage error" 2 run generate worker.yaml -t ecs-fargate -f helm -o helm
grep -qx "infragen: error: no selected target offers format 'helm'" "$work/stderr" \
  && pass "-f helm: no selected target offers it" || fail "-f helm: no selected target offers it"

# No pack carries it: none is skipped, every pack's errors as with -t, nothing written.
error_of() {  # TARGET: the error of the GPU job on TARGET
  printf '%s\n' "gpu.yaml:9:48: error: target '$1' cannot carry GPUs (job 'train')" \
    '  train: {image: myorg/train:1, compute: {gpu: 1}, trigger: {bucket: inbox}}' \
    '                                               ^' \
    "  hint: \`jobs.gpu\` is not in the target's supported features"
}
expect_code "no pack carries it: errors" 1 run generate gpu.yaml -o none
expected_errors="$(error_of ec2-compose; error_of ecs-ec2; error_of ecs-fargate; error_of eks
  error_of no-workers; error_of tf-only)
gpu.yaml:9:61: error: target 'ec2-compose' cannot carry a job started by new objects (job 'train')
  train: {image: myorg/train:1, compute: {gpu: 1}, trigger: {bucket: inbox}}
                                                            ^
  hint: \`jobs.trigger\` is not in the target's supported features
gpu.yaml:9:61: error: target 'eks' cannot carry a job started by new objects (job 'train')
  train: {image: myorg/train:1, compute: {gpu: 1}, trigger: {bucket: inbox}}
                                                            ^
  hint: \`jobs.trigger\` is not in the target's supported features
gpu.yaml:10:22: error: target 'batch' cannot carry a codepipeline pipeline
pipeline: {provider: codepipeline, repository: myorg/shop, branch: main}
                     ^~~~~~~~~~~~
  hint: \`pipeline.codepipeline\` is not in the target's supported features
gpu.yaml:10:22: error: target 'eks' cannot carry a codepipeline pipeline
pipeline: {provider: codepipeline, repository: myorg/shop, branch: main}
                     ^~~~~~~~~~~~
  hint: \`pipeline.codepipeline\` is not in the target's supported features
10 errors generated."
[ "$(cat "$work/stderr")" = "$expected_errors" ] && pass "every pack's error, exactly" || {
  fail "every pack's error, exactly"; diff <(echo "$expected_errors") "$work/stderr" | sed 's/^/    /'; }
grep -q "note:" "$work/stderr" && fail "no pack is skipped" || pass "no pack is skipped"
[ ! -e none ] && pass "nothing written when no pack carries it" || fail "nothing written"

# A pack that carries every feature but cannot lower the manifest (a root volume below what its
# instances need) is skipped too, with a note at its first error, while another pack carries it.
printf 'apiVersion: infragen/v1\nname: app\nregion: eu-west-1\nservices:\n  web: {image: nginx:1.27, port: 80, expose: public}\ninstances: {disk: 10}\n' >disk.yaml
expect_code "a pack whose lowering fails is skipped" 0 run generate disk.yaml --accept instances -o disk
expected_notes="disk.yaml:6:19: note: target 'ec2-compose' is skipped: it needs a root volume of at least 20 GiB for Amazon Linux, Docker and the images
instances: {disk: 10}
                  ^~
  hint: name it with -t to see every reason
disk.yaml:6:19: note: target 'ecs-ec2' is skipped: it needs a root volume of at least 30 GiB: the ECS-optimized AMI's snapshot is 30 GiB
instances: {disk: 10}
                  ^~
  hint: name it with -t to see every reason
disk.yaml:6:19: note: target 'eks' is skipped: it needs a root volume of at least 30 GiB: the ECS-optimized AMI's snapshot is 30 GiB
instances: {disk: 10}
                  ^~
  hint: name it with -t to see every reason"
[ "$(cat "$work/stderr")" = "$expected_notes" ] && pass "the notes of failed lowerings, exactly" || {
  fail "the notes of failed lowerings, exactly"; diff <(echo "$expected_notes") "$work/stderr" | sed 's/^/    /'; }
[ -f disk/ecs-fargate/terraform/README.md ] && [ ! -e disk/ecs-ec2 ] && pass "only the carrying packs" \
  || fail "only the carrying packs"
expect_code "named, the pack reports its error" 1 run generate disk.yaml -t ecs-ec2 -o disk-named

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all skipped-target tests passed"
