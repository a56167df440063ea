#!/usr/bin/env python3
"""Runs each command ROUNDS times, one after the other in turn (A B C A B C ...), and prints per command the median
and the minimum wall time and the median CPU time (user + system of the command and its children). On a machine whose
speed drifts, alternating exposes every command to the same drift, where hyperfine runs all of one command first.
Output of the commands is discarded. With --shuffle each round runs the commands in a new order (seeded, so
reruns repeat it), so that a command's place in the round (first after the previous round's last, say) cannot
favour or handicap it.
usage: bench/scripts/alternate.py [--shuffle] ROUNDS COMMAND..."""
import random
import resource
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
shuffle = bool(args) and args[0] == "--shuffle"
if shuffle:
    args = args[1:]
if not args:
    sys.exit(__doc__)
rounds = int(args[0])
commands = args[1:]
if rounds < 1 or not commands:
    sys.exit(__doc__)
runs = {c: [] for c in commands}
order = list(commands)
rnd = random.Random(7)
for _ in range(rounds):
    if shuffle:
        rnd.shuffle(order)
    for c in order:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs[c].append((wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
for c in commands:
    walls = [w for w, _ in runs[c]]
    cpus = [u for _, u in runs[c]]
    print(f"wall median {statistics.median(walls):6.3f} s  min {min(walls):6.3f} s  "
          f"cpu median {statistics.median(cpus):6.3f} s  {c}")
