"""Within-article coreference: which earlier (or named) mention a pronoun, surname or description
refers to. Heuristics, in the order they are tried:

1. the same knowledge-base actor, or the same name, or a surname of a full name ("al-Kaabi" →
   "Akram al-Kaabi") is one chain; its representative is its first mention with a proper name;
2. a definite description of an office ("the Iraqi prime minister") refers to the person the article
   introduced with that title ("The prime minister (Mustafa Al-Kadhimi)"), with a compatible country;
3. "he"/"she" refers to the nearest person before it, "they" to the nearest plural actor, "it" to
   the nearest country, organisation or body, skipping quoted speech when the pronoun is the
   narrator's, and never to the subject of its own verb — except a possessive, which usually does
   ("Israel mounted its invasion", "their forces completed their withdrawal");
4. "the latter" is the nearest actor before it, "the former" the one before that;
5. "we"/"I" inside a quotation is its speaker: the actor right after the closing quote mark
   ("..., he said") or right before the opening one.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .entities import entities
from .mentions import Mention
from .text import normalise

THIRD_PERSON = frozenset({"he", "she", "him", "her", "his$", "her$"})
PLURAL = frozenset({"they", "them", "their$"})
#: "it" and "its": a country, organisation or body (possessives are marked with "$")
NEUTER = frozenset({"it", "its$"})
FIRST_PERSON = frozenset({"we", "us", "i", "me"})
#: how many sentences back a pronoun may look for its antecedent
PRONOUN_WINDOW = 3
ANAPHOR_WINDOW = 2
#: characters after a closing quote mark within which its speaker is named ("," he said)
SPEAKER_AFTER = 80
SPEAKER_BEFORE = 250
_QUOTES = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (curly or straight double quotes)."""
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def resolve_coreference(doc: Doc, mentions: list[Mention]) -> list[int | None]:
    """For each mention, the index of the mention it refers to (its chain's representative), or None."""
    quotes = quote_spans(entities(doc).text)
    sentence_of = _sentence_index(doc)
    in_quote = [_inside(m.start, quotes) for m in mentions]
    chains = _chains(doc, mentions)
    refers: list[int | None] = [None] * len(mentions)
    for i, mention in enumerate(mentions):
        rep = chains.get(i)
        if rep is not None and rep != i:
            refers[i] = rep
    for i, mention in enumerate(mentions):
        if mention.pronoun is None and refers[i] is None and _is_description(doc, mention):
            target = _described_person(mentions, i)
            if target is not None:
                refers[i] = chains.get(target, target)
    order = [i for i, m in enumerate(mentions) if m.pronoun and m.pronoun not in FIRST_PERSON]
    order += [i for i, m in enumerate(mentions) if m.pronoun in FIRST_PERSON]
    for i in order:
        mention = mentions[i]
        if mention.pronoun in FIRST_PERSON:
            target = _speaker(doc, mentions, i, quotes, refers)
        elif mention.pronoun in ("latter", "former"):
            target = _latter_former(mentions, i, sentence_of, refers)
        else:
            target = _pronoun_antecedent(doc, mentions, i, sentence_of, in_quote, refers)
        if target is not None:
            while refers[target] is not None and refers[target] != target:
                target = refers[target]
            refers[i] = chains.get(target, target)
    return refers


def _chains(doc: Doc, mentions: list[Mention]) -> dict[int, int]:
    """Mention index -> representative index, for mentions of the same named actor."""
    groups: dict[str, list[int]] = {}
    full_names: list[tuple[str, str]] = []  # (normalised full person name, group key)
    for i, m in enumerate(mentions):
        res = m.resolution
        if m.pronoun:
            continue
        key = None
        if res.kb_id:
            key = "kb:" + res.kb_id
        elif res.name and res.kind in ("person", "organisation", "outlet"):
            key = "name:" + normalise(res.name)
        if key is None:
            continue
        groups.setdefault(key, []).append(i)
        if res.kind == "person" and res.name and " " in res.name.strip():
            full_names.append((normalise(res.name), key))
    # surnames: "al-Kaabi" joins the chain of "Akram al-Kaabi"
    for key in list(groups):
        if not key.startswith("name:"):
            continue
        short = key[5:]
        for full, full_key in full_names:
            if full_key != key and full.endswith(" " + short):
                groups.setdefault(full_key, []).extend(groups.pop(key, []))
                break
    out: dict[int, int] = {}
    for members in groups.values():
        members.sort()
        named = [i for i in members if _is_named(doc, mentions[i])]
        rep = named[0] if named else members[0]
        for i in members:
            out[i] = rep
    return out


def _is_named(doc: Doc, mention: Mention) -> bool:
    head = doc[mention.head]
    return head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG")


def _is_description(doc: Doc, mention: Mention) -> bool:
    res = mention.resolution
    head = doc[mention.head]
    return (res.title is not None and not res.plural and res.role_kind in ("agent", "role")
            and res.name is None and any(c.lower_ == "the" for c in head.lefts))


def _described_person(mentions: list[Mention], i: int) -> int | None:
    """The named person introduced with the same title (nearest before, else the first after)."""
    desc = mentions[i].resolution
    candidates = []
    for j, other in enumerate(mentions):
        res = other.resolution
        if j == i or other.pronoun or not res.personal or not res.name or res.title != desc.title:
            continue
        if desc.code and res.code and desc.code != res.code:
            continue
        candidates.append(j)
    before = [j for j in candidates if j < i]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def _pronoun_antecedent(doc: Doc, mentions: list[Mention], i: int, sentence_of: dict[int, int],
                        in_quote: list[bool], refers: list[int | None]) -> int | None:
    """The nearest fitting actor before a pronoun, subjects first within a sentence's distance."""
    mention = mentions[i]
    plural = mention.pronoun in PLURAL
    neuter = mention.pronoun in NEUTER
    here = sentence_of[mention.head]
    pronoun = doc[mention.head]
    possessive = mention.pronoun.endswith("$")
    own_subject = _subject_of(pronoun) if pronoun.dep_ not in ("nsubj", "nsubjpass") and not possessive else None
    best, best_score = None, None
    for j in range(i - 1, -1, -1):
        other = mentions[j]
        distance = here - sentence_of[other.head]
        if distance > PRONOUN_WINDOW:
            break
        if other.start >= mention.start or (in_quote[j] and not in_quote[i]):
            continue
        if own_subject is not None and other.head == own_subject:
            continue
        res = other.resolution
        subject = doc[other.head].dep_ in ("nsubj", "nsubjpass")
        if other.pronoun:
            same = PLURAL if plural else NEUTER if neuter else THIRD_PERSON
            if other.pronoun not in same or refers[j] is None:
                continue
            candidate = refers[j]
        elif (plural or neuter) and distance > 0 and not subject:
            continue  # "they"/"it" in a new sentence continues its subject, not any noun
        elif plural and (res.plural or res.kind == "group") and res.kind != "region":
            candidate = j
        elif neuter:
            if not _body(doc, other):
                continue
            candidate = j
        elif not plural and res.personal and not res.plural:
            candidate = j
        elif not plural and _unknown_name(doc, other):
            # the small model tags many Arabic personal names ORG: an unknown name may be a person,
            # taken only when no person fits
            candidate = j
            distance += PRONOUN_WINDOW + 1
        else:
            continue
        score = (distance, not subject, i - j)
        if best_score is None or score < best_score:
            best, best_score = candidate, score
    return best


def _body(doc: Doc, mention: Mention) -> bool:
    """Whether "it" may stand for a mention: one country, organisation, outlet or body ("the
    government", "the army"), not a person, a group of people or a region."""
    res = mention.resolution
    if res.personal or res.plural or res.kind in ("person", "pronoun", "region", "group") \
            or res.role_kind == "instrument":
        return False
    if doc[mention.head].tag_ in ("NNS", "NNPS") or doc[mention.head].ent_type_ == "PERSON":
        return False
    return bool(res.code or res.kb_id or res.sectors) or _unknown_name(doc, mention)


def _unknown_name(doc: Doc, mention: Mention) -> bool:
    """A proper name that nothing resolved (no knowledge-base entry, agent noun or country)."""
    res = mention.resolution
    return (doc[mention.head].pos_ == "PROPN" and res.kind in ("organisation", "name", None)
            and not res.found and not res.plural)


def _subject_of(token) -> int | None:
    verb = token.head
    while verb.dep_ in ("prep", "agent") and verb.head is not verb:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.i if subject is not None else None


def _latter_former(mentions: list[Mention], i: int, sentence_of: dict[int, int],
                   refers: list[int | None]) -> int | None:
    mention = mentions[i]
    here = sentence_of[mention.head]
    seen: list[int] = []
    for j in range(i - 1, -1, -1):
        other = mentions[j]
        if here - sentence_of[other.head] > ANAPHOR_WINDOW:
            break
        if other.pronoun or other.end > mention.start:
            continue
        target = refers[j] if refers[j] is not None else j
        if target not in seen:
            seen.append(target)
        if mention.pronoun == "latter" and seen:
            return seen[0]
        if mention.pronoun == "former" and len(seen) >= 2:
            return seen[1]
    return None


def _speaker(doc: Doc, mentions: list[Mention], i: int, quotes: list[tuple[int, int]],
             refers: list[int | None]) -> int | None:
    mention = mentions[i]
    quote = next((q for q in quotes if q[0] <= mention.start < q[1]), None)
    if quote is None:
        return None
    after = [j for j, m in enumerate(mentions) if quote[1] <= m.start <= quote[1] + SPEAKER_AFTER
             and m.pronoun not in FIRST_PERSON and "\n" not in entities(doc).text[quote[1]:m.start]]
    if after:
        j = after[0]
        return refers[j] if mentions[j].pronoun else j
    before = [j for j, m in enumerate(mentions) if quote[0] - SPEAKER_BEFORE <= m.end <= quote[0]
              and m.pronoun not in FIRST_PERSON and "\n" not in entities(doc).text[m.end:quote[0]]]
    if before:
        j = before[-1]
        return refers[j] if mentions[j].pronoun else j
    return None


def _sentence_index(doc: Doc) -> dict[int, int]:
    out = {}
    for n, sent in enumerate(doc.sents):
        for token in sent:
            out[token.i] = n
    return out


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)
