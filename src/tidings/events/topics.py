"""What a paragraph is about, as far as the coder needs it: politics, or an ordinary topic.

Violence, arrests and threats are political events only in a political setting: a stabbing outside
a pub, a bus that kills passengers, a team that "attacked" in the second half are not. Sports,
entertainment and market news are no setting for any political event ("Real Madrid beat Bayern",
"the singer apologised to fans"). The words are cue lists of ``cues.yaml`` (kinds ``political``,
``crime`` and ``ordinary``), matched against the paragraph's words as whole words, never as
prefixes ("fired" is no "fire", "public" no "pub"):

- ``word`` matches a token whose lemma or lower-case text is the word;
- ``word/NOUN`` (or ``/VERB``, ``/ADJ``) only a token of that part of speech ("storm/NOUN" is a
  storm, not "stormed the embassy");
- a word with a space or hyphen matches the paragraph text ("human rights", "drink-driving").

Each paragraph's words are collected once, in one pass over the Doc.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from ..extensions import doc_text
from .frames import LEXICON_POS
from .lexicon import EventLexicon

#: ordinary topics that are no setting for any political event (the others only rule out
#: violence, coercion and accusations: aid reaches earthquake victims)
_NO_POLITICS = frozenset({"sport", "entertainment", "business"})


@dataclass
class Paragraph:
    text: str
    words: set[str] = field(default_factory=set)
    #: answers already given, per cue list: each paragraph is read once per list, however many
    #: events it holds (the coder stays linear in the length of a one-paragraph document)
    _answers: dict[frozenset[str], bool] = field(default_factory=dict)

    def mentions(self, cue_words: frozenset[str]) -> bool:
        """Whether any of the cue words occurs in the paragraph (see the module docstring)."""
        if cue_words not in self._answers:
            single = {w for w in cue_words if " " not in w and "-" not in w}
            phrases = frozenset(cue_words - single)
            self._answers[cue_words] = bool(single & self.words) or (
                bool(phrases) and bool(_pattern(phrases).search(self.text.lower())))
        return self._answers[cue_words]


@lru_cache(maxsize=64)
def _pattern(phrases: frozenset[str]) -> re.Pattern:
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def paragraphs_of(doc: Doc) -> list[tuple[int, Paragraph]]:
    """(start offset, Paragraph) for each paragraph of the Doc, words filled in one pass."""
    text = doc_text(doc)
    bounds = doc._.paragraphs or [(0, len(text))]
    found = [(start, Paragraph(text[start:end])) for start, end in bounds]
    index = 0
    for token in doc:
        while index + 1 < len(bounds) and token.idx >= bounds[index][1]:
            index += 1
        words = found[index][1].words
        lemma, lower = token.lemma_.lower(), token.lower_
        words.update((lemma, lower))
        pos = LEXICON_POS.get(token.pos_)  # the part of speech a cue word may name
        if pos:
            tag = pos.lower()  # cue words are read in lower case ("storm/noun")
            words.update((f"{lemma}/{tag}", f"{lower}/{tag}"))
    return found


def paragraph_at(paragraphs: list[tuple[int, Paragraph]], position: int) -> Paragraph:
    """The paragraph holding a character offset (the last one starting at or before it)."""
    index = bisect_right(paragraphs, position, key=lambda item: item[0]) - 1
    return paragraphs[max(index, 0)][1]


@dataclass(frozen=True)
class TopicCues:
    political: frozenset[str]
    crime: frozenset[str]
    ordinary: frozenset[str]
    no_politics: frozenset[str]

    @classmethod
    def from_lexicon(cls, lexicon: EventLexicon) -> TopicCues:
        return cls(
            political=lexicon.words("political"), crime=lexicon.words("crime"), ordinary=lexicon.words("ordinary"),
            no_politics=frozenset(w.lower() for c in lexicon.cues_of("ordinary") if c.value in _NO_POLITICS
                                  for w in c.words),
        )


def ordinary_setting(paragraph: Paragraph, cues: TopicCues, any_type: bool) -> bool:
    """Whether the paragraph is about an ordinary topic and names nothing political. With
    ``any_type`` only the topics that rule out every political event count (sport, entertainment,
    markets); otherwise also crime, disasters, accidents and weather."""
    if paragraph.mentions(cues.political):
        return False
    if any_type:
        return paragraph.mentions(cues.no_politics)
    return paragraph.mentions(cues.crime) or paragraph.mentions(cues.ordinary)
