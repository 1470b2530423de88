"""Quote attribution accuracy: content, speaker and cue, on the project's test set and the reference article.

Test set: ``benchmarks/data/quotes/*.yaml``, articles written for the project in four outlet styles (wire,
broadsheet, state media, tabloid) with every quote annotated (format: ``benchmarks/data/quotes/README.md``).
Reference: the gold quotes of ../shared/gold/tasnim-iraq-2021.gold.json (skipped when ../shared is absent).

Scores:
- content P/R/F1: a predicted quote matches a gold quote when their content spans share at least half of the
  longer of the two (one-to-one, best overlap first); ``any`` counts any overlap;
- speaker accuracy on matched quotes: the predicted speaker phrase overlaps the gold speaker mention, or names
  the same referent (its text or its resolved actor's name shares the gold ``speaker_name``'s last word);
- resolved speaker accuracy: on matched quotes whose gold speaker is a pronoun or description
  (``speaker_name`` given), whether the resolved actor's name matches (depends on actor coreference);
- cue accuracy on matched quotes: the predicted cue overlaps the gold cue (both absent counts as right);
- kind, medium and date accuracy on matched quotes that have them in gold.

    python benchmarks/quotes.py            # tables
    python benchmarks/quotes.py --json     # the figures as JSON
    python benchmarks/quotes.py --errors   # also list misses and wrong speakers
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_gold import DATA, GoldArticle, GoldQuote, load_test_set  # noqa: E402

#: articles written after the rules were tuned on DATA, kept apart to estimate how the rules generalise
HOLDOUT = DATA / "holdout"
#: a second set in the style of 1980s business news (PARC's source), written and scored once, untouched
HOLDOUT2 = DATA / "holdout2"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE_TEXT = SHARED / "examples" / "tasnim-iraq-2021.txt"
REFERENCE_GOLD = SHARED / "gold" / "tasnim-iraq-2021.gold.json"
REFERENCE_PUBLISHED = "2021-11-20"
MATCH_OVERLAP = 0.5


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_any: int = 0
    speaker_ok: int = 0
    resolved_total: int = 0
    resolved_ok: int = 0
    cue_ok: int = 0
    kind_ok: int = 0
    medium_total: int = 0
    medium_ok: int = 0
    date_total: int = 0
    date_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "errors":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def figures(self) -> dict[str, float | int]:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        any_p = self.matched_any / self.predicted if self.predicted else 0.0
        any_r = self.matched_any / self.gold if self.gold else 0.0
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "content_precision": round(precision, 4), "content_recall": round(recall, 4),
            "content_f1": round(f1, 4),
            "content_f1_any_overlap": round(2 * any_p * any_r / (any_p + any_r), 4) if any_p + any_r else 0.0,
            "speaker_accuracy": _ratio(self.speaker_ok, self.matched),
            "resolved_speaker_accuracy": _ratio(self.resolved_ok, self.resolved_total),
            "cue_accuracy": _ratio(self.cue_ok, self.matched),
            "kind_accuracy": _ratio(self.kind_ok, self.matched),
            "medium_accuracy": _ratio(self.medium_ok, self.medium_total),
            "date_accuracy": _ratio(self.date_ok, self.date_total),
        }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[tuple[int, int]], predicted: list[tuple[int, int]],
          threshold: float = MATCH_OVERLAP) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) sharing ``threshold`` of the longer span, best first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = overlap(g, p)
            longer = max(g[1] - g[0], p[1] - p[0], 1)
            if shared and shared / longer >= threshold:
                candidates.append((shared / longer, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def _norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"^(the|a|an|his|her|its|their)\s+", "", text.strip())
    return " ".join(text.split())


def _last_word(name: str) -> str:
    return _norm(name).split()[-1] if _norm(name) else ""


def resolved_name(annotation, actor_id: str | None) -> str | None:
    """The name of the actor a speaker resolves to, following coreference links."""
    seen = set()
    actor = annotation.actor(actor_id)
    while actor is not None and actor.refers_to and actor.refers_to not in seen:
        seen.add(actor.id)
        actor = annotation.actor(actor.refers_to) or actor
        if actor.id in seen:
            break
    if actor is None:
        return None
    return actor.name or actor.text


def speaker_correct(gold: GoldQuote, quote, annotation) -> bool:
    speaker = quote.speaker
    if gold.speaker is None:
        return speaker is None
    if speaker is None:
        return False
    if overlap((gold.speaker.start, gold.speaker.end), (speaker.start, speaker.end)) > 0:
        return True
    if _norm(speaker.text) == _norm(gold.speaker.text):
        return True
    target = gold.speaker_name or gold.speaker.text
    names = [speaker.text] + [resolved_name(annotation, a) or "" for a in (speaker.actors or [speaker.actor])]
    return any(_last_word(target) and _last_word(target) in _norm(name).split() for name in names)


def resolved_correct(gold: GoldQuote, quote, annotation) -> bool:
    if quote.speaker is None or not gold.speaker_name:
        return False
    name = resolved_name(annotation, quote.speaker.actor)
    return bool(name) and _last_word(gold.speaker_name) in _norm(name).split()


def medium_correct(gold: str, predicted: str | None) -> bool:
    g, p = _norm(gold), _norm(predicted)
    return bool(p) and (g in p or p in g)


def score_article(article: GoldArticle, annotation) -> Tally:
    tally = Tally(gold=len(article.quotes), predicted=len(annotation.quotes))
    gold_spans = [(q.content.start, q.content.end) for q in article.quotes]
    predicted_spans = [(q.content.start, q.content.end) for q in annotation.quotes]
    pairs = match(gold_spans, predicted_spans)
    tally.matched = len(pairs)
    tally.matched_any = len(match(gold_spans, predicted_spans, threshold=1e-9))
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, pi in pairs:
        gold, quote = article.quotes[gi], annotation.quotes[pi]
        where = f"{article.id}: {gold.content.text[:60]!r}"
        if speaker_correct(gold, quote, annotation):
            tally.speaker_ok += 1
        else:
            tally.errors.append(f"SPEAKER {where}: gold {gold.speaker.text if gold.speaker else None!r}, "
                                f"got {quote.speaker.text if quote.speaker else None!r}")
        if gold.speaker_name and gold.speaker is not None:
            tally.resolved_total += 1
            tally.resolved_ok += resolved_correct(gold, quote, annotation)
        cue_ok = (gold.cue is None and quote.cue is None) or (
            gold.cue is not None and quote.cue is not None
            and overlap((gold.cue.start, gold.cue.end), (quote.cue.start, quote.cue.end)) > 0)
        tally.cue_ok += cue_ok
        if not cue_ok:
            tally.errors.append(f"CUE {where}: gold {gold.cue.text if gold.cue else None!r}, "
                                f"got {quote.cue.text if quote.cue else None!r}")
        tally.kind_ok += gold.kind == quote.kind
        if gold.medium:
            tally.medium_total += 1
            ok = medium_correct(gold.medium, quote.medium)
            tally.medium_ok += ok
            if not ok:
                tally.errors.append(f"MEDIUM {where}: gold {gold.medium!r}, got {quote.medium!r}")
        if gold.date:
            tally.date_total += 1
            tally.date_ok += quote.date in (gold.date, gold.date_text)
    for gi, gold in enumerate(article.quotes):
        if gi not in matched_gold:
            tally.errors.append(f"MISSED {article.id}: {gold.kind} {gold.content.text[:90]!r}")
    for pi, quote in enumerate(annotation.quotes):
        if pi not in matched_pred:
            tally.errors.append(f"EXTRA {article.id}: {quote.kind} {quote.content.text[:90]!r} "
                                f"(cue {quote.cue.text if quote.cue else None!r})")
    return tally


def evaluate_test_set(nlp=None, directory: Path = DATA) -> dict:
    """Figures on a test set: overall, by style and by kind."""
    import tidings

    articles = load_test_set(directory)
    overall, by_style = Tally(), {}
    by_kind = {kind: Tally() for kind in ("direct", "indirect")}
    for article in articles:
        annotation = tidings.annotate(article.text, published=article.published, nlp=nlp)
        article = article.against(annotation.article.text)  # the headline may have been split off
        tally = score_article(article, annotation)
        overall.add(tally)
        by_style.setdefault(article.style, Tally()).add(tally)
        for kind in by_kind:
            by_kind[kind].add(_kind_tally(article, annotation, kind))
    return {
        "articles": len(articles),
        "overall": overall.figures(),
        "by_style": {style: t.figures() for style, t in sorted(by_style.items())},
        "by_kind": {kind: t.figures() for kind, t in by_kind.items()},
        "errors": overall.errors,
    }


def _kind_tally(article: GoldArticle, annotation, kind: str) -> Tally:
    """Scores restricted to gold and predicted quotes of one kind."""
    sub = GoldArticle(article.id, article.style, article.text, article.published, article.path,
                      [q for q in article.quotes if q.kind == kind])
    view = _QuotesView(annotation, [q for q in annotation.quotes if q.kind == kind])
    tally = score_article(sub, view)
    tally.errors = []
    return tally


class _QuotesView:
    """An annotation seen through a subset of its quotes."""

    def __init__(self, annotation, quotes):
        self._annotation = annotation
        self.quotes = quotes

    def actor(self, actor_id):
        return self._annotation.actor(actor_id)


def evaluate_reference(nlp=None) -> dict | None:
    """The reference article's ten gold quotes: found (by content start) and with the right speaker."""
    if not REFERENCE_GOLD.exists():
        return None
    import tidings

    gold = json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))["quotes"]
    text = REFERENCE_TEXT.read_text(encoding="utf-8")
    annotation = tidings.annotate(text, published=REFERENCE_PUBLISHED, nlp=nlp)
    found = speaker_text_ok = speaker_name_ok = medium_ok = cue_ok = 0
    rows = []
    for item in gold:
        quote = reference_match(item, annotation)
        ok_text = ok_name = False
        if quote is not None:
            found += 1
            ok_text = reference_speaker_text_ok(item, quote)
            ok_name = reference_speaker_name_ok(item, quote, annotation)
            cue_ok += quote.cue is not None and _norm(quote.cue.text) == _norm(item["cue"])
            if item.get("medium"):
                medium_ok += medium_correct(item["medium"], quote.medium)
        speaker_text_ok += bool(ok_text)
        speaker_name_ok += ok_name
        rows.append({"id": item["id"], "found": quote is not None, "speaker_text_ok": ok_text,
                     "speaker_actor_ok": ok_name,
                     "got": quote.speaker.text if quote is not None and quote.speaker else None})
    judged = sum(1 for row in rows if row["speaker_text_ok"] is not None)
    return {"gold": len(gold), "found": found, "speaker_text_ok": speaker_text_ok, "speaker_text_judged": judged,
            "speaker_actor_ok": speaker_name_ok, "cue_ok": cue_ok,
            "medium_ok": medium_ok, "medium_total": sum(1 for item in gold if item.get("medium")),
            "extra": len(annotation.quotes) - found, "rows": rows}


def reference_match(item: dict, annotation):
    """The predicted quote whose content starts with the gold quote's first words."""
    wanted = _norm(item["content_starts"])
    for quote in annotation.quotes:
        if _norm(quote.content.text).startswith(wanted):
            return quote
    return None


PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def reference_speaker_text_ok(item: dict, quote) -> bool | None:
    """The speaker phrase is the gold speaker's mention (its name, or the pronoun/description given).

    None for a pronoun where the gold names no mention: only its resolved actor can be judged.
    """
    if quote.speaker is None:
        return False
    got = _norm(quote.speaker.text)
    if got in PRONOUNS and not item.get("speaker_text"):
        return None
    wanted = [_norm(item["speaker"]), _norm(item.get("speaker_text"))]
    return any(w and (w == got or w in got) for w in wanted)


def reference_speaker_name_ok(item: dict, quote, annotation) -> bool:
    """The speaker resolves to the gold speaker's actor (by name, following coreference)."""
    if quote.speaker is None:
        return False
    ids = [actor_id for actor_id in (quote.speaker.actors or [quote.speaker.actor]) if actor_id]
    if item.get("speaker_codes"):  # a joint speaker: one actor per country named
        codes = {getattr(annotation.actor(actor_id), "code", None) for actor_id in ids}
        return set(item["speaker_codes"]) <= codes
    wanted = _norm(item["speaker"])
    names = [_norm(resolved_name(annotation, actor_id)) for actor_id in ids]
    return any(name and (wanted in name or name in wanted) for name in names)


def test_set_hash() -> str:
    """sha256 over every annotated article (test set and held-out sets), in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(DATA.rglob("*.yaml")):
        digest.update(str(path.relative_to(DATA)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reference_hash() -> str | None:
    return hashlib.sha256(REFERENCE_GOLD.read_bytes()).hexdigest() if REFERENCE_GOLD.exists() else None


def run(nlp=None) -> dict:
    started = time.perf_counter()
    results = {"test_set": evaluate_test_set(nlp), "holdout": evaluate_test_set(nlp, HOLDOUT),
               "holdout2": evaluate_test_set(nlp, HOLDOUT2),
               "reference": evaluate_reference(nlp),
               "test_set_sha256": test_set_hash(), "reference_gold_sha256": reference_hash()}
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def print_tables(results: dict, errors: bool) -> None:
    print_set(results["test_set"], "Quote attribution test set", errors)
    print_set(results["holdout"], "\nHeld-out set 1 (written after the first tuning round; its errors were then fixed)",
              errors)
    print_set(results["holdout2"], "\nHeld-out set 2 (business news in PARC's style; never tuned on)", errors)
    print_reference(results["reference"])
    print(f"\n{results['seconds']} s")


def print_set(test: dict, title: str, errors: bool) -> None:
    columns = ("gold", "predicted", "content_precision", "content_recall", "content_f1", "content_f1_any_overlap",
               "speaker_accuracy", "resolved_speaker_accuracy", "cue_accuracy", "kind_accuracy")
    short = ("gold", "pred", "P", "R", "F1", "F1 any", "speaker", "resolved", "cue", "kind")
    print(f"{title}: {test['articles']} articles, {test['overall']['gold']} quotes "
          f"(content match: >= {MATCH_OVERLAP:.0%} overlap of the longer span)\n")
    print("| slice | " + " | ".join(short) + " |")
    print("|---" * (len(short) + 1) + "|")
    rows = [("all", test["overall"])] + list(test["by_style"].items()) + list(test["by_kind"].items())
    for name, figures in rows:
        print(f"| {name} | " + " | ".join(_cell(figures[c]) for c in columns) + " |")
    overall = test["overall"]
    print(f"\nmedium accuracy {_cell(overall['medium_accuracy'])}, date accuracy {_cell(overall['date_accuracy'])} "
          "(on matched quotes that have them in gold)")
    if errors:
        print("\n" + "\n".join(test["errors"]))


def print_reference(reference: dict | None) -> None:
    if reference is None:
        print("\nreference article: skipped (../shared is absent)")
    else:
        print(f"\nReference article (Tasnim, {reference['gold']} gold quotes): found {reference['found']}, "
              f"speaker mention right {reference['speaker_text_ok']}/{reference['speaker_text_judged']} "
              f"(the others are pronouns), speaker actor right "
              f"{reference['speaker_actor_ok']}, cue right {reference['cue_ok']}, medium right "
              f"{reference['medium_ok']}/{reference['medium_total']}, other quotes {reference['extra']}")
        for row in reference["rows"]:
            mention = {True: "mention ok", False: "mention WRONG", None: "pronoun"}[row["speaker_text_ok"]]
            flags = ("found" if row["found"] else "MISSED", mention,
                     "actor ok" if row["speaker_actor_ok"] else "actor unresolved")
            print(f"  {row['id']:4} {', '.join(flags)} (speaker {row['got']!r})")


def _cell(value) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


BASELINE = Path(__file__).resolve().parent / "baselines" / "quotes.json"
#: figures the gate holds: quote finding itself (actor resolution and time normalisation have their own gates)
GATED_SET_FIGURES = ("content_precision", "content_recall", "content_f1", "speaker_accuracy", "cue_accuracy",
                     "kind_accuracy", "medium_accuracy", "date_accuracy")
GATED_REFERENCE_FIGURES = ("found", "speaker_text_ok", "speaker_actor_ok", "cue_ok", "medium_ok")


def floors(results: dict) -> dict:
    """The gated figures of a run, as the gate's floors."""
    out: dict = {"command": "python benchmarks/quotes.py --write-baseline",
                 "test_set_sha256": results["test_set_sha256"],
                 "reference_gold_sha256": results["reference_gold_sha256"]}
    for name in ("test_set", "holdout", "holdout2"):
        overall = results[name]["overall"]
        out[name] = {key: overall[key] for key in GATED_SET_FIGURES if overall.get(key) is not None}
    if results["reference"] is not None:
        out["reference"] = {key: results["reference"][key] for key in GATED_REFERENCE_FIGURES}
    return out


def below_floor(results: dict, baseline: dict) -> list[str]:
    """Every gated figure that dropped below its floor (empty when the gate passes)."""
    current = floors(results)
    drops = []
    for section, figures in baseline.items():
        if not isinstance(figures, dict) or section not in current:
            continue
        for key, floor in figures.items():
            value = current[section].get(key)
            if value is None or value < floor:
                drops.append(f"{section}.{key}: {value} < {floor}")
    return drops


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list misses, extras and wrong speakers")
    parser.add_argument("--write-baseline", action="store_true", help=f"write today's figures to {BASELINE.name}")
    args = parser.parse_args(argv)
    results = run()
    if args.write_baseline:
        BASELINE.write_text(json.dumps(floors(results), indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print_tables(results, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
