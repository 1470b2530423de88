"""Throughput of ``tidings.annotate_many`` against bare ``nlp.pipe`` of the same spaCy model.

Corpus: the 120 MEANTIME articles plus the 163 PLOVER gold-standard dev sentences in 82 two-sentence
briefs (202 articles), read from ../shared. Each mode runs in its own process so peak memory is its own.

    python benchmarks/throughput.py            # both modes, a table and the ratio
    python benchmarks/throughput.py --json     # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import SHARED, gsr_briefs, meantime_articles  # noqa: E402


def corpus():
    return meantime_articles() + gsr_briefs(2)


def run_mode(mode: str, n_process: int, repeat: int) -> dict:
    articles = corpus()
    words = sum(len(a.text.split()) for a in articles)
    if mode == "spacy":
        from tidings.pipeline import load_model

        nlp = load_model()
        work = lambda: sum(1 for _ in nlp.pipe((a.text for a in articles), batch_size=16, n_process=n_process))  # noqa: E731
    else:
        import tidings
        from tidings.pipeline import shared_pipeline

        nlp = shared_pipeline() if n_process == 1 else None
        items = [{"id": a.id, "title": a.title, "text": a.text, "published": a.published} for a in articles]
        work = lambda: sum(1 for _ in tidings.annotate_many(items, n_process=n_process, nlp=nlp))  # noqa: E731
    work()  # warm up: first-use loading of lexicons and gazetteers is not throughput
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        count = work()
        best = min(best, time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "articles": count, "words": words, "seconds": round(best, 3),
            "articles_per_s": round(count / best, 2), "words_per_s": round(words / best),
            "peak_rss_mb": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["spacy", "tidings"])
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit("throughput: ../shared is absent (the corpus is read from there)")
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.processes, args.repeat)))
        return
    results = []
    for mode in ("spacy", "tidings"):
        out = subprocess.run([sys.executable, __file__, "--mode", mode, "--processes", str(args.processes),
                              "--repeat", str(args.repeat)], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    ratio = results[1]["seconds"] / results[0]["seconds"]
    if args.json:
        print(json.dumps({"results": results, "tidings_over_spacy_time": round(ratio, 2)}))
        return
    print(f"{'mode':<10}{'articles':>9}{'words':>9}{'seconds':>9}{'art/s':>9}{'words/s':>9}{'peak MB':>9}")
    for r in results:
        print(f"{r['mode']:<10}{r['articles']:>9}{r['words']:>9}{r['seconds']:>9}{r['articles_per_s']:>9}"
              f"{r['words_per_s']:>9}{r['peak_rss_mb']:>9}")
    print(f"tidings takes {ratio:.2f}x the time of bare nlp.pipe ({args.processes} process(es))")


if __name__ == "__main__":
    main()
