"""Checks the security posture of generated output (Terraform .tf and CloudFormation .json):
nothing but ports 80 and 443 open to the whole internet, and no secret value in the code.
Usage: security_posture.py FOLDER...  Prints each finding; exits 1 when there is one."""
import json
import pathlib
import re
import sys

OPEN_PORTS = {80, 443}
WORLD = {"0.0.0.0/0", "::/0"}
# Attributes whose value is a secret: they may be absent, null or a reference, never a literal.
SECRET_ATTRIBUTES = ("password", "master_password", "auth_token", "secret_string")

findings = []


def blocks(text, kind):
    """Yields (name, body) of every top-level `resource "kind" "name" { ... }` block."""
    for match in re.finditer(r'^resource "' + kind + r'" "([^"]+)" \{\n(.*?)^\}', text, re.M | re.S):
        yield match.group(1), match.group(2)


def attribute(body, name):
    match = re.search(r"^\s*" + name + r"\s*=\s*(.+)$", body, re.M)
    return match.group(1).strip() if match else None


def check_terraform(path):
    text = path.read_text()
    for name, body in blocks(text, "aws_vpc_security_group_ingress_rule"):
        cidr = (attribute(body, "cidr_ipv4") or attribute(body, "cidr_ipv6") or "").strip('"')
        if cidr not in WORLD:
            continue
        ports = {attribute(body, "from_port"), attribute(body, "to_port")}
        if attribute(body, "ip_protocol") != '"tcp"' or len(ports) != 1 or not ports.pop().isdigit():
            findings.append(f"{path}: {name}: opens more than one TCP port to {cidr}")
            continue
        port = int(attribute(body, "from_port"))
        if port not in OPEN_PORTS:
            findings.append(f"{path}: {name}: opens port {port} to {cidr}")
    if re.search(r"^\s*ingress\s*\{", text, re.M):
        findings.append(f"{path}: inline ingress block (rules must be separate, reviewable resources)")
    for secret in SECRET_ATTRIBUTES:
        for match in re.finditer(r"^\s*" + secret + r'\s*=\s*"', text, re.M):
            line = text.count("\n", 0, match.start()) + 1
            findings.append(f"{path}:{line}: {secret} has a literal value")


def check_cloudformation(path):
    try:
        template = json.loads(path.read_text())
    except json.JSONDecodeError:
        return
    if not isinstance(template, dict) or "Resources" not in template:
        return
    for logical_id, resource in template["Resources"].items():
        props = resource.get("Properties", {})
        rules = []
        if resource.get("Type") == "AWS::EC2::SecurityGroupIngress":
            rules.append(props)
        if resource.get("Type") == "AWS::EC2::SecurityGroup":
            rules.extend(props.get("SecurityGroupIngress", []))
        for rule in rules:
            cidr = rule.get("CidrIp") or rule.get("CidrIpv6")
            if cidr not in WORLD:
                continue
            ports = {rule.get("FromPort"), rule.get("ToPort")}
            if rule.get("IpProtocol") != "tcp" or len(ports) != 1 or ports.pop() not in OPEN_PORTS:
                findings.append(f"{path}: {logical_id}: opens {rule.get('FromPort')}-"
                                f"{rule.get('ToPort')}/{rule.get('IpProtocol')} to {cidr}")
        for key in ("MasterUserPassword", "AuthToken", "SecretString", "Password"):
            if isinstance(props.get(key), str):
                findings.append(f"{path}: {logical_id}: {key} has a literal value")


for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).rglob("*")):
        if path.suffix == ".tf":
            check_terraform(path)
        elif path.suffix == ".json" and "params" not in path.parts:
            check_cloudformation(path)
print("\n".join(findings) if findings else "ok   no port but 80/443 open to the internet, no secret value")
sys.exit(1 if findings else 0)
