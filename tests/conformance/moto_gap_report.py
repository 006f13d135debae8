"""Reads a failed `terraform apply -no-color` log and the known emulator gaps; prints
"GAP <address> <reason>" per failed resource and exits 0 when every error is a known gap,
else prints what is not and exits 1."""
import re
import sys

gaps = {}
for line in open(sys.argv[1]):
    if line.strip() and not line.startswith("#"):
        phase, kind, reason = line.rstrip("\n").split("\t", 2)
        if phase == "apply":
            gaps[kind] = reason

log = open(sys.argv[2]).read()
# Each diagnostic starts with "Error: " and names its resource in a "with ADDRESS," line.
blocks = re.split(r"^(?:│ )?Error: ", log, flags=re.M)[1:]
unknown = []
found = []
for block in blocks:
    match = re.search(r"with ((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?),", block)
    summary = block.splitlines()[0]
    if not match:
        unknown.append(f"error without a resource: {summary}")
        continue
    address = match.group(1)
    kind = address.split(".")[0]
    if kind in gaps:
        found.append(f"GAP {address} {gaps[kind]}")
    else:
        unknown.append(f"{address}: {summary}")
if not blocks:
    unknown.append("apply failed without an error message")
print("\n".join(sorted(set(found)) + unknown))
sys.exit(1 if unknown else 0)
