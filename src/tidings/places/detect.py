"""Finding place names in a parsed Doc: the dateline, GPE/LOC/FAC entities, and gazetteer names the
model missed (all-caps datelines, names it tagged as organisations or left untagged).

Nationality words (NORP: "Iraqi", "American") are never places.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .data import Cues
from .gazetteer import Gazetteer
from .names import name_key
from .resolve import FACILITY_FEATURES, Mention, candidates_for

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: entity labels the small model gives place names by mistake ("Lyon" PERSON, "Halifax" ORG,
#: "Mitiga" PRODUCT); such a name counts when its context says place (see _accepted)
MISLABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
#: prepositions before a name the model called a person that still make it a place
_PERSON_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout",
                                        "within", "into", "towards", "toward", "beyond", "off"})
_LIST_GLUE = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*$")
MAX_EXTENSION_TOKENS = 3
#: entries a name outside any entity must match to count: specific, well-known places
_PROMINENT_FEATURES = frozenset({"country", "region", "water", "continent", "island"}) | FACILITY_FEATURES
PROMINENT_POPULATION = 100_000
MAX_GAP_TOKENS = 4
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def find_mentions(doc: Doc, gazetteer: Gazetteer, cues: Cues) -> tuple[list[Mention], set[int]]:
    """Place mentions in document order, and the indices of those that are the dateline's place."""
    mentions: list[Mention] = []
    dateline_indices: set[int] = set()
    blocked = _dateline_span(doc)
    for start, end, is_place in _dateline_places(doc):
        mention = _mention(doc, start, end, None, gazetteer, cues)
        if mention is not None:
            if is_place:
                dateline_indices.add(len(mentions))
            mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions]
    pending: list[tuple[Mention, Span]] = []
    for ent in doc.ents:
        if blocked and ent.start_char < blocked[1] and ent.end_char > blocked[0]:
            continue
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MISLABELS:
            continue
        for start, end in _parts(ent, gazetteer):
            start, end = _extend(doc, start, end, gazetteer)
            mention = _mention(doc, start, end, ent.label_ if ent.label_ in PLACE_LABELS else None, gazetteer, cues)
            if mention is None:
                continue
            if ent.label_ in PLACE_LABELS or _known_place(mention, gazetteer, ent.label_):
                mentions.append(mention)
            else:
                pending.append((mention, ent))
    mentions += _accepted(doc, mentions, pending, gazetteer, cues)
    taken += [(m.start, m.end) for m in mentions]
    mentions += _gazetteer_names(doc, gazetteer, cues, taken, blocked)
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    dateline_indices = {order.index(i) for i in dateline_indices}
    mentions = [mentions[i] for i in order]
    _link_qualifiers(doc, mentions, gazetteer)
    return mentions, dateline_indices


# -- the dateline ------------------------------------------------------------------------------

def _dateline_span(doc: Doc) -> tuple[int, int] | None:
    article = getattr(doc._, "article", None)
    dateline = getattr(article, "dateline", None) if article is not None else None
    if dateline is None or dateline.end > len(doc.text):
        return None
    return dateline.start, dateline.end


def _dateline_places(doc: Doc) -> list[tuple[int, int, bool]]:
    """Spans of the dateline's place (True) and of its region ("BAGHDAD, Iraq": False)."""
    span = _dateline_span(doc)
    if span is None:
        return []
    place = doc._.article.dateline.place or ""
    start, end = span
    head = doc.text[start:end]
    found = []
    match = _dateline_match(doc.text, start)
    if match is not None and match.end("dash") <= end - start + 2:
        found.append((start + match.start("place"), start + match.end("place"), True))
        if match.group("region"):
            found.append((start + match.start("region"), start + match.end("region"), False))
        return found
    position = head.lower().find(place.lower()) if place else -1
    if position >= 0:
        found.append((start + position, start + position + len(place), True))
    return found


def _dateline_match(text: str, start: int) -> re.Match | None:
    try:
        from ..dateline import DATELINE_RE
    except ImportError:  # the dateline module owns the pattern; fall back to a plain search
        return None
    return DATELINE_RE.match(text[start:start + 200])


# -- entities ----------------------------------------------------------------------------------

def _parts(ent: Span, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """An entity as place spans: "Mobile, Alabama" and "Karachi and Hyderabad" are two places each
    (but "Bosnia and Herzegovina" one); a leading "the" and a trailing "'s" are dropped."""
    whole = _trimmed(list(ent))
    if whole and gazetteer.lookup(ent.doc.text[whole[0].idx:whole[-1].idx + len(whole[-1].text)]):
        return [(whole[0].idx, whole[-1].idx + len(whole[-1].text))]
    pieces, current = [], []
    for token in ent:
        if token.text == "," or (token.lower_ in ("and", "or") and token.dep_ == "cc"):
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(token)
    if current:
        pieces.append(current)
    spans = []
    for tokens in pieces:
        tokens = _trimmed(tokens)
        if tokens:
            spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return spans


def _trimmed(tokens: list) -> list:
    while tokens and (tokens[0].lower_ == "the" or tokens[0].dep_ == "det"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _POSSESSIVE or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _extend(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """Grow a name over the next few words when the longer name is in the gazetteer:
    "Mitiga" + "airport", "Zaporizhzhia" + "nuclear plant", "Sault Ste" + ". Marie"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for length in range(MAX_EXTENSION_TOKENS, 0, -1):
        stop = span.end + length
        if stop > len(doc) or any(t.is_sent_start for t in doc[span.end:stop]):
            continue
        tail = doc[stop - 1]
        if not (tail.is_alpha or tail.text == "."):
            continue
        text = doc.text[start:tail.idx + len(tail.text)]
        if "\n" not in text and gazetteer.lookup(text):
            return start, tail.idx + len(tail.text)
    return start, end


def _mention(doc: Doc, start: int, end: int, label: str | None, gazetteer: Gazetteer, cues: Cues) -> Mention | None:
    text = doc.text[start:end]
    if not text.strip():
        return None
    key, found, hint = candidates_for(text, gazetteer, cues.feature_words)
    if not found:
        return None
    mention = Mention(start=start, end=end, text=text, label=label, feature_hint=hint, key=key, candidates=found)
    mention.feature_hint = mention.feature_hint or _feature_cue(doc, start, end, cues)
    return mention


def _known_place(mention: Mention, gazetteer: Gazetteer, label: str) -> bool:
    """Whether a name the model labelled otherwise is a place whatever its context: a facility, sea or
    region by its own name ("Kerem Shalom"), or, for a nationality label, a country or subdivision
    by its own name ("Punjab")."""
    for row, alternate in mention.candidates:
        feature = gazetteer.features[row]
        if feature in FACILITY_FEATURES or feature in ("region", "water", "continent", "island"):
            return True
        if label == "NORP" and not alternate and feature in ("country", "admin1"):
            return True
    return False


def _accepted(doc: Doc, mentions: list[Mention], pending: list[tuple[Mention, Span]], gazetteer: Gazetteer,
              cues: Cues) -> list[Mention]:
    """The mislabelled names whose context makes them places: a locative preposition before them
    ("in Hyderabad"), a list with accepted places ("Paris, Lyon and Marseille"), a qualifier after them
    ("Everett, Washington"), a cue word ("the city of X"), or the same name accepted elsewhere."""
    accepted: list[Mention] = []
    keys = {m.key for m in mentions}
    known = sorted(mentions, key=lambda m: m.start)
    waiting = [(m, ent) for m, ent in pending if ent.label_ != "NORP"]
    changed = True
    while changed and waiting:
        changed = False
        for item in list(waiting):
            mention, ent = item
            if _place_context(doc, mention, ent, known, keys, cues):
                accepted.append(mention)
                known = sorted(known + [mention], key=lambda m: m.start)
                keys.add(mention.key)
                waiting.remove(item)
                changed = True
    return accepted


def _place_context(doc: Doc, mention: Mention, ent: Span, known: list[Mention], keys: set[str], cues: Cues) -> bool:
    if mention.key in keys or mention.feature_hint is not None:
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in ("the", "a"):
        before -= 1
    if before >= 0:
        word = doc[before].lower_
        allowed = _PERSON_PLACE_PREPOSITIONS if ent.label_ == "PERSON" else cues.locatives
        if word in allowed:
            return True
    for other in known:
        if other.end <= mention.start and _LIST_GLUE.match(doc.text[other.end:mention.start]):
            return True
        if other.start >= mention.end and _LIST_GLUE.match(doc.text[mention.end:other.start]):
            return True
    return False


def _feature_cue(doc: Doc, start: int, end: int, cues: Cues) -> str | None:
    """The feature a cue word gives: "X province", "the southern city of X", "the state of X"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if span.end < len(doc):
        after = doc[span.end]
        if after.lower_ in cues.feature_words and not after.is_upper:
            return cues.feature_words[after.lower_]
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        for token in reversed(doc[max(0, span.start - 5):span.start - 1]):
            if token.lower_ in cues.feature_words:
                return cues.feature_words[token.lower_]
            if token.pos_ not in ("ADJ", "ADV", "DET", "PROPN", "NUM") and token.text not in _POSSESSIVE:
                break
    return None


# -- names the model missed --------------------------------------------------------------------

def _gazetteer_names(doc: Doc, gazetteer: Gazetteer, cues: Cues, taken: list[tuple[int, int]],
                     blocked: tuple[int, int] | None) -> list[Mention]:
    """Capitalised names outside every entity that match a prominent gazetteer entry."""
    in_entity = set()
    for ent in doc.ents:
        in_entity.update(range(ent.start, ent.end))
    for start, end in taken:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            in_entity.update(range(span.start, span.end))
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in in_entity or not _name_token(token) or (blocked and blocked[0] <= token.idx < blocked[1]):
            i += 1
            continue
        match = None
        for length in range(min(MAX_GAP_TOKENS, len(doc) - i), 0, -1):
            tokens = doc[i:i + length]
            if any(t.i in in_entity or not _name_token(t) for t in tokens):
                continue
            if i + length < len(doc) and _name_token(doc[i + length]) and doc[i + length].i not in in_entity:
                continue  # part of a longer capitalised name
            if i > 0 and _name_token(doc[i - 1]):
                break  # the tail of a longer capitalised name
            key = name_key(tokens.text)
            if key in cues.not_places:
                continue
            rows = [(row, alt) for row, alt in gazetteer.lookup_key(key) if _prominent(gazetteer, row, alt)]
            if rows:
                match = Mention(start=tokens.start_char, end=tokens.end_char, text=tokens.text, key=key,
                                candidates=gazetteer.lookup_key(key))
                match.feature_hint = _feature_cue(doc, match.start, match.end, cues)
                break
        if match is not None:
            found.append(match)
            i = doc.char_span(match.start, match.end, alignment_mode="expand").end
        else:
            i += 1
    return found


def _name_token(token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper) and token.pos_ == "PROPN"


def _prominent(gazetteer: Gazetteer, row: int, alternate: bool) -> bool:
    feature = gazetteer.features[row]
    if feature in _PROMINENT_FEATURES:
        return True
    if feature == "city" and not alternate:
        return row in gazetteer.capitals or gazetteer.population[row] >= PROMINENT_POPULATION
    return False


# -- qualifiers: "Paris, Texas" -----------------------------------------------------------------

def _link_qualifiers(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    for index in range(len(mentions) - 1):
        first, second = mentions[index], mentions[index + 1]
        between = doc.text[first.end:second.start]
        if between.strip() != "," or "\n" in between:
            continue
        if any(gazetteer.features[row] in ("admin1", "country") for row, _ in second.candidates):
            first.qualifier = index + 1
            second.is_qualifier = True
