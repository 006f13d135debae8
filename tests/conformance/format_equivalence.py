#!/usr/bin/env python3
"""Shows that the Terraform and the CloudFormation output of a target create the same resources.

Usage: format_equivalence.py TERRAFORM_DIR CLOUDFORMATION_DIR MAPPING_TSV [PLANS_DIR]

Every Terraform resource block is matched (fnmatch on "type.name", first row wins) against
MAPPING_TSV, whose rows are
    TERRAFORM_PATTERN  AWS::CloudFormation::Type        the same resource
    TERRAFORM_PATTERN  folded:AWS::Type                 a property of that CloudFormation type
    TERRAFORM_PATTERN  missing                          not in the CloudFormation output (a gap)
    -                  AWS::CloudFormation::Type        a CloudFormation-only resource
each with a reason in a third column. It fails on a Terraform resource without a row, a type
that one format has and the other lacks, and a different number of resources of a type where
neither format makes that number depend on the environment (count/for_each, Condition).

With PLANS_DIR (`<environment>.jsonl`: the `terraform plan -json` log of that environment), it
also compares each environment exactly: the resources the plan creates, mapped, against the
CloudFormation resources whose conditions hold with `params/<environment>.json`.
"""
import fnmatch
import glob
import json
import os
import re
import sys
from collections import defaultdict

BLOCK = re.compile(r'^resource "([a-z0-9_]+)" "([A-Za-z0-9_-]+)" \{$')


def terraform_resources(directory):
    found = []
    for path in sorted(glob.glob(os.path.join(directory, "*.tf"))):
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        for index, line in enumerate(lines):
            match = BLOCK.match(line)
            if not match:
                continue
            counted = False
            for body in lines[index + 1:]:
                if body == "}":
                    break
                counted = counted or re.match(r"^  (count|for_each)\s*=", body) is not None
            found.append((match.group(1), match.group(2), counted))
    return found


def cloudformation_resources(directory):
    found = []
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            template = json.load(handle)
        if not isinstance(template, dict) or "Resources" not in template:
            continue
        for logical, resource in template["Resources"].items():
            found.append((resource["Type"], os.path.basename(path) + ":" + logical,
                          "Condition" in resource))
    return found


def load_mapping(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                columns = line.rstrip("\n").split("\t")
                if len(columns) < 3:
                    sys.exit(f"{path}: a row needs pattern, target and reason: {line!r}")
                rows.append((columns[0], columns[1], columns[2]))
    return rows


def mapped(rows, kind, name):
    row = next((r for r in rows if r[0] != "-" and fnmatch.fnmatchcase(f"{kind}.{name}", r[0])), None)
    return row[1] if row and row[1].startswith("AWS::") else None


def compare_environment(rows, plan_path, cloudformation_dir, cloudformation_only):
    """Exact counts per CloudFormation type in one environment; 0 when they match."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from cfn_stack_tool import Conditions  # pylint: disable=import-outside-toplevel
    environment = os.path.basename(plan_path)[:-len(".jsonl")]
    terraform = defaultdict(int)
    with open(plan_path, encoding="utf-8") as handle:
        for line in handle:
            message = json.loads(line)
            if message.get("type") != "planned_change" or message["change"]["action"] != "create":
                continue
            resource = message["change"]["resource"]
            if resource["addr"].startswith("data.") or ".data." in resource["addr"]:
                continue
            kind = mapped(rows, resource["resource_type"], resource["resource_name"])
            if kind:
                terraform[kind] += 1
    with open(os.path.join(cloudformation_dir, "params", environment + ".json"), encoding="utf-8") as handle:
        values = {p["ParameterKey"]: p["ParameterValue"] for p in json.load(handle)}
    cloudformation = defaultdict(int)
    for path in sorted(glob.glob(os.path.join(cloudformation_dir, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            template = json.load(handle)
        if not isinstance(template, dict) or "Resources" not in template:
            continue
        declared = template.get("Parameters", {})
        if os.path.basename(path) == "network.json" and "VpcCidr" not in values:
            continue  # this environment reuses an existing VPC: no network stack
        parameters = [{"ParameterKey": k, "ParameterValue": values.get(k, "")} for k in declared
                      if k in values]
        conditions = Conditions(template, parameters)
        for resource in template["Resources"].values():
            if "Condition" not in resource or conditions.named(resource["Condition"]):
                cloudformation[resource["Type"]] += 1
    status = 0
    for kind in sorted((set(terraform) | set(cloudformation)) - cloudformation_only):
        if terraform.get(kind, 0) == cloudformation.get(kind, 0):
            continue
        print(f"FAIL {environment}: {kind}: Terraform plan creates {terraform.get(kind, 0)}, "
              f"CloudFormation {cloudformation.get(kind, 0)}")
        status = 1
    if status == 0:
        print(f"ok   {environment}: {sum(terraform.values())} resources in both formats "
              f"({len(terraform)} types), counted per type")
    return status


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    rows = load_mapping(argv[3])
    cloudformation_only = {target: reason for pattern, target, reason in rows if pattern == "-"}
    status = 0
    expected = defaultdict(lambda: [0, 0])  # CloudFormation type -> [fixed, environment-dependent]
    notes = []
    for kind, name, counted in terraform_resources(argv[1]):
        row = next((r for r in rows if r[0] != "-" and fnmatch.fnmatchcase(f"{kind}.{name}", r[0])), None)
        if row is None:
            print(f"FAIL {kind}.{name}: no row in {os.path.basename(argv[3])}")
            status = 1
        elif row[1].startswith("AWS::"):
            expected[row[1]][1 if counted else 0] += 1
        elif row[1].startswith("folded:"):
            notes.append(f"  folded   {kind}.{name} -> {row[1][7:]}: {row[2]}")
        else:
            notes.append(f"  MISSING  {kind}.{name} (not in CloudFormation): {row[2]}")
    actual = defaultdict(lambda: [0, 0])
    for kind, _, conditional in cloudformation_resources(argv[2]):
        actual[kind][1 if conditional else 0] += 1
    for kind in sorted(set(expected) | set(actual)):
        terraform, cloudformation = expected.get(kind), actual.get(kind)
        if terraform is None and kind in cloudformation_only:
            notes.append(f"  only-cfn {kind}: {cloudformation_only[kind]}")
        elif terraform is None:
            print(f"FAIL {kind}: in the CloudFormation output, from no Terraform resource")
            status = 1
        elif cloudformation is None:
            print(f"FAIL {kind}: {sum(terraform)} Terraform resource(s), none in CloudFormation")
            status = 1
        elif terraform[1] == 0 and cloudformation[1] == 0 and terraform[0] != cloudformation[0]:
            print(f"FAIL {kind}: Terraform {terraform[0]}, CloudFormation {cloudformation[0]}")
            status = 1
        else:
            count = (f"{terraform[0]}" if terraform[1] == 0 and cloudformation[1] == 0 else
                     f"Terraform {terraform[0]} + {terraform[1]} per environment, "
                     f"CloudFormation {cloudformation[0]} + {cloudformation[1]} per environment")
            print(f"ok   {kind}: {count}")
    for note in notes:
        print(note)
    if len(argv) == 5:
        for plan in sorted(glob.glob(os.path.join(argv[4], "*.jsonl"))):
            status |= compare_environment(rows, plan, argv[2], set(cloudformation_only))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
