#!/usr/bin/env python3
"""Baseline for the whole-process row: a Python process that reads the file as
PasteDeploy and logging would (configparser with here/__file__, keys kept as
written) and then every key of every section, interpolated, with the logging
formatters' format/datefmt/style read raw. Timed from outside, start-up included."""
import configparser
import os
import sys

RAW = {"format", "datefmt", "style"}


def main(path):
    parser = configparser.ConfigParser(defaults={"here": os.path.dirname(path), "__file__": path})
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    count = 0
    for section in parser.sections():
        formatter = section.split(":")[-1].startswith("formatter_")
        for key in parser.options(section):
            try:
                parser.get(section, key, raw=formatter and key in RAW)
            except configparser.Error:
                pass
            count += 1
    print(count)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
