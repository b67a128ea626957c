#!/usr/bin/env python3
"""Generates a compose project of N services for load benchmarks.

Services form depends_on chains of CHAIN services, share settings through YAML anchors and merge
keys, and use interpolation with defaults, like real large projects.
Usage: gen-project.py N OUT_DIR [CHAIN]
"""
import os
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    chain = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    os.makedirs(out, exist_ok=True)
    lines = [
        "x-common: &common",
        "  image: ${IMAGE:-busybox:latest}",
        "  restart: unless-stopped",
        "  environment:",
        "    LOG_LEVEL: ${LOG_LEVEL:-info}",
        "    REGION: eu",
        "  labels:",
        "    team: bench",
        "x-health: &health",
        "  test: [\"CMD\", \"true\"]",
        "  interval: 30s",
        "  timeout: 5s",
        "",
        "services:",
    ]
    for i in range(n):
        lines.append(f"  svc{i}:")
        lines.append("    <<: *common")
        lines.append(f"    command: [\"sleep\", \"{1000 + i}\"]")
        lines.append("    healthcheck: *health")
        lines.append("    ports:")
        lines.append(f"      - \"${{BIND:-127.0.0.1}}::{8000 + i % 1000}\"")
        lines.append("    volumes:")
        lines.append(f"      - data{i % 50}:/data")
        lines.append("      - ./conf:/conf:ro")
        if i % chain != 0:
            lines.append("    depends_on:")
            lines.append(f"      svc{i - 1}:")
            lines.append("        condition: service_started")
    lines.append("volumes:")
    for v in range(min(n, 50)):
        lines.append(f"  data{v}: {{}}")
    with open(os.path.join(out, "compose.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    os.makedirs(os.path.join(out, "conf"), exist_ok=True)


if __name__ == "__main__":
    main()
