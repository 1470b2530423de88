"""Participant mentions resolved to PLOVER country codes and sectors, with coreference.

Fills ``doc._.actors`` with every participant mention in document order (ids ``a1``...): named
persons and organisations, nationalities and capitals acting, agent-noun phrases, and pronouns and
descriptions linked to what they refer to (``refers_to``). Roles are read at the article's
publication date (``doc._.article.published``; today when it has none); :func:`tidings.actors.actor_at`
re-reads a knowledge-base actor for another date.

Other components ask about their syntactic arguments with :func:`actor_for_span` and
:func:`actors_for_span`.

Setting ``actors_file`` (component config, or the ``TIDINGS_ACTORS`` environment variable; paths
separated by ``os.pathsep``) adds a user's knowledge-base YAML files to the shipped one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import get_resolver
from ..actors.coref import FIRST_PERSON, resolve_coreference
from ..actors.entities import entities
from ..actors.mentions import (
    Mention,
    find_mentions,
    mention_at,
    possessive_pronoun,
    pronoun_mention,
)
from ..actors.resolve import Resolution
from ..extensions import next_id, records, register_extensions
from ..model import Actor, TextSpan

#: doc.user_data key: head token index -> actor id (how spans find their actor)
HEADS_KEY = "tidings.actor_heads"
#: doc.user_data key: head token index -> [kind, personal, plural] of the mention (for coreference
#: with pronouns asked about later)
KINDS_KEY = "tidings.actor_kinds"
#: doc.user_data key: the user knowledge-base files the Doc was resolved with
FILES_KEY = "tidings.actors_file"
#: doc.user_data key: why actor resolution failed on this Doc, if it did
ERROR_KEY = "tidings.actors_error"


class ActorResolver:
    def __init__(self, nlp: Language, name: str, actors_file: str | None = None):
        self.name = name
        self.actors_file = actors_file
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = []
        doc.user_data[HEADS_KEY] = {}
        if not len(doc):
            return doc
        doc.user_data[FILES_KEY] = self.actors_file
        resolver = get_resolver(self.actors_file)  # a broken user file is the user's error: raise it
        entities(doc, refresh=True)
        date = publication_date(doc)
        try:
            found = find_mentions(doc, resolver, date)
            # possessors of countryless phrases ("their forces"): resolved with the others, not kept
            owners = {m.head: pronoun_mention(p) for m in found
                      if _needs_owner(m) and (p := possessive_pronoun(doc[m.head])) is not None}
            mentions = sorted([*found, *owners.values()], key=lambda m: (m.start, -m.end))
            refers = resolve_coreference(doc, mentions)
        except Exception as err:  # an odd parse must not cost the article its other annotations
            doc.user_data[ERROR_KEY] = f"{type(err).__name__}: {err}"
            return doc
        helpers = {id(m) for m in owners.values()}
        keep = [i for i, m in enumerate(mentions)
                if id(m) not in helpers and not _narrator_first_person(m, refers[i])]
        ids = {i: f"a{n}" for n, i in enumerate(keep, 1)}
        actors = {i: to_actor(doc, mentions[i], ids[i]) for i in keep}
        for i in keep:
            target = refers[i]
            if target is None or target not in actors or target == i:
                continue
            link(actors[i], actors[target], mentions[i])
        position = {id(m): i for i, m in enumerate(mentions)}
        for i in keep:
            owner = owners.get(mentions[i].head)
            target = refers[position[id(owner)]] if owner is not None else None
            if target is not None and target in actors:
                take_owner(actors[i], actors[target], mentions[i])
        doc._.actors = [actors[i] for i in keep]
        doc.user_data[HEADS_KEY] = {mentions[i].head: ids[i] for i in keep}
        doc.user_data[KINDS_KEY] = {mentions[i].head: _kind_record(mentions[i]) for i in keep}
        return doc


def _doc_resolver(doc: Doc):
    """The resolver with the knowledge-base files this Doc was read with."""
    return get_resolver(doc.user_data.get(FILES_KEY))


def publication_date(doc: Doc) -> str | None:
    article = getattr(doc._, "article", None)
    return getattr(article, "published", None) if article is not None else None


def _narrator_first_person(mention: Mention, target: int | None) -> bool:
    """A "we" with no speaker (outside quotation marks) is the outlet talking: not a participant."""
    return mention.pronoun in FIRST_PERSON and target is None


def to_actor(doc: Doc, mention: Mention, actor_id: str) -> Actor:
    res = mention.resolution
    head = doc[mention.head]
    evidence = None
    if res.evidence is not None:
        start, end = res.evidence
        evidence = TextSpan(entities(doc).text[start:end], start, end)
    return Actor(
        id=actor_id, text=entities(doc).text[mention.start:mention.end], start=mention.start, end=mention.end,
        name=res.name, code=res.code, sectors=list(res.sectors), kb_id=res.kb_id, resolved_by=res.resolved_by,
        evidence=evidence, label=head.ent_type_ or None,
    )


def link(actor: Actor, antecedent: Actor, mention: Mention) -> None:
    """Point a mention at what it refers to, taking over its identity where it has none of its own."""
    actor.refers_to = antecedent.id
    own = mention.resolution
    if mention.pronoun or not (own.kb_id or own.code):
        actor.code = antecedent.code
        actor.sectors = list(antecedent.sectors)
        actor.name = antecedent.name
        actor.kb_id = antecedent.kb_id
        actor.resolved_by = "coreference"
        actor.evidence = TextSpan(antecedent.text, antecedent.start, antecedent.end)
    elif actor.name is None:
        actor.name = antecedent.name


def _needs_owner(mention: Mention) -> bool:
    """A phrase with no country of its own, whose possessor may give it one ("their forces")."""
    return mention.pronoun is None and not mention.resolution.code and mention.resolution.found


def take_owner(actor: Actor, owner: Actor, mention: Mention) -> None:
    """A phrase possessed by a pronoun takes the country of what the pronoun refers to ("their
    forces" of the Bosnian Serbs); a role ("its leader") also takes its sectors."""
    if actor.code or not owner.code:
        return
    actor.code = owner.code
    if mention.resolution.role_kind == "role" and owner.sectors:
        actor.sectors = list(owner.sectors)
    actor.resolved_by = "coreference"
    actor.evidence = TextSpan(owner.text, owner.start, owner.end)


def _kind_record(mention: Mention) -> list:
    res = mention.resolution
    return [res.kind, res.personal, res.plural]


# -- the contract other components use ------------------------------------------------------------

def actor_for_span(doc: Doc, span: Span) -> Actor | None:
    """The Actor in ``doc._.actors`` that a syntactic argument (a Span: a subject's subtree, a
    speaker phrase) denotes, matched by the span's root.

    If there is none and the span is a participant phrase ("US occupation forces", "he"), one is
    created, resolved (at the publication date), appended with the next id, and returned. An
    apposition ("a member of ...") returns the actor of the name it restates; one country of a
    coordination ("British" in "US and British forces") gets an actor of its own.
    """
    if span is None or not len(span):
        return None
    register_extensions()
    actors = records(doc, "actors")
    doc._.actors = actors
    heads = doc.user_data.setdefault(HEADS_KEY, {})
    entities(doc, refresh=True)
    for root in _roots(span):
        found = _existing(doc, actors, heads, root)
        if found is not None:
            return _own_country(doc, actors, heads, root, found) or _narrower(doc, actors, span, root, found) \
                or found
        created = _create(doc, actors, heads, root, span)
        if created is not None:
            return created
    return None


def _roots(span: Span) -> list[Token]:
    """Tokens to try as the phrase's head: its root, else the nouns and names in it (a span whose
    root is a verb: "the Red Cross operating in Iraq")."""
    roots = [span.root]
    if span.root.pos_ not in ("NOUN", "PROPN", "PRON") and not span.root.ent_type_:
        # a noun the parser hung on the verb as a modifier counts ("a Security Council resolution
        # censuring ...", with "resolution" a compound of "censuring")
        roots += [t for t in span if (t.pos_ in ("NOUN", "PROPN") or t.ent_type_)
                  and not (t.dep_ in ("compound", "amod") and span.start <= t.head.i < span.end
                           and t.head.pos_ in ("NOUN", "PROPN"))]
    return roots


def actors_for_span(doc: Doc, span: Span) -> list[Actor]:
    """One Actor per conjunct of a coordinated argument ("Baghdad and Washington")."""
    if span is None or not len(span):
        return []
    root = span.root
    heads = [root] + [t for t in root.conjuncts if span.start <= t.i < span.end]
    if len(heads) == 1:
        # one phrase: read it whole (its root may be a verb: "the Red Cross operating in Iraq")
        actor = actor_for_span(doc, span)
        if actor is None:
            return []
        return [actor, *_coordinated_countries(doc, span, root, actor)]
    out: list[Actor] = []
    for head in sorted(heads, key=lambda t: t.i):
        actor = actor_for_span(doc, doc[head.i:head.i + 1])
        if actor is not None and all(actor.id != a.id for a in out):
            out.append(actor)
    _share_country(doc, sorted(heads, key=lambda t: t.i), out)
    return out


def _share_country(doc: Doc, heads: list[Token], actors: list[Actor]) -> None:
    """A bare conjunct shares the first conjunct's nationality word: "Israeli helicopters and tanks"
    are Israeli tanks too."""
    if len(actors) < 2 or not actors[0].code:
        return
    first = heads[0]
    word = next((c for c in first.lefts if c.dep_ in ("amod", "compound", "nmod") and not c.conjuncts), None)
    hit = _doc_resolver(doc).countries.lookup(word.text) if word is not None else None
    if hit is None or hit.code != actors[0].code:
        return
    for head, actor in zip(heads[1:], actors[1:]):
        bare = not any(c.dep_ in ("amod", "compound", "nmod", "poss", "det") for c in head.lefts)
        if bare and actor.code is None and actor.start == head.idx:
            actor.code = hit.code
            actor.resolved_by = actor.resolved_by or "demonym"
            actor.evidence = TextSpan(word.text, word.idx, word.idx + len(word))


def _existing(doc: Doc, actors: list[Actor], heads: dict, root: Token) -> Actor | None:
    by_id = {a.id: a for a in actors}
    if root.i in heads and heads[root.i] in by_id:
        return by_id[heads[root.i]]
    if root.dep_ == "appos" and root.head.i in heads and heads[root.head.i] in by_id:
        return by_id[heads[root.head.i]]
    if root.pos_ == "PRON":
        return None  # "their" of "their forces" stands for another actor than the phrase
    containing = [a for a in actors if a.start <= root.idx < a.end]
    if containing:
        return min(containing, key=lambda a: a.end - a.start)
    return None


def _create(doc: Doc, actors: list[Actor], heads: dict, root: Token, span: Span | None = None) -> Actor | None:
    resolver = _doc_resolver(doc)
    date = publication_date(doc)
    if span is not None and len(span) > 1 and root.dep_ in ("compound", "amod", "nmod") \
            and not span.start <= root.head.i < span.end:
        # part of a noun phrase ("Israeli army" of "Israeli army bulldozers"): read just those words
        res = resolver.read_core(doc, span.start, span.end, span.end - 1, date)
        mention = Mention(span.end - 1, span.start_char, span.end_char, res) if (res.found or res.name) else None
    else:
        mention = mention_at(root, resolver, date, forced=True)
    if mention is None:
        return None
    actor = to_actor(doc, mention, next_id("a", actors))
    if mention.pronoun:
        antecedent = _antecedent_for(doc, actors, heads, mention)
        if antecedent is not None:
            link(actor, antecedent, mention)
    elif _needs_owner(mention) and (owner := possessive_pronoun(doc[mention.head])) is not None:
        antecedent = _antecedent_for(doc, actors, heads, pronoun_mention(owner))
        if antecedent is not None:
            take_owner(actor, antecedent, mention)
    actors.append(actor)
    heads[mention.head] = actor.id
    doc.user_data.setdefault(KINDS_KEY, {})[mention.head] = _kind_record(mention)
    return actor


def _narrower(doc: Doc, actors: list[Actor], span: Span, root: Token, found: Actor) -> Actor | None:
    """A span that leaves out the country of the phrase it heads ("British forces" of "US and British
    forces") and names another one is an actor of its own."""
    if found.start >= span.start_char or root.i != span.end - 1 and span.root.i != root.i:
        return None
    resolver = _doc_resolver(doc)
    res = resolver.read_core(doc, span.start, span.end, root.i, publication_date(doc))
    if not res.code or res.code == found.code:
        return None
    actor = to_actor(doc, Mention(root.i, span.start_char, span.end_char, res), next_id("a", actors))
    actors.append(actor)
    return actor


def _own_country(doc: Doc, actors: list[Actor], heads: dict, root: Token, found: Actor) -> Actor | None:
    """A country word coordinated inside another actor's phrase ("Romanian" in "Hungarian and
    Romanian officials") is an actor of its own: its country, the phrase's sectors."""
    if heads.get(root.i) == found.id or root.dep_ not in ("amod", "compound", "conj", "nmod"):
        return None
    hit = _doc_resolver(doc).countries.lookup(root.text)
    if hit is None or hit.code is None or hit.code == found.code:
        return None
    actor = Actor(id=next_id("a", actors), text=root.text, start=root.idx, end=root.idx + len(root),
                  code=hit.code, sectors=list(found.sectors), resolved_by="demonym",
                  evidence=TextSpan(root.text, root.idx, root.idx + len(root)), label=root.ent_type_ or None)
    actors.append(actor)
    heads[root.i] = actor.id
    return actor


def _coordinated_countries(doc: Doc, span: Span, root: Token, actor: Actor) -> list[Actor]:
    """The other countries of coordinated modifiers: "US and British forces", "French and Egyptian
    warships" are two actors, each with the phrase's sectors."""
    out: list[Actor] = []
    actors = records(doc, "actors")
    heads = doc.user_data.setdefault(HEADS_KEY, {})
    for modifier in root.lefts:
        if modifier.dep_ not in ("amod", "compound", "nmod") or not span.start <= modifier.i < span.end:
            continue
        others = [c for c in modifier.conjuncts if span.start <= c.i < span.end]
        if not others:
            continue
        for word in (modifier, *others):
            found = _existing(doc, actors, heads, word)
            own = _own_country(doc, actors, heads, word, actor) if found is None or found.id == actor.id else found
            if own is not None and own.id != actor.id and own.code and all(own.id != a.id for a in out):
                if not own.sectors and own.start == word.idx and own.end == word.idx + len(word):
                    own.sectors = list(actor.sectors)  # the bare word "Slovak" of "... Slovak diplomats"
                out.append(own)
    return out


def _antecedent_for(doc: Doc, actors: list[Actor], heads: dict, mention: Mention) -> Actor | None:
    """Coreference for one new pronoun mention against the actors already found."""
    by_id = {a.id: a for a in actors}
    kinds = doc.user_data.get(KINDS_KEY, {})
    known = []
    for head_i, actor_id in heads.items():
        actor = by_id.get(actor_id)
        if actor is None or head_i == mention.head:
            continue
        kind, personal, plural = kinds.get(head_i) or [_kind_of(doc, head_i, actor), None,
                                                       doc[head_i].tag_ in ("NNS", "NNPS")]
        if personal is None:
            personal = kind == "person"
        resolution = Resolution(code=actor.code, sectors=list(actor.sectors), name=actor.name, kb_id=actor.kb_id,
                                kind=kind, plural=plural, personal=personal)
        pronoun = pronoun_mention(doc[head_i]).pronoun if doc[head_i].pos_ == "PRON" else None
        known.append((Mention(head_i, actor.start, actor.end, resolution, pronoun=pronoun), actor))
    mentions = [m for m, _ in known] + [mention]
    mentions.sort(key=lambda m: m.start)
    refers = resolve_coreference(doc, mentions)
    index = mentions.index(mention)
    target = refers[index]
    if target is None:
        return None
    target_mention = mentions[target]
    return next((a for m, a in known if m is target_mention), None)


def _kind_of(doc: Doc, head_i: int, actor: Actor) -> str | None:
    token = doc[head_i]
    if token.pos_ == "PRON":
        return "pronoun"
    if token.ent_type_ == "PERSON" or (actor.kb_id and actor.name and token.pos_ == "PROPN"):
        return "person"
    if token.tag_ in ("NNS", "NNPS"):
        return "group"
    return "person" if actor.sectors else None


@Language.factory(
    "tidings_actors",
    default_config={"actors_file": None},
    assigns=["doc._.actors"],
)
def make_actors(nlp: Language, name: str, actors_file: str | None) -> ActorResolver:
    """``actors_file``: user knowledge-base YAML files (os.pathsep-separated); default
    ``TIDINGS_ACTORS``."""
    return ActorResolver(nlp, name, actors_file)
