#!/usr/bin/env python3
"""Baseline for the workspace row: how long Python's configparser, configured as
PasteDeploy configures it, takes to read every file listed (one path a line) in
LIST. Only the reads are timed. Prints the median of REPEATS rounds in ms."""
import configparser
import json
import os
import statistics
import sys
import time


def read_all(paths):
    start = time.perf_counter()
    for path in paths:
        parser = configparser.ConfigParser(defaults={"here": os.path.dirname(path), "__file__": path})
        parser.optionxform = str
        with open(path, encoding="utf-8") as f:
            parser.read_file(f)
    return (time.perf_counter() - start) * 1000


def main(listing, repeats):
    with open(listing, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    times = [read_all(paths) for _ in range(repeats)]
    print(json.dumps({"median_ms": statistics.median(times), "runs": repeats}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
