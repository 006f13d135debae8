"""Fails when `terraform show -json` (stdin) holds a secret value as plain text: a password,
auth token or secret string with a value in any resource's attributes."""
import json
import sys

SECRET_KEYS = ("password", "master_password", "auth_token", "secret_string")


def find(node, path, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SECRET_KEYS and value not in (None, "", []):
                found.append(f"{path}.{key}")
            find(value, f"{path}.{key}", found)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            find(value, f"{path}[{i}]", found)


def modules(module):
    yield module
    for child in module.get("child_modules", []):
        yield from modules(child)


state = json.load(sys.stdin)
found = []
root = state.get("values", {}).get("root_module", {})
for module in modules(root):
    for resource in module.get("resources", []):
        # `values` holds attribute values; `sensitive_values` only marks attributes (true/false).
        find(resource.get("values", {}), resource["address"], found)
if found:
    sys.exit("FAIL: plain-text secret in state at " + ", ".join(found))
