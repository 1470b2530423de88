"""Time benchmark: time expressions and event dates on MEANTIME and on the reference article.

    python benchmarks/timex.py            # the table
    python benchmarks/timex.py --json     # the figures as JSON
    python benchmarks/timex.py --errors   # the table, then every miss (missed, spurious, span, type, value)

MEANTIME (../shared/data/meantime-en, CC BY 4.0): 120 Wikinews articles, the creation time as the
publication date. Time expressions are scored on span (strict: same offsets; relaxed: overlap) and
value (TempEval-3 style: value P/R/F1 counts a relaxed match with the gold value exactly).
Event dates: every event mention whose corpus-level instance has a TIME in list_instances.csv naming
at least a year ("dated"), and the subset a TLINK ties to a time expression or the creation time
("stated"); events are placed at the gold trigger positions (MEANTIME's events are not PLOVER
events, so the event coder has nothing to say about most of them) and dated by tidings_event_time.

Reference article (../shared/examples, gold in ../shared/gold): its gold time expressions (relaxed
match, value), and its dated gold events twice: placed at the gold triggers ("gold triggers"), and
as the event coder produces them, matched to gold by trigger overlap ("coded events").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import files_sha256  # noqa: E402
from timex_data import REFERENCE_PUBLISHED, SHARED, gold_files, meantime, reference  # noqa: E402

BASELINE = Path(__file__).resolve().parent / "baselines" / "timex.json"


def gold_sha256() -> str:
    return files_sha256(gold_files())


def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _process(nlp, text: str, published: str | None):
    from tidings.extensions import register_extensions
    from tidings.model import Article

    register_extensions()
    doc = nlp.make_doc(text)
    doc._.article = Article(id="", text=text, published=published)
    return doc


def _context(text: str, item, width: int = 50) -> str:
    """The text around a span, one line, for error listings."""
    return " ".join(text[max(0, item.start - width):item.end + width].split())


def score_meantime(nlp, errors: list | None = None) -> dict:
    from tidings.extensions import records
    from tidings.model import Event, TextSpan
    from tidings.timex.event_dates import date_events

    articles = meantime()
    docs = list(nlp.pipe([_process(nlp, a.text, a.published) for a in articles], batch_size=16))
    n_gold = n_pred = strict = relaxed = typed = valued = 0
    dated = dated_ok = stated = stated_ok = dated_pub = stated_pub = 0
    for article, doc in zip(articles, docs):
        predicted = records(doc, "timexes")
        n_gold += len(article.timexes)
        n_pred += len(predicted)
        if errors is not None:
            for pred in predicted:
                if not any(_overlaps(pred.start, pred.end, g.start, g.end) for g in article.timexes):
                    errors.append(("timex spurious", article.id, pred.text, pred.value, _context(article.text, pred)))
        for gold in article.timexes:
            match = next((p for p in predicted if _overlaps(p.start, p.end, gold.start, gold.end)), None)
            if match is None:
                if errors is not None:
                    errors.append(("timex missed", article.id, gold.text, gold.value, None))
                continue
            relaxed += 1
            strict += (match.start, match.end) == (gold.start, gold.end)
            if errors is not None and (match.start, match.end) != (gold.start, gold.end):
                errors.append(("timex span", article.id, gold.text, gold.value, f"{match.text!r}"))
            typed += match.type == gold.type
            valued += match.value == gold.value
            if errors is not None and match.type != gold.type:
                errors.append(("timex type", article.id, gold.text, gold.type, f"{match.text!r} {match.type}"))
            if errors is not None and match.value != gold.value:
                errors.append(("timex value", article.id, gold.text, gold.value, f"{match.text!r} {match.value}"))
        events = [Event(id=f"e{i + 1}", event_type="", trigger=TextSpan(g.text, g.start, g.end), sentence=0)
                  for i, g in enumerate(article.events)]
        date_events(doc, events, predicted, article.published)
        for gold, event in zip(article.events, events):
            ok = event.date is not None and event.date.value == gold.value
            dated += 1
            dated_ok += ok
            dated_pub += gold.value == article.published
            if gold.stated:
                stated += 1
                stated_ok += ok
                stated_pub += gold.value == article.published
            if errors is not None and not ok:
                errors.append(("event date", article.id, gold.text, gold.value,
                               f"{event.date.value} ({event.date.resolved_by})"))
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    vp, vr, vf = _prf(valued, n_pred, n_gold)
    return {
        "meantime_articles": len(articles), "meantime_timex_gold": n_gold, "meantime_timex_predicted": n_pred,
        "meantime_span_strict_p": sp, "meantime_span_strict_r": sr, "meantime_span_strict_f1": sf,
        "meantime_span_relaxed_p": rp, "meantime_span_relaxed_r": rr, "meantime_span_relaxed_f1": rf,
        "meantime_type_accuracy": typed / relaxed if relaxed else 0.0,
        "meantime_value_accuracy": valued / relaxed if relaxed else 0.0,
        "meantime_value_p": vp, "meantime_value_r": vr, "meantime_value_f1": vf,
        "meantime_events_dated": dated, "meantime_event_date_accuracy": dated_ok / dated if dated else 0.0,
        "meantime_event_date_publication_baseline": dated_pub / dated if dated else 0.0,
        "meantime_events_stated": stated,
        "meantime_stated_event_date_accuracy": stated_ok / stated if stated else 0.0,
        "meantime_stated_publication_baseline": stated_pub / stated if stated else 0.0,
    }


def _fragments(text: str, trigger: str) -> list[tuple[int, int]]:
    """Offsets of a gold trigger's pieces ("targeted ... in a terrorist drone strike")."""
    spans, position = [], 0
    for piece in (p.strip() for p in trigger.split("...")):
        found = text.find(piece, position)
        if piece and found >= 0:
            spans.append((found, found + len(piece)))
            position = found + len(piece)
    return spans


def _date_ok(date, gold: dict | None, published: str) -> bool:
    if date is None:
        return False
    if gold is None:  # no date of its own: the publication date, marked as such
        return date.value == published and date.resolved_by == "publication"
    accepted = {gold["value"], *gold.get("also_accept", [])}
    if date.value not in accepted:
        return False
    return gold.get("relation") is None or date.relation == gold["relation"]


def score_reference(nlp, errors: list | None = None) -> dict:
    import tidings
    from tidings.extensions import records
    from tidings.model import Event, TextSpan
    from tidings.timex.event_dates import date_events

    text, gold = reference()
    annotation = tidings.annotate(text, published=REFERENCE_PUBLISHED, nlp=nlp)
    text = annotation.article.text  # the body, as annotated (ingest may take the title off)
    # time expressions: the gold gives text only; its place is the first occurrence
    found = valued = 0
    for item in gold["time_expressions"]:
        start = text.find(item["text"])
        match = next((t for t in annotation.timexes if _overlaps(t.start, t.end, start, start + len(item["text"]))),
                     None)
        found += match is not None
        valued += match is not None and match.value == item["value"]
        if errors is not None and (match is None or match.value != item["value"]):
            errors.append(("reference timex", item["text"], item["value"], match and (match.text, match.value)))
    # dated gold events placed at their triggers
    doc = nlp(_process(nlp, text, REFERENCE_PUBLISHED))
    placed, expected = [], []
    for item in gold["events"]:
        spans = _fragments(text, item["trigger"])
        if not spans:
            continue
        start, end = spans[0]
        placed.append(Event(id=item["id"], event_type=item["type"][0], trigger=TextSpan(text[start:end], start, end),
                            sentence=0))
        expected.append(item)
    date_events(doc, placed, records(doc, "timexes"), REFERENCE_PUBLISHED)
    dated = [(e, g) for e, g in zip(placed, expected) if g.get("date")]
    gold_ok = sum(_date_ok(e.date, g["date"], REFERENCE_PUBLISHED) for e, g in dated)
    undated = [(e, g) for e, g in zip(placed, expected) if "date" in g and g["date"] is None]
    undated_ok = sum(_date_ok(e.date, None, REFERENCE_PUBLISHED) for e, g in undated)
    if errors is not None:
        for event, item in dated + undated:
            if not _date_ok(event.date, item.get("date"), REFERENCE_PUBLISHED):
                errors.append(("reference event (gold trigger)", item["id"], item["trigger"], item.get("date"),
                               event.date))
    # the same events as the event coder produces them
    coded = matched = coded_ok = 0
    for item in gold["events"]:
        if not item.get("date"):
            continue
        coded += 1
        spans = _fragments(text, item["trigger"])
        event = next((e for e in annotation.events
                      if any(_overlaps(e.trigger.start, e.trigger.end, s, t) for s, t in spans)), None)
        if event is None:
            continue
        matched += 1
        coded_ok += _date_ok(event.date, item["date"], REFERENCE_PUBLISHED)
        if errors is not None and not _date_ok(event.date, item["date"], REFERENCE_PUBLISHED):
            errors.append(("reference event (coded)", item["id"], item["trigger"], item["date"], event.date))
    return {
        "reference_timex_gold": len(gold["time_expressions"]),
        "reference_timex_found": found / len(gold["time_expressions"]),
        "reference_timex_value_accuracy": valued / len(gold["time_expressions"]),
        "reference_dated_events": len(dated),
        "reference_dated_events_correct_gold_triggers": gold_ok / len(dated) if dated else 0.0,
        "reference_undated_events_publication": undated_ok / len(undated) if undated else 0.0,
        "reference_dated_events_coded": matched,
        "reference_dated_events_correct_coded": coded_ok / matched if matched else 0.0,
    }


def compute(nlp=None, errors: list | None = None) -> dict:
    """Every figure of the benchmark (``nlp``: a full Tidings pipeline; built if not given)."""
    if nlp is None:
        from tidings.pipeline import shared_pipeline

        nlp = shared_pipeline()
    figures = score_meantime(nlp, errors)
    figures.update(score_reference(nlp, errors))
    figures["gold_sha256"] = gold_sha256()
    return figures


TABLE = (
    ("MEANTIME time expressions (gold / predicted)", "meantime_timex_gold", "meantime_timex_predicted"),
    ("span strict P / R / F1", "meantime_span_strict_p", "meantime_span_strict_r", "meantime_span_strict_f1"),
    ("span relaxed P / R / F1", "meantime_span_relaxed_p", "meantime_span_relaxed_r", "meantime_span_relaxed_f1"),
    ("type accuracy (relaxed matches)", "meantime_type_accuracy"),
    ("value accuracy (relaxed matches)", "meantime_value_accuracy"),
    ("value P / R / F1", "meantime_value_p", "meantime_value_r", "meantime_value_f1"),
    ("MEANTIME dated event mentions", "meantime_events_dated"),
    ("event-date accuracy (publication-date baseline)", "meantime_event_date_accuracy",
     "meantime_event_date_publication_baseline"),
    ("MEANTIME events whose time the text states (TLINK)", "meantime_events_stated"),
    ("stated event-date accuracy (publication-date baseline)", "meantime_stated_event_date_accuracy",
     "meantime_stated_publication_baseline"),
    ("reference: gold time expressions", "reference_timex_gold"),
    ("reference: found (relaxed) / value correct", "reference_timex_found", "reference_timex_value_accuracy"),
    ("reference: dated gold events", "reference_dated_events"),
    ("reference: correct date, events at gold triggers", "reference_dated_events_correct_gold_triggers"),
    ("reference: undated gold events given the publication date", "reference_undated_events_publication"),
    ("reference: dated events the coder produced / correct date", "reference_dated_events_coded",
     "reference_dated_events_correct_coded"),
)


def table(figures: dict) -> str:
    lines = ["| figure | value |", "|---|---|"]
    for label, *keys in TABLE:
        values = [figures[k] for k in keys]
        shown = " / ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in values)
        lines.append(f"| {label} | {shown} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every miss after the table")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit("../shared is absent: the benchmark reads its gold data there")
    errors: list | None = [] if args.errors else None
    began = time.perf_counter()
    figures = compute(errors=errors)
    figures["seconds"] = round(time.perf_counter() - began, 1)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(table(figures))
    print(f"\n{figures['seconds']} s")
    for error in errors or []:
        print(*error, sep="\t")


if __name__ == "__main__":
    main()
