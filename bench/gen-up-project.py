#!/usr/bin/env python3
"""Generates a runnable compose project of N services for `up`/`down` benchmarks.

Each service runs busybox's `sleep` under an init process (so that stop takes no grace period);
services form depends_on chains of CHAIN services (CHAIN 1: all independent).
Usage: gen-up-project.py N OUT_DIR [CHAIN]
"""
import os
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    chain = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    lines = ["services:"]
    for i in range(n):
        lines.append(f"  svc{i}:")
        lines.append("    image: busybox:latest")
        lines.append("    command: [\"sleep\", \"3600\"]")
        lines.append("    init: true")
        if i % chain != 0:
            lines.append("    depends_on:")
            lines.append(f"      - svc{i - 1}")
    with open(os.path.join(out, "compose.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
