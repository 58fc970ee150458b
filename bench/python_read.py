#!/usr/bin/env python3
"""Baseline for the benchmark: how long Python's configparser, configured as
PasteDeploy configures it, takes to read a file. Only the read is timed, so process
start-up is not counted. Prints the median of REPEATS reads in milliseconds."""
import configparser
import json
import os
import statistics
import sys
import time


def read_once(path):
    parser = configparser.ConfigParser(defaults={"here": os.path.dirname(path), "__file__": path})
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        start = time.perf_counter()
        parser.read_file(f)
        return (time.perf_counter() - start) * 1000


def main(path, repeats):
    times = [read_once(path) for _ in range(repeats)]
    print(json.dumps({"median_ms": statistics.median(times), "runs": repeats}))


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), int(sys.argv[2]))
