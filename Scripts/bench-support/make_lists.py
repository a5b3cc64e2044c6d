#!/usr/bin/env python3
"""Deterministic synthetic partner lists for the benchmark, in the AITU list's ten-column shape.

make_lists.py ROWS OUT_DIR [UPDATES] writes OUT_DIR/list-0.tsv (the first snapshot) and list-1.tsv ...
list-UPDATES.tsv, each the previous one with 5% of rows changed the way an office changes a list:
renewals (a later end date), removals, new rows, spelling fixes (two letters swapped), then all rows
shuffled and renumbered. Names, cities and countries are drawn from the real lists' vocabularies
(the seeds in Tests/AgreementLedgerTests/Fixtures/seeds)."""
import os, random, sys

here = os.path.dirname(os.path.abspath(__file__))
seeds = os.path.join(here, "..", "..", "Tests", "AgreementLedgerTests", "Fixtures", "seeds")

def vocabulary():
    words, places = set(), set()
    for name in sorted(os.listdir(seeds)):
        if not name.endswith(".txt"):
            continue
        for line in open(os.path.join(seeds, name), encoding="utf-8"):
            cells = line.rstrip("\n").split("\t")
            for c in cells:
                for w in c.replace(",", " ").split():
                    if w.isalpha() and len(w) > 3 and w[0].isupper():
                        words.add(w)
    cities = [("Dortmund", "Germany"), ("Riga", "Latvia"), ("Prague", "Czechia"), ("Kyiv", "Ukraine"), ("Leuven", "Belgium"),
              ("Beijing", "China"), ("Cassino", "Italy"), ("Daegu", "South Korea"), ("Cracow", "Poland"), ("Ankara", "Türkiye"),
              ("Boston", "USA"), ("Tomsk", "Russia"), ("Lahore", "Pakistan"), ("Bombay", "India"), ("Castellon", "Spain"),
              ("Serdang", "Malaysia"), ("Vilnius", "Lithuania"), ("Debrecen", "Hungary"), ("Dushanbe", "Tajikistan"),
              ("Tashkent", "Uzbekistan"), ("Sousse", "Tunisia"), ("Amman", "Jordan"), ("Birmingham", "UK"), ("Tbilisi", "Georgia"),
              ("Baku", "Azerbaijan"), ("Almaty", "Kazakhstan"), ("Bishkek", "Kyrgyzstan"), ("Nagoya", "Japan"), ("Tehran", "Iran"),
              ("Sarajevo", "Bosnia and Herzegovina"), ("Zagreb", "Croatia"), ("Ljubljana", "Slovenia"), ("Paris", "France"),
              ("Lisbon", "Portugal"), ("Oslo", "Norway"), ("Helsinki", "Finland"), ("Vienna", "Austria"), ("Geneva", "Switzerland")]
    return sorted(words), cities

KINDS = ["University", "Institute of Technology", "State University", "Academy", "College", "Polytechnic University",
         "National University", "University of Applied Sciences", "Medical University", "Technical University"]
ACTORS = ["International Cooperation Department", "Quality Assurance Department", "School of Creative Industries",
          "Science and Innovations Department"]

def date(rng, y0, y1):
    y = rng.randint(y0, y1); m = rng.randint(1, 12); d = rng.randint(1, 28)
    return y, m, d

def fmt(y, m, d):
    return f"{m}/{d}/{y}"

def make_row(rng, words, cities, serial):
    city, country = rng.choice(cities)
    name = f"{rng.choice(words)} {rng.choice(words)} {rng.choice(KINDS)} of {city}"
    y, m, d = date(rng, 2010, 2025)
    until = "Permanent" if rng.random() < 0.15 else fmt(y + rng.choice([3, 5, 10]), m, d)
    qs = rng.choice(["-", str(rng.randint(1, 1400)), f"{rng.randint(5, 13)}01-{rng.randint(14, 15)}00"])
    return [fmt(y, m, d), name, city, country, qs, "-", until, rng.choice(ACTORS), f"{serial:07d}-{y % 100:02d}"]

def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("No\tDate of agreement\tPartner University / Organisation\tCity\tCountry\tQS ranking\tTHE ranking\tValid until\tInitiating actor\tRegistration number\n")
        for i, r in enumerate(rows, 1):
            f.write(str(i) + "\t" + "\t".join(r) + "\n")

def next_snapshot(rng, rows, words, cities, serial):
    n = len(rows); k = max(1, n // 80)  # 4 kinds of change, 1.25% each: 5% of rows
    rows = [list(r) for r in rows]
    idx = rng.sample(range(n), 3 * k)
    renew, fix, remove = idx[:k], idx[k:2 * k], set(idx[2 * k:])
    for i in renew:
        u = rows[i][6]
        if u != "Permanent":
            m, d, y = u.split("/"); rows[i][6] = f"{m}/{d}/{int(y) + 5}"
        else:
            rows[i][6] = fmt(2035, 1, 1)
    for i in fix:
        name = rows[i][1]; p = rng.randrange(1, len(name.split()[0]) - 1)
        rows[i][1] = name[:p] + name[p + 1] + name[p] + name[p + 2:]
    rows = [r for i, r in enumerate(rows) if i not in remove]
    for _ in range(k):
        serial += 1; rows.append(make_row(rng, words, cities, serial))
    rng.shuffle(rows)
    return rows, serial

def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    updates = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261123 + n)
    words, cities = vocabulary()
    rows = [make_row(rng, words, cities, s) for s in range(1, n + 1)]
    serial = n
    write(os.path.join(out, "list-0.tsv"), rows)
    for u in range(1, updates + 1):
        rows, serial = next_snapshot(rng, rows, words, cities, serial)
        write(os.path.join(out, f"list-{u}.tsv"), rows)

main()
