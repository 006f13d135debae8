#!/usr/bin/env python3
"""Builds schemas/instance_types.v1.json: vCPUs, memory, architectures, GPUs and network
interfaces of every EC2 instance type, for the checks of `instances.type`.

Source of the facts: the DescribeInstanceTypes answers that moto ships
(moto/ec2/resources/instance_types.json.gz, moto 5.2), themselves taken from AWS.

Usage:  python3 tools/instance-types/build.py > schemas/instance_types.v1.json
        (or build.py PATH-TO-instance_types.json.gz)
"""
import gzip
import json
import os
import sys


def moto_file():
    import moto  # only to find the file; nothing of moto's code is used

    return os.path.join(os.path.dirname(moto.__file__), "ec2", "resources", "instance_types.json.gz")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else moto_file()
    with gzip.open(path) as f:
        described = json.load(f)
    try:
        import moto

        version = moto.__version__
    except ImportError:
        version = "unknown"
    types = {}
    for name, info in sorted(described.items()):
        gpus = sum(g.get("Count", 0) for g in info.get("GpuInfo", {}).get("Gpus", []))
        types[name] = {
            "vcpus": info["VCpuInfo"]["DefaultVCpus"],
            "memory_mib": info["MemoryInfo"]["SizeInMiB"],
            "architectures": sorted(info.get("ProcessorInfo", {}).get("SupportedArchitectures", [])),
            "gpus": gpus,
            "network_interfaces": info.get("NetworkInfo", {}).get("MaximumNetworkInterfaces", 1),
            "current_generation": bool(info.get("CurrentGeneration", False)),
        }
    document = {
        "source": "EC2 DescribeInstanceTypes, as shipped by moto %s (ec2/resources/instance_types.json.gz)" % version,
        "types": types,
    }
    # One type per line, so that a rebuild reviews as a diff of the types that changed.
    out = sys.stdout
    out.write('{"source": %s,\n "types": {\n' % json.dumps(document["source"]))
    # One type per line, `  "NAME": {...}`: infragen reads the entries it needs line by line
    # (generator/frontend/instance_types.cc), so keep this layout.
    lines = ["  %s: %s" % (json.dumps(name), json.dumps(entry, sort_keys=True)) for name, entry in types.items()]
    out.write(",\n".join(lines))
    out.write("\n }\n}\n")


if __name__ == "__main__":
    main()
