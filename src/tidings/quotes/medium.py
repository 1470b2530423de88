"""Where and to whom a statement was made, and when: medium, addressee and date of an attribution.

- medium: a platform named in a phrase of the cue ("a post published on his Twitter page" → Twitter), else an
  outlet ("told the al-Maalomah news agency", "told Reuters"), else the form of the statement ("in a joint
  statement" → joint statement);
- addressee: the person or group told ("told reporters", "said to lawmakers", "in a call with his counterpart");
- date: a time expression attached to the cue or inside the frame, as the time tagger normalised it
  (``doc._.timexes``), else the words of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import records
from .attribution import Attribution, inside_any
from .cues import MediaLexicon

#: prepositions that introduce the medium of a statement
MEDIUM_PREPS = frozenset({"in", "on", "during", "at", "via", "through", "with", "to", "over", "from"})
#: verbs whose object is the one told
TELL_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "notify", "warn", "urge", "write", "ask"})
DROPPED_DEPS = frozenset({"det", "poss", "case", "punct", "relcl", "acl", "appos", "prep"})
#: "Arabic-language", "English language" before an outlet's name
LANGUAGE_LABEL = re.compile(r"^[A-Z][\w]*(?:\s*-\s*|\s+)language\s+")
SPEECH_SETTINGS = frozenset({"speak", "talk", "write", "address", "appear", "testify"})
DATE_DEPS = frozenset({"prep", "npadvmod", "advmod", "tmod", "obl", "nmod"})


@dataclass
class Setting:
    medium: str | None = None
    addressee: str | None = None
    date: str | None = None


def describe(doc: Doc, attribution: Attribution, media: MediaLexicon) -> Setting:
    """Medium, addressee and date of one attribution (each None where the text gives none)."""
    setting = Setting()
    anchors = _anchors(attribution)
    phrases: list[Token] = []  # heads of the phrases that may name a medium
    for anchor in anchors:
        for child in anchor.children:
            if _in_content(child, attribution) or _in_speaker(child, attribution):
                continue
            if child.dep_ in ("dobj", "dative") and anchor.lemma_.lower() in TELL_VERBS:
                if _is_outlet(child, media):
                    phrases.insert(0, child)
                elif setting.addressee is None and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    setting.addressee = _phrase_text(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ in MEDIUM_PREPS:
                phrases.append(child)
                if child.lower_ in ("to", "with") and setting.addressee is None:
                    setting.addressee = _addressee_of(child, media)
    if attribution.anchor is not None and attribution.rule == "according-to":
        phrases.insert(0, attribution.anchor)
    setting.medium = _medium(phrases, media)
    if setting.addressee is None:
        for phrase in phrases:
            for token in phrase.subtree:
                if token.dep_ == "prep" and token.lower_ == "with" and token.head.lemma_.lower() in media.medium_nouns:
                    setting.addressee = _addressee_of(token, media)
    setting.date = _date(doc, attribution, anchors)
    return setting


def _anchors(attribution: Attribution) -> list[Token]:
    """The cue verb and, for a participle or a frame's aside, the verb it hangs from."""
    anchor = attribution.anchor
    if anchor is None:
        return []
    anchors = [anchor]
    if anchor.dep_ in ("advcl", "xcomp", "conj", "pcomp") and anchor.head.i != anchor.i:
        anchors.append(anchor.head)
    # "speaking at a news conference, X said …" (on the cue, or on the speaker when parsed as its modifier)
    holders = [anchor] + ([attribution.speaker.root] if attribution.speaker is not None else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("advcl", "acl") and child.lemma_.lower() in SPEECH_SETTINGS:
                anchors.append(child)
    return anchors


def _medium(phrases: list[Token], media: MediaLexicon) -> str | None:
    """The best medium named in these phrases: a platform, else an outlet, else a statement form."""
    platform = outlet = form = None
    for phrase in phrases:
        tokens = list(phrase.subtree)
        for token in tokens:
            if platform is None and token.text in media.platforms:
                platform = media.platforms[token.text]
        for token in tokens:
            # the head of a name, not its parts ("the state news agency RIA" → RIA, not "state")
            if outlet is None and token.pos_ in ("PROPN", "NOUN") and token.dep_ != "compound" \
                    and _is_outlet(token, media):
                outlet = _phrase_text(token, outlet=True)
        for token in tokens:
            if form is None and token.pos_ == "NOUN" and token.lemma_.lower() in media.medium_nouns \
                    and token.dep_ not in ("compound",):
                form = _phrase_text(token)
    return platform or outlet or form


def _is_outlet(token: Token, media: MediaLexicon) -> bool:
    """A news organisation: named in the lexicon, headed by or modified by an outlet noun ("news agency",
    "the German daily Handelskurier"), or a proper name that is told something or given an interview."""
    lemma = token.lemma_.lower()
    if lemma in media.outlet_nouns or token.text.lower() in media.outlet_nouns:
        return not (lemma in ("paper", "show", "station", "network") and token.dep_ == "compound")
    name = [c for c in token.children if c.dep_ in ("compound", "flat") and c.i < token.i] + [token]
    words = [t.text for t in sorted(name, key=lambda t: t.i)]
    for size in range(1, min(len(words), media.max_outlet_words) + 1):
        if tuple(words[-size:]) in media.outlets:
            return True
    if token.pos_ != "PROPN" and not (token.text[:1].isupper() and token.i > token.sent.start):
        return False
    if any(c.lemma_.lower() in media.outlet_nouns and c.dep_ in ("amod", "compound", "appos") for c in token.children):
        return True
    if token.head.lemma_.lower() in media.outlet_nouns and token.dep_ in ("appos", "npadvmod"):
        return True
    told = token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() == "tell"
    # "told the Ledger": people are told without an article; a capitalised title with one is a newspaper
    if told and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return True
    if token.ent_type_ in ("PERSON", "GPE", "NORP", "LOC", "DATE"):
        return False
    # an organisation told something ("told Meridian Wire"), or one an interview or comment was given to
    if told:
        return True
    holder = token.head.head.lemma_.lower()
    if token.dep_ == "pobj" and ((token.head.lower_ == "to" and holder in media.medium_nouns)
                                 or (token.head.lower_ == "with" and holder == "interview")):
        return True
    return False


def _addressee_of(prep: Token, media: MediaLexicon) -> str | None:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or _is_outlet(objects[0], media):
        return None
    target = objects[0]
    if target.lemma_.lower() in media.medium_nouns or target.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return _phrase_text(target)


def _phrase_text(head: Token, outlet: bool = False) -> str:
    """A noun phrase's words without determiners, possessives, clauses and prepositional tails.

    For an outlet, language labels go too ("the Arabic-language al-Maalomah news agency" → "al-Maalomah news
    agency").
    """
    keep: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        keep.append(token)
        for child in token.children:
            if child.dep_ in DROPPED_DEPS and not (child.dep_ == "punct" and child.text in ("-", "‐")):
                continue
            stack.append(child)
    keep.sort(key=lambda t: t.i)
    # the contiguous run around the head
    indices = {t.i for t in keep}
    start = end = head.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    text = head.doc[start:end + 1].text
    return LANGUAGE_LABEL.sub("", text) if outlet else text


def _date(doc: Doc, attribution: Attribution, anchors: list[Token]) -> str | None:
    """The statement's date: a time expression on the cue (or in a direct quote's frame)."""
    regions: list[tuple[int, int]] = []
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ in DATE_DEPS and not _in_content(child, attribution) and not _in_speaker(child, attribution):
                regions.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
    if attribution.frame is not None:
        regions.append(attribution.frame)
    regions = [r for r in regions if not (attribution.start <= r[0] and r[1] <= attribution.end)]
    for timex in records(doc, "timexes"):
        if any(start <= timex.start and timex.end <= end for start, end in regions) \
                and not attribution.start <= timex.start < attribution.end:
            return timex.value or timex.text
    for start, end in regions:  # the model's own dates, looked up only inside the regions
        region = doc.char_span(start, end, alignment_mode="expand")
        for ent in region.ents if region is not None else ():
            if ent.label_ in ("DATE", "TIME") and start <= ent.start_char and ent.end_char <= end \
                    and not attribution.start <= ent.start_char < attribution.end:
                return _strip_preposition(ent)
    return None


def _strip_preposition(ent: Span) -> str:
    words = ent.text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("on", "in", "at") else ent.text


def _in_content(token: Token, attribution: Attribution) -> bool:
    """Whether a dependent starts inside the quote's words (a medium phrase may swallow a misattached clause)."""
    return any(attribution.start <= t.idx < attribution.end for t in (token, token.left_edge)
               if not _in_gap(t.idx, attribution))


def _in_gap(position: int, attribution: Attribution) -> bool:
    """Inside the frame between the parts of a split quote."""
    if len(attribution.parts) < 2:
        return False
    return not inside_any(position, attribution.parts)


def _in_speaker(token: Token, attribution: Attribution) -> bool:
    speaker = attribution.speaker
    return speaker is not None and speaker.start_char <= token.idx < speaker.end_char

