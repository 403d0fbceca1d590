"""Time `statx extract` on one single-line article of 20 MB (issue 5: it must complete).

    .venv/bin/python bench/big_article.py            # 20 MB
    .venv/bin/python bench/big_article.py --mb 5

The article is the sample articles (HTML, front matter, Traditional script) run together
on one line, repeated to the size asked, in UTF-8. statx runs as a user runs it, in its own
process; the script prints the wall time, the records written and the peak memory.
`tests/test_scale.py` checks, on small sizes, the linear growth that makes this finish.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the article in MB of UTF-8")
    args = parser.parse_args()
    base = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    base = base.replace("\r", " ").replace("\n", " ")
    size = int(args.mb * 1_000_000)
    unit = base.encode("utf-8")
    data = (unit * (size // len(unit) + 1))[:size].decode("utf-8", errors="ignore")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "big.txt"
        article.write_text(data, encoding="utf-8")
        out = Path(tmp) / "big.jsonl"
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-m", "statx", "extract", str(article), "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - started
        records = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = {
        "bytes": len(data.encode("utf-8")),
        "characters": len(data),
        "lines": data.count("\n") + 1,
        "exit": run.returncode,
        "seconds": round(seconds, 1),
        "records": records,
        "peak_rss_mb": round(peak_mb),
        "stderr": run.stderr[-500:],
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
