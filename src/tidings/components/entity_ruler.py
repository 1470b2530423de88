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
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import doc_text, register_extensions

LABELS = {"person": "PERSON", "organisation": "ORG", "outlet": "ORG"}
#: an organisation name after an opener runs on over at most this many words
MAX_NAME_WORDS = 6


class EntityFixer:
    """Adds gazetteer entities to ``doc.ents`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str, actors_file: str | None = None):
        self.name = name
        self.actors_file = actors_file
        self._matchers: dict[tuple, tuple[PhraseMatcher, Matcher, dict]] = {}
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
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
        names, openers, labels = self._matchers_for()
        model_ents = list(doc.ents)
        spans = []
        has_opener = not labels["opener_words"].isdisjoint(t.text for t in doc)
        for match_id, start, end in openers(doc) if has_opener else ():
            span = _trim_name(doc, start, end, labels["particles"], labels["stop_words"])
            if span is not None:
                spans.append(Span(doc, span[0], span[1], label=self.vocab.strings[match_id]))
        found: dict[tuple[int, int], list] = {}
        for match_id, start, end in names(doc):
            entry_id = self.vocab.strings[match_id]
            if _case_fits(doc[start:end], labels["names"][entry_id]) \
                    and not _inside_longer_name(model_ents, start, end):
                found.setdefault((start, end), []).append(labels["entries"][entry_id])
        for (start, end), entries in found.items():
            # a name several entries share ("Bush") is left for the resolver to pick by date
            kb_id = entries[0].id if len(entries) == 1 else ""
            spans.insert(0, Span(doc, start, end, label=LABELS[entries[0].type], kb_id=kb_id))
        spans.extend(dateline_spans(doc))
        # knowledge-base names come first, so of two equal spans the entry's wins over an opener match
        return filter_spans(spans)

    def _matchers_for(self) -> tuple[PhraseMatcher, Matcher, dict]:
        from ..actors.data import load_actor_data, user_files

        files = user_files(self.actors_file)
        cached = self._matchers.get(files)
        if cached is not None:
            return cached
        data = load_actor_data(files)
        names = PhraseMatcher(self.vocab, attr="LOWER")
        known: dict[str, set[str]] = {}
        entries = {}
        for entry in data.entries:
            if entry.ambiguous:
                continue
            entries[entry.id] = entry
            patterns = []
            for alias in entry.names:
                letters = [c for c in alias if c.isalpha()]
                if len(letters) < 3 or (" " not in alias and alias.islower()):
                    continue  # two-letter forms ("IS", "AP") are left to the model
                patterns.append(self.tokenizer(alias))
                known.setdefault(entry.id, set()).add(alias)
            if patterns:
                names.add(entry.id, patterns)
        openers = Matcher(self.vocab)
        particles = data.particles
        name_word = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’]*|-)$"}}
        particle = {"LOWER": {"IN": sorted(particles)}}
        for opener in data.openers:
            head = [{"ORTH": t.text} for t in self.tokenizer(opener.opener)]
            patterns = [head + [dict(name_word, OP="+")],
                        head + [particle, {"ORTH": "-"}, dict(name_word, OP="+")],
                        head + [dict(name_word, OP="+"), particle, {"ORTH": "-"}, dict(name_word, OP="+")]]
            openers.add(opener.label, patterns, greedy="LONGEST")
        # title words end an organisation name: "Harakat X al-Y Secretary General Z"
        stop_words = frozenset(w for phrase in data.agent_nouns for w in phrase.split()) - particles
        labels = {"names": known, "entries": entries, "particles": particles, "stop_words": stop_words,
                  "opener_words": frozenset(o.opener for o in data.openers)}
        self._matchers[files] = (names, openers, labels)
        return names, openers, labels


def _case_fits(span: Span, aliases: set[str]) -> bool:
    """Names written with capitals must be capitalised in the text ("Truss", not "truss")."""
    return span.text[:1].isupper() or any(not alias[:1].isupper() for alias in aliases)


def _inside_longer_name(model_ents: list[Span], start: int, end: int) -> bool:
    """A known name at the end of a longer organisation name is part of another name
    ("Indian National Congress"), and so is one the name goes on from with "of" or "for" ("the
    Congress of South African Trade Unions"); otherwise a longer name after it is the model's
    overreach ("Daesh Takfiri")."""
    for ent in model_ents:
        if ent.label_ not in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
            continue
        first = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if first < start and end == ent.end:
            return True
        if first == start and end + 1 < ent.end and ent.doc[end].lower_ in ("of", "for"):
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
    while end > start + 1 and (doc[end - 1].text == "-" or doc[end - 1].lower_ in particles
                               or not doc[end - 1].text[:1].isupper()):
        end -= 1
    if end <= start + 1:
        return None
    return start, end


def dateline_spans(doc: Doc) -> list[Span]:
    """The dateline's place (GPE) and outlet (ORG): ``TEHRAN (Tasnim) –``."""
    article = getattr(doc._, "article", None)
    dateline = getattr(article, "dateline", None) if article is not None else None
    if dateline is None or dateline.place is None:
        return []
    text = doc_text(doc)[dateline.start:dateline.end]
    spans = []
    if dateline.place_span is not None:
        place_start, place_end = dateline.place_span.start, dateline.place_span.end
    else:  # a dateline given without offsets: its place opens it
        place_start, place_end = dateline.start, dateline.start + len(dateline.place)
    place = doc.char_span(place_start, place_end, label="GPE", alignment_mode="expand")
    written = doc_text(doc)[place_start:place_end]
    if place is not None and written.upper() == written:
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
