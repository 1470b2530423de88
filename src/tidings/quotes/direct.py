"""Direct quotes: paired quotation marks plus the frame that attributes them.

A quotation is a direct quote when

- a frame follows it (``"…," he said`` / ``"…," said Smith`` / ``"…," according to …``) and it opens a sentence;
- a frame ending in a colon or comma, or in a cue verb, precedes it (``She added: "…"``);
- or it is a whole sentence standing on its own after an attributed one: its speaker is inherited later.

A frame that ends in a comma right before another quotation joins the two (``"…," he said, "…"``).
Quoted words inside a sentence without such a frame (scare quotes, titles, partial quotes) are not quotes
here; a partial quote is part of the indirect quote around it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text
from .attribution import Attribution, cue_span, is_verb, particles_of, tokens_in
from .cues import CueLexicon, not_sources
from .marks import QuotedSpan
from .speaker import climb_to_subject, noun_head, speaker_span, subject_of

SENTENCE_OPENERS = ".!?:…—–(\n"
END_PUNCT = ",.!?…—–-:;"
FRAME_LIMIT = 30  # tokens of a frame searched for its cue
SPEAKER_POS = ("PROPN", "NOUN", "PRON")


def find_direct(doc: Doc, spans: list[QuotedSpan], lexicon: CueLexicon,
                paragraphs: list[tuple[int, int]]) -> list[Attribution]:
    """Direct quotes among the quoted spans, in document order."""
    text = doc_text(doc)
    found: list[Attribution] = []
    index = 0
    while index < len(spans):
        quoted = spans[index]
        index += 1
        next_open = spans[index].open if index < len(spans) else len(text)
        previous_after = spans[index - 2].after if index >= 2 else 0
        paragraph_end = _paragraph_of(paragraphs, quoted.close)[1]
        attribution = None
        if _opens_sentence(text, quoted.open) and _ends_with_punctuation(text, quoted):
            attribution = _after_frame(doc, quoted, min(next_open, paragraph_end), lexicon)
        if attribution is None:
            attribution = _before_frame(doc, quoted, previous_after, paragraphs, lexicon)
        if attribution is None and _opens_sentence(text, quoted.open) and _is_sentence(doc, quoted):
            attribution = Attribution("direct", quoted.start, quoted.end, standalone=True, rule="standalone")
        if attribution is None:
            continue
        attribution.parts = [(quoted.start, quoted.end)]
        # a frame ending in a comma right before the next quotation: "…," he said, "…"
        while attribution.cue is not None and index < len(spans) and _joins(text, attribution, quoted, spans[index]):
            joined = quoted = spans[index]
            attribution.end = joined.end
            attribution.parts.append((joined.start, joined.end))
            attribution.frame = (attribution.frame[0], joined.open) if attribution.frame else None
            index += 1
            attribution.rule = "split"
        _trim(text, attribution)
        found.append(attribution)
    return found


def _after_frame(doc: Doc, quoted: QuotedSpan, limit: int, lexicon: CueLexicon) -> Attribution | None:
    """``"…," he said`` — a cue (and usually its speaker) right after the closing mark."""
    start = quoted.after
    first = _first_token_after(doc, start)
    if first is None or first.idx >= limit:
        return None
    end = min(limit, first.sent.end_char)
    tokens = [t for t in tokens_in(doc, start, end) if t.idx >= start and not t.is_space][:FRAME_LIMIT]
    if first.pos_ in ("CCONJ", "ADP", "SCONJ") and first.lower_ != "according":
        return None  # the quotation continues a clause: "… “advisory” role by …"
    cue, speaker = _frame_cue(doc, tokens, lexicon, after=True)
    if cue is None:
        return None
    return Attribution("direct", quoted.start, quoted.end, cue=cue, speaker=speaker, anchor=cue.root,
                       frame=(start, end), rule="after-frame")


def _joins(text: str, attribution: Attribution, current: QuotedSpan, following: QuotedSpan) -> bool:
    """Whether the next quotation continues this one across a frame: ``"…," he said, "…"``."""
    if attribution.rule != "after-frame" or attribution.cue is None:
        return False
    gap = text[current.after:following.open]
    if "\n" in gap or not attribution.cue.start_char >= current.after:
        return False
    if re.search(r"[.!?]\s", gap + " "):
        return False
    return gap.rstrip().endswith((",", "—", "–", ":"))


def _before_frame(doc: Doc, quoted: QuotedSpan, previous_after: int, paragraphs: list[tuple[int, int]],
                  lexicon: CueLexicon) -> Attribution | None:
    """``She added: "…"`` — a frame ending in a colon, a comma or a cue right before the opening mark."""
    text = doc_text(doc)
    before = text[:quoted.open].rstrip()
    if not before or before[-1] in ".!?…”’\"'":
        return None  # the sentence before has ended: this quotation is no continuation of it
    last = _last_token_before(doc, quoted.open)
    if last is None:
        return None
    start = max(_paragraph_of(paragraphs, quoted.open)[0], previous_after, last.sent.start_char)
    tokens = [t for t in tokens_in(doc, start, quoted.open) if t.idx >= start and not t.is_space]
    if not tokens:
        return None
    ends_colon = before.endswith(":")
    ends_comma = before.endswith(",")
    cue, speaker = _frame_cue(doc, tokens, lexicon, after=False)
    # without a colon or comma the cue must touch the quotation ("he told reporters “…”"), and the
    # quotation must be a sentence: "said the plan was “dead”" is a partial quote inside an indirect one
    if cue is not None and not (ends_colon or ends_comma or (_cue_adjacent(tokens, cue) and _is_sentence(doc, quoted)
                                                          and _starts_upper(text, quoted))):
        cue = None
    if cue is None and ends_colon:
        # "Huxley wasn't impressed: '…'" — no cue word, but the clause before the colon names the speaker
        root = _clause_root(tokens)
        subject = _any_subject(root) if root is not None else None
        if subject is None or subject.pos_ not in SPEAKER_POS:
            return None
        return Attribution("direct", quoted.start, quoted.end, speaker=speaker_span(subject), anchor=root,
                           frame=(start, quoted.open), rule="colon-frame")
    if cue is None:
        return None
    return Attribution("direct", quoted.start, quoted.end, cue=cue, speaker=speaker, anchor=cue.root,
                       frame=(start, quoted.open), rule="before-frame")


def _frame_cue(doc: Doc, tokens: list[Token], lexicon: CueLexicon, after: bool) -> tuple[Span | None, Span | None]:
    """The cue in a frame and its speaker phrase; an unknown verb counts in a short ``"…," he beamed``."""
    inside = {t.i for t in tokens}
    ordered = tokens if after else list(reversed(tokens))
    for position, token in enumerate(ordered):
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN" and objects[0].lemma_.lower() in not_sources():
                return None, None  # "according to plan"
            speaker = speaker_span(objects[0]) if objects else None
            return doc[token.i:token.i + 2], speaker
        # right after a quotation the tagger may call a cue an adjective ("…," seethed Gloria Banks)
        loose = after and position <= 1 and token.pos_ in ("ADJ", "NOUN") and token.lower_.endswith("ed")
        if not (is_verb(token) or loose):
            continue
        cue = lexicon.verb(token.lemma_, particles_of(token), direct=True, form=token.text)
        if cue is None and loose:
            continue
        if cue is None and after and position <= 3 and token.tag_ in ("VBD", "VBZ", "VBP"):
            # a verb the lexicon lacks, in a frame too short to be anything else: "…," he beamed /
            # "…," seethed Gloria Banks
            subject = subject_of(token)
            if subject is not None and subject.i in inside and (
                    subject.pos_ == "PRON" or (subject.i > token.i and position == 0 and subject.pos_ == "PROPN")):
                return doc[token.i:token.i + 1], speaker_span(subject)
        if cue is None:
            if after and token.dep_ in ("ROOT", "conj", "ccomp") and token.tag_ in ("VBD", "VBZ", "VBP") \
                    and position > 0:
                break  # the frame's own main verb is no cue: this is no frame
            continue
        return cue_span(doc, token, cue.particle), _speaker_for(doc, token, inside, after)
    return None, None


def _speaker_for(doc: Doc, cue: Token, inside: set[int], after: bool) -> Span | None:
    subject = climb_to_subject(cue)
    if subject is not None and subject.i in inside:
        return speaker_span(subject)
    # the parser attached the cue elsewhere: take the nearest noun phrase in the frame
    neighbours = range(cue.i + 1, len(doc)) if after and _frame_starts_with(cue, inside) else range(cue.i - 1, -1, -1)
    for i in neighbours:
        if i not in inside:
            break
        token = doc[i]
        if token.pos_ in SPEAKER_POS:
            return speaker_span(noun_head(token))
    return None


def _frame_starts_with(cue: Token, inside: set[int]) -> bool:
    return all(i >= cue.i or cue.doc[i].is_punct for i in inside)


def _cue_adjacent(tokens: list[Token], cue: Span) -> bool:
    """Whether only the cue's addressee follows it in the frame: ``he told reporters "…"``."""
    verb = cue.root
    told = {t.i for child in verb.children if child.dep_ in ("dobj", "dative", "npadvmod") for t in child.subtree}
    return all(t.i in told or t.is_punct or t.i < cue.end for t in tokens)


def _clause_root(tokens: list[Token]) -> Token | None:
    """The head of the clause in a frame: the token whose head lies outside it (or is itself)."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            if token.pos_ in ("VERB", "AUX", "ADJ"):
                return token
    return None


def _any_subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _is_sentence(doc: Doc, quoted: QuotedSpan) -> bool:
    """A quotation that is a sentence of its own: three words or more, with a verb or closing punctuation."""
    content = doc_text(doc)[quoted.start:quoted.end].strip()
    words = [t for t in tokens_in(doc, quoted.start, quoted.end) if t.is_alpha]
    if len(words) < 3:
        return False
    return content[-1:] in ".!?…" or any(t.pos_ in ("VERB", "AUX") for t in words)


def _starts_upper(text: str, quoted: QuotedSpan) -> bool:
    first = next((c for c in text[quoted.start:quoted.end] if c.isalpha()), "")
    return first.isupper()


def _opens_sentence(text: str, position: int) -> bool:
    """Whether a quotation opening at ``position`` starts a sentence (or follows a colon or dash)."""
    i = position - 1
    while i >= 0 and text[i] in " \t\r\f\v":
        i -= 1
    if i < 0 or text[i] in SENTENCE_OPENERS:
        return True
    if text[i] in "”’\"'»":  # after a closed quotation that ended its sentence
        while i >= 0 and (text[i] in "”’\"'»" or text[i] in " \t"):
            i -= 1
        return i >= 0 and text[i] in ".!?…"
    return False


def _ends_with_punctuation(text: str, quoted: QuotedSpan) -> bool:
    inner = text[quoted.start:quoted.end].rstrip()
    after = text[quoted.after:quoted.after + 1]
    return inner[-1:] in END_PUNCT or (after != "" and after in ",:—–")


def _first_token_after(doc: Doc, position: int) -> Token | None:
    for token in tokens_in(doc, position, min(len(doc_text(doc)), position + 200)):
        if token.idx >= position and not token.is_space and not token.is_punct:
            return token
    return None


def _last_token_before(doc: Doc, position: int) -> Token | None:
    for token in reversed(tokens_in(doc, max(0, position - 200), position)):
        if token.idx < position and not token.is_space:
            return token
    return None


def _paragraph_of(paragraphs: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in paragraphs:
        if start <= position < end:
            return start, end
    return 0, 10**12


def _trim(text: str, attribution: Attribution) -> None:
    while attribution.start < attribution.end and text[attribution.start].isspace():
        attribution.start += 1
    while attribution.end > attribution.start and text[attribution.end - 1].isspace():
        attribution.end -= 1
