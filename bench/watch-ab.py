#!/usr/bin/env python3
"""Times `newsprint watch` edits for several binaries, interleaved round by round.

    bench/watch-ab.py --size 10000 --rounds 3 --edits 10 --work /dev/shm/ab \\
        new=target/release/newsprint old=/path/to/older/newsprint

Each round runs every binary in turn through bench/run's own incremental case (a fresh copy of
the corpus, one watcher, `--edits` single-article edits), so a machine that gets busier or
quieter slows every binary alike. Prints the median of each page's edit → disk time per binary.
`--corpus DIR` uses an existing corpus folder (read only) instead of bench/run's cache.
`--retag` makes each edit also add a tag, which re-indexes the site's tags.
"""
import argparse
import importlib.machinery
import importlib.util
import os
import shutil
import statistics
import types

HERE = os.path.dirname(os.path.abspath(__file__))
_loader = importlib.machinery.SourceFileLoader("bench_run", os.path.join(HERE, "run"))
_spec = importlib.util.spec_from_loader("bench_run", _loader)
bench = importlib.util.module_from_spec(_spec)
_loader.exec_module(bench)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--work", required=True, help="corpora, copies and logs (a tmpfs)")
    parser.add_argument("--corpus", help="an existing corpus folder to copy from")
    parser.add_argument("--retag", action="store_true",
                        help="each edit also adds a tag to the article (and times its page)")
    parser.add_argument("binaries", nargs="+", metavar="NAME=PATH")
    args = parser.parse_args()
    binaries = dict(item.split("=", 1) for item in args.binaries)
    bench.use_work_folder(args.work)
    bench.WATCH_RETAG = args.retag
    os.makedirs(os.path.join(args.work, "logs"), exist_ok=True)
    if args.corpus:
        bench.ensure_corpus = lambda size, seed: args.corpus
    timings = {name: [] for name in binaries}
    for round_number in range(args.rounds):
        for name, path in binaries.items():
            result = bench.benchmark_watch(types.SimpleNamespace(binary=path), args.size, 42,
                                           args.edits)
            log = os.path.join(args.work, "logs", "newsprint-watch.log")
            shutil.copy(log, os.path.join(args.work, "logs", f"{name}-{round_number}.log"))
            timings[name].extend(result.timings)
    shutil.rmtree(os.path.join(args.work, "watch"), ignore_errors=True)
    for name, edits in timings.items():
        medians = []
        for page in edits[0]:
            seen = [edit[page] for edit in edits if edit[page] is not None]
            medians.append(f"{page} {statistics.median(seen) * 1000:.1f} ms" if seen else
                           f"{page} —")
        print(f"{name}: {len(edits)} edits, medians: " + ", ".join(medians))


if __name__ == "__main__":
    main()
