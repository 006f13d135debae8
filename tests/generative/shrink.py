#!/usr/bin/env python3
"""Shrinks a failing manifest: removes every map entry and list item it can while CMD still fails.

Usage: shrink.py MANIFEST CMD...   CMD is run with {} replaced by a candidate manifest's path and
"reproduces" when it exits 0 (write it as `sh -c '... | grep -q "the error"'`). Prints the
smallest manifest found. Needs PyYAML. Greedy, top-down: whole sections go first, then entries,
then fields, until nothing more can be removed.
"""
import copy
import os
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manifest_gen import to_yaml  # noqa: E402

REQUIRED = {("apiVersion",), ("name",), ("region",)}


def reproduces(manifest, cmd, path):
    with open(path, "w") as out:
        out.write("\n".join(to_yaml(manifest)) + "\n")
    argv = [arg.replace("{}", path) for arg in cmd]
    return subprocess.run(argv, capture_output=True).returncode == 0


def paths(node, prefix=()):
    """Every removable position, parents before children."""
    if isinstance(node, dict):
        for key, value in node.items():
            if prefix + (key,) not in REQUIRED:
                yield prefix + (key,)
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list) and len(node) > 1:
        for index in reversed(range(len(node))):
            yield prefix + (index,)


def without(node, path):
    out = copy.deepcopy(node)
    parent = out
    for step in path[:-1]:
        parent = parent[step]
    del parent[path[-1]]
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    manifest = yaml.safe_load(open(sys.argv[1]))
    cmd = sys.argv[2:]
    fd, path = tempfile.mkstemp(suffix=".yaml")
    os.close(fd)
    try:
        if not reproduces(manifest, cmd, path):
            sys.exit("the command does not reproduce the failure on the full manifest")
        changed = True
        while changed:
            changed = False
            for candidate_path in list(paths(manifest)):
                try:
                    candidate = without(manifest, candidate_path)
                except (KeyError, IndexError, TypeError):
                    continue  # an earlier removal took it already
                if reproduces(candidate, cmd, path):
                    manifest, changed = candidate, True
        print("\n".join(to_yaml(manifest)))
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
