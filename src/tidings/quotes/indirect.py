"""Indirect quotes from the dependency parse.

- a cue verb with a clausal complement: ``X said/warned/told Y (that) …``, ``…, X said`` (clause first),
  ``…, saying …`` (the speaker is the subject of the clause the participle hangs from);
- a parenthetical cue inside the clause it reports: ``in the last election, she says, she stayed home``;
- a prepositional cue: ``according to X, …`` / ``…, according to X``;
- a cue noun with a that-clause: ``the ministry's claim that …``.

The small parser often hangs a that-clause on the addressee or the medium ("wrote to the secretary that
…", "noted in a statement that …"); such a clause, opening with "that" and having its own subject, is
taken as the cue's complement. Cue words inside quotation marks are skipped (a quote within a quote
stays part of its content).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .attribution import (
    Attribution,
    cue_span,
    inside_any,
    is_verb,
    particles_of,
    trim_tokens,
)
from .cues import Cue, CueLexicon, media_lexicon, not_sources
from .speaker import (
    PASSIVE_SPEAKER_VERBS,
    agent_of,
    climb_to_subject,
    is_passive,
    speaker_span,
)

#: dependents that carry a reported clause
CLAUSE_DEPS = ("ccomp",)
#: dependents that carry one only when introduced by "that"
MARKED_CLAUSE_DEPS = ("advcl", "dep", "parataxis", "xcomp", "acl", "dobj", "oprd", "conj", "prep", "npadvmod")
#: dependents on the left of a cue that carry the clause it reports in clause-first order ("…, he said")
LEFT_CLAUSE_DEPS = ("advcl", "dep", "parataxis", "csubj")
#: clause-level dependents of the head that a parenthetical cue sits in
PARENTHETICAL_DEPS = ("parataxis", "advcl", "ccomp", "conj")
MIN_CONTENT_WORDS = 3
#: cues whose object is the one addressed, never part of the report
ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "warn", "notify", "brief", "urge", "ask", "advise"})
WH_WORDS = frozenset({"why", "how", "what", "whether", "if", "when", "where", "who", "which", "whom"})
SUBORDINATORS = frozenset({"as", "when", "after", "before", "because", "if", "while", "since", "although",
                           "though", "once", "until", "unless"})


def find_indirect(doc: Doc, lexicon: CueLexicon, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """Indirect quotes, in document order; ``quoted`` are the character spans inside quotation marks."""
    found: list[Attribution] = []
    first_words = {words[0] for words in lexicon.prepositions}
    for token in doc:
        if inside_any(token.idx, quoted):
            continue
        attribution = None
        if token.lower_ in first_words:
            attribution = _prepositional(doc, token, lexicon)
        elif is_verb(token):
            cue = lexicon.verb(token.lemma_, particles_of(token), form=token.text)
            if cue is not None:
                attribution = _verbal(doc, token, cue, lexicon, quoted)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns:
            attribution = _nominal(doc, token, lexicon.nouns[token.lemma_.lower()])
        if attribution is not None:
            found.append(attribution)
    return _dedupe(found)


def _verbal(doc: Doc, verb: Token, cue: Cue, lexicon: CueLexicon,
            quoted: list[tuple[int, int]]) -> Attribution | None:
    # a clause wholly inside quotation marks is a direct quote, not this report's words
    heads = [h for h in _clause_heads(verb, cue) if not _all_quoted(h, quoted)]
    rule = "participle" if verb.tag_ == "VBG" and verb.dep_ != "ROOT" else "verb"
    first = _clause_first(verb, cue) if not heads else []
    if heads:
        tokens = [t for head in heads for t in _reported(head, verb, lexicon)]
        tokens += [t for extra in _modal_continuations(verb, heads) for t in extra.subtree]
        tokens += _subject_as_object(verb, heads)
    elif first:
        tokens = first
    else:
        tokens = _parenthetical(verb)
        rule = "parenthetical"
        if not tokens:
            tokens = _after_that(verb) or _object_clause(verb)
            rule = "verb-that"
    span = _content(tokens, verb)
    if span is None:
        return None
    speaker = _speaker(verb)
    if speaker is not None and rule != "parenthetical" and speaker.start_char < span[1] and speaker.end_char > span[0]:
        speaker = None  # a subject inside the reported clause is not its speaker
    return Attribution("indirect", span[0], span[1], cue=cue_span(doc, verb, cue.particle), speaker=speaker,
                       anchor=verb, rule=rule)


def _all_quoted(head: Token, quoted: list[tuple[int, int]]) -> bool:
    words = [t for t in head.subtree if not (t.is_punct or t.is_space)]
    return bool(words) and all(inside_any(t.idx, quoted) for t in words)


def _speaker(verb: Token) -> Span | None:
    if not is_passive(verb) or verb.lemma_.lower() in PASSIVE_SPEAKER_VERBS:
        subject = climb_to_subject(verb) or _phrase_before(verb)
        return speaker_span(subject) if subject is not None else None
    # "Ministers have been warned … in a letter from X": the agent, or the author of the medium
    agent = agent_of(verb)
    if agent is None:
        agent = _medium_author(verb)
    return speaker_span(agent) if agent is not None else None


def _phrase_before(verb: Token) -> Token | None:
    """The noun right before a finite cue with no subject in the parse ("… RIA, Minister X said")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ in ("PROPN", "NOUN", "PRON") and not before.is_punct else None


def _modal_continuations(verb: Token, heads: list[Token]) -> list[Token]:
    """``said only that he was … and would receive both leaders``: a subjectless modal verb conjoined to
    the cue continues the report (the narrator does not say "would" of the speaker's own act)."""
    out = []
    for child in verb.children:
        if child.dep_ == "conj" and child.i > max(h.i for h in heads) and not _has_subject(child) \
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children):
            out.append(child)
    return out


def _object_clause(verb: Token) -> list[Token]:
    """``insisted the governor loves …`` parsed as object + conjoined verb: the two make the clause."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return []
    obj = objects[0]
    doc = verb.doc
    for child in verb.children:
        between = doc[obj.right_edge.i + 1:child.i]
        if child.dep_ == "conj" and child.i > obj.i and all(t.is_quote for t in between) \
                and child.tag_ in ("VBZ", "VBD", "VBP"):
            return list(obj.subtree) + list(child.subtree)
    return []


def _after_that(verb: Token) -> list[Token]:
    """``denied that his fighters had targeted civilians`` parsed as a noun phrase: the words after "that"."""
    doc = verb.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + 8)):
        token = doc[i]
        if token.lower_ == "that" and token.tag_ in ("IN", "WDT", "DT") and i + 1 < len(doc) \
                and not doc[i + 1].is_punct:  # "disputed that, saying …": a pronoun
            end = max(verb.right_edge.i, token.right_edge.i)
            following = doc[i + 1:end + 1]
            if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in following):
                return list(following)
            return []
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return []
    return []


def _medium_author(verb: Token) -> Token | None:
    nouns = media_lexicon().medium_nouns
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in nouns:
                return _source_of(noun)  # the author named, else the medium itself
    return None


def _clause_heads(verb: Token, cue: Cue) -> list[Token]:
    """The heads of the clauses a cue verb reports."""
    heads = []
    for child in verb.children:
        marked = _has_that(child)
        if child.dep_ in CLAUSE_DEPS or (child.dep_ in MARKED_CLAUSE_DEPS and marked):
            if not _is_clause(child) or _is_wh_clause(child):
                continue
            # a cognition or evidence verb reports a finite clause with a subject of its own ("think the
            # problems go deeper"), not a small clause ("the snaps show ministers laughing")
            if cue.needs_that and not marked and child.i > verb.i and (cue.category == "evidence"
                                                                      or not _finite_clause(child)):
                continue
            heads.append(child)
        elif child.dep_ in ("dobj", "dative", "prep"):
            heads.extend(_misattached(child))
    return heads


def _finite_clause(head: Token) -> bool:
    finite = ("VBD", "VBZ", "VBP", "MD")
    return _has_subject(head) and (head.tag_ in finite or _finite_tag(head) in finite)


def _subject_as_object(verb: Token, heads: list[Token]) -> list[Token]:
    """``said the system, known as dango, was still alive``: the parser made the clause's subject the
    cue's object; it belongs to the report."""
    if verb.lemma_.lower() in ADDRESSING or len(heads) != 1 or _has_subject(heads[0]):
        return []
    head = heads[0]
    for child in verb.children:
        if child.dep_ == "dobj" and verb.i < child.i < head.i and child.right_edge.i + 1 >= head.left_edge.i - 1:
            return list(child.subtree)
    return []


def _misattached(child: Token) -> list[Token]:
    """A that-clause the parser hung on the cue's addressee or medium ("told the agency that …")."""
    if child.dep_ == "prep":
        # only the one addressed ("wrote to the secretary that …") or the medium ("in a statement that …"),
        # not a noun with its own complement ("on the condition that he not be named")
        media = media_lexicon().medium_nouns
        holders = [c for c in child.children if c.dep_ == "pobj"
                   and (child.lower_ == "to" or c.lemma_.lower() in media)]
    else:
        holders = [child]
    found = []
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in ("relcl", "acl", "ccomp") or clause.i < holder.i:
                continue
            first = clause.left_edge
            if first.lower_ != "that" or first.i <= holder.i:
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
            if subjects:
                found.append(clause)
    return found


def _clause_first(verb: Token, cue: Cue) -> list[Token]:
    """The words reported by a cue that follows its clause: ``Keeping rates high risked damage, he said``.

    The parser hangs the clause on the cue (as advcl, dep …) or the cue on the clause (as a conjunct:
    "Keystone believes …, a person close to the fund said"); either way the cue's own subject opens
    after a comma.
    """
    if cue.needs_that and any(c.dep_ in ("dobj", "prep") and c.i > verb.i for c in verb.children):
        return []  # "she thinks for a long moment" reports nothing
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return []
    comma = subject.left_edge.i - 1
    doc = verb.doc
    if comma < 0 or doc[comma].text != ",":
        return []
    for child in verb.children:
        if child.dep_ in LEFT_CLAUSE_DEPS and child.i < subject.i and child.right_edge.i == comma - 1:
            if _reportable(child):
                return list(child.subtree)
    head = verb.head
    if verb.dep_ in ("conj", "parataxis") and head.i < comma and not any(c.dep_ == "cc" for c in verb.children) \
            and not any(c.dep_ == "cc" and comma < c.i < verb.i for c in head.children) and _reportable(head):
        cue_words = {t.i for t in verb.subtree}
        return [t for t in head.subtree if t.i not in cue_words and t.i < comma]
    return []


def _reportable(head: Token) -> bool:
    words = [t for t in head.subtree if t.is_alpha]
    opener = head.left_edge
    return len(words) >= 4 and opener.lower_ not in SUBORDINATORS and opener.tag_ != "VBN" and _is_clause(head)


def _reported(head: Token, verb: Token, lexicon: CueLexicon) -> list[Token]:
    """The words of a reported clause, without a coordinated act of the speaker's own.

    "said it would welcome talks but insisted that …" and "wrote that Argentina would defend every job and
    accused Brasilia …": a verb conjoined to the clause's head that is itself a cue, or that takes the
    cue's tense where the clause's head does not, belongs to the narrator, not to the report.
    """
    cut: set[int] = set()
    for child in head.children:
        # "…, warning that …": a participial cue on the reported clause is the speaker's next report
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > head.i \
                and lexicon.verb(child.lemma_, set(), form=child.text) is not None:
            cut.update(t.i for t in child.subtree)
            continue
        if child.dep_ != "conj" or child.i < head.i or not child.tag_.startswith("VB"):
            continue
        if _has_that(child):
            continue
        own_cue = lexicon.verb(child.lemma_, particles_of(child), direct=True, form=child.text)
        # a speech act of its own: a cue with a clause, or with an object in the cue's own tense
        # ("said Washington was alarmed and urged both sides to …")
        reports = own_cue is not None and (
            any(c.dep_ == "ccomp" or _has_that(c) for c in child.children)
            or (child.tag_ == verb.tag_ and any(c.dep_ in ("dobj", "xcomp") for c in child.children)))
        narrator_tense = child.tag_ == verb.tag_ and _finite_tag(head) != verb.tag_ and not _has_subject(child)
        if reports or narrator_tense:
            cut.update(t.i for t in child.subtree)
            cut.update(c.i for c in head.children if c.dep_ == "cc" and c.i < child.i and c.i > head.i)
    # the report ends where the first cut part begins (what follows belongs to the frame)
    stop = min((i for i in cut if i > head.i), default=None)
    return [t for t in head.subtree if t.i not in cut and (stop is None or t.i < stop)]


def _finite_tag(head: Token) -> str:
    """The tense of a clause: its finite auxiliary's tag ("would welcome" → MD), else its verb's."""
    for child in head.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return child.tag_
    return head.tag_


def _parenthetical(verb: Token) -> list[Token]:
    """A cue set off by commas inside the clause it reports: the clause without the cue's own words."""
    if verb.dep_ not in PARENTHETICAL_DEPS or verb.head.i == verb.i or verb.tag_ == "VBG":
        return []
    head = verb.head
    if not _is_clause(head):
        return []
    if any(child.dep_ in ("dobj", "ccomp", "xcomp", "prep") for child in verb.children):
        return []  # a verb with its own object is no parenthetical
    cue_words = {t.i for t in verb.subtree}
    doc = verb.doc
    left, right = min(cue_words), max(cue_words)
    if not (head.left_edge.i < left and right < head.right_edge.i):
        return []
    before = doc[left - 1] if doc[left].text != "," else doc[left]
    after = doc[right + 1] if doc[right].text != "," else doc[right]
    if before.text != "," or after.text not in (",", "—", "–"):
        return []
    return [t for t in head.subtree if t.i not in cue_words]


def _prepositional(doc: Doc, token: Token, lexicon: CueLexicon) -> Attribution | None:
    """``according to X, …`` and ``…, according to X``."""
    for words in lexicon.prepositions:
        end = token.i + len(words)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i:end]) != words:
            continue
        last = doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"]
        if not objects or _not_a_source(objects[0]):
            continue  # "according to plan"
        phrase = {t.i for t in token.subtree} | set(range(token.i, end)) | {t.i for t in objects[0].subtree}
        sentence = token.sent
        if _at_edge(sentence, phrase):
            # "<report>, according to X." / "According to X, <report>": the rest of the sentence
            tokens = [t for t in sentence if t.i not in phrase]
        else:
            clause = _clause_of(token)
            if clause is None:
                return None
            tokens = [t for t in clause.subtree if t.i not in phrase]
        # keep the side of the clause the cue does not interrupt: "According to X, <content>"
        before = [t for t in tokens if t.i < token.i and not t.is_punct]
        after = [t for t in tokens if t.i > max(phrase) and not t.is_punct]
        if len(before) <= 1 and after:
            tokens = [t for t in tokens if t.i > max(phrase)]
        elif len(after) <= 1 and before:
            tokens = [t for t in tokens if t.i < token.i]
        span = _content(tokens, None)
        if span is None:
            return None
        speaker = speaker_span(_source_of(objects[0]))
        return Attribution("indirect", span[0], span[1], cue=doc[token.i:end], speaker=speaker,
                           anchor=objects[0], rule="according-to")
    return None


def _not_a_source(noun: Token) -> bool:
    """"according to plan", "according to the law" (a common noun; "the World Food Programme" is a source)."""
    return noun.pos_ == "NOUN" and not noun.text[:1].isupper() and noun.lemma_.lower() in not_sources()


def _at_edge(sentence: Span, phrase: set[int]) -> bool:
    """Whether only punctuation lies between the phrase and the start or the end of its sentence."""
    words = [t.i for t in sentence if not (t.is_punct or t.is_space)]
    return bool(words) and (min(phrase) <= words[0] or max(phrase) >= words[-1])


def _source_of(noun: Token) -> Token:
    """``according to a statement by the ministry`` names the ministry as the source."""
    if noun.lemma_.lower() in media_lexicon().medium_nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return noun


def _clause_of(token: Token) -> Token | None:
    """The verb of the clause a prepositional phrase modifies (the first of coordinated verbs)."""
    head = token.head
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX"):
            while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
                head = head.head
            return head
        if head.head.i == head.i:
            return head
        head = head.head
    return None


def _nominal(doc: Doc, noun: Token, cue: Cue) -> Attribution | None:
    """``the ministry's claim that …``: the noun's that-clause, spoken by its possessor or agent."""
    heads = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos") and _has_that(c) and _is_clause(c)]
    if not heads:
        return None
    source = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            source = objects[0] if objects else source
    if source is None and noun.dep_ == "dobj":
        source = climb_to_subject(noun.head)
    if source is None:
        return None
    span = _content([t for head in heads for t in head.subtree], noun)
    if span is None:
        return None
    return Attribution("indirect", span[0], span[1], cue=doc[noun.i:noun.i + 1], speaker=speaker_span(source),
                       anchor=noun, rule="noun")


def _content(tokens: list[Token], cue: Token | None) -> tuple[int, int] | None:
    if cue is not None:
        tokens = [t for t in tokens if t.i != cue.i]
    words = [t for t in tokens if t.is_alpha]
    if len(words) < MIN_CONTENT_WORDS:
        return None
    return trim_tokens(tokens)


def _has_that(token: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in token.children)


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children)


def _is_clause(token: Token) -> bool:
    """A clause: a verb, or a head with a subject (``that the plan [is] dead``)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return _has_subject(token)


def _is_wh_clause(token: Token) -> bool:
    """``explained why …``, ``declined to say how many …``: an embedded question, not a report."""
    first = token.left_edge
    return first.lower_ in WH_WORDS and first.tag_ in ("WRB", "WP", "WDT", "IN")


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per content span (the first cue wins)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for attribution in found:
        key = (attribution.start, attribution.end)
        if key not in seen:
            seen.add(key)
            out.append(attribution)
    return out
