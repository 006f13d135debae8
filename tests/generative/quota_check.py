#!/usr/bin/env python3
"""Checks generated CloudFormation folders against the AWS quotas a deploy would hit.

Usage: quota_check.py FOLDER...   (each FOLDER holds the *.json templates of one manifest)
Prints one line `FAIL FOLDER: <quota>: <detail>` per broken quota and exits 1 when there is
one. Quotas (AWS documentation, default values):
  CloudFormation: per template <= 500 resources, 200 outputs, 200 parameters, 200 mappings,
    200 attributes per mapping, body <= 1 MB; parameter values <= 4096 bytes
  Application Load Balancer: <= 100 rules per listener and per load balancer (default rules
    not counted), <= 100 target groups per load balancer, <= 5 condition values and
    <= 5 wildcards per rule
  EC2: <= 60 inbound and <= 60 outbound rules per security group, counting inline rules and
    AWS::EC2::SecurityGroupIngress/Egress resources, across the stacks of one manifest
  EC2: <= 5 security groups per network interface: every SecurityGroupIds/SecurityGroups list
    (launch templates of EKS nodes and ECS instances, ECS tasks, load balancers)
Cross-stack references (Fn::ImportValue of "${Stack}-Name" exported by another template) are
resolved, so a rule in a service stack counts against the app stack's security group.
"""
import collections
import json
import pathlib
import sys

TEMPLATE_LIMITS = [("Resources", 500), ("Outputs", 200), ("Parameters", 200), ("Mappings", 200)]
BODY_LIMIT = 1024 * 1024
MAPPING_ATTRIBUTES = 200
PARAMETER_VALUE_BYTES = 4096
RULES_PER_LISTENER = RULES_PER_ALB = TARGET_GROUPS_PER_ALB = 100
CONDITION_VALUES_PER_RULE = WILDCARDS_PER_RULE = 5
SG_RULES = 60
SG_PER_INTERFACE = 5
INTERFACE_KEYS = ("SecurityGroupIds", "SecurityGroups")

findings = []


def fail(folder, quota, detail):
    findings.append(f"FAIL {folder}: {quota}: {detail}")


def load_templates(folder):
    templates = {}
    for path in sorted(folder.rglob("*.json")):
        if "params" in path.parts or path.name.startswith("."):
            continue
        text = path.read_text()
        try:
            body = json.loads(text)
        except json.JSONDecodeError as error:
            fail(folder, "template body", f"{path.name} is not JSON: {error}")
            continue
        if isinstance(body, dict) and "Resources" in body:
            templates[path.name] = (body, len(text.encode()))
    return templates


def export_suffix(name):
    """"${AWS::StackName}-Foo" (as Fn::Sub) -> "Foo"; None for any other form."""
    if isinstance(name, dict) and isinstance(name.get("Fn::Sub"), str):
        text = name["Fn::Sub"]
        if text.startswith("${") and "}-" in text:
            return text.split("}-", 1)[1]
    return None


class Resolver:
    """Turns a reference to a resource (Ref, GetAtt, ImportValue of an export) into a stable key
    (template, logical id), so that rules in several stacks count against one group."""

    def __init__(self, templates):
        self.exports = {}
        for file, (body, _) in templates.items():
            for output in body.get("Outputs", {}).values():
                suffix = export_suffix(output.get("Export", {}).get("Name"))
                if suffix is not None:
                    self.exports[suffix] = (file, output.get("Value"))

    def key(self, file, value):
        if isinstance(value, dict):
            if "Ref" in value:
                return (file, value["Ref"])
            if "Fn::GetAtt" in value:
                target = value["Fn::GetAtt"]
                return (file, target[0] if isinstance(target, list) else target.split(".")[0])
            if "Fn::ImportValue" in value:
                suffix = export_suffix(value["Fn::ImportValue"])
                if suffix in self.exports:
                    export_file, export_value = self.exports[suffix]
                    return self.key(export_file, export_value)
        return ("?", json.dumps(value, sort_keys=True))


def check_template_limits(folder, templates):
    for file, (body, size) in templates.items():
        for section, limit in TEMPLATE_LIMITS:
            count = len(body.get(section, {}))
            if count > limit:
                fail(folder, f"CloudFormation {section.lower()} per template <= {limit}",
                     f"{file} has {count}")
        if size > BODY_LIMIT:
            fail(folder, "CloudFormation template body <= 1 MB", f"{file} has {size} bytes")
        for name, mapping in body.get("Mappings", {}).items():
            for top, attributes in mapping.items():
                if isinstance(attributes, dict) and len(attributes) > MAPPING_ATTRIBUTES:
                    fail(folder, f"CloudFormation attributes per mapping <= {MAPPING_ATTRIBUTES}",
                         f"{file} mapping {name}.{top} has {len(attributes)}")


def check_parameter_values(folder):
    for path in sorted(folder.glob("params/*.json")):
        for entry in json.loads(path.read_text()):
            value = str(entry.get("ParameterValue", ""))
            if len(value.encode()) > PARAMETER_VALUE_BYTES:
                fail(folder, f"CloudFormation parameter value <= {PARAMETER_VALUE_BYTES} bytes",
                     f"{path.name} {entry.get('ParameterKey')} has {len(value.encode())}")


def action_target_groups(resolver, file, actions):
    for action in actions or []:
        if "TargetGroupArn" in action:
            yield resolver.key(file, action["TargetGroupArn"])
        for group in action.get("ForwardConfig", {}).get("TargetGroups", []):
            yield resolver.key(file, group.get("TargetGroupArn"))


def check_load_balancers(folder, templates, resolver):
    albs, listener_alb = set(), {}
    groups_of = collections.defaultdict(set)
    rules_of_listener = collections.defaultdict(list)
    all_groups = set()
    for file, (body, _) in templates.items():
        for logical_id, resource in body["Resources"].items():
            kind, props = resource.get("Type"), resource.get("Properties", {})
            if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer" and props.get("Type", "application") == "application":
                albs.add((file, logical_id))
            elif kind == "AWS::ElasticLoadBalancingV2::TargetGroup":
                all_groups.add((file, logical_id))
    for file, (body, _) in templates.items():
        for logical_id, resource in body["Resources"].items():
            kind, props = resource.get("Type"), resource.get("Properties", {})
            if kind == "AWS::ElasticLoadBalancingV2::Listener":
                alb = resolver.key(file, props.get("LoadBalancerArn"))
                listener_alb[(file, logical_id)] = alb
                groups_of[alb].update(action_target_groups(resolver, file, props.get("DefaultActions")))
    for file, (body, _) in templates.items():
        for logical_id, resource in body["Resources"].items():
            kind, props = resource.get("Type"), resource.get("Properties", {})
            if kind != "AWS::ElasticLoadBalancingV2::ListenerRule":
                continue
            listener = resolver.key(file, props.get("ListenerArn"))
            rules_of_listener[listener].append(f"{file}:{logical_id}")
            alb = listener_alb.get(listener, ("?", "listener " + str(listener)))
            groups_of[alb].update(action_target_groups(resolver, file, props.get("Actions")))
            values = wildcards = 0
            for condition in props.get("Conditions", []):
                for config in ("PathPatternConfig", "HostHeaderConfig"):
                    for value in condition.get(config, {}).get("Values", []):
                        values += 1
                        wildcards += str(value).count("*") + str(value).count("?")
                for value in condition.get("Values", []):
                    values += 1
                    wildcards += str(value).count("*") + str(value).count("?")
            if values > CONDITION_VALUES_PER_RULE:
                fail(folder, f"ALB condition values per rule <= {CONDITION_VALUES_PER_RULE}",
                     f"{file}:{logical_id} has {values}")
            if wildcards > WILDCARDS_PER_RULE:
                fail(folder, f"ALB wildcards per rule <= {WILDCARDS_PER_RULE}",
                     f"{file}:{logical_id} has {wildcards}")
    per_alb = collections.Counter()
    for listener, rules in rules_of_listener.items():
        per_alb[listener_alb.get(listener)] += len(rules)
        if len(rules) > RULES_PER_LISTENER:
            fail(folder, f"ALB rules per listener <= {RULES_PER_LISTENER}",
                 f"listener {listener[0]}:{listener[1]} has {len(rules)}")
    for alb, count in per_alb.items():
        if count > RULES_PER_ALB:
            fail(folder, f"ALB rules per load balancer <= {RULES_PER_ALB}", f"{alb} has {count}")
    # With one load balancer every target group of the app is (or, for blue/green, will be
    # during a deployment) attached to it.
    if len(albs) == 1:
        groups_of[next(iter(albs))] |= all_groups
    for alb, groups in groups_of.items():
        if len(groups) > TARGET_GROUPS_PER_ALB:
            fail(folder, f"ALB target groups per load balancer <= {TARGET_GROUPS_PER_ALB}",
                 f"{alb[0]}:{alb[1]} has {len(groups)}")


def check_security_groups(folder, templates, resolver):
    rules = collections.defaultdict(lambda: {"ingress": 0, "egress": 0})
    names = {}
    for file, (body, _) in templates.items():
        for logical_id, resource in body["Resources"].items():
            kind, props = resource.get("Type"), resource.get("Properties", {})
            if kind == "AWS::EC2::SecurityGroup":
                key = (file, logical_id)
                names[key] = f"{file}:{logical_id}"
                rules[key]["ingress"] += len(props.get("SecurityGroupIngress", []))
                # The placeholder "no traffic" egress rule is a rule as well.
                rules[key]["egress"] += len(props.get("SecurityGroupEgress", []))
            elif kind in ("AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"):
                key = resolver.key(file, props.get("GroupId"))
                rules[key]["ingress" if kind.endswith("Ingress") else "egress"] += 1
    for key, count in rules.items():
        for direction in ("ingress", "egress"):
            if count[direction] > SG_RULES:
                word = "inbound" if direction == "ingress" else "outbound"
                fail(folder, f"EC2 {word} rules per security group <= {SG_RULES}",
                     f"{names.get(key, key)} has {count[direction]}")


def check_interface_groups(folder, templates):
    def walk(where, node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in INTERFACE_KEYS and isinstance(value, list) and len(value) > SG_PER_INTERFACE:
                    fail(folder, f"EC2 security groups per network interface <= {SG_PER_INTERFACE}",
                         f"{where} has {len(value)}")
                walk(where, value)
        elif isinstance(node, list):
            for item in node:
                walk(where, item)

    for file, (body, _) in templates.items():
        for logical_id, resource in body["Resources"].items():
            walk(f"{file}:{logical_id}", resource.get("Properties", {}))


def main(folders):
    for folder in map(pathlib.Path, folders):
        templates = load_templates(folder)
        if not templates:
            fail(folder, "templates present", "no CloudFormation template in the folder")
        resolver = Resolver(templates)
        check_template_limits(folder, templates)
        check_parameter_values(folder)
        check_load_balancers(folder, templates, resolver)
        check_security_groups(folder, templates, resolver)
        check_interface_groups(folder, templates)
    print("\n".join(findings) if findings else f"ok   AWS quotas hold in {len(folders)} folder(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
