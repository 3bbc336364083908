"""Count the person names in a CSV of results that hold a title, role, party, place and so on.

The other words: an honorific or a headline verb.

Usage::

    quoteattr extract -f csv ARTICLES > results.csv
    python scripts/name_cleanliness.py results.csv [--examples N]

Reads the ``speaker`` and ``speaker_kind`` columns that ``quoteattr extract -f csv``
writes, keeps the people (``speaker_kind`` ``person``) and checks each name with
:func:`quoteattr.evaluation.names.name_problems`. Prints the number of quotes and of
distinct names with each kind of problem, and a few examples of each.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict

from quoteattr.evaluation.names import PROBLEMS, name_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="+", help="CSV files written by quoteattr extract -f csv")
    parser.add_argument("--examples", type=int, default=5, help="examples per problem")
    args = parser.parse_args(argv)
    quotes: Counter[str] = Counter()
    names: dict[str, set[str]] = defaultdict(set)
    people = unclean_quotes = 0
    unclean_names: set[str] = set()
    all_names: set[str] = set()
    for path in args.csv:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = row.get("speaker") or ""
                if row.get("speaker_kind") != "person" or not name:
                    continue
                people += 1
                all_names.add(name)
                found = name_problems(name)
                if found:
                    unclean_quotes += 1
                    unclean_names.add(name)
                for kind in found:
                    quotes[kind] += 1
                    names[kind].add(name)
    print(f"quotes with a person speaker: {people}; distinct names: {len(all_names)}")
    print(f"unclean: {unclean_quotes} quotes, {len(unclean_names)} distinct names")
    for kind in PROBLEMS:
        shown = ", ".join(sorted(names[kind])[: args.examples])
        print(f"  {kind:16s} {quotes[kind]:5d} quotes {len(names[kind]):4d} names  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
