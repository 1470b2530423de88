"""Agent nouns and modifiers: which PLOVER sectors a noun phrase's words give an actor.

``agent_nouns.tsv`` (converted from the PLOVER agents dictionary) and ``agent_nouns_extra.tsv``
(the project's additions and corrections) map phrases such as "lawmaker", "prime minister",
"railway police" to sectors; ``modifiers.tsv`` holds words such as "former" that change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .data import ActorData, AgentNoun, Modifier
from .text import normalise, singular

#: sectors of people who hold a state office; "former" turns them into ELI
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM"})


@dataclass(frozen=True)
class AgentMatch:
    """An agent-noun phrase found over words ``start``..``end`` (exclusive) of a word list."""

    start: int
    end: int
    noun: AgentNoun


class AgentLexicon:
    def __init__(self, data: ActorData):
        self.phrases: dict[tuple[str, ...], AgentNoun] = {}
        for phrase, noun in data.agent_nouns.items():
            words = tuple(normalise(phrase).replace("-", " - ").split())
            self.phrases[words] = noun
            joined = tuple(normalise(phrase).split())  # "vice-president" also as one word
            self.phrases.setdefault(joined, noun)
        self.longest = max((len(k) for k in self.phrases), default=1)
        self.last_words = frozenset(k[-1] for k in self.phrases)
        self.modifiers: dict[str, Modifier] = dict(data.modifiers)

    def noun(self, words: Sequence[str]) -> AgentNoun | None:
        """The entry for exactly these words (the last may be plural), or None."""
        key = tuple(words)
        hit = self.phrases.get(key)
        if hit is None and key:
            hit = self.phrases.get(key[:-1] + (singular(key[-1]),))
        return hit

    def could_end(self, word: str, lemma: str = "") -> bool:
        """Whether an agent phrase may end with this word (a cheap first test)."""
        return word in self.last_words or lemma in self.last_words or singular(word) in self.last_words

    def match_ending_at(self, words: Sequence[str], lemmas: Sequence[str], end: int,
                        start_limit: int = 0) -> AgentMatch | None:
        """The longest agent phrase whose last word is ``words[end - 1]``."""
        last = end - 1
        if last < start_limit:
            return None
        for length in range(min(self.longest, end - start_limit), 0, -1):
            begin = end - length
            body = tuple(words[begin:last])
            for tail in dict.fromkeys((words[last], lemmas[last], singular(words[last]))):
                noun = self.phrases.get(body + (tail,))
                if noun is not None:
                    return AgentMatch(begin, end, noun)
        return None

    def matches(self, words: Sequence[str], lemmas: Sequence[str]) -> list[AgentMatch]:
        """Non-overlapping agent phrases, longest first, scanning from the right."""
        found: list[AgentMatch] = []
        end = len(words)
        while end > 0:
            match = self.match_ending_at(words, lemmas, end)
            if match is None:
                end -= 1
                continue
            found.append(match)
            end = match.start
        return list(reversed(found))

    def modifier(self, word: str) -> Modifier | None:
        return self.modifiers.get(word)


def apply_modifiers(sectors: Sequence[str], modifiers: Sequence[Modifier]) -> list[str]:
    """Sectors after words such as "former" (state sectors become ELI) or "opposition" (+OPP)."""
    out = list(sectors)
    for modifier in modifiers:
        if modifier.effect == "former":
            kept = [s for s in out if s not in STATE_SECTORS]
            out = list(dict.fromkeys([*modifier.sectors, *kept])) if (not out or len(kept) < len(out)) else out
        elif modifier.effect == "state" and out:
            out = list(dict.fromkeys([*modifier.sectors, *out]))
        elif modifier.effect == "add":
            out = list(dict.fromkeys([*out, *modifier.sectors]))
    return out
