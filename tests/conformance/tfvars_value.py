"""Prints one value of a generated .tfvars file (dotted path, e.g. domain.zone), or nothing.
Reads the simple `key = value` / `key = { ... }` layout that infragen writes."""
import re
import sys

text = open(sys.argv[1]).read()
path = sys.argv[2].split(".")
# Find the top-level block, then the nested key inside it.
top = re.search(r"^" + re.escape(path[0]) + r"\s*=\s*(.*?)(?=^\S|\Z)", text, re.M | re.S)
if not top:
    sys.exit(1)
body = top.group(1)
if len(path) == 1:
    print(body.strip().strip('"'))
    sys.exit(0)
inner = re.search(r"^\s*" + re.escape(path[1]) + r"\s*=\s*\"([^\"]*)\"", body, re.M)
if not inner:
    sys.exit(1)
print(inner.group(1))
