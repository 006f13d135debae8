#!/usr/bin/env python3
"""Builds schemas/replacement.v1.json: which properties force a replacement, per resource type.

Source of the facts: the CloudFormation resource specification as shipped in the npm package
@aws-cdk/cfnspec (spec/specification.json). A property whose UpdateType is "Immutable" always
replaces the resource when it changes; "Conditional" may replace it (depends on the values).
The Terraform side (type map, attribute names that differ, stateful types) comes from
terraform_map.json next to this script.

Usage:  npm pack @aws-cdk/cfnspec && tar xzf aws-cdk-cfnspec-*.tgz
        python3 tools/replacement-table/build.py package > schemas/replacement.v1.json
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: build.py PATH-TO-EXTRACTED-@aws-cdk/cfnspec-PACKAGE")
    package_dir = sys.argv[1]
    with open(os.path.join(package_dir, "package.json")) as f:
        package = json.load(f)
    with open(os.path.join(package_dir, "spec", "specification.json")) as f:
        spec = json.load(f)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "terraform_map.json")) as f:
        terraform_map = json.load(f)

    wanted = set(terraform_map["cloudformation_types"])
    for entry in terraform_map["terraform_types"].values():
        if entry["cloudformation"]:
            wanted.add(entry["cloudformation"])

    cloudformation = {}
    for type_name in sorted(wanted):
        resource = spec["ResourceTypes"].get(type_name)
        if resource is None:
            sys.exit(f"{type_name} is not in the specification")
        properties = resource.get("Properties", {})
        cloudformation[type_name] = {
            "immutable": sorted(p for p, d in properties.items() if d.get("UpdateType") == "Immutable"),
            "conditional": sorted(p for p, d in properties.items() if d.get("UpdateType") == "Conditional"),
            "properties": sorted(properties),
        }

    terraform = {}
    for type_name, entry in sorted(terraform_map["terraform_types"].items()):
        target = entry["cloudformation"]
        for attribute, prop in sorted(entry.get("attributes", {}).items()):
            if prop not in cloudformation[target]["properties"]:
                sys.exit(f"{type_name}.{attribute}: {target} has no property {prop}")
        terraform[type_name] = {"cloudformation": target, "attributes": dict(sorted(entry.get("attributes", {}).items()))}

    for entry in cloudformation.values():
        del entry["properties"]

    table = {
        "source": {
            "package": package["name"],
            "version": package["version"],
            "resource_specification_version": spec.get("ResourceSpecificationVersion"),
            "file": "spec/specification.json",
            "rule": "UpdateType Immutable: replaced on change; Conditional: may be replaced",
            "generator": "tools/replacement-table/build.py (do not edit by hand)",
        },
        "cloudformation": cloudformation,
        "terraform": terraform,
        "stateful": terraform_map["stateful"],
    }
    json.dump(table, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
