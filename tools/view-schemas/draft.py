#!/usr/bin/env python3
"""Drafts the JSON Schema of view sections (schemas/view/<section>.v1.schema.json) from the
views `infragen context` builds for many manifests.

    tools/view-schemas/draft.py build/infragen OUT_DIR MANIFEST... [--target T]... [--section S]...

For every manifest, target and format choice (all formats, each format alone) it prints each
section with `infragen context --unchecked --section S` and infers, per path: the JSON types seen,
the keys present in every object (required), the keys seen at all (properties; any other key is
refused), and `false`-or-object values (a feature that may be absent). An object whose keys are
names from the manifest (marked in MAPS) becomes a map. Descriptions already in OUT_DIR's schemas
are kept, path by path, so a draft can be redone after lowering grows a key. The result is a
draft: read it, describe what a pack author needs, and draw manifests that reach every key (a key
seen in no view is not in the draft; a list seen only empty gets `maxItems: 0`).
"""
import argparse
import concurrent.futures
import json
import pathlib
import subprocess

# Paths (as below: `.` between keys, `[]` for array items) whose objects map manifest names.
MAPS = {"security.memberships"}
SCHEMA_URL = "http://json-schema.org/draft-07/schema#"


def context(infragen, manifest, target, formats, section):
    cmd = [infragen, "context", str(manifest), "-t", target, "--unchecked", "--section", section]
    for fmt in formats:
        cmd += ["-f", fmt]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return json.loads(proc.stdout) if proc.returncode == 0 else None


class Node:
    """Everything seen at one path."""

    def __init__(self):
        self.types = set()
        self.false_only = True  # every boolean seen was false
        self.count = 0  # objects seen
        self.key_counts = {}
        self.children = {}
        self.items = None

    def add(self, value, path):
        if isinstance(value, bool):
            self.types.add("boolean")
            self.false_only = self.false_only and value is False
        elif isinstance(value, int):
            self.types.add("integer")
        elif isinstance(value, float):
            self.types.add("number")
        elif isinstance(value, str):
            self.types.add("string")
        elif value is None:
            self.types.add("null")
        elif isinstance(value, list):
            self.types.add("array")
            self.items = self.items or Node()
            for item in value:
                self.items.add(item, path + "[]")
        elif isinstance(value, dict):
            self.types.add("object")
            if path in MAPS:
                self.items = self.items or Node()
                for item in value.values():
                    self.items.add(item, path + "{}")
                return
            self.count += 1
            for key, item in value.items():
                self.key_counts[key] = self.key_counts.get(key, 0) + 1
                child = self.children.setdefault(key, Node())
                child.add(item, f"{path}.{key}" if path else key)


def schema_of(node, path, old):
    """The schema of `node`; `old` is the existing schema at the same path (for descriptions)."""
    old = old if isinstance(old, dict) else {}
    if "object" in node.types and "boolean" in node.types and node.false_only:
        shape = Node()
        shape.__dict__.update(node.__dict__)
        shape.types = node.types - {"boolean"}
        old_object = next((s for s in old.get("anyOf", []) if s.get("type") == "object"), {})
        schema = {"anyOf": [{"const": False}, schema_of(shape, path, old_object)]}
        if "description" in old:
            schema = {"description": old["description"], **schema}
        return schema
    schema = {}
    if "description" in old:
        schema["description"] = old["description"]
    types = sorted(node.types - ({"integer"} if "number" in node.types else set()))
    if types:
        schema["type"] = types[0] if len(types) == 1 else types
    if "array" in node.types and node.items is not None and node.items.types:
        schema["items"] = schema_of(node.items, path + "[]", old.get("items"))
    elif "array" in node.types:
        # Never seen with an item: the contract says it stays empty until a draft sees one.
        schema["maxItems"] = 0
    if "object" in node.types and path in MAPS:
        schema["additionalProperties"] = schema_of(node.items, path + "{}",
                                                   old.get("additionalProperties"))
    elif "object" in node.types:
        old_properties = old.get("properties", {})
        schema["required"] = sorted(k for k, n in node.key_counts.items() if n == node.count)
        schema["properties"] = {
            key: schema_of(child, f"{path}.{key}" if path else key, old_properties.get(key))
            for key, child in sorted(node.children.items())}
        schema["additionalProperties"] = False
    return schema


def section_schema(section, root, old, owned_environment_keys):
    schema = schema_of(root, "", old)
    draft = {"$schema": SCHEMA_URL,
             "$id": f"https://infragen.dev/schemas/view/{section}.v1.schema.json",
             "title": old.get("title", f"infragen view section `{section}`"),
             "description": old.get("description", ""),
             "type": "object",
             "required": [k for k in schema.get("required", []) if k != "environments"],
             "properties": schema.get("properties", {})}
    environments = draft["properties"].get("environments")
    if environments:
        environments["items"].pop("additionalProperties", None)
    if environments and section != "common":
        # Other sections own the other keys of an entry; `name` belongs to common.
        items = environments["items"]
        items["properties"].pop("name", None)
        items["required"] = [k for k in items["required"] if k in owned_environment_keys]
        items.pop("additionalProperties", None)
        draft["required"].append("environments")
    elif environments:
        draft["required"].append("environments")
    if not environments or not environments["items"]["properties"]:
        draft["properties"].pop("environments", None)
        draft["required"] = [k for k in draft["required"] if k != "environments"]
    draft["required"].sort()
    return draft


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("infragen")
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("manifests", nargs="+")
    parser.add_argument("--target", action="append", default=[])
    parser.add_argument("--section", action="append", default=[])
    parser.add_argument("--formats", action="append", default=[],
                        help="comma-separated format choice (default: all, terraform, cloudformation)")
    args = parser.parse_args()
    targets = args.target or ["ecs-fargate", "ecs-ec2"]
    choices = [c.split(",") if c else [] for c in (args.formats or ["", "terraform", "cloudformation"])]
    sections = args.section
    roots = {s: Node() for s in sections}
    jobs = [(m, t, c, s) for m in args.manifests for t in targets for c in choices for s in sections]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        views = pool.map(lambda job: (job[3], context(args.infragen, *job)), jobs)
        for section, view in views:
            if view is not None:
                roots[section].add(view, "")
    for section in sections:
        path = args.out_dir / f"{section}.v1.schema.json"
        old = json.loads(path.read_text()) if path.exists() else {}
        root = roots[section]
        env = root.children.get("environments")
        owned = set(env.items.children) - {"name"} if env and env.items else set()
        if section == "common":
            owned = set()
        draft = section_schema(section, root, old, owned)
        path.write_text(json.dumps(draft, indent=2) + "\n")
        print(f"{path}: {root.count} views")


if __name__ == "__main__":
    main()
