"""Checks of a rule match against the parse: which matches are not time at all (an age, a
fraction, a name, a modal verb), where a match should start (not at a verb), and which durations
are rates or yearly amounts."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text
from .detect import Candidate
from .vocabulary import vocabulary

#: heads after which a bare four-digit number names a thing, not a year ("Flight 1549")
_NAME_DEPS = frozenset({"nummod", "compound", "appos", "npadvmod", "nmod"})
#: model entities are used only when they hold a word of time (anything else is a mislabel)
TEMPORAL_WORD = re.compile(
    r"\b(?:\d{4}s?|today|yesterday|tomorrow|tonight|now|day|days|week|weeks|weekend|month|months|year|years|"
    r"decade|decades|century|quarter|season|period|era|morning|evening|night|afternoon|hour|hours)\b",
    re.IGNORECASE,
)



#: words after a quantity that make "a year" a rate ("15 a year"), not a length of time
_QUANTITY_WORDS = frozenset({"%", "percent", "per", "cent", "million", "billion", "trillion", "thousand", "hundred"})
#: words after "N years" that make it an age ("a 59-year-old", "two years older")
_AGE = re.compile(r"^(?:[\s-]+(?:old|older|young|younger)\b)", re.IGNORECASE)
#: "a quarter of the dealers": a fraction, unless of a stretch of time ("a quarter of a century")
_FRACTION = re.compile(r"^\s*,?\s*of\b(?!\s+(?:a|an|the)?\s*(?:century|centuries|year|years|decade|decades))",
                       re.IGNORECASE)
#: words after "shortly", "soon", "later" that make them measure a gap, not name a time
_DEGREE = re.compile(r"^\s+(?:after|before|afterwards|afterward|thereafter|than)\b", re.IGNORECASE)
#: seasons that are also everyday nouns or verbs ("a hot spring"): kept bare only as a plain noun
_AMBIGUOUS_SEASONS = frozenset({"spring"})


def without_verb(doc: Doc, candidate: Candidate) -> Candidate:
    """Leave out a first word that the parse shows is a verb: "could last three days" → "three days"."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].pos_ not in {"VERB", "AUX"} or span[0].lower_ != "last":
        return candidate
    start = span[1].idx
    candidate.groups.pop("span", None)
    candidate.text, candidate.start = doc_text(doc)[start:candidate.end], start
    return candidate


def is_rate(doc: Doc, span: Span, candidate: Candidate) -> bool:
    """Whether "a year" / "a day" follows a quantity and so is a frequency ("15 a year", "40,000
    barrels a day"): TimeML types such a phrase as a SET."""
    if candidate.kind != "duration" or candidate.groups.get("num", "").lower() not in {"a", "an"}:
        return False
    if candidate.groups.get("span") or candidate.groups.get("approx") or span.start == 0:
        return False
    if re.match(r"^\s*(?:ago|earlier|later|after|before|of|long|old)\b", doc_text(doc)[candidate.end:], re.IGNORECASE):
        return False
    previous = doc[span.start - 1]
    if previous.like_num or previous.lower_ in _QUANTITY_WORDS:
        return True
    # "40,000 barrels a day": a counted noun right after its number
    return (previous.pos_ == "NOUN" and span.start >= 2
            and (doc[span.start - 2].like_num or doc[span.start - 2].lower_ in _QUANTITY_WORDS))


#: frequency adjectives that before an amount mean a year's worth ("annual profit")
_YEARLY = frozenset({"annual", "yearly"})


def is_yearly_amount(span: Span, candidate: Candidate) -> bool:
    """Whether "annual" qualifies an amount (a year's profit: DURATION) rather than an event held
    every year (a SET: "the annual conference"; the nouns are the vocabulary's ``recurring`` words)."""
    if candidate.rule != "set_word" or candidate.text.lower() not in _YEARLY:
        return False
    head = span[-1].head
    return vocabulary().lookup("recurring", head.lemma_) is None and vocabulary().lookup("recurring", head.text) is None


def keep(doc: Doc, candidate: Candidate) -> bool:
    """Drop rule matches the parse shows are not time: a bare number that counts or names things,
    a lone month name that is a modal verb ("May I ask"), an age, a fraction ("a quarter of"), a
    season word that is a plain noun ("a hot spring"), a year inside a name ("Russell 2000")."""
    following = doc_text(doc)[candidate.end:candidate.end + 60]
    if candidate.kind == "duration":
        if _AGE.match(following) or re.search(r"[\s-]old$", candidate.text, re.IGNORECASE):
            return False
        fraction = re.search(r"\b(?:a|one|three)[\s-]+quarters?$", candidate.text, re.IGNORECASE)
        if fraction and _FRACTION.match(following):
            return False
        return True
    if candidate.kind == "reference" and _DEGREE.match(following):
        return False  # "shortly after noon", "soon after the vote", "later than expected": no time of its own
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if candidate.rule == "month":
        return span is None or span[-1].tag_ != "MD"
    if candidate.rule == "season_bare":
        return span is None or _plain_season(span)
    if candidate.rule in {"year", "short_year"} and span is not None and _inside_name(doc, span):
        return False
    if candidate.rule != "year":
        return True
    if span is None:
        return True
    token = span[-1]
    head = token.head
    if token.dep_ in _NAME_DEPS and head.pos_ in {"NOUN", "PROPN"} and head is not token:
        if head.i < token.i and vocabulary().lookup("counted_name", head.text):  # "Flight 1549"
            return False
        if head.tag_ == "NNS" and not TEMPORAL_WORD.search(head.text):  # "2000 jobs"
            return False
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"%", "percent", "per"}:
        return False
    if token.i > 0 and doc[token.i - 1].text in {"$", "£", "€", "#", "No.", "no."}:
        return False
    return True


def _plain_season(span: Span) -> bool:
    """A bare season word that names the season: not part of a name ("the Arab Spring", "the Winter
    Olympics"); "spring" only as a noun standing alone (not "a hot spring", not "spring water", not
    the verb)."""
    token = span[-1]
    if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.text[:1].isupper():
        return False
    if any(child.dep_ == "compound" and child.pos_ == "PROPN" for child in token.children):
        return False
    if token.lower_ not in _AMBIGUOUS_SEASONS:
        return True
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"compound", "amod"}:
        return False
    return not any(child.dep_ in {"amod", "compound"} or child.lower_ in {"a", "an"} for child in token.children)


def _inside_name(doc: Doc, span: Span) -> bool:
    """A number inside a proper name: a two-digit year right after a name ("iLife '11"), a four-digit
    one between two capitalised names ("the Russell 2000 Index"). A year after an event's name
    ("WWDC 2005", "Conference 2010") is the event's date and stays."""
    if span.start == 0:
        return False
    previous = doc[span.start - 1]
    if previous.pos_ != "PROPN" or _is_time_word(previous) or previous.is_sent_start:
        return False
    if span.text.startswith("'"):
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return (following is not None and span[-1].whitespace_ != "" and following.pos_ in {"PROPN", "NOUN"}
            and following.text[:1].isupper() and not _is_time_word(following))


def _is_time_word(token: Token) -> bool:
    words = vocabulary().words
    lowered = token.lower_
    return (any(lowered in words.get(kind, {}) for kind in ("month", "weekday", "season", "deictic"))
            or lowered in vocabulary().holidays)
