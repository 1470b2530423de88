"""Gazetteer fixes to the model's entities, run right after its NER.

The small English model tags Arabic organisation names as PERSON ("Asa'ib Ahl al-Haq"), misses
outlets ("Tasnim") and reads all-caps datelines as ORG. This component overrides it with:

- knowledge-base names (``data/actors/knowledge_base.yaml`` plus user files): label from the
  entry's type, ``ent.kb_id_`` set to the entry id;
- organisation names that open with a word from ``data/actors/org_patterns.yaml`` ("Harakat X",
  "Kata'ib X", "Jaish al-X"), running on over capitalised words and name particles;
- the dateline: its place becomes GPE and its outlet ORG.

Its spans win over overlapping model entities; the model's other entities stay.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import register_extensions

LABELS = {"person": "PERSON", "organisation": "ORG", "outlet": "ORG"}
#: an organisation name after an opener runs on over at most this many words
MAX_NAME_WORDS = 6


class EntityFixer:
    """Adds gazetteer entities to ``doc.ents`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str, actors_file: str | None = None):
        self.name = name
        self.actors_file = actors_file
        self._matchers: dict[tuple, tuple[Matcher, dict]] = {}
        self.vocab = nlp.vocab
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        try:
            spans = self.find(doc)
        except Exception:  # a gazetteer problem must never stop the pipeline
            return doc
        if spans:
            set_entities(doc, spans)
        return doc

    def find(self, doc: Doc) -> list[Span]:
        """Gazetteer spans in a Doc (not yet applied)."""
        matcher, labels = self._matcher()
        spans = []
        for match_id, start, end in matcher(doc):
            key = self.vocab.strings[match_id]
            kind, _, value = key.partition(":")
            if kind == "opener":
                span = _trim_name(doc, start, end, labels["particles"], labels["stop_words"])
                if span is not None:
                    spans.append(Span(doc, span[0], span[1], label=value))
            elif kind == "kb" and _case_fits(doc[start:end], labels["names"][value]) \
                    and not _inside_longer_name(doc, doc[start:end]):
                entry = labels["entries"][value]
                spans.append(Span(doc, start, end, label=LABELS[entry.type], kb_id=entry.id))
        spans.extend(dateline_spans(doc))
        # knowledge-base names first, so an opener match of the same words does not hide the entry
        return filter_spans(sorted(spans, key=lambda span: not span.kb_id_))

    def _matcher(self) -> tuple[Matcher, dict]:
        from ..actors.data import load_actor_data, user_files

        files = user_files(self.actors_file)
        cached = self._matchers.get(files)
        if cached is not None:
            return cached
        data = load_actor_data(files)
        matcher = Matcher(self.vocab)
        names: dict[str, set[str]] = {}
        entries = {}
        tokenizer = _Tokenizer(self.vocab)
        for entry in data.entries:
            if entry.ambiguous:
                continue
            entries[entry.id] = entry
            patterns = []
            for alias in entry.names:
                words = tokenizer(alias)
                if len("".join(words)) < 3 or (len(words) == 1 and words[0].islower()):
                    continue  # two-letter forms ("IS", "AP") are left to the model
                patterns.append([{"LOWER": w.lower()} for w in words])
                names.setdefault(entry.id, set()).add(alias)
            if patterns:
                matcher.add(f"kb:{entry.id}", patterns)
        particles = data.particles
        name_word = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’]*|-)$"}}
        particle = {"LOWER": {"IN": sorted(particles)}}
        for opener in data.openers:
            words = tokenizer(opener.opener)
            head = [{"ORTH": w} for w in words]
            patterns = [head + [dict(name_word, OP="+")],
                        head + [particle, {"ORTH": "-"}, dict(name_word, OP="+")],
                        head + [dict(name_word, OP="+"), particle, {"ORTH": "-"}, dict(name_word, OP="+")]]
            matcher.add(f"opener:{opener.label}", patterns, greedy="LONGEST")
        # title words end an organisation name: "Harakat X al-Y Secretary General Z"
        stop_words = frozenset(w for phrase in data.agent_nouns for w in phrase.split()) - particles
        labels = {"names": names, "entries": entries, "particles": particles, "stop_words": stop_words}
        self._matchers[files] = (matcher, labels)
        return matcher, labels


class _Tokenizer:
    """Split a name the way the English tokenizer does (hyphens and apostrophes apart)."""

    def __init__(self, vocab):
        from spacy.lang.en import English

        self.nlp = English(vocab=vocab) if vocab is not None else English()

    def __call__(self, text: str) -> list[str]:
        return [t.text for t in self.nlp.make_doc(text)]


def _case_fits(span: Span, aliases: set[str]) -> bool:
    """Names written with capitals must be capitalised in the text ("Truss", not "truss")."""
    return span.text[:1].isupper() or any(not alias[:1].isupper() for alias in aliases)


def _inside_longer_name(doc: Doc, span: Span) -> bool:
    """A known name at the end of a longer organisation name is part of another name
    ("Indian National Congress"); at its start it is the model's overreach ("Daesh Takfiri")."""
    for ent in doc.ents:
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") and start < span.start \
                and span.end == ent.end:
            return True
    return False


def _trim_name(doc: Doc, start: int, end: int, particles: frozenset[str],
               stop_words: frozenset[str]) -> tuple[int, int] | None:
    """The name an opener match stands for: it stops before title words ("Secretary General") and
    ends on a capitalised word."""
    end = min(end, start + 1 + MAX_NAME_WORDS * 3)
    for i in range(start + 1, end):
        if doc[i].lower_ in stop_words:
            end = i
            break
    while end > start + 1:
        last = doc[end - 1]
        if last.text == "-" or last.lower_ in particles or not last.text[:1].isupper():
            end -= 1
            continue
        break
    if end <= start + 1:
        return None
    return start, end


def dateline_spans(doc: Doc) -> list[Span]:
    """The dateline's place (GPE) and outlet (ORG): ``TEHRAN (Tasnim) –``."""
    article = getattr(doc._, "article", None)
    dateline = getattr(article, "dateline", None) if article is not None else None
    if dateline is None or dateline.place is None:
        return []
    text = doc.text[dateline.start:dateline.end]
    spans = []
    place_end = dateline.start + len(dateline.place)
    place = doc.char_span(dateline.start, place_end, label="GPE", alignment_mode="expand")
    if place is not None and doc.text[dateline.start:place_end].upper() == doc.text[dateline.start:place_end]:
        spans.append(place)
    if dateline.outlet:
        offset = text.find(dateline.outlet)
        if offset >= 0:
            start = dateline.start + offset
            outlet = doc.char_span(start, start + len(dateline.outlet), label="ORG", alignment_mode="expand")
            if outlet is not None:
                spans.append(outlet)
    return spans


def set_entities(doc: Doc, spans: list[Span]) -> None:
    """Put gazetteer spans into ``doc.ents``; model entities overlapping them are dropped."""
    taken = set()
    for span in spans:
        taken.update(range(span.start, span.end))
    kept = [ent for ent in doc.ents if not any(i in taken for i in range(ent.start, ent.end))]
    doc.ents = sorted(kept + list(spans), key=lambda s: s.start)


@Language.factory(
    "tidings_entity_ruler",
    default_config={"actors_file": None},
    assigns=["doc.ents"],
)
def make_entity_ruler(nlp: Language, name: str, actors_file: str | None) -> EntityFixer:
    """``actors_file``: user knowledge-base YAML files (os.pathsep-separated); default
    ``TIDINGS_ACTORS``."""
    return EntityFixer(nlp, name, actors_file)
