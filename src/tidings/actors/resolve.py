"""Resolve a noun phrase, given by its head token in a parsed Doc, to a PLOVER actor.

A phrase is read in two steps:

1. its *core* — the head and the words before it ("former US president Donald Trump",
   "Iraq's Harakat Hezbollah al-Nujaba resistance group") — is read word by word: knowledge-base
   names, country words, agent nouns and modifiers;
2. its *complements* refine that: "the secretary general **of X**" inherits X's code and sectors,
   "a member of X **at the Iraqi parliament**" is a legislator, "Fadel Jaber, **a member of ...**"
   takes its code and sectors from the apposition, "forces **led by the US**" are American.

Every result says how it was resolved (``resolved_by``) and which words decided it (``evidence``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.tokens import Doc, Token

from .countries import CountryHit, CountryIndex
from .data import ActorData, Entry
from .kb import KnowledgeBase
from .sectors import AgentLexicon, AgentMatch, apply_modifiers
from .text import normalise

#: words skipped at the start of a phrase ("the", "four", "some of")
LEADING_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "punct", "case", "cc", "preconj", "advmod"})
#: heads that only count something: "hundreds of protesters" is about the protesters
PARTITIVES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
                        "number", "some", "many", "most", "all", "one", "two", "three", "four", "five", "several",
                        "none", "each", "both", "any", "few", "majority", "minority", "rest", "part", "score",
                        "scores", "handful", "crowd", "crowds", "band", "bunch", "team"})
#: prepositions whose object says where an actor is or works ("member ... at the parliament")
LOCATIVE_PREPS = frozenset({"at", "in", "from", "inside", "within", "based", "on"})
#: verbs of a participle saying who leads or controls ("forces led by the US")
LEADING_VERBS = frozenset({"lead", "head", "command", "run", "control", "back", "direct"})
MAX_KB_WORDS = 8
MAX_COUNTRY_WORDS = 5
MAX_DEPTH = 4
#: entity labels whose text may be a knowledge-base name (the small model mislabels many)
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


@dataclass
class Resolution:
    """What a phrase denotes: code, sectors, identity, and why."""

    code: str | None = None
    sectors: list[str] = field(default_factory=list)
    name: str | None = None
    kb_id: str | None = None
    resolved_by: str | None = None
    evidence: tuple[int, int] | None = None  # character offsets in the Doc
    kind: str | None = None  # person, organisation, outlet, country, region, group, pronoun
    title: str | None = None  # the agent noun that described it ("prime minister")
    title_code: str | None = None
    role_kind: str | None = None  # agent, role, weak (of the head noun)
    plural: bool = False
    label: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.code or self.sectors or self.kb_id or self.kind in ("region",))


class Resolver:
    """Reads phrases with the actor data: countries, agent nouns, modifiers, knowledge base."""

    def __init__(self, data: ActorData):
        self.data = data
        self.countries = CountryIndex(data)
        self.agents = AgentLexicon(data)
        self.kb = KnowledgeBase(data)

    # -- public -----------------------------------------------------------------------------------

    def resolve_head(self, head: Token, date: str | None = None, depth: int = 0) -> Resolution:
        """The actor a noun phrase denotes, given its head token (core, then complements)."""
        doc = head.doc
        start, end = core_range(head)
        res = self.read_core(doc, start, end, head.i, date)
        if depth >= MAX_DEPTH:
            return res
        for child in head.rights:
            if child.dep_ == "prep":
                res = self._with_prep(res, head, child, date, depth)
            elif child.dep_ == "appos":
                res = self._with_apposition(res, child, date, depth)
            elif child.dep_ == "acl" and child.lemma_ in LEADING_VERBS:
                res = self._with_leader(res, child, date, depth)
        if res.kb_id is None and res.title and res.kind != "person":
            res = self._office_holder(res, date)
        return res

    # -- the core: words before and at the head -------------------------------------------------

    def read_core(self, doc: Doc, start: int, end: int, head_i: int, date: str | None) -> Resolution:
        while start < head_i and (doc[start].dep_ in LEADING_DEPS or doc[start].pos_ in ("DET", "PUNCT", "NUM")):
            start += 1
        kb_hits = self.kb_hits(doc, start, end, date)
        covered = {i for s, e, _ in kb_hits for i in range(s, e)}
        persons = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.start < end and ent.end > start]
        person_tokens = {i for ent in persons for i in range(ent.start, ent.end)}
        country_hits = self.country_hits(doc, start, end, covered | person_tokens)
        country_tokens = {i for s, e, _ in country_hits for i in range(s, e)}
        words = [normalise(t.text) for t in doc[start:end]]
        lemmas = [t.lemma_.lower() for t in doc[start:end]]
        agents = [AgentMatch(m.start + start, m.end + start, m.noun) for m in self.agents.matches(words, lemmas)
                  if not any(i in covered or i in country_tokens for i in range(m.start + start, m.end + start))]
        modifiers = [(i, self.agents.modifier(normalise(doc[i].text))) for i in range(start, head_i)]
        modifiers = [(i, m) for i, m in modifiers if m is not None and i not in covered]
        head_agent = next((m for m in agents if m.start <= head_i < m.end), None)
        head_kb = next(((s, e, entry) for s, e, entry in kb_hits if s <= head_i < e), None)
        head_country = next(((s, e, hit) for s, e, hit in country_hits if s <= head_i < e), None)
        head_person = next((ent for ent in persons if ent.start <= head_i < ent.end), None)
        title = next((m for m in reversed(agents) if m.end <= head_i + 1 and m is not head_agent), None)
        country = self._country_modifier(country_hits, head_country)

        res = Resolution(plural=doc[head_i].tag_ in ("NNS", "NNPS"), label=doc[head_i].ent_type_ or None)
        if head_agent is not None:
            res.title, res.role_kind = head_agent.noun.phrase, head_agent.noun.kind
        elif title is not None:
            res.title = title.noun.phrase

        # a generic head with a named organisation or person before it: "the Asa'ib Ahl al-Haq group"
        generic_head = head_agent is None or head_agent.noun.kind in ("role", "weak")
        modifier_kb = next(((s, e, en) for s, e, en in reversed(kb_hits) if e <= head_i), None) if generic_head else None
        if head_kb is not None or (modifier_kb is not None and head_country is None and head_person is None):
            s, e, entry = head_kb or modifier_kb
            title_sectors = title.noun.sectors if title is not None and head_kb is not None else ()
            if head_agent is not None and head_kb is None and head_agent.noun.kind == "agent":
                title_sectors = head_agent.noun.sectors
            return self._from_kb(res, doc, entry, s, e, date, title_sectors, [m for _, m in modifiers],
                                 head_agent if head_kb is None else None)
        if head_person is not None:
            res.name, res.kind = head_person.text, "person"
            return self._described(res, doc, title, country, modifiers, "title")
        if head_agent is not None:
            noun = head_agent.noun
            if noun.kind == "none":
                return Resolution(label=res.label)
            sectors = list(noun.sectors)
            if noun.kind == "role":
                # "army chief" MIL, "rebel leader" REB: a role takes its sectors from its modifiers
                modifier_agent = next((m for m in reversed(agents) if m.end <= head_agent.start), None)
                if modifier_agent is not None and modifier_agent.noun.sectors:
                    sectors = list(modifier_agent.noun.sectors)
            res.kind = "group" if res.plural else "person"
            res.code = noun.code
            evidence = [(doc[head_agent.start].idx, doc[head_agent.end - 1].idx + len(doc[head_agent.end - 1]))]
            if country is not None and res.code is None:
                res.code, extra = country[2].code, country[2].sectors
                sectors = list(dict.fromkeys([*sectors, *extra]))
                res.title_code = res.code
                evidence.append(_char_range(doc, country[0], country[1]))
            res.sectors = apply_modifiers(sectors, [m for _, m in modifiers])
            evidence += [_char_range(doc, i, i + 1) for i, _ in modifiers]
            res.resolved_by = "agent-noun" if (res.sectors or res.code) else None
            res.evidence = _union(evidence)
            return res
        if head_country is not None:
            s, e, hit = head_country
            return self._from_country(res, doc, s, e, hit)
        head_token = doc[head_i]
        if head_token.ent_type_ in ("ORG", "NORP", "GPE", "LOC") or country is not None or agents:
            # an organisation the knowledge base does not know, or a plain noun with a country or
            # agent word before it ("military personnel", "the US mission")
            return self._unknown_head(res, doc, head_i, agents, country, modifiers)
        return res

    def _from_kb(self, res: Resolution, doc: Doc, entry: Entry, s: int, e: int, date: str | None,
                 title_sectors: Iterable[str], modifiers: list, generic: AgentMatch | None) -> Resolution:
        standing = self.kb.standing(entry, date, tuple(title_sectors))
        sectors = list(standing.sectors)
        if not sectors and title_sectors:
            sectors = list(title_sectors)
        if not sectors and generic is not None and generic.noun.sectors and generic.noun.kind != "role":
            sectors = list(generic.noun.sectors)
        if date is None and modifiers:
            sectors = apply_modifiers(sectors, modifiers)
        res.code, res.sectors = standing.code, sectors
        res.name, res.kb_id, res.kind = entry.name, entry.id, entry.type
        res.resolved_by, res.evidence = "kb", _char_range(doc, s, e)
        if standing.role is not None:
            res.title = standing.role.title
        return res

    def _described(self, res: Resolution, doc: Doc, title: AgentMatch | None, country, modifiers,
                   how: str) -> Resolution:
        evidence = []
        sectors: list[str] = []
        if title is not None:
            sectors = list(title.noun.sectors)
            res.code = title.noun.code
            res.title = title.noun.phrase
            evidence.append(_char_range(doc, title.start, title.end))
        if country is not None and res.code is None:
            res.code = country[2].code
            sectors = list(dict.fromkeys([*sectors, *country[2].sectors]))
            evidence.append(_char_range(doc, country[0], country[1]))
        res.sectors = apply_modifiers(sectors, [m for _, m in modifiers]) if sectors else []
        if res.code or res.sectors:
            res.resolved_by = how
            res.evidence = _union(evidence + [_char_range(doc, i, i + 1) for i, _ in modifiers])
        return res

    def _from_country(self, res: Resolution, doc: Doc, s: int, e: int, hit: CountryHit) -> Resolution:
        res.code, res.evidence = hit.code, _char_range(doc, s, e)
        res.sectors = list(hit.sectors)
        if hit.kind == "capital":
            # a capital or seat of government acting: "Washington said" is the US government
            res.sectors = list(dict.fromkeys(["GOV", *hit.sectors]))
            res.kind, res.resolved_by, res.name = "country", "metonymy", hit.name
        elif hit.kind in ("adjective", "demonym"):
            res.kind, res.resolved_by = "country", "demonym"
            res.plural = res.plural or hit.kind == "demonym"
        elif hit.kind == "region":
            res.kind, res.resolved_by, res.name = "region", "kb", doc[s:e].text
        else:
            res.kind, res.resolved_by, res.name = "country", "kb", hit.name
        return res

    def _unknown_head(self, res: Resolution, doc: Doc, head_i: int, agents: list[AgentMatch], country,
                      modifiers) -> Resolution:
        head = doc[head_i]
        ent = next((x for x in doc.ents if x.start <= head_i < x.end), None)
        if ent is not None and ent.label_ == "ORG":
            res.name, res.kind = ent.text, "organisation"
        agent = agents[-1] if agents else None
        evidence = []
        sectors: list[str] = []
        if agent is not None and agent.noun.kind != "none":
            sectors = list(agent.noun.sectors)
            res.code = agent.noun.code
            evidence.append(_char_range(doc, agent.start, agent.end))
        if country is not None and res.code is None:
            res.code = country[2].code
            sectors = list(dict.fromkeys([*sectors, *country[2].sectors]))
            evidence.append(_char_range(doc, country[0], country[1]))
        res.sectors = apply_modifiers(sectors, [m for _, m in modifiers]) if sectors else []
        if res.code or res.sectors:
            res.resolved_by = "agent-noun" if sectors else "demonym"
            res.evidence = _union(evidence)
            res.role_kind = "weak" if agent is None and res.kind is None else res.role_kind
        elif head.ent_type_ in ("GPE", "LOC"):
            city = self.city_country(head)
            if city is not None:
                res.code, res.kind, res.resolved_by = city, "place", "kb"
                res.evidence = (ent.start_char, ent.end_char) if ent is not None else _char_range(doc, head_i,
                                                                                                  head_i + 1)
        return res

    # -- complements ------------------------------------------------------------------------------

    def _with_prep(self, res: Resolution, head: Token, prep: Token, date: str | None, depth: int) -> Resolution:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return res
        word = prep.lower_
        if word == "of":
            sub = self.resolve_head(obj, date, depth + 1)
            return self._inherit(res, sub, head)
        if word in LOCATIVE_PREPS:
            sub = self.resolve_head(obj, date, depth + 1)
            if not sub.found:
                return res
            if res.role_kind == "role" and sub.sectors and sub.kind not in ("country", "place", "region"):
                # "a member of X at the Iraqi parliament": the institution says what the member is
                res = replace(res, sectors=list(dict.fromkeys([*sub.sectors[:1], *res.sectors])),
                              evidence=_union([res.evidence, sub.evidence]), resolved_by=res.resolved_by or
                              sub.resolved_by)
            if res.code is None and sub.code and res.found:
                res = replace(res, code=sub.code, evidence=_union([res.evidence, sub.evidence]))
            elif res.code is None and sub.code and res.role_kind in ("role", "weak", "agent"):
                res = replace(res, code=sub.code, evidence=_union([res.evidence, sub.evidence]),
                              resolved_by=res.resolved_by or "agent-noun")
        return res

    def _inherit(self, res: Resolution, sub: Resolution, head: Token) -> Resolution:
        """Combine "X of Y"."""
        if not sub.found:
            return res
        evidence = _union([res.evidence, sub.evidence])
        if res.role_kind is None and not res.found and head.lower_ in PARTITIVES | {"group", "member", "members"}:
            return sub  # "hundreds of protesters", "one of the rebels"
        if res.role_kind == "role" or (res.role_kind == "weak" and not res.code):
            organisation = sub.kind not in ("country", "place", "region") and bool(sub.sectors)
            sectors = list(sub.sectors) if organisation else list(res.sectors)
            if organisation and res.sectors and "ELI" in res.sectors:
                sectors = apply_modifiers(sectors, [self.agents.modifier("former")])
            code = res.code or sub.code if not organisation else sub.code or res.code
            org_id = sub.kb_id if sub.kind in ("organisation", "outlet") else None
            return replace(res, code=code, sectors=sectors, evidence=evidence,
                           resolved_by=res.resolved_by or sub.resolved_by or "agent-noun",
                           title_code=org_id or code)
        if res.found and res.code is None and sub.code:
            # "the government of Sindh province", "president of Armenia"
            return replace(res, code=sub.code, evidence=evidence)
        if not res.found and res.kind is None and res.role_kind is None:
            return res
        return res

    def _with_apposition(self, res: Resolution, appos: Token, date: str | None, depth: int) -> Resolution:
        sub = self.resolve_head(appos, date, depth + 1)
        if not sub.found and sub.name is None:
            return res
        span = (appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge))
        if res.kind == "person" and res.kb_id is None and sub.found:
            # "Fadel Jaber, a member of Sadeqoun coalition at the Iraqi parliament"
            return replace(res, code=res.code or sub.code, sectors=res.sectors or sub.sectors,
                           resolved_by="apposition", evidence=span, title=res.title or sub.title)
        if res.kind in ("person", "organisation", "outlet") and res.kb_id is not None:
            return res
        if sub.kind == "person" and (sub.name or sub.kb_id) and res.kind != "person":
            # "the prime minister (Mustafa Al-Kadhimi)": the description names its person
            if sub.kb_id is not None:
                return replace(sub, title=res.title or sub.title, title_code=res.code or sub.title_code,
                               plural=False, evidence=_union([sub.evidence, res.evidence]))
            return replace(res, name=sub.name, kind="person", code=res.code or sub.code,
                           sectors=res.sectors or sub.sectors, resolved_by=res.resolved_by or sub.resolved_by)
        if not res.found and sub.found:
            return replace(res, code=sub.code, sectors=sub.sectors, resolved_by="apposition", evidence=span)
        return res

    def _with_leader(self, res: Resolution, verb: Token, date: str | None, depth: int) -> Resolution:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if obj is None or res.code is not None:
            return res
        sub = self.resolve_head(obj, date, depth + 1)
        if sub.code is None:
            return res
        return replace(res, code=sub.code, evidence=_union([res.evidence, sub.evidence]),
                       resolved_by=res.resolved_by or "agent-noun")

    def _office_holder(self, res: Resolution, date: str | None) -> Resolution:
        """A definite description of an office ("the Iraqi prime minister") names its holder."""
        if res.plural or not res.title:
            return res
        key = res.title_code or res.code
        entry = self.kb.holder(res.title, key, date) if key else None
        if entry is None:
            return res
        return replace(res, name=entry.name, kb_id=entry.id, kind="person")

    # -- word lookups -----------------------------------------------------------------------------

    def kb_hits(self, doc: Doc, start: int, end: int, date: str | None) -> list[tuple[int, int, Entry]]:
        """Knowledge-base names in ``doc[start:end]``, longest first, left to right."""
        hits = []
        i = start
        while i < end:
            token = doc[i]
            if token.ent_kb_id_ and self.kb.get(token.ent_kb_id_) is not None:
                ent = next(x for x in doc.ents if x.start <= i < x.end)
                hits.append((max(ent.start, start), min(ent.end, end), self.kb.get(token.ent_kb_id_)))
                i = min(ent.end, end)
                continue
            if not (token.is_title or token.is_upper or token.lower_ in self.data.particles) or token.is_punct:
                i += 1
                continue
            found = None
            for j in range(min(end, i + MAX_KB_WORDS), i, -1):
                if doc[j - 1].is_punct and doc[j - 1].text not in (".",):
                    continue
                text = doc.text[token.idx:doc[j - 1].idx + len(doc[j - 1])]
                entry = self.kb.lookup(text, date)
                if entry is not None and not _inside_other_name(doc, i, j):
                    found = (i, j, entry)
                    break
            if found is None:
                ent = next((x for x in doc.ents if x.start == i and x.label_ in ("PERSON", "ORG")), None)
                if ent is not None and ent.end <= end and len(ent) > 1:
                    entry = self.kb.lookup(ent.text, date, fuzzy=True)
                    if entry is not None:
                        found = (ent.start, ent.end, entry)
            if found is not None:
                hits.append(found)
                i = found[1]
            else:
                i += 1
        return hits

    def country_hits(self, doc: Doc, start: int, end: int, skip: set[int]) -> list[tuple[int, int, CountryHit]]:
        hits = []
        i = start
        while i < end:
            if i in skip or doc[i].is_punct or doc[i].pos_ == "PRON":
                i += 1
                continue
            found = None
            for j in range(min(end, i + MAX_COUNTRY_WORDS), i, -1):
                if any(k in skip for k in range(i, j)):
                    continue
                hit = self.countries.lookup(doc.text[doc[i].idx:doc[j - 1].idx + len(doc[j - 1])])
                if hit is not None:
                    found = (i, j, hit)
                    break
            if found is not None:
                hits.append(found)
                i = found[1]
            else:
                i += 1
        return hits

    @staticmethod
    def _country_modifier(hits, head_hit):
        """The country word that modifies the head (the first one: "Iraq's ... group")."""
        candidates = [h for h in hits if h is not head_hit and h[2].code is not None]
        return candidates[0] if candidates else None

    def city_country(self, token: Token) -> str | None:
        from .places import city_country

        ent = next((x for x in token.doc.ents if x.start <= token.i < x.end), None)
        return city_country(ent.text if ent is not None else token.text, self.countries)


def core_range(head: Token) -> tuple[int, int]:
    """Token range of the head and the words before it that modify it."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "prep", "mark"):
            continue
        start = min(start, child.left_edge.i)
    return start, head.i + 1


def _inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens start..end lie strictly inside a longer model entity ("Congress" in
    "Indian National Congress") that the entity ruler did not add."""
    for ent in doc.ents:
        if ent.start <= start and end <= ent.end and (ent.start, ent.end) != (start, end) and not ent.kb_id_:
            if ent.label_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART") and len(ent) > end - start:
                return True
    return False


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _union(ranges: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    ranges = [r for r in ranges if r is not None]
    if not ranges:
        return None
    return min(r[0] for r in ranges), max(r[1] for r in ranges)
