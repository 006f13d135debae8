#!/usr/bin/env python3
"""Writes the files a cloud-config user data file creates (write_files) into a folder, for the
standard tools: scripts (content starting with "#!") as NAME.sh, compose files as NAME.yml,
systemd timers as NAME.timer.

    user_data_files.py USER_DATA.yaml OUT_DIR
"""
import os
import sys

import yaml


def main():
    user_data, out = sys.argv[1], sys.argv[2]
    with open(user_data) as stream:
        config = yaml.safe_load(stream)
    for entry in config.get("write_files", []):
        content = entry.get("content", "")
        base = os.path.basename(entry["path"])
        if content.startswith("#!"):
            target = os.path.join(out, base + ".sh")
        elif base.endswith((".yml", ".yaml")):
            target = os.path.join(out, os.path.splitext(base)[0] + ".yml")
        elif base.endswith(".timer"):
            target = os.path.join(out, base)
        else:
            continue
        with open(target, "w") as stream:
            stream.write(content)


if __name__ == "__main__":
    main()
