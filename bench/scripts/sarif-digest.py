#!/usr/bin/env python3
"""Prints, per SARIF file, the number of results and a digest of them (sha256 of runs[0].results as sorted-key
JSON, first 16 hex digits): two reports with the same digest hold the same findings, masks, fingerprints, snippets
and regions, whatever their timestamps. Fingerprints are keyed, so compare reports made with the same key (on one
machine, the CLI's ~/.config/dataguardian/fingerprint.key or DATAGUARDIAN_FINGERPRINT_KEY).
usage: bench/scripts/sarif-digest.py REPORT.sarif..."""
import hashlib
import json
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        results = json.load(f)["runs"][0]["results"]
    digest = hashlib.sha256(json.dumps(results, sort_keys=True).encode()).hexdigest()[:16]
    print(path, len(results), digest)
