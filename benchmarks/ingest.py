"""Ingest benchmark: headline, date-line and dateline detection on text nobody tuned them on; read speed.

    python benchmarks/ingest.py            # the table
    python benchmarks/ingest.py --json     # the figures as JSON
    python benchmarks/ingest.py --errors   # the table, then every miss

MEANTIME (../shared/data/meantime-en, CC BY 4.0): 120 Wikinews articles laid out as plain-text files
are: headline, date line, body paragraphs. Scored:
- title recall: the headline is found, exactly;
- date-line accuracy: the date line gives the article's creation date (its CREATION_TIME; the
  articles annotated with one);
- no false headline: with the headline removed, neither the date line nor the first body sentence
  (as a paragraph of its own) is taken for a headline;
- dateline specificity: share of sentence openings (every MEANTIME sentence, every PLOVER-GSR dev
  sentence) on which no dateline fires (none of them has one).
Read speed (MB/s of a generated 20 MB article, UTF-8, cp1252 and mojibake) is printed, not gated:
the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import files_sha256, meantime_files, meantime_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MEANTIME = SHARED / "data" / "meantime-en" / "intra-doc_annotation"
PLOVER_GSR = SHARED / "data" / "plover-gsr" / "dev.jsonl"
BASELINE = Path(__file__).resolve().parent / "baselines" / "ingest.json"

def gold_files() -> list[Path]:
    return sorted(MEANTIME.glob("*/*.xml")) + [PLOVER_GSR]


def gold_sha256() -> str:
    return files_sha256(gold_files())


def meantime_articles() -> list[dict]:
    """Each article as headline, date line, creation date and body sentences."""
    articles = []
    for path in meantime_files():
        root, lines = meantime_sentences(path)
        created = next((t.get("value") for t in root.iter("TIMEX3")
                        if t.get("functionInDocument") == "CREATION_TIME"), None)
        articles.append({"name": path.stem, "title": lines[0], "date_line": lines[1], "created": created,
                         "body": lines[2:]})
    return articles


def _paragraphs(body: list[str]) -> str:
    return "\n\n".join(" ".join(body[i:i + 3]) for i in range(0, len(body), 3))


def compute(errors: list[str] | None = None) -> dict:
    from tidings.dateline import detect_dateline
    from tidings.ingest import article_from_text
    from tidings.ingest.layout import leading_date

    errors = errors if errors is not None else []
    articles = meantime_articles()
    titles = dates = clean = 0
    for article in articles:
        text = f"{article['title']}\n\n{article['date_line']}\n\n{_paragraphs(article['body'])}"
        parsed = article_from_text(text)
        if parsed.title == article["title"]:
            titles += 1
        else:
            errors.append(f"title missed: {article['name']}: {parsed.title!r}")
        if article["created"] is None:
            pass  # no CREATION_TIME annotated: nothing to compare with
        elif leading_date(parsed.text) == article["created"]:
            dates += 1
        else:
            errors.append(f"date line: {article['name']}: {article['date_line']!r} -> {leading_date(parsed.text)}")
        date_first = article_from_text(f"{article['date_line']}\n\n{_paragraphs(article['body'])}")
        sentence_first = article_from_text(f"{article['body'][0]}\n\n{_paragraphs(article['body'][1:])}")
        if date_first.title is None and sentence_first.title is None:
            clean += 1
        else:
            errors.append(f"false headline: {article['name']}: {date_first.title or sentence_first.title!r}")
    openings = [sentence for article in articles for sentence in [article["title"], *article["body"]]]
    openings += [json.loads(line)["text"] for line in PLOVER_GSR.read_text(encoding="utf-8").splitlines() if line.strip()]
    fired = [opening for opening in openings if detect_dateline(opening) is not None]
    errors.extend(f"dateline fired: {opening[:80]!r}" for opening in fired)
    n = len(articles)
    dated = sum(1 for article in articles if article["created"] is not None)
    return {
        "gold_sha256": gold_sha256(),
        "meantime_articles": n,
        "meantime_title_recall": titles / n,
        "meantime_dated_articles": dated,
        "meantime_date_line_accuracy": dates / dated,
        "meantime_no_false_headline": clean / n,
        "dateline_openings": len(openings),
        "dateline_specificity": 1 - len(fired) / len(openings),
    }


def read_speed() -> dict[str, float]:
    """MB/s of ``read_inputs`` on a generated 20 MB article, in three encodings."""
    from tidings.dateline import known_places
    from tidings.ingest import read_inputs

    known_places()  # loaded once per process: not part of reading
    paragraph = ("Lawmakers urged the government to set a date for the departure of foreign troops, officials "
                 "said on Saturday. “We are ready,” one of them told reporters after the session. ") * 3
    text = "Troops Must Leave, Lawmakers Say\n\nBAGHDAD (AP) — " + "\n\n".join(
        [paragraph.strip()] * (20 * 2**20 // (len(paragraph) + 2)))
    variants = {
        "utf-8": text.encode("utf-8"),
        "cp1252": text.encode("cp1252"),
        "mojibake": text.encode("utf-8").decode("cp1252", "replace").replace("\ufffd", "\x9d").encode("utf-8"),
    }
    speeds = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, data in variants.items():
            path = Path(folder) / f"{name}.txt"
            path.write_bytes(data)
            started = time.perf_counter()
            list(read_inputs([path]))
            speeds[name] = len(data) / 2**20 / (time.perf_counter() - started)
    return speeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every miss after the table")
    args = parser.parse_args()
    if not MEANTIME.is_dir():
        sys.exit("../shared/data/meantime-en is absent: nothing to measure")
    errors: list[str] = []
    figures = compute(errors)
    speeds = read_speed()
    if args.json:
        print(json.dumps({**figures, **{f"read_mb_per_s_{k}": round(v, 1) for k, v in speeds.items()}}, indent=2))
        return
    print(f"{'figure':32} {'value':>8}")
    for name, value in figures.items():
        if name != "gold_sha256":
            print(f"{name:32} {value:8.3f}" if isinstance(value, float) else f"{name:32} {value:8d}")
    for name, value in speeds.items():
        print(f"{'read MB/s, ' + name:32} {value:8.1f}")
    if args.errors:
        print("\n".join(["", *errors]) if errors else "\nno misses")


if __name__ == "__main__":
    main()
