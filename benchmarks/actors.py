"""Actor resolution: country and sector accuracy, the reference article's actors, and the cost.

Run: python benchmarks/actors.py [--no-speed] [--json]

Sets measured
- phrases: benchmarks/data/actors/phrases.tsv, short actor phrases written for the project;
- heldout_phrases: benchmarks/data/actors/heldout.tsv, short actor phrases written for the
  project by an engineer who did not see the resolver, its data or its misses, scored once as written
  (first run recorded in docs/benchmarks.md); later figures on it are tuned;
- heldout2_phrases: benchmarks/data/actors/heldout2.tsv, a second blind set (249 phrases in the style of
  the gold standard's wire news, 1990s-2020s), written and scored once after the first set's fixes;
- gsr: the gold actor texts of ../shared/data/plover-gsr/dev.jsonl (PLOVER gold standard, CC BY-SA),
  each resolved on its own (no sentence around it), codes mapped as ``map_gsr_code`` says;
- reference: the actors table of ../shared/gold/tasnim-iraq-2021.gold.json against the actors
  Tidings finds in the article (published 2021-11-20);
- speed: ``annotate_many`` over MEANTIME texts (../shared/data/meantime-en) with and without the
  entity ruler and actor components (base: the spaCy model and the structure component).

Country accuracy: the code is one of the acceptable codes. Sector accuracy: the first (primary)
sector is one of the acceptable sectors (no sector expected: none given).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PHRASES = ROOT / "benchmarks" / "data" / "actors" / "phrases.tsv"
HELDOUT_PHRASES = ROOT / "benchmarks" / "data" / "actors" / "heldout.tsv"
HELDOUT2_PHRASES = ROOT / "benchmarks" / "data" / "actors" / "heldout2.tsv"
#: the sets scored for country and sector accuracy, in the order they are printed
SETS = ("phrases", "heldout_phrases", "heldout2_phrases", "gsr", "gsr_in_context")
GSR = SHARED / "data" / "plover-gsr" / "dev.jsonl"
REFERENCE_TEXT = SHARED / "examples" / "tasnim-iraq-2021.txt"
REFERENCE_GOLD = SHARED / "gold" / "tasnim-iraq-2021.gold.json"
MEANTIME = SHARED / "data" / "meantime-en" / "intra-doc_annotation"
REFERENCE_PUBLISHED = "2021-11-20"

#: CAMEO country codes in the gold standard that differ from ISO 3166 alpha-3
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
#: the gold standard predates PLOVER 1.0's UNO and EUR codes and codes international NGOs (Amnesty
#: International, the Red Cross) IGO as well: its IGO accepts any international organisation code
#: (the same rule as benchmarks/plover_gsr.py)
GSR_IGO = {"IGO", "UNO", "EUR", "NGO"}
#: CAMEO "CIV" is PLOVER "CVL"
SECTOR_RENAMES = {"CIV": "CVL"}
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
           "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"}


def sha256(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


# -- gold sets -----------------------------------------------------------------------------------

def load_phrases(path: Path = PHRASES) -> list[dict]:
    rows = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        rows.append({
            "text": row["text"], "date": row.get("date") or None,
            "codes": {None if c == "-" else c for c in row["code"].split("|")},
            "sectors": {None if s == "-" else s for s in row["sectors"].split("|")},
        })
    return rows


def map_gsr_code(code: str | None) -> set | None:
    """Acceptable codes for a gold-standard country code (None: not scored)."""
    if not code or code == "***":
        return None
    code = CAMEO_TO_ISO.get(code, code)
    return set(GSR_IGO) if code == "IGO" else {code}


def map_gsr_sectors(sector: str | None) -> set | None:
    """PLOVER sectors in a gold-standard sector string ("REFKUR" -> {REF}; None: not scored).

    Three-letter chunks are read in order; lower-case chunks (ethnic groups) and CAMEO religion
    codes are not PLOVER sectors and are dropped; CIV becomes CVL.
    """
    if not sector or sector == "***":
        return None
    chunks = [sector[i:i + 3] for i in range(0, len(sector), 3)]
    out = [SECTOR_RENAMES.get(c, c) for c in chunks if c.isupper()]
    kept = {c for c in out if c in SECTORS}
    return kept or None


def load_gsr(path: Path = GSR) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for role in ("source", "target"):
            value = record.get(role)
            if not value:
                continue
            for actor in value if isinstance(value, list) else [value]:
                text = (actor.get("actorText") or "").strip()
                if not text:
                    continue
                rows.append({"text": text, "date": None, "codes": map_gsr_code(actor.get("code")),
                             "sectors": map_gsr_sectors(actor.get("sector")), "id": record["id"]})
    return rows


# -- scoring ---------------------------------------------------------------------------------------

def score(rows: list[dict], resolve) -> dict:
    """Country and sector accuracy of ``resolve(text, date) -> Actor`` over gold rows."""
    country = [0, 0]
    sector = [0, 0]
    misses = []
    for row in rows:
        actor = resolve(row["text"], row["date"])
        primary = actor.sectors[0] if actor.sectors else None
        ok_code = ok_sector = None
        if row["codes"] is not None:
            ok_code = actor.code in row["codes"]
            country[0] += ok_code
            country[1] += 1
        if row["sectors"] is not None:
            ok_sector = primary in row["sectors"]
            sector[0] += ok_sector
            sector[1] += 1
        if ok_code is False or ok_sector is False:
            misses.append((row["text"], actor.code, actor.sectors, sorted(map(str, row["codes"] or [])),
                           sorted(map(str, row["sectors"] or []))))
    return {
        "country_accuracy": country[0] / country[1] if country[1] else None, "country_n": country[1],
        "sector_accuracy": sector[0] / sector[1] if sector[1] else None, "sector_n": sector[1],
        "misses": misses,
    }


def score_in_context(path: Path = GSR) -> dict:
    """The gold actors of the gold-standard sentences read in their sentence: the sentence is parsed
    and :func:`actor_for_span` is asked about the gold actor text (as the event coder does)."""
    from tidings.components.actors import actor_for_span
    from tidings.pipeline import build

    nlp = build(components=("tidings_structure", "tidings_entity_ruler", "tidings_actors"))
    rows = load_gsr(path)
    by_record = {json.loads(line)["id"]: json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()}
    cache: dict[str, object] = {}

    def resolve(row):
        text = by_record[row["id"]]
        if text not in cache:
            cache[text] = nlp(text)
        doc = cache[text]
        start = text.find(row["text"])
        span = doc.char_span(start, start + len(row["text"]), alignment_mode="expand") if start >= 0 else None
        return actor_for_span(doc, span) if span is not None else None

    class _Unresolved:
        code = None
        sectors: list = []

    # rows whose gold text is not a piece of the sentence ("people .. in Hong Kong") cannot be asked about
    rows = [r for r in rows if r["text"] in by_record[r["id"]]]
    return score([dict(r, date=r) for r in rows], lambda text, row: resolve(row) or _Unresolved())


def reference_table(annotation, gold: dict) -> dict:
    """How many gold actors Tidings found with an acceptable code and sector."""
    results = []
    for entry in gold["actors"]:
        codes = entry["code"] if isinstance(entry["code"], list) else [entry["code"]]
        sectors = entry["sectors"]
        forms = [entry["name"], *entry.get("also", [])]
        found = find_actor(annotation, forms)
        ok = found is not None and found.code in codes and (
            (found.sectors[0] if found.sectors else None) in sectors)
        results.append((entry["name"], ok, None if found is None else (found.text, found.code, found.sectors)))
    return {"acceptable": sum(ok for _, ok, _ in results), "total": len(results), "rows": results}


def find_actor(annotation, forms: list[str]):
    """The actor mention that names a gold actor: by name first, then by text."""
    lowered = [f.lower() for f in forms]
    for actor in annotation.actors:
        if actor.name and actor.name.lower() in lowered and actor.refers_to is None:
            return actor
    for actor in annotation.actors:
        if actor.name and actor.name.lower() in lowered:
            return actor
    for actor in annotation.actors:
        text = actor.text.lower()
        if any(text == f or text.endswith(" " + f) for f in lowered):
            return actor
    return None


# -- speed -----------------------------------------------------------------------------------------

def meantime_texts(limit: int | None = None) -> list[str]:
    texts = []
    for path in sorted(MEANTIME.rglob("*.xml")):
        root = ElementTree.parse(path).getroot()
        sentences: dict[str, list[str]] = {}
        for token in root.iter("token"):
            sentences.setdefault(token.get("sentence"), []).append(token.text or "")
        lines = [_detokenise(words) for words in sentences.values()]
        texts.append("\n\n".join(lines))
        if limit and len(texts) >= limit:
            break
    return texts


def _detokenise(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r" ([,.;:!?%)\]}'])", r"\1", text)
    return re.sub(r"([(\[{$]) ", r"\1", text).replace(" 's", "'s").replace(" n't", "n't")


def speed(texts: list[str], repeats: int = 2) -> dict:
    import tidings
    from tidings.pipeline import build

    base = build(components=("tidings_structure",))
    full = build(components=("tidings_structure", "tidings_entity_ruler", "tidings_actors"))
    for nlp in (base, full):  # warm up: data files, caches
        list(tidings.annotate_many(texts[:3], nlp=nlp))
    timings = {"base": [], "actors": []}
    for _ in range(repeats):
        for name, nlp in (("base", base), ("actors", full)):
            start = time.perf_counter()
            list(tidings.annotate_many(texts, nlp=nlp))
            timings[name].append(time.perf_counter() - start)
    best = {name: min(values) for name, values in timings.items()}
    return {"articles": len(texts), "base_s": best["base"], "actors_s": best["actors"],
            "overhead": best["actors"] / best["base"] - 1}


# -- main ------------------------------------------------------------------------------------------

def figures(with_speed: bool = True, nlp=None) -> dict:
    """Every figure of the benchmark (needs ../shared for the gsr, reference and speed sets).
    ``nlp``: a pipeline to read phrases and the reference article with (default: the shared one)."""
    import tidings
    from tidings.actors import resolve_actor

    def resolve(text, date):
        return resolve_actor(text, date, nlp=nlp)

    out: dict = {"phrases": score(load_phrases(), resolve)}
    for name, path in (("heldout_phrases", HELDOUT_PHRASES), ("heldout2_phrases", HELDOUT2_PHRASES)):
        if path.is_file():
            out[name] = score(load_phrases(path), resolve)
    if SHARED.is_dir():
        out["gsr"] = score(load_gsr(), resolve)
        out["gsr_in_context"] = score_in_context()
        annotation = tidings.annotate(REFERENCE_TEXT.read_text(encoding="utf-8"), published=REFERENCE_PUBLISHED,
                                      nlp=nlp)
        out["reference"] = reference_table(annotation, json.loads(REFERENCE_GOLD.read_text(encoding="utf-8")))
        if with_speed:
            out["speed"] = speed(meantime_texts())
    return out


def gold_hashes() -> dict:
    hashes = {"phrases": sha256(PHRASES)}
    for name, path in (("heldout_phrases", HELDOUT_PHRASES), ("heldout2_phrases", HELDOUT2_PHRASES)):
        if path.is_file():
            hashes[name] = sha256(path)
    if SHARED.is_dir():
        hashes["gsr"] = sha256(GSR)
        hashes["reference"] = sha256(REFERENCE_GOLD, REFERENCE_TEXT)
    return hashes


def compute(nlp=None) -> dict:
    """The gated figures and the gold hashes (what tests/test_gate_actors.py checks)."""
    return {"figures": headline(figures(with_speed=False, nlp=nlp)), "gold_sha256": gold_hashes()}


def headline(result: dict) -> dict:
    """The gated figures, flat."""
    flat = {}
    for name in SETS:
        if name in result:
            flat[f"{name}_country_accuracy"] = round(result[name]["country_accuracy"], 4)
            flat[f"{name}_sector_accuracy"] = round(result[name]["sector_accuracy"], 4)
    if "reference" in result:
        flat["reference_actors_acceptable"] = result["reference"]["acceptable"]
    return flat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true", help="skip the annotate_many timing")
    parser.add_argument("--misses", action="store_true", help="list the phrases resolved wrongly")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = figures(with_speed=not args.no_speed)
    if args.json:
        print(json.dumps({"figures": headline(result), "gold_sha256": gold_hashes(),
                          "speed": result.get("speed")}, indent=2))
        return 0
    print(f"{'set':<16}{'n (country)':>12}{'country':>10}{'n (sector)':>12}{'sector':>10}")
    for name in SETS:
        if name in result:
            r = result[name]
            print(f"{name:<16}{r['country_n']:>12}{r['country_accuracy']:>10.3f}{r['sector_n']:>12}"
                  f"{r['sector_accuracy']:>10.3f}")
    if "reference" in result:
        ref = result["reference"]
        print(f"\nreference article: {ref['acceptable']}/{ref['total']} gold actors resolved acceptably")
        for name, ok, found in ref["rows"]:
            if not ok:
                print(f"  not acceptable: {name}: {found}")
    if "speed" in result:
        sp = result["speed"]
        print(f"\nannotate_many on {sp['articles']} MEANTIME articles: base {sp['base_s']:.2f}s, "
              f"with entity ruler + actors {sp['actors_s']:.2f}s, overhead {sp['overhead']:+.1%}")
    if args.misses:
        for name in SETS:
            if name in result:
                print(f"\nmisses ({name}):")
                for miss in result[name]["misses"]:
                    print("  ", miss)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
