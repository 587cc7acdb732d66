#!/usr/bin/env python3
"""Removes the known_defect mark from stories that now pass every run.

Usage: tools/story-fixed.py [report]   (default artifacts/test-results/stories.txt, written by the story tests)
A known-defect story that passes all its runs fails the suite until its mark is removed; this does that for every
such story listed in the report as [k/k]. Review the diff: a story that passes by accident is a weak story.
"""
import os, re, sys, glob

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
report = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "artifacts", "test-results", "stories.txt")
fixed = set()
for line in open(report, encoding="utf-8"):
    m = re.match(r"\s+(\S+)/(\S+) \[(\d+)/(\d+)\]:", line)
    if m and m.group(3) == m.group(4):
        fixed.add((m.group(1), m.group(2)))
if not fixed:
    print("No known-defect story passes all its runs.")
    sys.exit(0)
for path in sorted(glob.glob(os.path.join(root, "tests", "stories", "*.yaml"))):
    lines = open(path, encoding="utf-8").read().split("\n")
    area = next((l.split(":", 1)[1].strip() for l in lines if l.startswith("area:")), os.path.splitext(os.path.basename(path))[0])
    out, current, changed = [], None, False
    for line in lines:
        m = re.match(r"  - id: *(\S+)", line)
        if m:
            current = m.group(1).strip("'\"")
        if current and (area, current) in fixed and re.match(r"    known_defect:", line):
            changed = True
            print(f"fixed: {area}/{current}")
            continue
        out.append(line)
    if changed:
        open(path, "w", encoding="utf-8").write("\n".join(out))
