#!/usr/bin/env python3
"""The reference side of the differential test.

Reads each file the way PasteDeploy's loader does (Python 3 configparser.ConfigParser
with its stock arguments, optionxform = str, and the defaults `here` and `__file__`),
then prints, as one JSON document, what Python saw: the read error if any, every
section's raw values, and the interpolated value (or error) of every option.

Usage: configparser_oracle.py FILE... ; prints {"results": [...]} in the same order.
PasteDeploy opens the file with the locale's encoding; this reads UTF-8 explicitly so
the result does not depend on the machine's locale.
"""
import configparser
import json
import os
import sys

READ_ERRORS = {
    configparser.MissingSectionHeaderError: "missing-section-header",
    configparser.DuplicateSectionError: "duplicate-section",
    configparser.DuplicateOptionError: "duplicate-key",
    configparser.ParsingError: "invalid-line",
}
GET_ERRORS = {
    configparser.InterpolationSyntaxError: "syntax",
    configparser.InterpolationMissingOptionError: "missing",
    configparser.InterpolationDepthError: "depth",
}


def classify(exc, table):
    for cls, name in table.items():
        if isinstance(exc, cls):
            return name
    return type(exc).__name__


def oracle(path):
    path = os.path.abspath(path)
    defaults = {"here": os.path.dirname(path), "__file__": path}
    parser = configparser.ConfigParser(defaults=defaults)
    parser.optionxform = str
    try:
        with open(path, encoding="utf-8") as f:
            parser.read_file(f)
    except UnicodeDecodeError as exc:
        return {"file": path, "readError": "invalid-encoding", "detail": str(exc)}
    except Exception as exc:  # the loader's own errors, as PasteDeploy would see them
        return {"file": path, "readError": classify(exc, READ_ERRORS), "detail": str(exc)[:300]}

    def values(section):
        out = {}
        for option in parser.options(section) if section != "DEFAULT" else parser.defaults():
            try:
                out[option] = {"ok": parser.get(section, option)}
            except Exception as exc:
                out[option] = {"error": classify(exc, GET_ERRORS)}
        return out

    return {
        "file": path,
        "readError": None,
        "sections": parser.sections(),
        "raw": {
            "DEFAULT": {k: v for k, v in parser._defaults.items()},
            **{s: dict(parser._sections[s]) for s in parser.sections()},
        },
        "interpolated": {s: values(s) for s in ["DEFAULT"] + parser.sections()},
    }


def main(paths):
    json.dump({"results": [oracle(p) for p in paths]}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main(sys.argv[1:])
