#!/usr/bin/env python3
"""Times `newsprint build` into the last build's output against a fresh build, interleaved.

    bench/in-place.py --corpus bench/work/corpus/10000-s42 --work /dev/shm/inplace --rounds 5 \\
        new=target/release/newsprint old=/path/to/older/newsprint

For each binary a copy of the corpus and one output folder, built once. Then each round, for
each binary in turn: one article's body is edited (the same edit in every copy), the site is
built into its output folder (in place: the last build's manifest beside it) and then into a
new folder (fresh). Prints the median wall time of each, their ratio, and what the last build in
place reported (pages rendered, files written). Only the Python 3 standard library is used.
Fresh outputs are deleted once measured (on a disk, deleting 11,000 files slows what follows:
give `--keep-fresh` to delete them at the end instead). On a disk, `--sync` flushes what the
last build wrote before each build, so no build waits for the one before it to reach the disk.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import time


def build(binary, root, output, sync=False):
    """Runs `newsprint build`; returns (seconds, report line)."""
    if sync:
        os.sync()
    started = time.perf_counter()
    done = subprocess.run([binary, "build", "--root", root, "--output", output],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{binary} failed:\n{done.stderr}")
    return seconds, done.stdout.strip().splitlines()[-1]


def edited_article(root):
    """The last article in path order (the corpus's newest month)."""
    articles = []
    for folder, _, files in os.walk(os.path.join(root, "content")):
        articles.extend(os.path.join(folder, f) for f in files if f.endswith(".md"))
    return sorted(articles)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, help="a corpus folder (read only)")
    parser.add_argument("--work", required=True, help="copies and outputs go here")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep-fresh", action="store_true")
    parser.add_argument("--sync", action="store_true")
    parser.add_argument("binaries", nargs="+", metavar="NAME=PATH")
    args = parser.parse_args()
    binaries = dict(item.split("=", 1) for item in args.binaries)
    os.makedirs(args.work, exist_ok=True)
    sites = {}
    for name, binary in binaries.items():
        root = os.path.join(args.work, f"{name}-site")
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(args.corpus, root)
        output = os.path.join(args.work, f"{name}-public")
        build(binary, root, output)
        sites[name] = (root, output, edited_article(root))
    times = {name: {"in place": [], "fresh": []} for name in binaries}
    reports = {}
    fresh_outputs = []
    for round_number in range(args.rounds):
        for name, binary in binaries.items():
            root, output, article = sites[name]
            with open(article, "a", encoding="utf-8") as file:
                file.write(f"\nEdited in round {round_number}.\n")
            seconds, report = build(binary, root, output, args.sync)
            times[name]["in place"].append(seconds)
            reports[name] = report
            fresh = os.path.join(args.work, f"{name}-fresh-{round_number}")
            seconds, _ = build(binary, root, fresh, args.sync)
            times[name]["fresh"].append(seconds)
            if args.keep_fresh:
                fresh_outputs.append(fresh)
            else:
                shutil.rmtree(fresh)
    print("| binary | fresh build | build in place | in place / fresh | last report |")
    print("|---|---:|---:|---:|---|")
    for name in binaries:
        fresh = statistics.median(times[name]["fresh"])
        in_place = statistics.median(times[name]["in place"])
        print(f"| {name} | {fresh:.2f} s | {in_place:.2f} s | {in_place / fresh:.2f}× "
              f"| {reports[name]} |")
    for name, kinds in times.items():
        for kind, seen in kinds.items():
            print(f"{name} {kind}: " + " ".join(f"{s:.2f}" for s in seen))
    for fresh in fresh_outputs:
        shutil.rmtree(fresh)
    for root, output, _ in sites.values():
        shutil.rmtree(root)
        shutil.rmtree(output)


if __name__ == "__main__":
    main()
