#!/usr/bin/env python3
"""Shows that the Terraform and the CloudFormation output of a target create the same resources.

Usage: format_equivalence.py TERRAFORM_DIR CLOUDFORMATION_DIR MAPPING_TSV

Every Terraform resource block is matched (fnmatch on "type.name", first row wins) against
MAPPING_TSV, whose rows are
    TERRAFORM_PATTERN  AWS::CloudFormation::Type        the same resource
    TERRAFORM_PATTERN  folded:AWS::Type                 a property of that CloudFormation type
    TERRAFORM_PATTERN  missing                          not in the CloudFormation output (a gap)
    -                  AWS::CloudFormation::Type        a CloudFormation-only resource
each with a reason in a third column. It fails on a Terraform resource without a row, a type
that one format has and the other lacks, and a different number of resources of a type where
neither format makes that number depend on the environment (count/for_each, Condition).
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


def main(argv):
    if len(argv) != 4:
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
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
