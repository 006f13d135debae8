#!/usr/bin/env python3
"""Helpers of the CloudFormation conformance tests (no AWS calls here).

  params TEMPLATE PARAMS_FILE [KEY=VALUE...]  the parameters of PARAMS_FILE (and the extra ones)
                                              that TEMPLATE declares, as create-stack reads them
  moto-template TEMPLATE GAPS                 TEMPLATE for moto: an output whose value needs an
                                              attribute of a resource of a gap type (moto crashes
                                              on those) gets a placeholder value instead
  compare TEMPLATE PARAMS LISTED GAPS         the resources TEMPLATE creates with PARAMS (its
                                              conditions evaluated) against LISTED (the output of
                                              list-stack-resources); a missing resource fails
                                              unless GAPS (type<TAB>reason) names its type
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def select_parameters(template, params_file, extra):
    declared = template.get("Parameters", {})
    values = {item["ParameterKey"]: item["ParameterValue"] for item in load(params_file)}
    for pair in extra:
        key, _, value = pair.partition("=")
        values[key] = value
    missing = [k for k, v in declared.items() if k not in values and "Default" not in v]
    if missing:
        sys.exit("parameters without a value: " + ", ".join(missing))
    return [{"ParameterKey": k, "ParameterValue": values[k]} for k in sorted(declared) if k in values]


class Conditions:
    """Evaluates the Conditions section (Fn::Equals/Not/And/Or, Ref, Condition)."""

    def __init__(self, template, parameters):
        self.section = template.get("Conditions", {})
        self.values = {k: str(v.get("Default", "")) for k, v in template.get("Parameters", {}).items()}
        self.values.update({p["ParameterKey"]: p["ParameterValue"] for p in parameters})
        self.cache = {}

    def value(self, node):
        if isinstance(node, dict) and "Ref" in node:
            return self.values[node["Ref"]]
        if isinstance(node, dict):
            return self.test(node)
        return str(node).lower() if isinstance(node, bool) else str(node)

    def test(self, node):
        (function, argument), = node.items()
        if function == "Fn::Equals":
            return self.value(argument[0]) == self.value(argument[1])
        if function == "Fn::Not":
            return not self.test(argument[0])
        if function == "Fn::And":
            return all(self.test(item) for item in argument)
        if function == "Fn::Or":
            return any(self.test(item) for item in argument)
        if function == "Condition":
            return self.named(argument)
        raise ValueError("cannot evaluate " + function)

    def named(self, name):
        if name not in self.cache:
            self.cache[name] = self.test(self.section[name])
        return self.cache[name]


def expected_resources(template, parameters):
    conditions = Conditions(template, parameters)
    return {
        logical: resource["Type"]
        for logical, resource in template["Resources"].items()
        if "Condition" not in resource or conditions.named(resource["Condition"])
    }


def compare(template_path, params_path, listed_path, gaps_path):
    template = load(template_path)
    expected = expected_resources(template, load(params_path))
    # moto also lists a VPC's implicit parts (main route table, ...) without a logical id.
    listed = {r["LogicalResourceId"]: r for r in load(listed_path)["StackResourceSummaries"]
              if r["LogicalResourceId"]}
    gaps = load_gaps(gaps_path)
    status = 0
    for logical, kind in sorted(expected.items()):
        if logical in listed:
            state = listed[logical]["ResourceStatus"]
            print(f"  {'ok ' if state == 'CREATE_COMPLETE' else 'BAD'}  {kind:50} {logical} {state}")
            status |= state != "CREATE_COMPLETE"
        elif kind in gaps:
            print(f"  gap  {kind:50} {logical}: {gaps[kind]}")
        else:
            print(f"  MISSING {kind:47} {logical}: not created and not a known emulator gap")
            status = 1
    for logical in sorted(set(listed) - set(expected)):
        print(f"  EXTRA {logical}: created although its condition is false")
        status = 1
    return status


def load_gaps(path):
    gaps = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                kind, _, reason = line.rstrip("\n").partition("\t")
                gaps[kind] = reason
    return gaps


def names_used(node):
    """Logical ids a value refers to (Ref, Fn::GetAtt, ${X} and ${X.Attr} of Fn::Sub)."""
    found = set()
    if isinstance(node, list):
        for item in node:
            found |= names_used(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref" and isinstance(value, str):
                found.add(value)
            elif key == "Fn::GetAtt":
                found.add(value[0] if isinstance(value, list) else value.split(".")[0])
            elif key == "Fn::Sub":
                text = value if isinstance(value, str) else value[0]
                for part in text.split("${")[1:]:
                    found.add(part.split("}")[0].split(".")[0])
                if isinstance(value, list):
                    found |= names_used(value[1])
            else:
                found |= names_used(value)
    return found


def moto_template(template_path, gaps_path):
    template = load(template_path)
    gaps = load_gaps(gaps_path)
    gap_resources = {k for k, r in template["Resources"].items() if r["Type"] in gaps}
    # "TYPE#Attribute" lines name attributes moto does not return for a type it models.
    for logical, resource in template["Resources"].items():
        for gap in gaps:
            kind, _, attribute = gap.partition("#")
            if attribute and resource["Type"] == kind:
                gap_resources.add(logical + "." + attribute)
    for name, output in template.get("Outputs", {}).items():
        text = json.dumps(output["Value"])
        used = names_used(output["Value"]) & gap_resources
        used |= {g for g in gap_resources if "." in g and (
            json.dumps(g.split(".", 1)) in text or "${" + g + "}" in text)}
        if used:
            print(f"  gap  output {name}: placeholder value, {', '.join(sorted(used))} not modelled by moto",
                  file=sys.stderr)
            output["Value"] = "arn:aws:moto-gap:us-east-1:123456789012:" + name
    json.dump(template, sys.stdout, indent=2)
    print()
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "params":
        json.dump(select_parameters(load(argv[2]), argv[3], argv[4:]), sys.stdout, indent=2)
        print()
        return 0
    if len(argv) == 4 and argv[1] == "moto-template":
        return moto_template(argv[2], argv[3])
    if len(argv) == 6 and argv[1] == "compare":
        return compare(*argv[2:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
