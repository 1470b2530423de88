"""From a parsed Doc to geocoded :class:`~tidings.model.Place` records (what ``tidings_places`` stores)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..extensions import doc_text, records
from ..model import Place
from .data import Cues, cues
from .detect import find_mentions, heading_label, is_subdivision_seat
from .gazetteer import Gazetteer, load_gazetteer
from .metonymy import metonymy_reason
from .resolve import FACILITY_FEATURES, Context, resolve


def find_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Every place name in the document, geocoded, ids p1.. in document order."""
    if not len(doc) or not doc_text(doc).strip():
        return []
    gazetteer = gazetteer or load_gazetteer()
    words = cues()
    mentions, dateline_indices = find_mentions(doc, gazetteer, words)
    context = Context(actor_countries=_actor_countries(doc, gazetteer))
    rows = resolve(mentions, gazetteer, context)
    subdivisions = {gazetteer.ids[row] for row in rows if row is not None and gazetteer.features[row] == "admin1"}
    places = []
    for index, (mention, row) in enumerate(zip(mentions, rows)):
        if row is None:
            continue
        role = "dateline" if index in dateline_indices else "mention"
        if role == "mention" and not heading_label(doc_text(doc), mention.start, mention.end):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            polity = gazetteer.features[row] == "country" or row in gazetteer.capitals or \
                _named_like_its_seat(gazetteer, row) or \
                is_subdivision_seat(gazetteer, row, subdivisions)
            if span is not None and not _natural(gazetteer, row, words) and metonymy_reason(span, words, polity):
                role = "metonymy"
        start = _with_article(doc, mention.start, mention.end, gazetteer.features[row])
        places.append(Place(
            id=f"p{len(places) + 1}", text=doc_text(doc)[start:mention.end], start=start, end=mention.end,
            name=gazetteer.names[row], country=gazetteer.countries[row], lat=round(gazetteer.lat[row], 4),
            lon=round(gazetteer.lon[row], 4), feature=gazetteer.features[row], gazetteer_id=gazetteer.ids[row],
            role=role,
        ))
    return places


#: features whose names take "the" as part of the name: the United States, the Red Sea, the Sahel
_ARTICLE_FEATURES = frozenset({"country", "water", "region", "continent", "island", "site", "facility", "airport",
                               "military_base", "border_crossing", "port"})


def _with_article(doc: Doc, start: int, end: int, feature: str) -> int:
    """Where a place name starts, with the "the" of names that take it ("the United States", "the Red Sea"),
    so that the span is the whole name; not when the name only modifies a noun ("the US government",
    where "the" belongs to "government") nor when a common noun ends it ("the Rafah crossing")."""
    if feature not in _ARTICLE_FEATURES or not doc_text(doc)[start:end].split()[-1][:1].isupper():
        return start  # "the Rafah crossing": "the" belongs to the common noun that ends the phrase
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return start
    before = doc[span.start - 1]
    if before.lower_ != "the" or before.idx + 4 != start:
        return start
    if span.end < len(doc) and span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i >= span.end:
        return start
    return before.idx


def _natural(gazetteer: Gazetteer, row: int, words: Cues) -> bool:
    """A natural feature ("Mount Merapi", "the Jordan River", seas), which never stands for a government."""
    if gazetteer.features[row] in ("water", "continent") or gazetteer.features[row] in FACILITY_FEATURES:
        return True  # seas and continents; and airports, ports, bases never stand for a government
    return any(word in words.natural_words for word in gazetteer.names[row].lower().split())


def _named_like_its_seat(gazetteer: Gazetteer, row: int) -> bool:
    """A subdivision that shares its name with its capital ("Quebec"): its name stands for the provincial
    government as a state capital's does ("Quebec already selects its own workers"). Other states stay
    places as subjects ("Indiana and Missouri passed their budgets")."""
    if gazetteer.features[row] != "admin1":
        return False
    return any(other in gazetteer.admin1_seats and gazetteer.admin1[other] == gazetteer.ids[row]
               for other, _ in gazetteer.lookup(gazetteer.names[row]))


def place_for_span(doc: Doc, span: Span) -> Place | None:
    """The Place in ``doc._.places`` that ``span`` denotes: the one holding its root, else one overlapping it."""
    places = records(doc, "places")
    root = span.root.idx
    for place in places:
        if place.start <= root < place.end:
            return place
    for place in places:
        if place.start < span.end_char and place.end > span.start_char:
            return place
    return None


def _actor_countries(doc: Doc, gazetteer: Gazetteer) -> frozenset[str]:
    codes = {getattr(actor, "code", None) for actor in records(doc, "actors")}
    return frozenset(code for code in codes if code and code in gazetteer.country_rows)
