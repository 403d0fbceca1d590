"""Build the benchmark corpus: JSON lines of articles made from the paragraphs of samples/, varied.

A benchmark needs tens of megabytes of realistic news text and the repository holds five
articles, so articles are recombined from their paragraphs (shuffled, numbers changed),
seeded so that every run and every machine measures the same bytes.
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_DIGITS = re.compile(r"(?<!\d)\d+(?![\d年月日号时点])")


def paragraphs(folder: Path = SAMPLES) -> list[str]:
    """The content paragraphs of the sample articles: front matter and tags dropped, entities decoded.

    Tags are stripped crudely on purpose: the corpus stands for plain-text news dumps, and the
    Traditional article with its pinyin annotations stays as it is, so normalisation is exercised.
    """
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        raw = _FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        text = html.unescape(_TAG.sub("\n", raw))
        out.extend(line.strip() for line in text.splitlines() if len(line.strip()) >= 8)
    return out


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Change digit runs to other numbers of the same length, so figures differ between articles.

    Dates and times (a run before 年 月 日 号 时 点) stay: a crawl holds real years, not 2541.
    """

    def repl(m: re.Match[str]) -> str:
        n = len(m.group())
        if rng.random() < 0.3:  # keep some (years, service numbers) as they are
            return m.group()
        low = 10 ** (n - 1) if n > 1 else 0
        return str(rng.randint(low, 10**n - 1))

    return _DIGITS.sub(repl, text)


def build(path: Path, size_mb: float, seed: int = 6) -> Path:
    """Write at least `size_mb` MB (UTF-8 bytes of article text) of JSON-lines articles to `path`.

    Each line is {"id", "text", "title", "date"}. An existing file built with the same size
    and seed is reused (its name carries both).
    """
    if path.exists():
        return path
    rng = random.Random(seed)
    pool = paragraphs()
    target = int(size_mb * 1_000_000)
    written = 0
    n = 0
    tmp = path.with_suffix(".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tmp.open("w", encoding="utf-8") as out:
        while written < target:
            paras = [_vary_numbers(p, rng) for p in rng.sample(pool, rng.randint(3, 25))]
            text = "\n".join(paras)
            row = {
                "id": f"a{n:07d}",
                "text": text,
                "title": paras[0][:30],
                "date": f"{rng.randint(2018, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))
            n += 1
    tmp.replace(path)
    return path
