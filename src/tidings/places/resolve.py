"""Toponym resolution: pick one gazetteer entry for each place mention, by prior and context.

Each candidate gets a score: a prior from its feature class and population, plus evidence from the
mention itself (a cue word such as "province", a qualifier as in "Paris, Texas", the entity label) and
from the rest of the article (the countries and subdivisions of the other places, how near it lies
to them, the dateline, the actors' countries). Mentions with the same name share their evidence
("one sense per discourse"), and the context is recomputed from the current choices a few times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, distance_km
from .names import name_key, without_article

#: features that are facilities or named sites: specific names, strong prior
FACILITY_FEATURES = frozenset({"airport", "military_base", "border_crossing", "port", "facility", "site"})
#: features too coarse to say where exactly a neighbour lies
COARSE_FEATURES = frozenset({"country", "continent", "region", "water"})

# -- weights (tuned on the hand-geocoded articles in benchmarks/data/places; see docs/benchmarks.md)
# admin1 above a city of 100,000 people: "Virginia" the state before Virginia, Free State
PRIOR = {"country": 3.0, "admin1": 2.4, "admin2": 1.9, "continent": 2.4, "region": 2.4, "water": 2.4,
         "island": 2.2}
FACILITY_PRIOR = 3.0
CITY_PER_DECADE = 0.45  # city prior = 0.45 * log10(population)
CAPITAL_BONUS = 1.5
#: a capital yields its bonus to a namesake city this many times its size: "San Jose" alone is the
#: Californian city, "Hamilton" the Ontarian one (context still decides)
CAPITAL_OUTSIZED = 2.0
#: a city of a million or more is what a writer means by its bare name unless the article points
#: elsewhere: one neighbour of a small namesake is not enough ("La Paz" beside Mendoza and Argentina is
#: Bolivia's), while a qualifier ("Vienna, Va."), a subdivision the article names or several places of
#: the small one's country are ("Birmingham" beside Dallas and Houston is in Alabama)
MAJOR_CITY = 1_000_000
MAJOR_CITY_BONUS = 0.8
#: a city of 100,000 or more that dwarfs (50 times) every other town of its name is what the bare name
#: means even beside places of a small namesake's country ("Tijuana or El Paso" is the Texan city): the
#: bonus capitals and world cities already have, for the others
DOMINANT_MIN = 100_000
DOMINANT_RATIO = 50
DOMINANT_BONUS = 0.8
ALTERNATE_PENALTY = 0.6  # a city matched by one of GeoNames' alternate spellings only ("Mexico" for Mexico City)
SAME_COUNTRY = 1.2  # another place of the article lies in the candidate's country
MANY_IN_COUNTRY = 0.4  # ... three or more do
IN_NAMED_ADMIN1 = 1.0  # a city inside a subdivision the article names
IN_ADMIN1_OF_NEIGHBOUR = 0.4  # a city in the same subdivision as another place of the article
CONTAINS_NEIGHBOUR = 1.2  # a subdivision that holds another place of the article
NEARBY = 1.2  # times the sum of exp(-distance / NEARBY_KM) over the other places (capped, below)
NEARBY_KM = 250.0
FEATURE_CUE = 2.0  # "the city of X", "X province"
QUALIFIED = 4.0  # "Paris, Texas": the candidate lies in the qualifier
QUALIFIER_IS_CONTAINER = 1.5  # "Texas" in "Paris, Texas" is a subdivision or a country
LABEL_HINT = {"GPE": {"country", "admin1", "admin2", "city"},
              "LOC": {"region", "water", "continent", "island", "admin1", "admin2"},
              "FAC": FACILITY_FEATURES}
LABEL_BONUS = 0.3
FAC_LABEL_BONUS = 1.0
ACTOR_COUNTRY = 0.4  # a country an actor of the article belongs to
DEMONYM_IN_SENTENCE = 1.0  # "Air quality in Vancouver worsened, Canadian officials said"
LISTED_SAME_COUNTRY = 0.7  # "Canada and Ontario", "Paris, Lyon and Marseille"
LISTED_SAME_FEATURE = 0.5  # "Indiana and Missouri": both states
NEAR_ANCHOR = 3.0  # "Paris, northeast of Lexington": times exp(-distance / NEAR_ANCHOR_KM) to the anchor
NEAR_ANCHOR_KM = 100.0
DEFINITE = 1.0  # "the Tara", "the Neretva": a river, sea, region or site rather than a town (and a town less)
DEFINITE_FEATURES = frozenset({"water", "region", "island", "site", "continent"})
NEARBY_CAP = 1.5  # the nearness of several neighbours adds up, to at most 1.5 times one close neighbour
SURE_MARGIN = 1.5  # a choice ahead of the next candidate by this much counts fully as evidence
SHARED_LOCAL = 0.5  # share of another same-name mention's own evidence
#: a name that is a country's name ("China", "Peru", "Uruguay") is the country, not a town, district or
#: alternately-named state of that name, unless the text says otherwise ("China, Maine", "the town of Peru")
COUNTRY_NAMESAKE = 2.5
#: a qualifier holds what it qualifies: "Mexico" in "TIJUANA, Mexico" is the country, not the state México
QUALIFIER_HOLDS = 1.5
#: a country's own name says the article touches it, not that it is about it: it counts this much of a
#: place inside the country when the article's countries are tallied ("the United States" once in a
#: Geneva story does not make Geneva the New York town)
COUNTRY_NAME_WEIGHT = 0.75
#: "New York and London" in a Toronto story: a world city listed beside a world city abroad is one too
WORLD_SIBLING = 1.2
#: the words that end a second-level unit's name as news writes it ("Wayne County")
_UNIT_WORDS = frozenset({"county", "parish", "borough", "district"})
#: a town yields to the first-level subdivision of its country that shares its name ("Quebec",
#: "Mpumalanga"), unless a cue says town ("Quebec City", "the city of") or a capital, world city or city
#: of a million shares the name
ADMIN1_OVER_TOWN = 3.0
ROUNDS = 3
CONTEXT_WINDOW = 40  # in a long document, the mentions on either side whose choices count as context


@dataclass
class Mention:
    """A place name in the text, with what its surroundings say about it."""

    start: int
    end: int
    text: str
    label: str | None = None  # entity label (GPE, LOC, FAC) or None for gazetteer and dateline matches
    feature_hint: str | None = None  # from a cue word: "admin1" for "X province"
    qualifier: int | None = None  # index of the mention qualifying this one ("Texas" in "Paris, Texas")
    is_qualifier: bool = False
    near: int | None = None  # index of the mention it is said to lie near ("Paris, northeast of Lexington")
    definite: bool = False  # written after "the" ("the Tara burst its banks"): a river, sea or region
    countries_in_sentence: frozenset[str] = frozenset()  # from nationality words near it ("Canadian")
    listed_with: list[int] = field(default_factory=list)  # indices of the names next to it in a list
    key: str = ""
    candidates: list[tuple[int, bool]] = field(default_factory=list)  # (row, matched by an alternate name)


@dataclass
class Context:
    """What is known before resolution: the dateline's entry and the actors' countries."""

    dateline_row: int | None = None
    actor_countries: frozenset[str] = frozenset()


#: words that, once a feature word is taken off ("east coast"), leave no name
_BARE_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                              "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                              "northwestern", "southeastern", "southwestern", "upper", "lower", "inner", "outer",
                              "the", "this", "that", "whole", "entire"})


def candidates_for(text: str, gazetteer: Gazetteer, feature_words: dict[str, str]) -> tuple[str, list, str | None]:
    """The lookup key, the candidate rows and a feature hint for a name as written.

    Tries the name, then without a trailing or leading feature word ("Anbar province",
    "Province of Anbar"), then without an Arabic article, then its part before a comma. A name made of
    an unknown word and a word of natural features' names ("Cook Strait", "Awatere Valley", "Gulf of
    Maine": ``generic_feature`` in ``cues.yaml``) keeps only the natural features of the bare word, never
    a town, district or country of that name.
    """
    key = name_key(text)
    found = gazetteer.lookup_abbreviation(text) or gazetteer.lookup_key(key)
    words = key.split()
    if found and len(words) > 1 and feature_words.get(words[-1]) == "admin1":
        # "Western Region" is Uganda's by its own name and Ghana's "Western" too: a subdivision is written
        # with or without "Region", "Province", "State", so both spellings are candidates
        seen = {row for row, _ in found}
        found = found + [(row, alternate) for row, alternate in gazetteer.lookup_key(" ".join(words[:-1]))
                         if row not in seen and gazetteer.features[row] == "admin1"]
    if found:
        return key, _water_over_small_towns(found, words, gazetteer, feature_words), None
    hint = None
    generic = _generic_features()
    if len(words) > 1 and words[0] in _BARE_DIRECTIONS:
        rest = " ".join(words[1:])
        # "south Lincolnshire", "northern Kentucky": the part of a place the gazetteer knows; not a
        # feature word ("South Island" is no "Island", Iceland's own spelling) nor a country by another
        # language's name
        if rest not in feature_words and rest not in generic:
            found = [(row, alternate) for row, alternate in gazetteer.lookup_key(rest)
                     if not (alternate and gazetteer.features[row] == "country")]
            if found:
                return rest, found, None
        if len(words) == 2:
            return key, [], None  # "east coast", "northern province": no name left
    stripped = None  # the word of a natural feature's name taken off, if any
    if len(words) > 1 and (words[-1] in feature_words or words[-1] in generic):
        hint = feature_words.get(words[-1])
        stripped = words[-1]
        key = " ".join(words[:-1])
    elif len(words) > 2 and (words[0] in feature_words or words[0] in generic) and words[1] == "of":
        hint = feature_words.get(words[0])
        stripped = words[0]
        key = " ".join(words[2:])
    elif len(words) > 1 and (feature_words.get(words[0]) == "water" or words[0] in generic):
        hint = feature_words.get(words[0])  # "River Foyle", "Lake Kivu"
        stripped = words[0]
        key = " ".join(words[1:])
    found = gazetteer.lookup_key(key)
    if not found and without_article(key):
        key = without_article(key) or key
        found = gazetteer.lookup_key(key)
    if not found and "," in text:
        return candidates_for(text.split(",", 1)[0], gazetteer, feature_words)
    if stripped in generic:
        # "the Gulf of Maine" is a sea the gazetteer does not know, not the state; "Cook Strait" not Cook
        found = [(row, alternate) for row, alternate in found if gazetteer.features[row] in _NATURAL_NAME_FEATURES]
        if not found:
            return key, [], None
    return key, found, hint


#: a town named after a body of water yields to it below this population ("Hudson Bay", Sask.)
WATER_NAMESAKE_MAX_POPULATION = 100_000


def _water_over_small_towns(found: list[tuple[int, bool]], words: list[str], gazetteer: Gazetteer,
                            feature_words: dict[str, str]) -> list[tuple[int, bool]]:
    """A name ending or starting in a water word ("Hudson Bay", "Lake Placid") that the gazetteer knows as
    a body of water by that very name means the water, not a small town named after it; a big city of
    that name ("Thunder Bay" has no water entry; "Green Bay") keeps its chance."""
    if len(words) < 2 or "water" not in (feature_words.get(words[-1]), feature_words.get(words[0])):
        return found
    if not any(gazetteer.features[row] == "water" and not alternate for row, alternate in found):
        return found
    return [(row, alternate) for row, alternate in found if gazetteer.features[row] != "city"
            or gazetteer.population[row] >= WATER_NAMESAKE_MAX_POPULATION]


#: what the bare word of "X Strait", "X Valley", "Lake X" may be: a natural feature, region or site
_NATURAL_NAME_FEATURES = frozenset({"water", "region", "island", "site", "continent"})


def _generic_features() -> frozenset[str]:
    from .data import cues

    return cues().generic_features


def namesake_sizes(gazetteer: Gazetteer, candidates: list[tuple[int, bool]]) -> tuple[int, int]:
    """The populations of the biggest and second-biggest cities among ``candidates`` matched by their
    own name (0 when there is none)."""
    sizes = sorted((gazetteer.population[row] for row, alternate in candidates
                    if not alternate and gazetteer.features[row] == "city"), reverse=True)
    return (sizes[0] if sizes else 0, sizes[1] if len(sizes) > 1 else 0)


def prior(gazetteer: Gazetteer, row: int, alternate: bool, largest: int = 0,
          runner_up: int | None = None) -> float:
    """What a candidate is worth before context; ``largest``: the population of the biggest city of
    the same name (:func:`namesake_sizes`), which takes a smaller capital's bonus away; ``runner_up``:
    the second biggest's, which a dominant city (DOMINANT_RATIO) outweighs."""
    feature = gazetteer.features[row]
    if feature == "city":
        population = gazetteer.population[row]
        score = CITY_PER_DECADE * math.log10(max(population, 10))
        if alternate:
            return score - ALTERNATE_PENALTY  # and no capital bonus: "Mexico" is the country
        if (row in gazetteer.capitals or row in gazetteer.prominent) and largest < CAPITAL_OUTSIZED * population:
            return score + CAPITAL_BONUS
        if runner_up is not None and population == largest and population >= DOMINANT_MIN \
                and population >= DOMINANT_RATIO * runner_up:
            return score + DOMINANT_BONUS
        return score + (MAJOR_CITY_BONUS if population >= MAJOR_CITY else 0.0)
    if feature in FACILITY_FEATURES:
        return FACILITY_PRIOR
    if feature == "admin2" and alternate:  # "Kabupaten Agam", or a spelling variant
        return PRIOR["admin2"] - ALTERNATE_PENALTY
    if feature == "water" and alternate:  # "Ohio" is the state; "the Ohio" (DEFINITE) the river
        return PRIOR["water"] - ALTERNATE_PENALTY
    return PRIOR.get(feature, 2.0)


def resolve(mentions: list[Mention], gazetteer: Gazetteer, context: Context | None = None) -> list[int | None]:
    """The chosen gazetteer row for each mention (None when it has no candidate)."""
    context = context or Context()
    keys = [mention.key or name_key(mention.text) for mention in mentions]
    groups: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        groups.setdefault(key, []).append(index)
    qualified: dict[int, list[int]] = {}  # qualifier -> the mentions it qualifies
    for index, mention in enumerate(mentions):
        if mention.qualifier is not None:
            qualified.setdefault(mention.qualifier, []).append(index)
    priors = [_priors(m, gazetteer) for m in mentions]
    chosen = [_best(m, _local_scores(m, priors[i], gazetteer, None, [])) for i, m in enumerate(mentions)]
    confidence = [1.0] * len(mentions)
    for _ in range(ROUNDS):
        previous = list(chosen)
        local = [_local_scores(m, priors[i], gazetteer, chosen[m.qualifier] if m.qualifier is not None else None,
                               [chosen[j] for j in m.listed_with], chosen[m.near] if m.near is not None else None,
                               [chosen[j] for j in qualified.get(i, ())])
                 for i, m in enumerate(mentions)]
        next_confidence = list(confidence)
        for key, members in groups.items():
            for lo, hi, subset in _windows(members, len(mentions)):
                others = [(chosen[j], confidence[j]) for j in range(lo, hi) if keys[j] != key and chosen[j] is not None]
                evidence = _Evidence.of(others, gazetteer, context)
                near = [j for j in members if lo <= j < hi]
                home = evidence.home_country()
                for i in subset:
                    mention = mentions[i]
                    scores = {}
                    abroad = any(row is not None and is_world_city(gazetteer, row) and gazetteer.countries[row] != home
                                 for row in (chosen[j] for j in mention.listed_with))
                    for row, alternate in mention.candidates:
                        base = priors[i][row]
                        # the other mentions of the same name lend part of their own evidence
                        shared = sum(local[j][row] - base for j in near if j != i and row in local[j])
                        scores[row] = local[i][row] + evidence.score(row, gazetteer) + SHARED_LOCAL * shared
                        if abroad and not alternate and is_world_city(gazetteer, row):
                            scores[row] += WORLD_SIBLING
                    chosen[i] = _best(mention, scores)
                    next_confidence[i] = _confidence(scores)
        confidence = next_confidence
        if chosen == previous:
            break
    return chosen


def is_world_city(gazetteer: Gazetteer, row: int) -> bool:
    """A city a bare name means anywhere: a capital, a listed world city or one of a million people."""
    return gazetteer.features[row] == "city" and (
        row in gazetteer.capitals or row in gazetteer.prominent or gazetteer.population[row] >= MAJOR_CITY)


def _windows(members: list[int], size: int) -> list[tuple[int, int, list[int]]]:
    """The stretches of mentions whose choices are context for ``members`` (the mentions of one name):
    the whole document when it is short, else each member's CONTEXT_WINDOW mentions on either side, so
    that a long document costs time in proportion to its length."""
    if size <= 2 * CONTEXT_WINDOW + 1:
        return [(0, size, members)]
    return [(max(0, i - CONTEXT_WINDOW), min(size, i + CONTEXT_WINDOW + 1), [i]) for i in members]


def _confidence(scores: dict[int, float]) -> float:
    """How far the best candidate leads, as a weight in [0.3, 1] for the evidence it lends others.
    Two wrong guesses must not prop each other up (Salem and Portland, Oregon, in a Maine story)."""
    if len(scores) < 2:
        return 1.0
    first, second = sorted(scores.values(), reverse=True)[:2]
    return max(0.3, min(1.0, (first - second) / SURE_MARGIN))


def _best(mention: Mention, scores: dict[int, float]) -> int | None:
    if not scores:
        return None
    return max(scores, key=lambda row: (scores[row], -row))


def _priors(mention: Mention, gazetteer: Gazetteer) -> dict[int, float]:
    """The prior of each candidate row of a mention."""
    largest, runner_up = namesake_sizes(gazetteer, mention.candidates)
    return {row: prior(gazetteer, row, alternate, largest, runner_up) for row, alternate in mention.candidates}


def _local_scores(mention: Mention, priors: dict[int, float], gazetteer: Gazetteer, qualifier_row: int | None,
                  listed_rows: list[int | None], near_row: int | None = None,
                  qualified_rows: list[int | None] = ()) -> dict[int, float]:
    """Prior (``priors``, from :func:`_priors`) plus the mention's own evidence, per candidate row."""
    scores = {}
    names_country = any(gazetteer.features[row] == "country" for row, _ in mention.candidates)
    town_yields = _towns_yielding_to_subdivision(gazetteer, mention.candidates)
    for row, alternate in mention.candidates:
        feature = gazetteer.features[row]
        score = priors[row]
        if names_country and (feature in ("city", "admin2") or (feature == "admin1" and alternate)) \
                and mention.feature_hint not in ("city", "admin1", "admin2") \
                and not (qualifier_row is not None and contains(gazetteer, qualifier_row, row)):
            score -= COUNTRY_NAMESAKE
        if feature == "city" and mention.feature_hint != "city" and row in town_yields:
            score -= ADMIN1_OVER_TOWN
        if any(inner is not None and contains(gazetteer, row, inner) for inner in qualified_rows):
            score += QUALIFIER_HOLDS
        if near_row is not None and near_row != row:
            km = distance_km(gazetteer.lat[row], gazetteer.lon[row], gazetteer.lat[near_row], gazetteer.lon[near_row])
            score += NEAR_ANCHOR * math.exp(-km / NEAR_ANCHOR_KM)
        if mention.definite:
            if feature in DEFINITE_FEATURES or feature in FACILITY_FEATURES:
                score += DEFINITE
            elif feature in ("city", "admin2", "admin1"):
                score -= DEFINITE  # towns, districts and states go without the article: "the Loire" is the river
        if mention.feature_hint and (mention.feature_hint == feature or
                                     (mention.feature_hint == "airport" and feature in FACILITY_FEATURES) or
                                     (mention.feature_hint == "admin1" and feature == "admin2")):
            score += FEATURE_CUE
        if mention.label in LABEL_HINT and feature in LABEL_HINT[mention.label]:
            score += FAC_LABEL_BONUS if mention.label == "FAC" else LABEL_BONUS
        if mention.is_qualifier and feature in ("admin1", "country"):
            score += QUALIFIER_IS_CONTAINER
        if qualifier_row is not None and contains(gazetteer, qualifier_row, row):
            score += QUALIFIED
        if gazetteer.countries[row] in mention.countries_in_sentence:
            score += DEMONYM_IN_SENTENCE
        listed = [other for other in listed_rows if other is not None and other != row]
        if any(gazetteer.countries[other] == gazetteer.countries[row] for other in listed):
            score += LISTED_SAME_COUNTRY
        if any(gazetteer.features[other] == feature for other in listed):
            score += LISTED_SAME_FEATURE
        scores[row] = score
    return scores


def _towns_yielding_to_subdivision(gazetteer: Gazetteer, candidates: list[tuple[int, bool]]) -> frozenset[int]:
    """Towns that share their name with a first-level subdivision of their country ("Mpumalanga",
    "Quebec" in a provincial story): the town would otherwise win on the nearness of the article's other
    places, which the subdivision (a coarse feature) does not collect. None when one of the candidates
    is a capital, a world city or a city of a million ("Washington", "New York" are the cities)."""
    countries = {gazetteer.countries[row] for row, alternate in candidates
                 if not alternate and gazetteer.features[row] == "admin1"}
    if not countries:
        return frozenset()
    towns = [row for row, _ in candidates if gazetteer.features[row] == "city"]
    if any(is_world_city(gazetteer, row) for row in towns):
        return frozenset()
    return frozenset(row for row in towns if gazetteer.countries[row] in countries)


def contains(gazetteer: Gazetteer, outer: int, inner: int) -> bool:
    """Whether entry ``outer`` (a country or subdivision) holds entry ``inner``."""
    feature = gazetteer.features[outer]
    if feature == "country":
        return gazetteer.countries[inner] == gazetteer.countries[outer] and inner != outer
    if feature == "admin1":
        return gazetteer.admin1[inner] == gazetteer.ids[outer] and inner != outer
    return False


@dataclass
class _Evidence:
    """The rest of the article, summarised for scoring a candidate; each other place counts with the
    confidence of its own resolution."""

    countries: dict[str, float]
    named_admin1: dict[str, float]
    neighbour_admin1: dict[str, float]
    points: list[tuple[float, float, float]]
    actor_countries: frozenset[str]

    @classmethod
    def of(cls, rows: list[tuple[int, float]], gazetteer: Gazetteer, context: Context) -> _Evidence:
        if context.dateline_row is not None:
            rows = rows + [(context.dateline_row, 1.0)]
        weights: dict[int, float] = {}
        for row, weight in rows:
            weights[row] = max(weight, weights.get(row, 0.0))
        countries: dict[str, float] = {}
        named: dict[str, float] = {}
        neighbours: dict[str, float] = {}
        points = []
        for row, weight in weights.items():
            feature = gazetteer.features[row]
            country = gazetteer.countries[row]
            if country:
                share = COUNTRY_NAME_WEIGHT if feature == "country" else 1.0
                countries[country] = countries.get(country, 0.0) + weight * share
            if feature == "admin1":
                named[gazetteer.ids[row]] = max(weight, named.get(gazetteer.ids[row], 0.0))
            elif gazetteer.admin1[row]:
                admin1 = gazetteer.admin1[row]
                neighbours[admin1] = max(weight, neighbours.get(admin1, 0.0))
            if feature not in COARSE_FEATURES and feature != "admin1":
                points.append((gazetteer.lat[row], gazetteer.lon[row], weight))
        return cls(countries, named, neighbours, points, context.actor_countries)

    def home_country(self) -> str | None:
        """The country the article names most places in."""
        return max(self.countries, key=lambda c: (self.countries[c], c)) if self.countries else None

    def score(self, row: int, gazetteer: Gazetteer) -> float:
        country = gazetteer.countries[row]
        feature = gazetteer.features[row]
        score = 0.0
        weight = self.countries.get(country, 0.0) if country else 0.0
        if weight:
            score += SAME_COUNTRY * min(1.0, weight) + (MANY_IN_COUNTRY if weight >= 3 else 0.0)
        elif country and country in self.actor_countries:
            score += ACTOR_COUNTRY
        if feature == "admin1":
            return score + CONTAINS_NEIGHBOUR * self.neighbour_admin1.get(gazetteer.ids[row], 0.0)
        if feature in COARSE_FEATURES:
            return score
        # being in a subdivision the article names, in a neighbour's subdivision, and near neighbours
        # say much the same thing: count the strongest only
        admin1 = gazetteer.admin1[row]
        local = 0.0
        if admin1:
            local = max(IN_NAMED_ADMIN1 * self.named_admin1.get(admin1, 0.0),
                        IN_ADMIN1_OF_NEIGHBOUR * self.neighbour_admin1.get(admin1, 0.0))
        if self.points:
            lat, lon = gazetteer.lat[row], gazetteer.lon[row]
            near = sum(weight * math.exp(-distance_km(lat, lon, p_lat, p_lon) / NEARBY_KM)
                       for p_lat, p_lon, weight in self.points)
            local = max(local, NEARBY * min(NEARBY_CAP, near))
        if feature == "admin2" and admin1 and gazetteer.names[row].rsplit(" ", 1)[-1].lower() in _UNIT_WORDS:
            # counties of one name lie in many states, often next to each other: the one inside the state
            # the article names is meant ("Wayne County" in a Michigan story), whatever lies near; a unit
            # named without the word ("Gwoza") shares its name with its town, which keeps its evidence
            local += IN_NAMED_ADMIN1 * self.named_admin1.get(admin1, 0.0)
        return score + local
