"""Fails when a Terraform state (`terraform state pull`, on stdin) holds a secret value as plain
text: a password, auth token or secret string with a value in any resource's attributes. The raw
state is read rather than `terraform show -json`, which would start the provider once more."""
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


def address(resource, instance):
    parts = [resource["module"]] if resource.get("module") else []
    parts.append(("data." if resource["mode"] == "data" else "") + f"{resource['type']}.{resource['name']}")
    text = ".".join(parts)
    if "index_key" in instance:
        text += f"[{json.dumps(instance['index_key'])}]"
    return text


state = json.load(sys.stdin)
found = []
for resource in state.get("resources", []):
    for instance in resource.get("instances", []):
        # `attributes` holds the values; `sensitive_attributes` only marks paths.
        find(instance.get("attributes", {}), address(resource, instance), found)
if found:
    sys.exit("FAIL: plain-text secret in state at " + ", ".join(found))
