"""The floor: the least work any number finder does on a corpus, to measure statx against.

Read the JSON-lines corpus, decode every line and scan every article once with one
precompiled `regex` pattern for numbers. Run as its own process by `run.py`, so its time
and memory are measured like statx's.

    python bench/floor.py corpus.jsonl
"""

from __future__ import annotations

import json
import sys

import regex

#: Arabic numbers with decimals or thousands separators: 1100, 29,542, 93.03.
NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")


def scan(path: str) -> tuple[int, int, int]:
    """Return (articles, characters, numbers) of a corpus."""
    articles = chars = numbers = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            articles += 1
            chars += len(text)
            numbers += sum(1 for _ in NUMBER.finditer(text))
    return articles, chars, numbers


if __name__ == "__main__":
    print(*scan(sys.argv[1]), sep="\t")
