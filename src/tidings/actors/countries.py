"""Countries as actors: names, ISO codes, adjectives, demonyms and capitals to PLOVER codes.

pycountry gives the ISO 3166 names and codes; ``countries.tsv`` adds the forms news text uses;
``territories.tsv`` folds dependencies into their state, marks partially recognised entities (PRE)
and lists regional constructs that get no country ("the West"), as the PLOVER manual says.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from .data import ActorData
from .text import normalise

#: how close (rapidfuzz ratio) a misspelt country word must be
FUZZY_MIN_SCORE = 88
#: ISO alpha-3 codes that are also English words or common abbreviations, so not read as countries
WORDLIKE_CODES = frozenset({"AND", "ARE", "CAN", "PER", "GIN", "BEN", "TON", "MAR", "DOM", "COM", "GUM", "IMN",
                            "LIE", "MLT", "PAN", "TUN", "ALA", "SUR", "NER", "CUB", "FIN", "GAB", "MAC", "ATA"})


@dataclass(frozen=True)
class CountryHit:
    code: str | None
    #: how the word was used: a name ("Iraq"), an adjective ("Iraqi"), a demonym ("Iraqis"), a
    #: capital or seat of government ("Washington"), a territory, or a region with no country
    kind: str
    name: str  # canonical country name
    sectors: tuple[str, ...] = ()
    people: bool = False  # an ethnic people living in the state ("Yoruba"), not the state itself


class CountryIndex:
    """Look up a piece of text as a country word. Short all-caps forms ("US") match only as written."""

    def __init__(self, data: ActorData):
        self.exact: dict[str, CountryHit] = {}
        self.folded: dict[str, CountryHit] = {}
        fold = {row.iso: row.code for row in data.territories if row.iso}
        names: dict[str, str] = {}
        for country in pycountry.countries:
            if country.alpha_3 not in fold:
                names[country.alpha_3] = getattr(country, "common_name", None) or country.name
        for row in data.countries:  # the name news text uses first ("Russia", not "Russian Federation")
            if row.names:
                names[row.code] = row.names[0]
        # pycountry first so the project's own table wins where both name a form
        for country in pycountry.countries:
            code = fold.get(country.alpha_3, country.alpha_3)
            hit = CountryHit(code, "name" if code == country.alpha_3 else "territory", names.get(code, code))
            for form in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if form:
                    self._add(form, hit)
            if country.alpha_3 not in WORDLIKE_CODES:
                self.exact.setdefault(country.alpha_3, hit)
        for row in data.countries:
            name = names[row.code]
            for form in row.names:
                self._add(form, CountryHit(row.code, "name", name))
            peoples = {normalise(form) for form in row.peoples}
            for form in row.adjectives:
                self._add(form, CountryHit(row.code, "adjective", name, people=normalise(form) in peoples))
            for form in row.demonyms:
                self._add(form, CountryHit(row.code, "demonym", name, people=normalise(form) in peoples))
            for form in row.capitals:
                self._add(form, CountryHit(row.code, "capital", name))
        for row in data.territories:
            kind = "territory" if row.code else "region"
            for form in row.names:
                name = form[4:] if form.lower().startswith("the ") else form
                self._add(form, CountryHit(row.code, kind, name if not row.code else names.get(row.code, row.code),
                                           row.sectors))
        self._fuzzy_keys: list[str] | None = None

    def _add(self, form: str, hit: CountryHit) -> None:
        key = normalise(form)
        table, key = (self.exact, form) if _is_short_caps(form) else (self.folded, key)
        old = table.get(key)
        if old is not None and old.kind == "name" and hit.kind == "adjective" and old.code == hit.code:
            return  # "US" and "Hong Kong" are names first, adjectives second
        table[key] = hit
        if table is self.folded and key.startswith("the "):
            self.folded.setdefault(key[4:], hit)

    def lookup(self, text: str) -> CountryHit | None:
        """The country a word or phrase names, or None. ``text`` is as written in the article."""
        hit = self.exact.get(text.strip())
        if hit is not None:
            return hit
        key = normalise(text)
        if not key or (_is_short_caps(text.strip()) is False and len(key) <= 3 and text.strip().islower()):
            return None
        hit = self.folded.get(key)
        if hit is None and key.startswith("the "):
            hit = self.folded.get(key[4:])
        if hit is not None and hit.kind == "capital" and " " in key.removeprefix("the ") and not _capitalised(text):
            return None  # seats of government are names: "the Blue House", not "a blue house"
        return hit

    def fuzzy(self, text: str) -> CountryHit | None:
        """A misspelt country name or adjective ("Afganistan"), for words the model tags as places."""
        from rapidfuzz import fuzz, process

        key = normalise(text)
        if len(key) < 6:
            return None
        if self._fuzzy_keys is None:
            self._fuzzy_keys = [k for k, hit in self.folded.items() if len(k) >= 6 and hit.kind != "region"]
        best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return self.folded[best[0]] if best else None


def _capitalised(text: str) -> bool:
    """The text, after a leading "the", starts with a capital letter."""
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _is_short_caps(form: str) -> bool:
    """Forms like US, UK, UAE, U.S. that must match case-sensitively ("us" is a pronoun)."""
    letters = [c for c in form if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and len(form) <= 8
