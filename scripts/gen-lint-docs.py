#!/usr/bin/env python3
"""Rewrites the lint rule table in README.md from `strata lint --rules --format json`.

    python3 scripts/gen-lint-docs.py build/release/strata

The table sits between the `lint-rules:begin` and `lint-rules:end` markers; a
unit test checks that every rule id appears in the README.
"""
import json
import pathlib
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "build/release/strata"
rules = json.loads(subprocess.run([binary, "lint", "--rules", "--format", "json"],
                                  check=True, capture_output=True, text=True).stdout)


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


lines = ["| rule | default | what it catches | why it hurts | the safe way |",
         "|---|---|---|---|---|"]
for rule in rules:
    default = rule["severity"] + ("" if rule["enabled_by_default"] else " (off)")
    lines.append(f"| `{rule['id']}` | {default} | {cell(rule['summary'])} | "
                 f"{cell(rule['effect'])} | {cell(rule['fix'])} |")

readme = pathlib.Path(__file__).resolve().parent.parent / "README.md"
text = readme.read_text()
begin, end = "<!-- lint-rules:begin -->", "<!-- lint-rules:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
readme.write_text(head + begin + "\n" + "\n".join(lines) + "\n" + end + tail)
print(f"{len(rules)} rules written to {readme}")
