#!/usr/bin/env python3
"""Helpers of the CloudFormation conformance tests (no AWS calls here).

  params TEMPLATE PARAMS_FILE [KEY=VALUE...]  the parameters of PARAMS_FILE (and the extra ones)
                                              that TEMPLATE declares, as create-stack reads them
  moto-template TEMPLATE GAPS [ID=VALUE...]              TEMPLATE for moto: without the resources moto does
                                              not create, and a placeholder ARN where a value needs
                                              one of them (moto crashes on those references)
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
        elif resource_gap(template["Resources"][logical], gaps):
            print(f"  gap  {kind:50} {logical}: {resource_gap(template['Resources'][logical], gaps)}")
        else:
            print(f"  MISSING {kind:47} {logical}: not created and not a known emulator gap")
            status = 1
    for logical in sorted(set(listed) - set(expected)):
        print(f"  EXTRA {logical}: created although its condition is false")
        status = 1
    return status


def load_gaps(path):
    """Lines `TYPE`, `TYPE#Attribute` or `TYPE[Property=Value]`, a tab, the reason."""
    gaps = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                key, _, reason = line.rstrip("\n").partition("\t")
                kind, _, attribute = key.partition("#")
                condition = None
                if "[" in kind:
                    kind, _, rest = kind.partition("[")
                    condition = tuple(rest.rstrip("]").split("=", 1))
                gaps.append((kind, attribute, condition, reason))
    return gaps


def resource_gap(resource, gaps):
    """The reason moto does not create `resource`, or None."""
    for kind, attribute, condition, reason in gaps:
        if attribute or resource["Type"] != kind:
            continue
        if condition and resource.get("Properties", {}).get(condition[0]) != condition[1]:
            continue
        return reason
    return None


class Placeholders:
    """Replaces what needs a resource moto does not create (or an attribute it does not return)
    with a placeholder ARN, so that moto can create the rest."""

    def __init__(self, template, gaps, values):
        self.values = values
        self.missing = {k for k, r in template["Resources"].items() if resource_gap(r, gaps)}
        self.attributes = {(k, a) for k, r in template["Resources"].items()
                           for kind, a, _, _ in gaps if a and r["Type"] == kind}
        self.replaced = set()

    def needs_gap(self, name, attribute=None):
        return name in self.missing or (name, attribute) in self.attributes

    def walk(self, node, where):
        if isinstance(node, list):
            return [self.walk(item, where) for item in node]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, value), = node.items()
            used = None
            if key == "Ref" and isinstance(value, str) and self.needs_gap(value):
                used = value
            elif key == "Fn::GetAtt":
                name, _, attribute = (value if isinstance(value, str) else ".".join(value)).partition(".")
                if self.needs_gap(name, attribute):
                    used = name + "." + attribute
            elif key == "Fn::Sub":
                text = value if isinstance(value, str) else value[0]
                for part in text.split("${")[1:]:
                    name, _, attribute = part.split("}")[0].partition(".")
                    if self.needs_gap(name, attribute or None) or self.needs_gap(name, attribute):
                        used = name
            if used:
                self.replaced.add(f"{where} uses {used}")
                if used in self.values:
                    return self.values[used]
                return "arn:aws:moto-gap:us-east-1:123456789012:" + used.replace(".", "-")
        return {key: self.walk(value, where) for key, value in node.items()}


def moto_template(template_path, gaps_path, values):
    template = load(template_path)
    gaps = load_gaps(gaps_path)
    placeholders = Placeholders(template, gaps, dict(v.split("=", 1) for v in values))
    for name in sorted(placeholders.missing):
        del template["Resources"][name]
    for name, resource in template["Resources"].items():
        if "Properties" in resource:
            resource["Properties"] = placeholders.walk(resource["Properties"], name)
        depends = resource.get("DependsOn")
        if isinstance(depends, str) and depends in placeholders.missing:
            del resource["DependsOn"]
        elif isinstance(depends, list):
            resource["DependsOn"] = [d for d in depends if d not in placeholders.missing]
    for name, output in template.get("Outputs", {}).items():
        output["Value"] = placeholders.walk(output["Value"], "output " + name)
    for note in sorted(placeholders.replaced):
        print(f"  gap  {note}: a placeholder ARN (not created or not returned by moto)", file=sys.stderr)
    json.dump(template, sys.stdout, indent=2)
    print()
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "params":
        json.dump(select_parameters(load(argv[2]), argv[3], argv[4:]), sys.stdout, indent=2)
        print()
        return 0
    if len(argv) >= 4 and argv[1] == "moto-template":
        return moto_template(argv[2], argv[3], argv[4:])
    if len(argv) == 6 and argv[1] == "compare":
        return compare(*argv[2:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
