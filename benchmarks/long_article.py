"""Memory and time of annotating one very long article (bounded memory by chunking).

The article is built from the bundled demo articles' paragraphs, repeated to the wanted size.
Each size runs in its own process, so the peak resident memory reported is its own.

    python benchmarks/long_article.py                 # 0.5, 1 and 2 MB
    python benchmarks/long_article.py --sizes 0.5 20  # any sizes, in MB
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_text(megabytes: float) -> str:
    from tidings.ingest import read_inputs

    paragraphs = []
    for article in read_inputs([ROOT / "examples" / "articles"]):
        paragraphs += [p for p in getattr(article, "text", "").split("\n\n") if p.strip()]
    target = int(megabytes * 1_000_000)
    out, size, i = [], 0, 0
    while size < target:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(out)


def run_size(megabytes: float) -> dict:
    import tidings
    from tidings.pipeline import shared_pipeline

    nlp = shared_pipeline()
    tidings.annotate("Warm-up: the minister met his counterpart in Cairo on Monday.", nlp=nlp)
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = build_text(megabytes)
    start = time.perf_counter()
    annotation = tidings.annotate(text, title="Long", published="2024-06-30", nlp=nlp)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"megabytes": megabytes, "characters": len(text), "seconds": round(seconds, 1),
            "sentences": len(annotation.sentences), "events": len(annotation.events),
            "rss_after_warmup_mb": round(baseline_mb), "peak_rss_mb": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1.0, 2.0])
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_size(args.one)))
        return
    print(f"{'MB':>6}{'chars':>11}{'seconds':>9}{'sentences':>11}{'events':>8}{'RSS base':>10}{'RSS peak':>10}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True,
                             check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['megabytes']:>6}{r['characters']:>11}{r['seconds']:>9}{r['sentences']:>11}{r['events']:>8}"
              f"{r['rss_after_warmup_mb']:>10}{r['peak_rss_mb']:>10}")


if __name__ == "__main__":
    main()
