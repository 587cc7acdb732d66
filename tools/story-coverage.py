#!/usr/bin/env python3
"""Prints the stories' coverage table (problem type x language x channel) for docs/testing.md."""
import collections, glob, os, sys, yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "stories")
PROBLEM = {
    "orders": "where is my order (order_status)", "identity": "who the customer is (phone check, Teams link)",
    "stuck": "order stuck (order_stuck)", "mismatch": "app and restaurant disagree (status_mismatch)",
    "payment": "payment failed, charged but unpaid (payment_failed)", "refund": "refund (refund)",
    "delivery": "delivery delay (delivery_delay)", "changes": "change address or time (change_order)",
    "cancel": "cancel and reorder (cancel_order)", "merchant": "the restaurant (contact_merchant, food problems)",
    "app": "app down, incidents, self-checks (app_unavailable)", "escalation": "a person, screenshots, wrap-up",
    "interruptions": "never mind, help, start over at every step", "multi": "two requests, corrections, double taps",
    "smalltalk": "smalltalk, goodbye, out of domain",
    "eval": "written separately as a held-out evaluation (mixed problems)",
}
cols = [(l, c) for l in ("zh", "en") for c in ("webchat", "directline", "msteams")]
rows = collections.OrderedDict()
for path in sorted(glob.glob(os.path.join(ROOT, "*.yaml"))):
    data = yaml.safe_load(open(path, encoding="utf-8"))
    area = data.get("area") or os.path.splitext(os.path.basename(path))[0]
    for story in data.get("stories", []):
        who = story.get("who") or {}
        lang = "en" if str(who.get("locale", "zh-CN")).startswith("en") else "zh"
        channel = who.get("channel", "webchat")
        channel = channel if channel in ("webchat", "directline", "msteams") else "webchat"
        row = rows.setdefault(area, collections.Counter())
        row[(lang, channel)] += 1
        row["known"] += 1 if story.get("known_defect") else 0
print("| Area (problem) | " + " | ".join(f"{l} {c}" for l, c in cols) + " | stories | known defects |")
print("| --- | " + " | ".join("---:" for _ in cols) + " | ---: | ---: |")
total = collections.Counter()
for area, row in rows.items():
    n = sum(row[c] for c in cols)
    total.update(row)
    print(f"| {area}: {PROBLEM.get(area, area)} | " + " | ".join(str(row[c]) for c in cols) + f" | {n} | {row['known']} |")
print("| **all** | " + " | ".join(str(total[c]) for c in cols) + f" | {sum(total[c] for c in cols)} | {total['known']} |")
