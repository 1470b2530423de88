"""Finding place names in a parsed Doc: the dateline, GPE/LOC/FAC entities, and gazetteer names the
model missed or mislabelled.

The small English model misses all-caps datelines and often calls a town a person or an organisation
("Lyon" PERSON, "Halifax" ORG, "Mitiga" PRODUCT). Such a name counts as a place when the gazetteer
knows it and its context says place: a locative preposition ("in Hyderabad"), a list with other places
("Paris, Lyon and Marseille"), a cue word ("the capital, Annapolis"), or the same name accepted
elsewhere. Nationality words ("Iraqi", "American") are never places.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text
from .data import Cues
from .gazetteer import Gazetteer
from .metonymy import metonymy_reason
from .names import name_key
from .resolve import FACILITY_FEATURES, Mention, candidates_for, contains

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: labels the model gives place names by mistake
MISLABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
#: prepositions that make a name the model called a person a place ("in Hamilton", not "to Hamilton")
_PERSON_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout",
                                        "within", "into", "towards", "toward", "beyond", "off"})
_LIST_GLUE = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or|&)\s*$")
_COMMA = re.compile(r"^\s*,\s*$")
_LIST_START = re.compile(r"^\s*(?:,|and\b|or\b|&)")
#: "Tripoli, in the north of Lebanon", "Sydney, in Nova Scotia": the second name says where the first lies
_QUALIFYING = re.compile(r"^\s*,\s*(?:in\s+(?:the\s+(?:far\s+)?(?:north|south|east|west|centre|center|"
                         r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:part\s+)?of\s+)?)?$")
#: "Paris, northeast of Lexington", "Sake, 25 km west of Goma", "Bama, near Maiduguri"
_NEAR = re.compile(r"^\s*,\s*(?:(?:a|the)\s+(?:small\s+)?(?:town|city|village|suburb)\s+)?"
                   r"(?:(?:about|some|around|roughly|nearly|just|only)\s+)?"
                   r"(?:\d[\d,.]*\s*(?:-\s*)?(?:km|kilometres|kilometers|miles|mi)\s+)?"
                   r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of|near|outside|from)\s*$")
MAX_EXTENSION_TOKENS = 3
#: a name the model calls a place but the gazetteer knows only as a town smaller than this needs
#: a place context too ("Cisco said" is the company, not Cisco, Texas)
SMALL_TOWN = 15_000
#: two mislabelled names in a list are both places when both are towns at least this big
LIST_TOWN = 100_000
#: entries a name outside any entity must match to count: specific, well-known places
_PROMINENT_FEATURES = frozenset({"country", "region", "water", "continent", "island"}) | FACILITY_FEATURES
PROMINENT_POPULATION = 100_000
MAX_GAP_TOKENS = 4
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_NAME_FEATURES = frozenset({"region", "water", "continent", "island"}) | FACILITY_FEATURES
_NATURAL_FEATURES = frozenset({"region", "water", "island", "site"})


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
    pending: list[tuple[Mention, Span]] = []
    unknown: list[tuple[int, int, str | None]] = []  # names in place contexts the gazetteer does not know
    for ent in doc.ents:
        if blocked and ent.start_char < blocked[1] and ent.end_char > blocked[0]:
            continue
        if ent.label_ == "DATE" and len(ent) > 1:
            ent = _name_before_date(ent, cues) or ent  # "talks in Tangier next month": one DATE entity
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MISLABELS and not _date_mislabel(ent, cues):
            continue
        if ent.label_ == "ORG":
            country = _country_in_institution(ent, gazetteer, cues)
            if country is not None:
                mentions.append(country)
                continue
        if not any(char.isupper() for char in ent.text):
            continue  # "a rise in metro fares": place names are written with a capital
        if ent.label_ not in ("GPE", "LOC") and name_key(ent.text) in cues.not_places and \
                not _any_subdivision_seat(ent, gazetteer):
            continue  # "the Metro line" (FAC): a common word, not the town of that name
        for start, end in _parts(ent, gazetteer):
            start, end = _extend(doc, start, end, gazetteer, cues)
            label = ent.label_ if ent.label_ in PLACE_LABELS else None
            mention = _mention(doc, start, end, label, gazetteer, cues)
            if mention is None:
                if label in ("GPE", "LOC") or _after_locative(doc, start, end):
                    unknown.append((start, end, label))
                continue
            if _sure(mention, ent, gazetteer, cues):
                mentions.append(mention)
            else:
                pending.append((mention, ent))
    demonyms = _demonyms_by_sentence(doc, gazetteer)
    demonym_countries = frozenset(country for countries in demonyms.values() for country in countries)
    accepted = _accepted(doc, mentions, pending, gazetteer, cues, demonym_countries)
    mentions += accepted
    found = _gazetteer_names(doc, gazetteer, cues, [(m.start, m.end) for m in mentions], blocked,
                             _article_countries(mentions, gazetteer) | demonym_countries)
    mentions += found
    if found:  # names found only now ("Croatia closed ...") may speak for those still waiting
        taken = {id(m) for m in accepted}
        waiting = [(m, ent) for m, ent in pending if id(m) not in taken]
        mentions += _accepted(doc, mentions, waiting, gazetteer, cues, demonym_countries)
    if unknown:
        countries = _article_countries(mentions, gazetteer) | demonym_countries
        mentions += [m for m in (_spelling_variant(doc, start, end, label, countries, gazetteer)
                                 for start, end, label in unknown) if m is not None]
    mentions, dateline_indices = _without_surnames(doc, mentions, dateline_indices, gazetteer, cues)
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    dateline_indices = {order.index(i) for i in dateline_indices}
    mentions = [mentions[i] for i in order]
    _spread_list_cues(doc, mentions, cues)
    _note_definite(doc, mentions)
    _link_qualifiers(doc, mentions, gazetteer)
    _link_lists(doc, mentions)
    _note_demonyms(doc, mentions, demonyms)
    return mentions, dateline_indices


# -- the dateline ------------------------------------------------------------------------------

def _dateline_span(doc: Doc) -> tuple[int, int] | None:
    article = getattr(doc._, "article", None)
    dateline = getattr(article, "dateline", None) if article is not None else None
    if dateline is None or dateline.end > len(doc_text(doc)):
        return None
    return dateline.start, dateline.end


def _dateline_places(doc: Doc) -> list[tuple[int, int, bool]]:
    """Spans of the dateline's place (True) and of its region ("BAGHDAD, Iraq": False)."""
    span = _dateline_span(doc)
    if span is None:
        return []
    dateline = doc._.article.dateline
    if dateline.place_span is not None:
        found = [(dateline.place_span.start, dateline.place_span.end, True)]
        if dateline.region_span is not None:
            found.append((dateline.region_span.start, dateline.region_span.end, False))
        return found
    # a dateline given without offsets (built by hand): look for its place name
    place = dateline.place or ""
    start, end = span
    position = doc_text(doc)[start:end].lower().find(place.lower()) if place else -1
    return [(start + position, start + position + len(place), True)] if position >= 0 else []


# -- entities ----------------------------------------------------------------------------------

def _parts(ent: Span, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """An entity as place spans: "Mobile, Alabama" and "Karachi and Hyderabad" are two places each
    (but "Bosnia and Herzegovina" one); a leading "the" and a trailing "'s" are dropped."""
    whole = _trimmed(list(ent))
    if whole and gazetteer.lookup(_text(whole)):
        return [_offsets(whole)]
    pieces, current = [], []
    for token in ent:
        spaced_dash = token.text in ("-", "–", "—") and token.whitespace_ and token.i > 0 and \
            token.doc[token.i - 1].whitespace_
        if token.text == "," or (token.lower_ in ("and", "or") and token.dep_ == "cc") or spaced_dash or \
                (token.lower_ in _SPLITTING_PREPOSITIONS and token.pos_ == "ADP"):
            pieces.append(current)
            current = []
        else:
            current.append(token)
    pieces.append(current)
    return [_offsets(tokens) for tokens in map(_trimmed, pieces) if tokens]


#: prepositions that join two names the model took for one ("Myawaddy to Mae Sot", "Ploce on the Adriatic
#: coast"); "of" and "de" stay inside names ("Gulf of Guinea", "Rio de Janeiro")
_SPLITTING_PREPOSITIONS = frozenset({"to", "on", "in", "at", "near"})


def _trimmed(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ == "the" or tokens[0].dep_ == "det"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _POSSESSIVE or (tokens[-1].is_punct and tokens[-1].text != ".")):
        tokens = tokens[:-1]
    while tokens and tokens[-1].text == "." and len(tokens) > 1 and not tokens[-2].text.endswith("."):
        tokens = tokens[:-1]  # a full stop the model took in, not the dot of "St."
    return tokens


def _offsets(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _text(tokens: list[Token]) -> str:
    start, end = _offsets(tokens)
    return doc_text(tokens[0].doc)[start:end]


_DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                              "upper", "lower", "central", "new"})


def _extend(doc: Doc, start: int, end: int, gazetteer: Gazetteer, cues: Cues) -> tuple[int, int]:
    """Grow a name over the next few words when the longer name is in the gazetteer:
    "Mitiga" + "airport", "Zaporizhzhia" + "nuclear plant", "Sault Ste" + ". Marie"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    if span.start > 0:  # "Western Australia" when the model marks "Australia" only
        before = doc[span.start - 1]
        if before.is_title and before.lower_ in _DIRECTION_WORDS and \
                gazetteer.lookup(doc_text(doc)[before.idx:end]):
            start = before.idx
    for length in range(MAX_EXTENSION_TOKENS, 0, -1):
        stop = span.end + length
        if stop > len(doc):
            continue
        tail = doc[stop - 1]
        if not tail.is_alpha:
            continue
        if length == 1 and tail.is_lower and cues.feature_words.get(tail.lower_) in ("city", "country"):
            continue  # "this Ohio city", "a Texas town": the common noun, not the village "Ohio City"
        text = doc_text(doc)[start:tail.idx + len(tail.text)]
        if "\n" not in text and gazetteer.lookup(text):
            return start, tail.idx + len(tail.text)
    return start, end


def _mention(doc: Doc, start: int, end: int, label: str | None, gazetteer: Gazetteer, cues: Cues) -> Mention | None:
    text = doc_text(doc)[start:end]
    if not text.strip():
        return None
    key, found, hint = candidates_for(text, gazetteer, cues.feature_words)
    if not found:
        return None
    mention = Mention(start=start, end=end, text=text, label=label, feature_hint=hint, key=key, candidates=found)
    suffix = _suffix_cue(doc, start, end, cues)
    if suffix in ("city", "country") and _common_noun_after_polity(doc, start, end, found, gazetteer):
        suffix = None
    mention.feature_hint = mention.feature_hint or suffix or _prefix_cue(doc, start, end, cues)
    return mention


def _common_noun_after_polity(doc: Doc, start: int, end: int, candidates: list[tuple[int, bool]],
                              gazetteer: Gazetteer) -> bool:
    """"a small Texas town", "this Ohio city", "a Baltic country": a lowercase "town", "city" or "country"
    after the name of a state or country is the common noun the name qualifies (a town in Texas), not a
    cue that the name is itself a town ("Texas" in Mexico)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or not doc[span.end].is_lower:
        return False
    return any(not alternate and gazetteer.features[row] in ("admin1", "country") for row, alternate in candidates)


def _sure(mention: Mention, ent: Span, gazetteer: Gazetteer, cues: Cues) -> bool:
    """Whether a name counts as a place whatever its context."""
    label = ent.label_
    features = {(gazetteer.features[row], alternate) for row, alternate in mention.candidates}
    if any(feature in _NAME_FEATURES for feature, _ in features) and \
            (label in PLACE_LABELS or " " in mention.text or _definite_or_cued(mention, ent.doc)):
        return True  # a facility, sea or region by its name: "Kerem Shalom", "Gulf of Oman", "the Don"
    if label in PLACE_LABELS:
        if _acronym(mention.text) and not any(f in ("country", "admin1") for f, _ in features):
            return False  # "GAO", "CIA": acronyms name organisations, never towns
        return not _towns_below(mention, gazetteer, SMALL_TOWN) or mention.feature_hint is not None
    # a country by its own name ("Qatar" ORG, "Mali" PERSON); a person keeps a name that is also a
    # common given name ("Jordan said")
    own = {f for f, alternate in features if not alternate}
    if "country" not in own or _acronym(mention.text) or _text(_trimmed(list(ent))) != mention.text:
        return False
    return label != "PERSON" or mention.key not in cues.person_names


def _without_surnames(doc: Doc, mentions: list[Mention], dateline_indices: set[int], gazetteer: Gazetteer,
                      cues: Cues) -> tuple[list[Mention], set[int]]:
    """Drop a town's name that is the surname of a person named in full elsewhere ("Fritz Henderson ...
    Henderson said"), unless a locative preposition stands before it. Countries stay ("Garuda Indonesia").
    Returns the mentions kept and the dateline's indices among them."""
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    if not surnames:
        return mentions, dateline_indices
    kept: list[int] = []
    for index, mention in enumerate(mentions):
        towns_only = all(gazetteer.features[row] == "city" for row, _ in mention.candidates)
        if index not in dateline_indices and towns_only and mention.text in surnames:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            preposition = _preposition_before(span) if span is not None else None
            if preposition is None or preposition.lower_ not in cues.locatives:
                continue
        kept.append(index)
    dateline = {position for position, index in enumerate(kept) if index in dateline_indices}
    return [mentions[index] for index in kept], dateline


_THE_BEFORE = re.compile(r"(?:^|\W)the\s+$", re.IGNORECASE)


def _after_the(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows the article "the"."""
    return bool(_THE_BEFORE.search(text[max(0, start - 8):start]))


def _definite_or_cued(mention: Mention, doc: Doc) -> bool:
    """A one-word name after "the" or with a cue word ("the Don", "Padma river"): a river or a region,
    where the bare word may be a person's name ("Don said", "Padma")."""
    return _after_the(doc_text(doc), mention.start) or mention.feature_hint is not None


#: edits allowed between a place name as written and a gazetteer spelling, by the name's length
_FUZZY_EDITS = ((9, 2), (5, 1))


def _after_locative(doc: Doc, start: int, end: int) -> bool:
    """Whether "in", "at", "near" ... stands before the name ("shortages in Kyaukphyu")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    preposition = _preposition_before(span) if span is not None else None
    return preposition is not None and preposition.lower_ in _PERSON_PLACE_PREPOSITIONS


def _spelling_variant(doc: Doc, start: int, end: int, label: str | None, countries: frozenset[str],
                      gazetteer: Gazetteer) -> Mention | None:
    """A place name the model tagged that the gazetteer knows only under another transliteration
    ("Kyaukphyu" for Kyaukpyu): the nearest spelling of a town or district of the article's countries,
    within one edit (two from nine letters)."""
    if not countries or _after_the(doc_text(doc), start):
        return None  # "in the Senate" is no misspelt town
    text = doc_text(doc)[start:end]
    key = name_key(text)
    if key in gazetteer.demonyms:
        return None  # "Ukrainian" (tagged a place) is no misspelt Ukrayinka
    edits = next((n for length, n in _FUZZY_EDITS if len(key) >= length), 0)
    if not edits or " " in key and len(key) < 9:
        return None
    found: dict[int, bool] = {}
    for variant in gazetteer.similar_keys(key, edits):
        for row, alternate in gazetteer.lookup_key(variant):
            if gazetteer.countries[row] in countries and gazetteer.features[row] in ("city", "admin2", "admin1"):
                found[row] = True  # a spelling variant counts as an alternate name
    if not found:
        return None
    return Mention(start=start, end=end, text=text, label=label, key=key, candidates=list(found.items()))


def _name_before_date(ent: Span, cues: Cues) -> Span | None:
    """The capitalised name the model swallowed into a date ("Tangier next month" after "in"), as a
    one-word DATE span of its own, when the rest is a date."""
    first = ent[0]
    if first.pos_ != "PROPN" or not first.is_title or first.lower_ in cues.not_places or first.is_sent_start:
        return None
    rest = ent[1:]
    if not rest or rest[0].is_title or not any(t.lower_ in _DATE_WORDS for t in rest):
        return None
    return Span(ent.doc, ent.start, ent.start + 1, label="DATE")


_DATE_WORDS = frozenset({"next", "last", "this", "week", "month", "year", "weekend", "day", "morning", "evening",
                         "night", "today", "tomorrow", "yesterday", "spring", "summer", "autumn", "fall", "winter"})


def _date_mislabel(ent: Span, cues: Cues) -> bool:
    """A single capitalised name the model called a date ("near Mora"), not a month or a weekday."""
    if ent.label_ != "DATE" or len(ent) != 1:
        return False
    token = ent[0]
    return token.pos_ == "PROPN" and token.is_title and token.lower_ not in cues.not_places


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


def _towns_below(mention: Mention, gazetteer: Gazetteer, population: int) -> bool:
    """Whether every candidate is a town of fewer than ``population`` people; the districts and quarters
    the project lists by hand ("tidings:" ids, size not recorded) are known places, not small towns."""
    return all(gazetteer.features[row] == "city" and gazetteer.population[row] < population
               and not gazetteer.ids[row].startswith("tidings:") for row, _ in mention.candidates)


def _country_in_institution(ent: Span, gazetteer: Gazetteer, cues: Cues) -> Mention | None:
    """"the US Federal Reserve", "UK government": the country named at the head of a public
    institution is a place mention (as in "US forces"); company names ("China Eastern") are not."""
    tokens = _trimmed(list(ent))
    for length in (3, 2, 1):
        if len(tokens) <= length:
            continue
        head, rest = tokens[:length], tokens[length:]
        if not any(t.lower_ in cues.institution_words for t in rest):
            continue
        name = _text(head)
        countries = [(row, alt) for row, alt in gazetteer.lookup(name) if gazetteer.features[row] == "country"]
        if countries:
            start, end = _offsets(head)
            return Mention(start=start, end=end, text=name, label="GPE", key=name_key(name), candidates=countries)
    return None


def _accepted(doc: Doc, mentions: list[Mention], pending: list[tuple[Mention, Span]], gazetteer: Gazetteer,
              cues: Cues, demonym_countries: frozenset[str] = frozenset()) -> list[Mention]:
    """The pending names whose context makes them places (see the module's docstring)."""
    accepted: list[Mention] = []
    keys = {key for m in mentions for key in _keys_of(m, cues)}
    known = list(mentions)
    waiting = list(pending)
    changed = True
    while changed and waiting:
        changed = False
        countries = _article_countries(known, gazetteer) | demonym_countries
        subdivisions = _article_subdivisions(known, gazetteer)
        for item in list(waiting):
            mention, ent = item
            others = [m for m, _ in waiting if m is not mention]
            if _place_context(doc, mention, ent, known, others, keys, gazetteer, cues, countries, subdivisions) or \
                    _coherent(doc, mention, ent, countries, gazetteer, cues, subdivisions):
                accepted.append(mention)
                known.append(mention)
                keys.update(_keys_of(mention, cues))
                waiting.remove(item)
                changed = True
    return accepted


def _keys_of(mention: Mention, cues: Cues) -> set[str]:
    """The keys under which a known place speaks for later mentions of its name: its own, and its bare
    name without a feature word ("the Chaman crossing" ... "rerouted through Chaman")."""
    keys = {mention.key}
    head, _, last = (mention.key or "").rpartition(" ")
    if head and last in cues.feature_words:
        keys.add(head)
    return keys


#: labels whose names may be towns of the article's countries whatever their syntactic role; an
#: organisation's name ("Toyota", "Ford") needs a place context of its own
_COHERENT_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
#: a town of the article's countries counts from this population (towns of unknown size, 0, do not)
COHERENT_MIN_POPULATION = 1_000
#: an untagged town of the article's countries after a preposition or in a list with a place counts
#: from this population, the smallest the gazetteer keeps ("shelters in Alamogordo and Carrizozo")
STORY_TOWN_MIN_POPULATION = 500


def _likely_row(mention: Mention, gazetteer: Gazetteer) -> int | None:
    """The candidate a reader would think of first: own name, country, then the most populous."""
    if not mention.candidates:
        return None
    return max(mention.candidates, key=lambda c: (not c[1], gazetteer.features[c[0]] == "country",
                                                   _weight(gazetteer, c[0])))[0]


#: a first-level subdivision (no population in the gazetteer) weighs as a town this big when a reader
#: picks a name's likely sense: "Scotland" is the nation, not a village of that name; "Victoria" beside
#: nothing else is still the city of 290,000
ADMIN1_WEIGHT = PROMINENT_POPULATION


def _weight(gazetteer: Gazetteer, row: int) -> int:
    return ADMIN1_WEIGHT if gazetteer.features[row] == "admin1" else gazetteer.population[row]


def _article_countries(mentions: list[Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """The countries the article is about, as far as its surer names tell: countries and subdivisions
    by their own names, and cities of 100,000 people or more."""
    countries = set()
    for mention in mentions:
        row = _likely_row(mention, gazetteer)
        if row is None or not gazetteer.countries[row]:
            continue
        feature = gazetteer.features[row]
        own = any(r == row and not alternate for r, alternate in mention.candidates)
        if (feature in ("country", "admin1") and own) or \
                (feature == "city" and gazetteer.population[row] >= PROMINENT_POPULATION):
            countries.add(gazetteer.countries[row])
    return frozenset(countries)


def _article_subdivisions(mentions: list[Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """The first-level subdivisions the article names by their own names ("EAGLE PASS, Texas")."""
    return frozenset(gazetteer.ids[row] for mention in mentions for row, alternate in mention.candidates
                     if not alternate and gazetteer.features[row] == "admin1")


def _in_countries(mention: Mention, countries: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether one of the name's towns or subdivisions lies in one of ``countries``."""
    for row, _ in mention.candidates:
        feature = gazetteer.features[row]
        if gazetteer.countries[row] in countries and (
                feature == "admin1" or (feature == "city" and gazetteer.population[row] >= COHERENT_MIN_POPULATION)):
            return True
    return False


def _name_elements(doc: Doc) -> frozenset[str]:
    """Words of the article's longer names of people and organisations ("Imran Khan", "McDonnell Douglas");
    computed once per Doc (``doc.ents`` builds new spans at every call)."""
    cached = doc.user_data.get("tidings.places.name_elements")
    if cached is None:
        cached = frozenset(token.text for ent in doc.ents if ent.label_ in ("PERSON", "ORG") and len(ent) > 1
                           for token in ent if token.is_title)
        doc.user_data["tidings.places.name_elements"] = cached
    return cached


def _in_any_country(mention: Mention, countries: frozenset[str], gazetteer: Gazetteer) -> bool:
    return any(gazetteer.countries[row] in countries for row, _ in mention.candidates)


def _coherent(doc: Doc, mention: Mention, ent: Span, countries: frozenset[str], gazetteer: Gazetteer,
              cues: Cues, subdivisions: frozenset[str] = frozenset()) -> bool:
    """A name the model called a person (or a nationality, a product ...) that is a town of a country
    the article is about, with nothing that marks a person: "after losing Khartoum" in a story about
    Sudan, "flooding Jablanica" in one about Bosnia."""
    if ent.label_ not in _COHERENT_LABELS or not countries or _acronym(mention.text) or mention.key in cues.not_places:
        return False
    if ent.label_ == "NORP" and mention.key in gazetteer.demonyms:
        return False
    if not _in_countries(mention, countries, gazetteer):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and not _person_cue(span, ent, mention, gazetteer, cues, subdivisions,
                                                countries=countries)


def _any_subdivision_seat(ent: Span, gazetteer: Gazetteer) -> bool:
    """Whether the entity's name is that of a state or provincial capital ("Victoria", "Lincoln")."""
    return any(row in gazetteer.admin1_seats for row, alternate in gazetteer.lookup(_text(_trimmed(list(ent))) or ent.text)
               if not alternate)


def _seat_acting(doc: Doc, mention: Mention, ent: Span, gazetteer: Gazetteer, cues: Cues,
                 subdivisions: frozenset[str]) -> bool:
    """A state or provincial capital acting for the subdivision the article is about, with nothing that
    marks a person: "Austin has sent state troopers" in a Texas story; not "Lloyd Austin ... Austin said"."""
    if not subdivisions or not any(not alternate and is_subdivision_seat(gazetteer, row, subdivisions)
                                   for row, alternate in mention.candidates):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not metonymy_reason(span):
        return False
    if mention.key in cues.person_names or mention.key in cues.not_places:
        # a seat that is also a given name or a common word ("Victoria") acts, it does not speak:
        # "Victoria would cover the costs", not "Victoria said she would"
        return span.root.head.lemma_.lower() not in _SAYING_VERBS and _person_cue(
            span, ent, mention, gazetteer, cues, subdivisions, subject_verb=False, given_name=False) is False
    return not _person_cue(span, ent, mention, gazetteer, cues, subdivisions, subject_verb=False)


#: verbs of saying, after which a seat that is also a given name stays a person
_SAYING_VERBS = frozenset({"say", "tell", "add", "explain", "write", "recall", "note", "insist", "claim", "deny",
                           "state", "announce", "report", "ask", "reply", "answer", "tweet", "post"})


def _person_cue(span: Span, ent: Span | None, mention: Mention, gazetteer: Gazetteer, cues: Cues,
                subdivisions: frozenset[str] = frozenset(), subject_verb: bool = True, given_name: bool = True,
                countries: frozenset[str] = frozenset()) -> bool:
    """Whether the words around a name mark a person: a given name that is also a country's ("Jordan"),
    a full name ("Imran Khan"), a title before it ("President X", "spokesman X"), or a verb of saying
    or acting whose subject it is ("X said", "X signed"). A two-word name that is exactly the own name
    of a country or first-level subdivision of ``countries`` (the article's) is no full name: "the Tamil
    Nadu government" in a story about India."""
    if given_name and mention.key in cues.person_names:
        return True
    if ent is not None and ent.label_ == "PERSON" and len(_trimmed(list(ent))) > 1 and \
            not _own_polity_name(mention, ent, countries, gazetteer):
        return True
    doc = span.doc
    if _after_title(span, cues):
        return True
    if (span.start > 0 and _name_token(doc[span.start - 1]) and not doc[span.start - 1].is_sent_start) or \
            (span.end < len(doc) and _name_token(doc[span.end])):
        return True  # part of a longer name the model cut short: "Lockheed Martin"
    if span.text in _name_elements(doc):
        return True  # "Douglas" where the article names "McDonnell Douglas" and "Douglas Aircraft"
    root = span.root
    if subject_verb and root.dep_ == "nsubj" and root.head.lemma_.lower() in cues.subject_verbs:
        return not _polity(mention, gazetteer, subdivisions)
    return False


def _after_title(span: Span, cues: Cues) -> bool:
    """Whether a title stands before the name: "President X", "Mr. X", "spokesman X"."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in cues.titles


def _own_polity_name(mention: Mention, ent: Span, countries: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether the entity is exactly the own name of a country or first-level subdivision of one of
    ``countries``."""
    if not countries or name_key(_text(_trimmed(list(ent)))) != mention.key:
        return False
    return any(not alternate and gazetteer.features[row] in ("country", "admin1") and
               gazetteer.countries[row] in countries for row, alternate in mention.candidates)


_IN_AFTER = re.compile(r"^\s*,?\s*in\s+(?:the\s+)?$")


def _qualified_by_known(doc: Doc, mention: Mention, known: list[Mention], gazetteer: Gazetteer) -> bool:
    """Whether "in Y" follows the name, Y a country or subdivision the article names that holds one of
    the name's towns ("Sfax in Tunisia", "Cardigan, in Wales")."""
    text = doc_text(doc)
    for other in known:
        if other.start <= mention.end or other.start - mention.end > 12 or \
                not _IN_AFTER.match(text[mention.end:other.start]):
            continue
        if _holds_a_town(other, mention, gazetteer):
            return True
    return False


def _place_context(doc: Doc, mention: Mention, ent: Span, known: list[Mention], others: list[Mention],
                   keys: set[str], gazetteer: Gazetteer, cues: Cues, countries: frozenset[str] = frozenset(),
                   subdivisions: frozenset[str] = frozenset()) -> bool:
    if _acronym(mention.text):
        return False  # "GAO", "CIA": acronyms name organisations; countries ("UAE") are sure already
    seat_route = _seat_acting(doc, mention, ent, gazetteer, cues, subdivisions)
    if mention.key in cues.not_places:
        return seat_route  # "Victoria would cover the costs" in a British Columbia story, not "Victoria said"
    if seat_route:
        return True
    if ent.label_ == "NORP" and mention.key in gazetteer.demonyms:
        return False  # "Iraqi", "Kurdish" are never places; "Kasese" (NORP by mistake) may be
    if mention.key in keys or mention.feature_hint is not None:
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if _qualified_by_known(doc, mention, known, gazetteer):
        return True  # "boats set off from Sfax in Tunisia": the country named after it holds the town
    if span.root.dep_ == "conj" and _in_any_country(mention, countries, gazetteer) and \
            any(m.start <= span.root.head.idx < m.end for m in known):
        return True  # "the highway between Blenheim and Kaikoura": a small town listed with a place
    if _towns_below(mention, gazetteer, COHERENT_MIN_POPULATION) and (
            ent.label_ not in PLACE_LABELS or not _in_any_country(mention, countries, gazetteer)):
        return False  # "economist at Ford": a hamlet of unknown size is no reason to doubt the model
    if span.start > 0 and span.doc[span.start - 1].lower_ in _NEARBY_WORDS:
        return True  # "the traffic of nearby Tysons"
    preposition = _preposition_before(span)
    if _from_to_known(doc, mention, known) and _in_any_country(mention, countries, gazetteer):
        return True  # "schools closed from St. Cloud to the Iron Range": the other end is a place
    if ent.label_ in ("GPE", "LOC") and _in_countries(mention, countries, gazetteer) and \
            _on_a_route(doc, mention, known + others, gazetteer):
        return True  # "ferries to Castlebay", "the Ullapool to Stornoway route" in a story about Scotland
    if preposition is not None:
        word = preposition.lower_
        if word == "on" and any(gazetteer.features[row] == "island" for row, _ in mention.candidates):
            return True  # "airports on Java"
        allowed = _PERSON_PLACE_PREPOSITIONS if ent.label_ in ("PERSON", "DATE") else cues.locatives
        if word in allowed and word not in _PATH_PREPOSITIONS:
            return True  # a path ("belongs to Cisco") says place only after motion, below
        if _motion(preposition, cues):
            return True  # "diverted to Misrata", "the road to Bama"
        if word == "of" and (preposition.head.lemma_.lower() in cues.place_of_nouns or
                             preposition.head.lower_ in cues.place_of_nouns):
            return True  # "residents of Lanao del Sur", "the outskirts of Marawi"
    root = span.root
    if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in cues.place_object_verbs:
        return True  # "Russian forces attacked Kharkiv"
    if _polity(mention, gazetteer, subdivisions) and metonymy_reason(span):
        return True  # "Washington said ...", "Austin has sent troopers" (Texas): a government by its seat
    if root.dep_ == "conj":  # "between the capital and Bordeaux", "in Paris, Lyon and Marseille"
        first = root.head
        if any(m.start <= first.idx < m.end for m in known):
            return True
        if first.lower_ in cues.feature_words and first.dep_ == "pobj" and first.head.lower_ in cues.locatives:
            return True
    if any(_listed(doc, mention, other) for other in known):
        return True
    if ent.label_ != "PERSON" and _subdivision_of_known_country(mention, known, gazetteer):
        return True  # "Western Australia's government" in a story about Perth
    # two mislabelled names listed together, towns of one country, both sizeable or after a preposition:
    # "asked why Glasgow and Perth ...", "roads between Binghamton and Elmira"
    listing = cues.locatives | {"between"}
    governed = preposition is not None and preposition.lower_ in listing
    for other in others:
        if not _listed(doc, mention, other):
            continue
        if ent.label_ == "ORG" and _story_towns(mention, other, countries, gazetteer) \
                and not _organisation_cue(doc, mention, cues) and not _organisation_cue(doc, other, cues):
            return True  # "the ferry operator serving Ajaccio and Bastia" in a story about France
        if _same_country_towns(mention, other, gazetteer):
            if governed or (_big_town(mention, gazetteer) and _big_town(other, gazetteer)):
                return True
            other_span = doc.char_span(other.start, other.end, alignment_mode="expand")
            other_preposition = _preposition_before(other_span) if other_span is not None else None
            if other_preposition is not None and other_preposition.lower_ in listing:
                return True
    return False


#: towns of the article's country this big, listed together, are towns though the model calls them
#: organisations
LISTED_ORG_TOWN = 20_000


def _story_towns(first: Mention, second: Mention, countries: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether both names are towns of LISTED_ORG_TOWN people or more in one of the article's countries."""
    return bool(_town_countries(first.candidates, gazetteer, LISTED_ORG_TOWN) &
                _town_countries(second.candidates, gazetteer, LISTED_ORG_TOWN) & countries)


def _organisation_cue(doc: Doc, mention: Mention, cues: Cues) -> bool:
    """Whether a word next to the name makes it an organisation's ("Bastia FC", "Ajaccio club")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    near = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", "or", ","):
        near.append(doc[span.end + 1])  # "Ajaccio and Bastia" ... the last conjunct's word ends both
    return any(token.lower_.rstrip(".") in cues.organisation_words for token in near)


def _on_a_route(doc: Doc, mention: Mention, names: list[Mention], gazetteer: Gazetteer) -> bool:
    """A name the model calls a place that is paired by "to" with a town of its country ("the Ullapool to
    Stornoway route") or placed on an island ("Craignure on Mull"). Used only for small towns of the
    article's countries; a bare "to" is no such context ("belongs to Cisco")."""
    text = doc_text(doc)
    after = text[mention.end:mention.end + 40]
    for other in names:
        if other is mention:
            continue
        between = text[mention.end:other.start] if other.start >= mention.end else text[other.end:mention.start]
        if between.strip() == "to" and "\n" not in between and _same_country_towns(mention, other, gazetteer):
            return True
    island = re.match(r"\s+on\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", after)
    return bool(island) and any(gazetteer.features[row] == "island" for row, _ in gazetteer.lookup(island.group(1)))


#: adjectives that make the name after them a place
_NEARBY_WORDS = frozenset({"nearby", "neighbouring", "neighboring", "adjacent"})
#: prepositions of a path: "to X" is a place after a verb or noun of motion
_PATH_PREPOSITIONS = frozenset({"to", "from", "via", "for", "through", "towards", "toward", "into"})
#: adverbs between a verb of motion and its path: "fled south to Pemba", "moved back to Lachin"
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west", "northward", "southward",
                         "eastward", "westward", "back", "home", "away", "further", "farther", "inland", "upstream",
                         "downstream", "overland", "abroad", "onward", "on"})


_FROM_TO = re.compile(r"\s+to\s+(?:the\s+)?$")


def _from_to_known(doc: Doc, mention: Mention, known: list[Mention]) -> bool:
    """Whether the name is one end of "from X to Y" whose other end is a known place."""
    text = doc_text(doc)
    if text[max(0, mention.start - 5):mention.start].strip().lower() == "from":
        for other in known:
            if other.start > mention.end and _FROM_TO.match(text[mention.end:other.start] + " ") and \
                    "\n" not in text[mention.end:other.start]:
                return True
    for other in known:
        if other.end <= mention.start and text[max(0, other.start - 5):other.start].strip().lower() == "from" and \
                _FROM_TO.match(text[other.end:mention.start]) and "\n" not in text[other.end:mention.start]:
            return True
    return False


def _motion(preposition: Token, cues: Cues) -> bool:
    """Whether a path preposition hangs on a verb or noun of motion ("sent troops to", "the road to")."""
    if preposition.lower_ not in _PATH_PREPOSITIONS:
        return False
    head = preposition.head
    if head.lower_ in _DIRECTIONS and head.head is not head:
        head = head.head
    return head.lemma_.lower() in cues.motion_verbs or head.lower_ in cues.motion_verbs


def _same_country_towns(first: Mention, second: Mention, gazetteer: Gazetteer) -> bool:
    return bool(_town_countries(first.candidates, gazetteer) & _town_countries(second.candidates, gazetteer))


def _town_countries(candidates: list[tuple[int, bool]], gazetteer: Gazetteer, min_population: int = 0) -> set[str]:
    """The countries of the candidates that are towns of at least ``min_population`` by their own name."""
    return {gazetteer.countries[row] for row, alternate in candidates
            if not alternate and gazetteer.features[row] == "city" and gazetteer.population[row] >= min_population}


def _polity(mention: Mention, gazetteer: Gazetteer, subdivisions: frozenset[str] = frozenset()) -> bool:
    """Whether the name is, by its own name, a country or a national capital, or the seat of a
    subdivision the article names ("Austin" in a story about Texas)."""
    return any(not alternate and (gazetteer.features[row] == "country" or row in gazetteer.capitals or
                                  is_subdivision_seat(gazetteer, row, subdivisions))
               for row, alternate in mention.candidates)


def is_subdivision_seat(gazetteer: Gazetteer, row: int, subdivisions: frozenset[str] | set[str]) -> bool:
    """Whether ``row`` is the seat of one of the first-level subdivisions (gazetteer ids) ``subdivisions``."""
    return row in gazetteer.admin1_seats and gazetteer.admin1[row] in subdivisions


def _subdivision_of_known_country(mention: Mention, known: list[Mention], gazetteer: Gazetteer) -> bool:
    countries = set()
    for other in known:
        if other.candidates:
            best = max(other.candidates, key=lambda c: (not c[1], gazetteer.features[c[0]] == "country",
                                                        gazetteer.population[c[0]]))
            countries.add(gazetteer.countries[best[0]])
    return any(gazetteer.features[row] == "admin1" and not alternate and gazetteer.countries[row] in countries
               for row, alternate in mention.candidates)


def _preposition_before(span: Span) -> Token | None:
    """The preposition before a name, over articles and up to two adjectives ("in neighbouring X")."""
    index, adjectives = span.start - 1, 0
    while index >= 0:
        token = span.doc[index]
        if token.lower_ in ("the", "a", "an") or token.is_space:
            index -= 1
        elif (token.pos_ == "ADJ" or token.dep_ == "amod") and adjectives < 2:  # "in neighbouring X"
            index -= 1
            adjectives += 1
        else:
            break
    if index < 0:
        return None
    token = span.doc[index]
    return token if token.pos_ == "ADP" or token.dep_ == "prep" else None


def _listed(doc: Doc, mention: Mention, other: Mention) -> bool:
    """Whether two names stand next to each other in a list. A bare comma counts only inside a list
    that goes on ("Paris, Lyon and Marseille"), not in "In Cambridge, Harvard cancelled classes"."""
    if other.end <= mention.start:
        between, after = doc_text(doc)[other.end:mention.start], doc_text(doc)[mention.end:mention.end + 6]
    elif other.start >= mention.end:
        between, after = doc_text(doc)[mention.end:other.start], ","
    else:
        return False
    if between.strip() == "to":  # "from Gao to Kidal", "from Dublin to Holyhead"
        first = mention if mention.start < other.start else other
        return doc_text(doc)[max(0, first.start - 5):first.start].strip().lower() == "from"
    if not _LIST_GLUE.match(between):
        return False
    return not _COMMA.match(between) or after.lstrip().startswith((",", "and ", "or "))


def _big_town(mention: Mention, gazetteer: Gazetteer) -> bool:
    return any(gazetteer.features[row] == "city" and not alternate and gazetteer.population[row] >= LIST_TOWN
               for row, alternate in mention.candidates)


def _feature_cue(doc: Doc, start: int, end: int, cues: Cues) -> str | None:
    """The feature a cue word gives: "X province", "the southern city of X", "the capital, X"."""
    return _suffix_cue(doc, start, end, cues) or _prefix_cue(doc, start, end, cues)


def _suffix_cue(doc: Doc, start: int, end: int, cues: Cues) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    after = doc[span.end]
    if after.is_upper or after.pos_ not in ("NOUN", "PROPN"):
        return None  # "Anbar province", not "Cisco states that ..."
    return cues.feature_words.get(after.lower_) or cues.feature_words.get(after.lemma_.lower())


def _prefix_cue(doc: Doc, start: int, end: int, cues: Cues) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start < 2:
        return None
    glue = doc[span.start - 1]
    if glue.text == "," and doc[span.start - 2].lower_ in cues.feature_words:
        return cues.feature_words[doc[span.start - 2].lower_]  # "Maryland's capital, Annapolis"
    if glue.lower_ != "of":
        return None
    for token in reversed(doc[max(0, span.start - 5):span.start - 1]):
        feature = cues.feature_words.get(token.lower_) or cues.feature_words.get(token.lemma_.lower())
        if feature:
            if token.tag_ in ("NNS", "NNPS") and not _LIST_START.match(doc_text(doc)[end:end + 6]):
                return None  # "the ports of Lebanon": a plural before one name speaks of what it holds
            return feature
        if token.pos_ not in ("ADJ", "ADV", "DET", "PROPN", "NUM") and token.text not in _POSSESSIVE:
            break
    return None


def _spread_list_cues(doc: Doc, mentions: list[Mention], cues: Cues) -> None:
    """"the states of Carabobo and Zulia": the cue before a list holds for every name in it."""
    for index in range(1, len(mentions)):
        current, previous = mentions[index], mentions[index - 1]
        if current.feature_hint or not previous.feature_hint:
            continue
        if not _LIST_GLUE.match(doc_text(doc)[previous.end:current.start]):
            continue
        first = index - 1
        while first > 0 and _LIST_GLUE.match(doc_text(doc)[mentions[first - 1].end:mentions[first].start]):
            first -= 1
        if _prefix_cue(doc, mentions[first].start, mentions[first].end, cues):
            current.feature_hint = previous.feature_hint


# -- names the model missed --------------------------------------------------------------------

def _gazetteer_names(doc: Doc, gazetteer: Gazetteer, cues: Cues, taken: list[tuple[int, int]],
                     blocked: tuple[int, int] | None, countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Capitalised names outside every entity that match a prominent gazetteer entry, or a town in a
    place context: after "in", "near" ..., after a cue word ("the district town of X"), or, for a town
    of a country the article is about, after any preposition or listed with a place."""
    in_entity = set()
    for ent in doc.ents:
        in_entity.update(range(ent.start, ent.end))
    for start, end in taken:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            in_entity.update(range(span.start, span.end))
    text = doc_text(doc)
    named = {name_key(text[start:end]) for start, end in taken}  # the article's places so far
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in in_entity or not (_name_token(token) or _title_noun(token)) or \
                (blocked and blocked[0] <= token.idx < blocked[1]):
            i += 1
            continue
        match = None
        for length in range(min(MAX_GAP_TOKENS, len(doc) - i), 0, -1):
            tokens = doc[i:i + length]
            if any(t.i in in_entity or not (_name_token(t) or _title_noun(t) or _inner_of(t, tokens)) for t in tokens):
                continue
            if i + length < len(doc) and _name_token(doc[i + length]) and doc[i + length].i not in in_entity:
                continue  # part of a longer capitalised name
            if i > 0 and _name_token(doc[i - 1]):
                break  # the tail of a longer capitalised name
            key = name_key(tokens.text)
            rows = gazetteer.lookup_key(key)
            if key in cues.not_places and not _listed_after_town(tokens, rows, taken, gazetteer):
                continue
            if not rows:
                continue
            if not all(_name_token(t) or _inner_of(t, tokens) for t in tokens):
                # a capitalised word the tagger took for a common noun counts as a country by its own
                # name ("Bangladesh" ...), or as a big town or subdivision when it labels a paragraph
                # ("Cuenca: Farmers blocked ...")
                label = heading_label(text, tokens.start_char, tokens.end_char) and any(
                    not alt and (gazetteer.features[row] == "admin1" or _prominent(gazetteer, row, alt))
                    for row, alt in rows)
                if not label and not any(gazetteer.features[row] == "country" and not alt for row, alt in rows) and \
                        not _capital_as_subject(tokens, rows, gazetteer) and \
                        not (key in named and tokens.root.dep_ in _ARGUMENTS):
                    continue  # "Bam was devastated in 2003" after "the city of Bam": the article's place
            cue = _feature_cue(doc, tokens.start_char, tokens.end_char, cues)
            natural = not any(_prominent(gazetteer, row, alt) and gazetteer.features[row] not in _NATURAL_FEATURES
                              for row, alt in rows)
            if natural and length == 1 and not (_after_the(text, tokens.start_char) or cue):
                rows = [(row, alt) for row, alt in rows if gazetteer.features[row] not in _NATURAL_FEATURES]
                if not rows:
                    continue  # "Don", "Tara": a one-word river or region needs "the" or a cue word
            # a subdivision by its own name: of several words ("New South Wales") wherever it stands,
            # of one in a place context like a town
            subdivision = any(gazetteer.features[row] == "admin1" and not alt for row, alt in rows)
            if key in named or any(_prominent(gazetteer, row, alt) for row, alt in rows) or \
                    (subdivision and length > 1) or \
                    (subdivision and _modifies_institution(tokens, cues)) or \
                    ((_towns_by_name(rows, gazetteer) or _district_of(rows, countries, gazetteer) or subdivision) and
                     (_locative_before(tokens, taken, cues) or cue
                      or _town_of_the_story(tokens, rows, taken, countries, gazetteer, cues))):
                match = Mention(start=tokens.start_char, end=tokens.end_char, text=tokens.text, key=key,
                                candidates=rows)
                match.feature_hint = cue
                break
        if match is not None:
            found.append(match)
            i = doc.char_span(match.start, match.end, alignment_mode="expand").end
        else:
            i += 1
    return found


#: syntactic roles of a subject: "Rabat accepted search teams"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: roles in which a capitalised common noun that the article names as a place elsewhere is that place
_ARGUMENTS = _SUBJECTS | {"dobj", "pobj"}


def _listed_after_town(tokens: Span, rows: list[tuple[int, bool]], taken: list[tuple[int, int]],
                       gazetteer: Gazetteer) -> bool:
    """Whether a common word that is also a big town's name ("Nice") ends a list after a town of the same
    country, mid-sentence: "sailings to Toulon and Nice"."""
    if tokens.start == tokens.sent.start or not tokens.text[:1].isupper():
        return False
    text = doc_text(tokens.doc)
    towns = _town_countries(rows, gazetteer, LIST_TOWN)
    for start, end in taken:
        if end <= tokens.start_char and _LIST_GLUE.match(text[end:tokens.start_char]) and \
                not _COMMA.match(text[end:tokens.start_char]) and \
                any(gazetteer.features[row] == "city" and gazetteer.countries[row] in towns
                    for row, _ in gazetteer.lookup(text[start:end])):
            return True
    return False


def _capital_as_subject(tokens: Span, rows: list[tuple[int, bool]], gazetteer: Gazetteer) -> bool:
    """A national capital by its own name that the tagger took for a common noun, as the subject of a
    verb: "Rabat accepted search teams from Spain" (the model knows many capitals only in other roles)."""
    root = tokens.root
    return root.dep_ in _SUBJECTS and root.head.pos_ in ("VERB", "AUX") and any(
        not alternate and row in gazetteer.capitals and gazetteer.population[row] >= PROMINENT_POPULATION
        for row, alternate in rows)


def _modifies_institution(tokens: Span, cues: Cues) -> bool:
    """A name that modifies an institution word outside any entity: "the Maharashtra government",
    "Punjab police" (a subdivision named as the seat of its own authorities is a place mention)."""
    last = tokens[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= tokens.end and \
        last.head.lower_ in cues.institution_words


def heading_label(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` opens a line and ends in a colon: the label of a paragraph in a
    news digest ("Nepal: A landslide blocked ..."), the topic of what follows rather than a subject."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end:end + 1] == ":"


def _title_noun(token: Token) -> bool:
    """A capitalised word the tagger took for a common noun ("Bangladesh" heading a paragraph)."""
    return token.is_alpha and token.is_title and token.pos_ == "NOUN"


def _town_of_the_story(tokens: Span, rows: list[tuple[int, bool]], taken: list[tuple[int, int]],
                       countries: frozenset[str], gazetteer: Gazetteer, cues: Cues) -> bool:
    """An untagged name that is a town or district of a country the article is about, after a preposition
    or listed with a place: "roads to Bama and Gwoza" in a story about Nigeria, "sent to Agam"."""
    if not countries or not any(not alternate and gazetteer.countries[row] in countries and (
            gazetteer.features[row] == "admin2" or (gazetteer.features[row] == "city" and (
                gazetteer.population[row] >= STORY_TOWN_MIN_POPULATION or gazetteer.ids[row].startswith("tidings:"))))
                                for row, alternate in rows):
        return False
    if _after_title(tokens, cues):
        return False
    root = tokens.root
    if root.dep_ == "pobj":
        return True
    if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in cues.place_object_verbs:
        return True  # "the minister will visit Mundaring"
    if root.dep_ == "conj":
        head = root.head
        return any(start <= head.idx < end for start, end in taken)
    return False


def _district_of(rows: list[tuple[int, bool]], countries: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether the name is a district of one of the article's countries by its own name."""
    return any(gazetteer.features[row] == "admin2" and not alternate and gazetteer.countries[row] in countries
               for row, alternate in rows)


def _towns_by_name(rows: list[tuple[int, bool]], gazetteer: Gazetteer) -> bool:
    return any(gazetteer.features[row] == "city" and not alternate for row, alternate in rows)


def _locative_before(tokens: Span, taken: list[tuple[int, int]], cues: Cues) -> bool:
    """A name the model left untagged is a town when it follows "in", "at", "near" ..., or ends a
    "from X to Y" whose X is a place ("from Dublin to Holyhead")."""
    if tokens.start == 0 or tokens[0].is_sent_start:
        return False
    preposition = _preposition_before(tokens)
    if preposition is None:
        return False
    if preposition.lower_ in _PERSON_PLACE_PREPOSITIONS or _motion(preposition, cues):
        return True
    if preposition.lower_ == "to":
        before = preposition.i - 1
        while before >= 0 and tokens.doc[before].is_space:
            before -= 1
        if before < 0:
            return False
        end = tokens.doc[before].idx + len(tokens.doc[before].text)
        source = next(((s, e) for s, e in taken if e == end), None)
        return source is not None and doc_text(tokens.doc)[max(0, source[0] - 5):source[0]].strip().lower() == "from"
    return False


def _inner_of(token: Token, tokens: Span) -> bool:
    """"of" inside a name of several capitalised words ("Cape of Good Hope", "Isle of Wight")."""
    return token.lower_ == "of" and tokens.start < token.i < tokens.end - 1 and len(tokens) > 2


def _name_token(token: Token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper) and token.pos_ == "PROPN"


def _prominent(gazetteer: Gazetteer, row: int, alternate: bool) -> bool:
    feature = gazetteer.features[row]
    if feature in _PROMINENT_FEATURES:
        return True
    if feature == "city" and not alternate:
        return row in gazetteer.capitals or gazetteer.population[row] >= PROMINENT_POPULATION
    return False


# -- qualifiers and lists ----------------------------------------------------------------------

def _note_definite(doc: Doc, mentions: list[Mention]) -> None:
    """Mark names written after "the" ("the Tara burst its banks"): rivers, seas and regions take the
    article, towns do not."""
    text = doc_text(doc)
    for mention in mentions:
        mention.definite = _after_the(text, mention.start) and not mention.text[:1].islower()


def _link_qualifiers(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """"Paris, Texas": the second name says where the first lies; "Paris, northeast of Lexington" and
    "Bama, 70 km from Maiduguri": the first lies near the second."""
    for index in range(len(mentions) - 1):
        first, second = mentions[index], mentions[index + 1]
        between = doc_text(doc)[first.end:second.start]
        if _NEAR.match(between) and "\n" not in between:
            first.near = index + 1
            continue
        if _BARE_IN.match(between) and _holds_a_town(second, first, gazetteer):
            first.qualifier = index + 1  # "Valencia in Spain", "Genoa in Italy": no comma, but the country holds it
            second.is_qualifier = True
            continue
        if not _QUALIFYING.match(between) or "\n" in between:
            continue
        if not any(gazetteer.features[row] in ("admin1", "country") for row, _ in second.candidates):
            continue
        if _COMMA.match(between) and ((_country_by_own_name(first, gazetteer) and
                                       _country_by_own_name(second, gazetteer)) or
                                      _list_continues(doc, mentions, index + 1)):
            continue  # "in China, Japan and South Korea": a list, not a town and its country ("China, Maine" is)
        first.qualifier = index + 1
        second.is_qualifier = True


#: what follows the second name of a list: "X, Y and Z" (not "X, Y, and Z": "Jackson, Miss., and Mobile")
_LIST_AND = re.compile(r"^\s*(?:and|or)\s*$")


def _list_continues(doc: Doc, mentions: list[Mention], index: int) -> bool:
    """Whether the list goes on after mention ``index``: "Lyon, Grenoble and Nice", or "Lyon, Grenoble,
    Nice and Dijon" (a comma alone then needs a further name joined by "and"/"or")."""
    text = doc_text(doc)
    if index + 1 >= len(mentions):
        return False
    between = text[mentions[index].end:mentions[index + 1].start]
    if _LIST_AND.match(between):
        return True
    return bool(_COMMA.match(between)) and index + 2 < len(mentions) and \
        bool(_LIST_GLUE.match(text[mentions[index + 1].end:mentions[index + 2].start]))


_BARE_IN = re.compile(r"^[ \t]+in[ \t]+$")


def _holds_a_town(outer: Mention, inner: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a country or first-level subdivision of ``outer``'s own name holds a town of ``inner``'s."""
    containers = [row for row, alternate in outer.candidates
                  if not alternate and gazetteer.features[row] in ("country", "admin1")]
    return any(contains(gazetteer, container, row) for row, _ in inner.candidates
               if gazetteer.features[row] == "city" for container in containers)


def _country_by_own_name(mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether the name is a country's own name ("China"): never a town qualified by what follows it."""
    return any(gazetteer.features[row] == "country" and not alternate for row, alternate in mention.candidates)


def _link_lists(doc: Doc, mentions: list[Mention]) -> None:
    """"Canada and Ontario", "Paris, Lyon and Marseille": names in a list tend to share a country."""
    for index in range(len(mentions) - 1):
        first, second = mentions[index], mentions[index + 1]
        if second.is_qualifier and first.qualifier == index + 1:
            continue
        if _LIST_GLUE.match(doc_text(doc)[first.end:second.start]):
            first.listed_with.append(index + 1)
            second.listed_with.append(index)


# -- nationality words: "Canadian officials" --------------------------------------------------

def _demonyms_by_sentence(doc: Doc, gazetteer: Gazetteer) -> dict[int, set[str]]:
    """The countries of the nationality words in the article ("Bosnian officials"), by the start token
    of their sentence."""
    by_sentence: dict[int, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "NORP":
            country = gazetteer.demonyms.get(name_key(ent.text))
            if country:
                by_sentence.setdefault(ent.sent.start, set()).add(country)
    return by_sentence


def _note_demonyms(doc: Doc, mentions: list[Mention], by_sentence: dict[int, set[str]]) -> None:
    """Give each mention the countries of the nationality words in its sentence."""
    if not by_sentence:
        return
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            mention.countries_in_sentence = frozenset(by_sentence.get(span.sent.start, ()))
