#!/usr/bin/env python3
"""Writes a made-up corpus of phone-number-shaped lines for comparing two builds' phone findings (equal SARIF
digests) and the cost of phone validation: half international (+CC or 00CC, ~190 calling codes, 6-13 random digits
in random groups), half Dutch national (06, 010, 0800, 0900, 088, ... with 8-11 digits). Random digits, so most
numbers are invalid and every calling code's validation takes many paths; no real person's number is meant.
usage: bench/scripts/phone-corpus.py DIR [FILES=8] [LINES=30000] [SEED=99]"""
import os
import random
import sys

if len(sys.argv) < 2:
    sys.exit(__doc__)
out = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 8
lines = int(sys.argv[3]) if len(sys.argv) > 3 else 30000
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 99)
ccs = [1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
       60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211, 212, 213, 216, 218, 220, 221, 222,
       223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244,
       245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267,
       268, 269, 290, 291, 297, 298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374,
       375, 376, 377, 378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505,
       506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675, 676, 677, 678,
       679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850, 852, 853, 855, 856, 870, 878,
       880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966, 967, 968, 970, 971, 972, 973, 974, 975, 976,
       977, 979, 992, 993, 994, 995, 996, 998]
seps = [' ', '-', '.', '', ' ']
leads = ['06', '010', '020', '0111', '0800', '0900', '088', '09', '085', '091', '097', '030', '050', '070', '0318']
os.makedirs(out, exist_ok=True)
for f in range(files):
    with open(os.path.join(out, f'p{f}.txt'), 'w') as o:
        for i in range(lines):
            if random.random() < 0.5:
                cc = random.choice(ccs)
                n = random.randint(6, 13)
                d = str(random.randint(1, 9)) + ''.join(random.choice('0123456789') for _ in range(n - 1))
                s = random.choice(seps)
                parts = [d[:random.randint(1, 4)]]
                rest = d[len(parts[0]):]
                while rest:
                    k = random.randint(2, 4)
                    parts.append(rest[:k])
                    rest = rest[k:]
                pre = random.choice(['+', '00'])
                o.write(f"tel {pre}{cc} {s.join(parts)} ok\n")
            else:
                lead = random.choice(leads)
                n = random.choice([8, 9, 10, 11])
                d = lead + ''.join(random.choice('0123456789') for _ in range(max(0, n - len(lead))))
                s = random.choice(seps)
                o.write(f"bel {d[:len(lead)]}{s}{d[len(lead):]} a.u.b.\n")
