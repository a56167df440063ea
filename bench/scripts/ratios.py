#!/usr/bin/env python3
"""Prints each command of a hyperfine JSON export (the first is dataguardian) with wall and CPU (user + system)
time, MB/s, and dataguardian's ratio to each of the others. usage: ratios.py HYPERFINE.json MB"""
import json
import sys

results = json.load(open(sys.argv[1]))["results"]
mb = float(sys.argv[2])
ours = results[0]
ours_cpu = ours["user"] + ours["system"]
for r in results:
    cpu = r["user"] + r["system"]
    line = "%-28s wall %6.2f s = %7.1f MB/s; CPU %6.2f s = %7.1f MB/s per CPU-second" % (
        r["command"], r["mean"], mb / r["mean"], cpu, mb / cpu)
    if r is not ours:
        line += "; dataguardian / this: wall %.2fx, CPU %.2fx" % (ours["mean"] / r["mean"], ours_cpu / cpu)
    print(line)
print("(%s MB; target: dataguardian within 2x of ripgrep)" % sys.argv[2])
