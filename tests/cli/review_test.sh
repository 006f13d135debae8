#!/usr/bin/env bash
# End-to-end tests of `infragen plan` and `infragen diff`: every change kind on the generated
# Terraform, danger marks with their reasons, exit codes 0/1/2, JSON and markdown output, the
# `--against` folder form and the `--base` git-revision form in a temporary repository.
# Usage: review_test.sh INFRAGEN SOURCE_DIR
set -uo pipefail
infragen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-review.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$source_dir"
source "$source_dir/tests/cli/harness.sh"
# The expected lists are those of ecs-fargate; every plan and diff here reviews that target only
# (another target adds its own changes). The option goes last: `-t` takes several values.
fargate="$work/infragen-fargate"
printf '#!/usr/bin/env bash\nexec %q "$@" -t ecs-fargate\n' "$infragen" >"$fargate"
chmod +x "$fargate"
expect_out() {  # NAME FIXED-STRING: the last command's stdout contains it
  if grep -qF -- "$2" "$work/stdout"; then pass "$1"; else
    fail "$1: no '$2' in the output"; sed 's/^/    /' "$work/stdout" | head -30; fi
}
expect_no_out() {  # NAME FIXED-STRING: the last command's stdout does not contain it
  if grep -qF -- "$2" "$work/stdout"; then fail "$1: '$2' in the output"; else pass "$1"; fi
}
# edit SOURCE DEST PYTHON-EXPRESSION-ON-s: writes a modified copy of a manifest.
edit() {
  python3 - "$1" "$2" "$3" <<'PY' || fail "edit $2"
import sys
s = open(sys.argv[1]).read()
new = eval(sys.argv[3], {"s": s})
assert new != s, "the edit changed nothing"
open(sys.argv[2], "w").write(new)
PY
}
# every_part NAME OLD NEW TYPES DANGER REASON: in every part (target/format folder) that has
# resources (Terraform today; CloudFormation and any later format automatically), the diff of
# OLD -> NEW has a change of a resource whose type is one of TYPES (comma-separated), marked
# DANGER (replace/destroy), with REASON in one of its reasons.
every_part() {
  local name=$1 old=$2 new=$3
  "$fargate" plan "$new" --format json >"$work/plan.json" 2>/dev/null
  "$fargate" plan "$old" --format json >"$work/plan_old.json" 2>/dev/null
  "$fargate" diff "$old" "$new" --format json >"$work/diff.json" 2>/dev/null
  if python3 - "$work/plan_old.json" "$work/diff.json" "$4" "$5" "$6" <<'PY'; then pass "$name, every format"; else fail "$name, every format"; fi
import json, sys
plan, diff = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
types, danger, reason = set(sys.argv[3].split(",")), sys.argv[4], sys.argv[5]
folders = [p["folder"] for p in plan["parts"] if any(e["count"] for e in p["environments"].values())]
assert folders, "no part with resources"
by_folder = {p["folder"]: p for p in diff["parts"]}
for folder in folders:
    hits = [c for e in by_folder.get(folder, {"environments": []})["environments"] for c in e["changes"]
            if c["type"] in types and c["danger"] == danger and any(reason in r for r in c["reasons"])]
    if not hits:
        print(f"    {folder}: no {danger} of {sorted(types)} with reason '{reason}'")
        sys.exit(1)
    print(f"    {folder}: {hits[0]['address']} {danger}")
PY
}
voting=$work/voting.yaml
cp examples/voting/app.yaml "$voting"

# plan: counts by kind per environment, what exists only in prod.
expect_code "plan" 0 "$fargate" plan "$voting"
expect_out "plan lists kinds with counts per environment" "aws_db_instance                          1      2"
expect_out "plan shows what exists only in prod" "only in prod:"
expect_out "plan: the read replica exists only in prod" "    aws_db_instance.db_replica[0]"
expect_code "plan --format json" 0 "$fargate" plan "$voting" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["parts"][0]["environments"]["prod"]["count"] > 0' \
  "$work/stdout" && pass "plan json parses" || fail "plan json parses"
expect_code "plan --format markdown --env prod" 0 "$fargate" plan "$voting" --format markdown --env prod
expect_out "plan markdown table" "| resource | prod |"
expect_code "plan with an unknown environment" 2 "$fargate" plan "$voting" --env qa

# No change: exit 0.
expect_code "diff of a manifest with itself" 0 "$fargate" diff "$voting" "$voting"
expect_out "diff says there is no change" "no changes"

# One service's port: exactly the resources that use it change, in every environment.
edit "$voting" "$work/port.yaml" 's.replace("    port: 80\n    expose: public\n    route: {path: /}", "    port: 8080\n    expose: public\n    route: {path: /}")'
expect_code "diff port change" 1 "$fargate" diff "$voting" "$work/port.yaml"
# Exact lists and summaries on the Terraform part alone (--only-format), so that another format
# in the same target adds its own changes without breaking these expectations.
"$fargate" diff "$voting" "$work/port.yaml" --only-format terraform --format json >"$work/port.json" 2>/dev/null
python3 - "$work/port.json" <<'PY' && pass "port change: exactly the resources that use the port" || fail "port change resources"
import json, sys
d = json.load(open(sys.argv[1]))
changed = {}
for part in d["parts"]:
    for env in part["environments"]:
        changed[env["name"]] = sorted(c["address"] for c in env["changes"])
want = sorted([
    "aws_ecs_service.vote", "aws_ecs_task_definition.service_vote", "aws_lb_target_group.vote",
    # The load balancer reaches its services' group per port: 8080 is new, 80 stays (result).
    "aws_vpc_security_group_egress_rule.load_balancer_to_load_balanced_services_8080",
    "aws_vpc_security_group_ingress_rule.service_vote_from_load_balancer"])
assert changed == {"dev": want, "prod": want}, changed
assert d["summary"]["text"] == "+1 ~4 -0, 3 replacements", d["summary"]
PY
every_part "port change replaces the target group" "$voting" "$work/port.yaml" \
  aws_lb_target_group,AWS::ElasticLoadBalancingV2::TargetGroup replace "Port"
expect_code "diff port change, text" 1 "$fargate" diff "$voting" "$work/port.yaml" --env dev
expect_out "target group port forces replacement" "because \`port\` forces replacement (AWS::ElasticLoadBalancingV2::TargetGroup Port: update requires replacement)"
expect_out "service container port is an in-place update" "load_balancer.container_port: 80 -> 8080"
expect_out "diffstat by default" "ecs-fargate/terraform/service_vote.tf +3 -3"
expect_code "diff --files" 1 "$fargate" diff "$voting" "$work/port.yaml" --files
expect_out "--files prints unified diffs" "+++ b/ecs-fargate/terraform/service_vote.tf"

# Renaming the database: REPLACE, the reason names the identifier attribute.
edit "$voting" "$work/dbrename.yaml" 's.replace("databases.db.", "databases.votes.").replace("\n  db:\n", "\n  votes:\n").replace("      db: {", "      votes: {").replace("depends_on: [db]", "depends_on: [votes]").replace("depends_on: [redis, db]", "depends_on: [redis, votes]")'
expect_code "diff database rename" 1 "$fargate" diff "$voting" "$work/dbrename.yaml" --env dev
expect_out "renamed database is a replacement" "REPLACE aws_db_instance.votes (was aws_db_instance.db)"
expect_out "the reason names the identifier" "because \`identifier\` forces replacement (AWS::RDS::DBInstance DBInstanceIdentifier: update requires replacement)"
expect_out "the reason says it holds data" "because aws_db_instance holds data"
every_part "database rename" "$voting" "$work/dbrename.yaml" \
  aws_db_instance,AWS::RDS::DBInstance replace "DBInstanceIdentifier"

# Changing the database engine: the engine may force replacement (UpdateType Conditional).
edit "$voting" "$work/engine.yaml" 's.replace("engine: postgres", "engine: mysql").replace("version: \"15\"", "version: \"8.0\"")'
expect_code "diff database engine" 1 "$fargate" diff "$voting" "$work/engine.yaml" --env prod
expect_out "engine change is a replacement" "REPLACE aws_db_instance.db"
expect_out "engine reason" "because \`engine\` may force replacement (AWS::RDS::DBInstance Engine"
every_part "database engine" "$voting" "$work/engine.yaml" aws_db_instance,AWS::RDS::DBInstance replace "Engine"

# The network CIDR: every subnet (and the VPC) is replaced.
edit "$voting" "$work/cidr.yaml" 's.replace("cidr: 10.20.0.0/16", "cidr: 10.30.0.0/16")'
expect_code "diff network cidr" 1 "$fargate" diff "$voting" "$work/cidr.yaml" --env dev
for subnet in "public[0]" "public[1]" "private[0]" "private[1]"; do
  expect_out "subnet $subnet replaced" "REPLACE aws_subnet.$subnet"
done
expect_out "subnet reason" "because \`cidr_block\` forces replacement (AWS::EC2::Subnet CidrBlock"
expect_out "vpc replaced" "REPLACE aws_vpc.main"
every_part "network cidr" "$voting" "$work/cidr.yaml" aws_subnet,AWS::EC2::Subnet replace "CidrBlock"

# Renaming the app renames the load balancer: REPLACE.
edit "$voting" "$work/appname.yaml" 's.replace("name: voting", "name: polls")'
expect_code "diff app rename" 1 "$fargate" diff "$voting" "$work/appname.yaml" --env dev
expect_out "load balancer replaced" "REPLACE aws_lb.public"
expect_out "load balancer reason" "because \`name\` forces replacement (AWS::ElasticLoadBalancingV2::LoadBalancer Name"
every_part "app rename" "$voting" "$work/appname.yaml" \
  aws_lb,AWS::ElasticLoadBalancingV2::LoadBalancer replace "LoadBalancer Name"

# An in-place change only: no danger mark.
edit "$voting" "$work/replicas.yaml" 's.replace("vote: {replicas: 3}", "vote: {replicas: 4}")'
expect_code "diff replica count" 1 "$fargate" diff "$voting" "$work/replicas.yaml" --only-format terraform
expect_out "in-place summary" "infragen diff: +0 ~1 -0, 0 replacements"
expect_code "diff replica count, every format" 1 "$fargate" diff "$voting" "$work/replicas.yaml"
expect_no_out "no danger for an in-place change" "REPLACE"

# Adding a service: only additions.
edit "$voting" "$work/added.yaml" 's.replace("\n# The vote queue.", "  admin:\n    image: nginx:1.27\n    port: 8080\n    expose: private\n\n# The vote queue.")'
expect_code "diff added service" 1 "$fargate" diff "$voting" "$work/added.yaml" --env dev
expect_out "added service" "+       aws_ecs_service.admin"
expect_no_out "adding is not dangerous" "DESTROY"

# Deleting a bucket: DESTROY with the reason.
uploads=$work/uploads.yaml
cp examples/uploads/app.yaml "$uploads"
edit "$uploads" "$work/nobucket.yaml" '"\n".join(l for l in s.replace("buckets:\n  uploads: {expire_days: 14}\n", "").split("\n") if "buckets.uploads" not in l)'
expect_code "diff deleted bucket" 1 "$fargate" diff "$uploads" "$work/nobucket.yaml" --env prod \
  --only-format terraform
expect_out "deleted bucket is destroyed" "DESTROY aws_s3_bucket.uploads"
expect_out "destroy reason" "because aws_s3_bucket holds data: removing it deletes the data"
expect_out "summary counts the destroy" ", 1 destroy"
every_part "deleted bucket" "$uploads" "$work/nobucket.yaml" aws_s3_bucket,AWS::S3::Bucket destroy "holds data"
expect_code "diff deleted bucket, markdown" 1 "$fargate" diff "$uploads" "$work/nobucket.yaml" --format markdown \
  --only-format terraform
expect_out "markdown summary line" "**+0 ~2 -6, 2 replacements, 1 destroy**"
expect_out "markdown danger row" "| **DESTROY** | \`aws_s3_bucket.uploads\` |"
expect_out "markdown files in details" "<details><summary>Files:"
python3 - "$work/stdout" <<'PY' && pass "markdown: danger rows before updates" || fail "markdown order"
import sys
text = open(sys.argv[1]).read()
assert text.index("**DESTROY**") < text.index("**REPLACE**") < text.index("- remove"), text[:2000]
PY

# Errors: exit 2 with the usual diagnostics.
printf 'apiVersion: infragen/v1\nname: x\nbogus: 1\n' >"$work/bad.yaml"
expect_code "diff with a bad manifest" 2 "$fargate" diff "$voting" "$work/bad.yaml"
grep -q "bad.yaml:[0-9]*:[0-9]*: error:" "$work/stderr" && pass "bad manifest diagnostics" || fail "bad manifest diagnostics"
expect_code "diff with a missing manifest" 2 "$fargate" diff "$voting" "$work/missing.yaml"
expect_code "diff with two forms at once" 2 "$fargate" diff "$voting" "$work/port.yaml" --base HEAD
expect_code "diff with an unknown environment" 2 "$fargate" diff "$voting" "$work/port.yaml" --env qa
expect_code "diff with a format no target has" 2 "$fargate" diff "$voting" "$work/port.yaml" --only-format nope
expect_code "diff --format bogus" 2 "$fargate" diff "$voting" "$work/port.yaml" --format yaml

# --against: the manifest against a generated folder.
"$infragen" generate "$voting" -o "$work/infra" >/dev/null 2>&1 || fail "generate for --against"
expect_code "diff --against an up-to-date folder" 0 "$fargate" diff "$voting" --against "$work/infra"
expect_code "diff --against a stale folder" 1 "$fargate" diff "$work/port.yaml" --against "$work/infra" --env prod
expect_out "--against finds the change" "REPLACE aws_lb_target_group.vote"
expect_code "diff --against a missing folder" 2 "$fargate" diff "$voting" --against "$work/nope"

# --base: the manifest against itself at a git revision, in a temporary repository.
repo=$work/repo
mkdir -p "$repo/deploy"
cp "$voting" "$repo/deploy/app.yaml"
git -C "$repo" init -q
git -C "$repo" config user.name "infragen test"
git -C "$repo" config user.email "test@example.com"
git -C "$repo" add deploy/app.yaml
git -C "$repo" commit -q -m base
git -C "$repo" branch -q base-branch
expect_code "diff --base with no change" 0 "$fargate" diff "$repo/deploy/app.yaml" --base HEAD
cp "$work/dbrename.yaml" "$repo/deploy/app.yaml"
expect_code "diff --base with a working-tree change" 1 "$fargate" diff "$repo/deploy/app.yaml" --base base-branch --env dev
expect_out "--base flags the renamed database" "REPLACE aws_db_instance.votes (was aws_db_instance.db)"
(cd "$repo/deploy" && "$fargate" diff app.yaml --base HEAD --format json >"$work/stdout" 2>"$work/stderr")
[ $? -eq 1 ] && pass "--base from the manifest's folder with a relative path (exit 1)" || fail "--base relative path"
git -C "$repo" commit -q -am renamed
expect_code "diff --base HEAD~1 after the commit" 1 "$fargate" diff "$repo/deploy/app.yaml" --base HEAD~1
expect_code "diff --base with an unknown revision" 2 "$fargate" diff "$repo/deploy/app.yaml" --base no-such-rev
grep -q "infragen diff: git show no-such-rev:deploy/app.yaml" "$work/stderr" && pass "unknown revision message" || fail "unknown revision message"
cp "$work/bad.yaml" "$repo/deploy/app.yaml"
git -C "$repo" commit -q -am broken
git -C "$repo" tag broken
cp "$voting" "$repo/deploy/app.yaml"
expect_code "diff --base with a broken manifest at the revision" 2 "$fargate" diff "$repo/deploy/app.yaml" --base broken
grep -q "infragen diff: .*app.yaml at broken does not compile" "$work/stderr" && pass "broken base message" || fail "broken base message"
mkdir -p "$work/norepo" && cp "$voting" "$work/norepo/app.yaml"
expect_code "diff --base outside a repository" 2 "$fargate" diff "$work/norepo/app.yaml" --base HEAD

# eks: the Helm chart is read as Kubernetes objects (kind/namespace/name) per values file.
eks="$work/infragen-eks"
printf '#!/usr/bin/env bash\nexec %q "$@" -t eks\n' "$infragen" >"$eks"
chmod +x "$eks"
expect_code "plan of the eks chart" 0 "$eks" plan "$voting" --only-format helm
expect_out "plan counts the chart's Deployments per environment" "Deployment                   3      3"
expect_code "diff of the eks chart, port change" 1 "$eks" diff "$voting" "$work/port.yaml" --only-format helm --env dev
expect_out "a changed container port rolls the Deployment's pods" "its pod template changes: every pod of the Deployment is replaced (a rolling update)"
expect_out "the changed object is addressed by kind/namespace/name" "Deployment/voting/vote"
expect_out "the Service's port changes in place" "spec.ports[0].port: 80 -> 8080"
expect_no_out "the chart part is not only diffed as files" "only its files are compared"

if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all review CLI tests passed"
