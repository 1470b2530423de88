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
from .entities import entities
from .kb import KnowledgeBase
from .places import SUBDIVISION_WORDS, city_country
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
LOCATIVE_PREPS = frozenset({"at", "in", "from", "inside", "within", "based", "on", "near"})
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
    head_agent: bool = False  # the head is an agent noun (not merely modified by one)
    personal: bool = False  # a single person (a name, or a title such as "the prime minister")
    plural: bool = False
    label: str | None = None
    venue: tuple[str, ...] = ()  # sectors of the institution it is "at" ("... at the Iraqi parliament")

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
            elif child.dep_ in ("acl", "relcl") and res.code is None and res.found:
                res = self._with_place(res, doc, child)
        if res.kb_id is None and res.title and res.kind != "person" and _definite(head):
            res = self._office_holder(res, date)
        return res

    # -- the core: words before and at the head -------------------------------------------------

    def read_core(self, doc: Doc, start: int, end: int, head_i: int, date: str | None) -> Resolution:
        while start < head_i and (doc[start].dep_ in LEADING_DEPS or doc[start].pos_ in ("DET", "PUNCT", "NUM")):
            start += 1
        kb_hits = self.kb_hits(doc, start, end, date)
        covered = {i for s, e, _ in kb_hits for i in range(s, e)}
        persons = [ent for ent in entities(doc).overlapping(start, end, "PERSON") if not self._mislabelled_person(ent)]
        person_tokens = {i for ent in persons for i in range(ent.start, ent.end)}
        country_hits = self.country_hits(doc, start, end, covered | person_tokens)
        country_hits = [_stateless(doc, hit, self.agents) for hit in country_hits]
        country_tokens = {i for s, e, _ in country_hits for i in range(s, e)}
        words = [normalise(t.text) for t in doc[start:end]]
        lemmas = [t.lemma_.lower() for t in doc[start:end]]
        agents = [AgentMatch(m.start + start, m.end + start, m.noun) for m in self.agents.matches(words, lemmas)
                  if not any(i in covered or i in country_tokens for i in range(m.start + start, m.end + start))]
        modifiers = [(i, self.agents.modifier(normalise(doc[i].text))) for i in range(start, head_i)]
        if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            modifiers.insert(0, (start - 2, self.agents.modifier(normalise(doc[start - 2].text))))  # "ex-president"
        modifiers = [(i, m) for i, m in modifiers if m is not None and i not in covered]
        head_agent = next((m for m in agents if m.start <= head_i < m.end), None)
        head_kb = next(((s, e, entry) for s, e, entry in kb_hits if s <= head_i < e), None)
        head_country = next(((s, e, hit) for s, e, hit in country_hits if s <= head_i < e), None)
        head_person = next((ent for ent in persons if ent.start <= head_i < ent.end), None)
        title = next((m for m in reversed(agents) if m.end <= head_i + 1 and m is not head_agent), None)
        country = self._country_modifier(country_hits, head_country)
        before = [(s, e, en) for s, e, en in kb_hits if e <= head_i and s >= start]
        org_modifier = next(((s, e, en) for s, e, en in reversed(before) if en.type != "person"), None)
        person_modifier = next(((s, e, en) for s, e, en in reversed(before) if en.type == "person"), None)

        res = Resolution(plural=doc[head_i].tag_ in ("NNS", "NNPS"), label=doc[head_i].ent_type_ or None)
        if head_agent is not None:
            res.title, res.role_kind, res.head_agent = head_agent.noun.phrase, head_agent.noun.kind, True
            res.personal = is_personal(head_agent.noun.phrase) and not res.plural
        elif title is not None:
            res.title = title.noun.phrase
        modifier_list = [m for _, m in modifiers]

        if head_kb is None and head_country is None and doc[head_i].pos_ == "PROPN" \
                and doc[head_i].lower_ in SUBDIVISION_WORDS:
            named = self._named_subdivision(doc, start, head_i)  # "West Darfur State" is no state body
            if named is not None:
                return named
        if head_kb is not None:
            s, e, entry = head_kb
            title_sectors = title.noun.sectors if title is not None else ()
            return self._from_kb(res, doc, entry, s, e, date, title_sectors, modifier_list, None)
        if head_person is not None:
            res.name, res.kind, res.personal = head_person.text, "person", True
            res = self._described(res, doc, title, country, modifiers, "title")
            if org_modifier is not None and res.code is None:
                # "Arab League Secretary General Chadli Klibi": the title belongs to the organisation
                s, e, entry = org_modifier
                standing = self.kb.standing(entry, date)
                role = title is not None and title.noun.kind == "role"
                sectors = list(standing.sectors) if role and standing.sectors else res.sectors
                res = replace(res, code=standing.code, sectors=sectors, resolved_by="title",
                              evidence=_union([res.evidence, _char_range(doc, s, e)]))
            return res
        # a person's role ("Hezbollah's leader") inherits; a body ("the X group", "X cells") is X itself
        role = head_agent is not None and head_agent.noun.kind == "role" and is_personal(head_agent.noun.phrase)
        if org_modifier is not None and head_country is None and not role \
                and (head_agent is None or head_agent.noun.kind != "none"):
            # a named organisation with a noun after it: "the Asa'ib Ahl al-Haq group",
            # "Daesh sleeper cells", "NATO forces" (the noun's sectors when the entry has none)
            s, e, entry = org_modifier
            generic = head_agent.noun.sectors if head_agent is not None else next(
                (m.noun.sectors for m in reversed(agents) if m.start >= e and m.noun.kind != "none"), ())
            return self._from_kb(res, doc, entry, s, e, date, (), modifier_list, generic)
        if head_agent is not None:
            noun = head_agent.noun
            if noun.kind == "none":
                return Resolution(label=res.label)
            return self._agent_head(res, doc, head_agent, agents, country, modifiers,
                                    org_modifier or person_modifier, date)
        if head_country is not None:
            s, e, hit = head_country
            if hit.kind == "demonym" and country is not None and country[2].kind == "adjective":
                # "Bosnian Serbs": the adjective says where they live
                res = self._from_country(res, doc, s, e, hit)
                return replace(res, code=country[2].code, evidence=_union([res.evidence, _char_range(
                    doc, country[0], country[1])]))
            return self._from_country(res, doc, s, e, hit)
        head_token = doc[head_i]
        if _place_word(head_token) is not None and head_token.lower_ in SUBDIVISION_WORDS:
            return self._unknown_head(res, doc, head_i, [], country, modifiers)  # "Sindh province"
        if head_token.ent_type_ in ("ORG", "NORP", "GPE", "LOC") or country is not None or agents:
            # an organisation the knowledge base does not know, or a plain noun with a country or
            # agent word before it ("military personnel", "the US mission")
            return self._unknown_head(res, doc, head_i, agents, country, modifiers)
        if not head_token.ent_type_ and head_token.is_title and head_token.i != head_token.sent.start \
                and (city := self.city_country(head_token)) is not None:
            # a city the model did not tag ("the deputy governor of the Tyumen")
            return replace(res, code=city, kind="place", resolved_by="kb", evidence=_char_range(doc, head_i, head_i + 1))
        if head_token.pos_ == "PROPN" and not head_token.ent_type_:
            # a name the model did not tag: "Fadel Jaber" in a phrase of its own
            first = head_i
            while first > start and doc[first - 1].pos_ == "PROPN" or (first > start and doc[first - 1].text == "-"):
                first -= 1
            res.name, res.kind = doc[first:head_i + 1].text, "name"
        return res

    def _named_subdivision(self, doc: Doc, start: int, head_i: int) -> Resolution | None:
        first = head_i
        while first > start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first == head_i:
            return None
        code = city_country(doc[first:head_i + 1].text, self.countries)
        if code is None:
            return None
        return Resolution(code=code, kind="place", resolved_by="kb", evidence=_char_range(doc, first, head_i + 1),
                          label=doc[head_i].ent_type_ or None)

    def _agent_head(self, res: Resolution, doc: Doc, head_agent: AgentMatch, agents: list[AgentMatch], country,
                    modifiers, kb_modifier, date: str | None) -> Resolution:
        """An agent-noun head: "Iraqi lawmakers", "US occupation forces", "army chief"."""
        noun = head_agent.noun
        sectors = list(noun.sectors)
        if not sectors and head_agent.end - head_agent.start > 1:
            # "peacekeeping troops" carries only a code in the dictionary: the head word's sectors
            last = head_agent.end - 1
            single = self.agents.noun([normalise(doc[last].text)]) or self.agents.noun([doc[last].lemma_.lower()])
            sectors = list(single.sectors) if single is not None else []
        evidence = [_char_range(doc, head_agent.start, head_agent.end)]
        res.kind = "group" if res.plural else "description"
        # a generic international code from the dictionary ("peacekeepers" IGO) yields to a country
        res.code = noun.code if country is None else None
        if noun.kind == "role":
            # "army chief" MIL, "rebel leader" REB: a role takes its sectors from its modifiers
            modifier_agent = next((m for m in reversed(agents) if m.end <= head_agent.start), None)
            if modifier_agent is not None and modifier_agent.noun.kind == "weak" \
                    and modifier_agent.end < head_agent.start:
                modifier_agent = None  # "National" in "the National Transitional Council" is no noun of its own
            if modifier_agent is not None and modifier_agent.noun.sectors:
                sectors = list(modifier_agent.noun.sectors)
                evidence.append(_char_range(doc, modifier_agent.start, modifier_agent.end))
        elif noun.kind == "agent" and sectors[:1] == ["MIL"]:
            # "police commandos", "police special forces": an armed unit named by the service it
            # belongs to (a noun right before it) is that service, not the army
            service = next((m for m in agents if m.end == head_agent.start), None)
            if service is not None and list(service.noun.sectors[:1]) in (["COP"], ["SPY"]):
                sectors = list(service.noun.sectors)
                evidence.append(_char_range(doc, service.start, service.end))
        if kb_modifier is not None:
            # "Hezbollah's leader" takes Hezbollah's code and sectors; "the Trump administration" its code
            s, e, entry = kb_modifier
            standing = self.kb.standing(entry, date)
            if noun.kind == "role" and entry.type != "person" and standing.sectors:
                sectors = list(standing.sectors)
            res.code = res.code or standing.code
            res.title_code = entry.id if entry.type != "person" else standing.code
            evidence.append(_char_range(doc, s, e))
        if country is not None and res.code is None:
            res.code = country[2].code
            if noun.kind == "role" and country[2].people and kb_modifier is None and sectors == list(noun.sectors):
                # "Yoruba leaders": a people's leaders lead a community, not a state (the agents
                # dictionary's COMMUNITY_LEADER, ELDERS: CVL)
                sectors = ["CVL" if s == "GOV" else s for s in sectors] or ["CVL"]
            sectors = list(dict.fromkeys([*sectors, *country[2].sectors]))
            evidence.append(_char_range(doc, country[0], country[1]))
        if res.code is None and (place := _place_modifier(doc[head_agent.end - 1])) is not None:
            # "Basra police", "Sindh province": a city or province before the noun
            res.code = self.city_country(place)
            if res.code is not None:
                evidence.append(_char_range(doc, place.i, place.i + 1))
        if res.title_code is None:
            res.title_code = res.code
        res.sectors = apply_modifiers(sectors, [m for _, m in modifiers])
        evidence += [_char_range(doc, i, i + 1) for i, _ in modifiers]
        res.resolved_by = "agent-noun" if (res.sectors or res.code) else None
        res.evidence = _union(evidence)
        return res

    def _from_kb(self, res: Resolution, doc: Doc, entry: Entry, s: int, e: int, date: str | None,
                 title_sectors: Iterable[str], modifiers: list, generic: Iterable[str] | None) -> Resolution:
        standing = self.kb.standing(entry, date, tuple(title_sectors))
        sectors = list(standing.sectors)
        if not sectors and title_sectors:
            sectors = list(title_sectors)
        if not sectors and generic:
            sectors = list(generic)
        if date is None and modifiers:
            sectors = apply_modifiers(sectors, modifiers)
        res.code, res.sectors = standing.code, sectors
        res.name, res.kb_id, res.kind = entry.name, entry.id, entry.type
        res.personal = entry.type == "person"
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
        sectors = _add_country(res, doc, country, sectors, evidence, modifiers)
        if res.code or res.sectors:
            res.resolved_by = how
            res.evidence = _union(evidence + [_char_range(doc, i, i + 1) for i, _ in modifiers])
        return res

    def _from_country(self, res: Resolution, doc: Doc, s: int, e: int, hit: CountryHit) -> Resolution:
        if hit.kind == "capital" and _part_of_longer_name(doc, s, e):
            # "Real Madrid", "Washington Post": a name that contains a capital is not its government
            res.kind = "organisation"
            return res
        res.code, res.evidence = hit.code, _char_range(doc, s, e)
        res.sectors = list(hit.sectors)
        if hit.kind == "capital" and _located(doc[e - 1]):
            # "a curfew in Algiers": the city itself, not its government
            res.kind, res.resolved_by = "place", "kb"
        elif hit.kind == "capital":
            # a capital or seat of government acting: "Washington said" is the US government
            res.sectors = list(dict.fromkeys(["GOV", *hit.sectors]))
            res.kind, res.resolved_by, res.name = "country", "metonymy", hit.name
        elif hit.kind in ("adjective", "demonym"):
            res.kind, res.resolved_by = "country", "demonym"
            res.plural = res.plural or hit.kind == "demonym"
            if res.plural or _adjective_as_noun(doc, s, e, hit):
                # "Libyans": the people; "a Palestinian", "the Mexican": one of them
                res.sectors = list(dict.fromkeys(["CVL", *hit.sectors]))
        elif hit.kind == "region":
            res.kind, res.resolved_by, res.name = "region", "kb", hit.name
        else:
            res.kind, res.resolved_by, res.name = "country", "kb", hit.name
        return res

    def _unknown_head(self, res: Resolution, doc: Doc, head_i: int, agents: list[AgentMatch], country,
                      modifiers) -> Resolution:
        head = doc[head_i]
        ent = entities(doc).at[head_i]
        if ent is not None and ent.label_ == "ORG":
            res.name, res.kind = ent.text, "organisation"
        agent = agents[-1] if agents else None
        evidence = []
        sectors: list[str] = []
        if agent is not None and agent.noun.kind != "none":
            sectors = list(agent.noun.sectors)
            res.code = agent.noun.code
            evidence.append(_char_range(doc, agent.start, agent.end))
        sectors = _add_country(res, doc, country, sectors, evidence, modifiers)
        if res.code or res.sectors:
            res.resolved_by = "agent-noun" if sectors else "demonym"
            res.evidence = _union(evidence)
            res.role_kind = "weak" if agent is None and res.kind is None else res.role_kind
        elif (place := _place_word(head)) is not None:
            # a city or province: "Samarra" (which the model may tag NORP), "Sindh province"
            city = self.city_country(place)
            if city is not None:
                ent = entities(doc).at[place.i]
                res.code, res.kind, res.resolved_by = city, "place", "kb"
                res.evidence = (ent.start_char, ent.end_char) if ent is not None else _char_range(doc, place.i,
                                                                                                  place.i + 1)
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
            if sub.sectors and sub.kind not in ("country", "place", "region"):
                res = replace(res, venue=tuple(sub.sectors[:1]))
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
        if res.resolved_by == "demonym" and not res.head_agent and sub.code and sub.kind in ("country", "place"):
            return replace(res, code=sub.code, evidence=evidence)  # "Albanians of southern Serbia"
        if res.role_kind is None and not res.found and head.lower_ in PARTITIVES | {"group", "member", "members"}:
            return sub  # "hundreds of protesters", "one of the rebels"
        if res.role_kind == "role" or (res.role_kind == "weak" and not res.code):
            organisation = sub.kind not in ("country", "place", "region") and bool(sub.sectors)
            sectors = list(sub.sectors) if organisation else list(res.sectors)
            if organisation and sub.venue:
                # "a member of Sadeqoun coalition at the Iraqi parliament" sits in parliament: LEG first
                sectors = list(dict.fromkeys([*sub.venue, *sectors]))
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
        return res

    def _with_apposition(self, res: Resolution, appos: Token, date: str | None, depth: int) -> Resolution:
        sub = self.resolve_head(appos, date, depth + 1)
        if not sub.found and sub.name is None:
            return res
        span = (appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge))
        if res.kind in ("person", "name") and res.kb_id is None and sub.found:
            # "Fadel Jaber, a member of Sadeqoun coalition at the Iraqi parliament"
            kind = "person" if sub.personal or res.kind == "person" else "organisation"
            return replace(res, code=res.code or sub.code, sectors=res.sectors or sub.sectors, kind=kind,
                           personal=kind == "person", resolved_by="apposition", evidence=span,
                           title=res.title or sub.title)
        if res.kind in ("person", "organisation", "outlet") and res.kb_id is not None:
            return res
        if sub.kind == "person" and (sub.name or sub.kb_id) and res.kind != "person":
            # "the prime minister (Mustafa Al-Kadhimi)": the description names its person
            if sub.kb_id is not None:
                sub = self._as_titled(sub, res.sectors, date)
                return replace(sub, title=res.title or sub.title, title_code=res.code or sub.title_code,
                               plural=False, evidence=_union([sub.evidence, res.evidence]))
            return replace(res, name=sub.name, kind="person", code=res.code or sub.code,
                           sectors=res.sectors or sub.sectors, resolved_by=res.resolved_by or sub.resolved_by)
        if not res.found and sub.found:
            return replace(res, code=sub.code, sectors=sub.sectors, resolved_by="apposition", evidence=span)
        return res

    def _as_titled(self, res: Resolution, title_sectors: list[str], date: str | None) -> Resolution:
        """A knowledge-base person named after a title ("the interior minister, X"): with no date,
        the title picks the role it names, as a title before the name does."""
        entry = self.kb.get(res.kb_id)
        if date is not None or entry is None or not title_sectors:
            return res
        standing = self.kb.standing(entry, None, tuple(title_sectors))
        if standing.role is None:
            return res
        return replace(res, code=standing.code, sectors=list(standing.sectors), title=standing.role.title)

    def _with_place(self, res: Resolution, doc: Doc, clause: Token) -> Resolution:
        """A country named in a participle clause: "refugees fleeing the war in Liberia",
        "a newspaper based in east Beirut"."""
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        for s, e, hit in self.country_hits(doc, start, end, set()):
            if hit.code:
                return replace(res, code=hit.code, evidence=_union([res.evidence, _char_range(doc, s, e)]))
        for ent in entities(doc).overlapping(start, end):
            if start <= ent.start and ent.end <= end and ent.label_ in ("GPE", "LOC"):
                code = self.city_country(doc[ent.start])
                if code:
                    return replace(res, code=code, evidence=_union([res.evidence, (ent.start_char, ent.end_char)]))
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
        if res.plural or not res.title or "ELI" in res.sectors:
            return res
        key = res.title_code or res.code
        entry = self.kb.holder(res.title, key, date) if key else None
        if entry is None:
            return res
        return replace(res, name=entry.name, kb_id=entry.id, kind="person", resolved_by="kb", personal=True)

    # -- word lookups -----------------------------------------------------------------------------

    def kb_hits(self, doc: Doc, start: int, end: int, date: str | None) -> list[tuple[int, int, Entry]]:
        """Knowledge-base names in ``doc[start:end]``, longest first, left to right."""
        return _scan(start, end, lambda i: self._kb_hit_at(doc, i, start, end, date))

    def _kb_hit_at(self, doc: Doc, i: int, start: int, end: int, date: str | None) -> tuple[int, int, Entry] | None:
        """The longest knowledge-base name at token ``i`` (within ``doc[start:end]``), or None."""
        token = doc[i]
        if token.ent_kb_id_ and (entry := self.kb.get(token.ent_kb_id_)) is not None:
            ent = entities(doc).at[i]
            return max(ent.start, start), min(ent.end, end), entry
        if not (token.text[:1].isupper() or token.lower_ in self.data.particles) or token.is_punct:
            return None
        for j in range(min(end, i + MAX_KB_WORDS), i, -1):
            if doc[j - 1].is_punct and doc[j - 1].text not in (".",):
                continue
            text = entities(doc).text[token.idx:doc[j - 1].idx + len(doc[j - 1])]
            entry = self.kb.lookup(text, date)
            if entry is not None and not _inside_other_name(doc, i, j):
                return i, j, entry
        ent = entities(doc).at[i]
        if ent is not None and ent.start == i and ent.label_ in ("PERSON", "ORG") and ent.end <= end and len(ent) > 1:
            entry = self.kb.lookup(ent.text, date, fuzzy=True)
            if entry is not None:
                return ent.start, ent.end, entry
        return None

    def _mislabelled_person(self, ent) -> bool:
        """The small model tags "Sri Lanka", "Bangladeshi", "Bosnian Serbs" and "Kenya Anti-Corruption
        Commission" PERSON. A PERSON entity is not a person when a country word covers all of it,
        starts it as an adjective or demonym, or starts a name of more than three words."""
        doc = ent.doc
        for j in range(min(ent.end, ent.start + MAX_COUNTRY_WORDS), ent.start, -1):
            hit = self.countries.lookup(entities(doc).text[ent.start_char:doc[j - 1].idx + len(doc[j - 1])])
            if hit is None:
                continue
            return j == ent.end or hit.kind in ("adjective", "demonym") or len(ent) - (j - ent.start) > 2
        return False

    def country_hits(self, doc: Doc, start: int, end: int, skip: set[int]) -> list[tuple[int, int, CountryHit]]:
        """Country words in ``doc[start:end]`` off the ``skip`` tokens, longest first, left to right."""
        return _scan(start, end, lambda i: self._country_hit_at(doc, i, end, skip))

    def _country_hit_at(self, doc: Doc, i: int, end: int, skip: set[int]) -> tuple[int, int, CountryHit] | None:
        """The longest country word at token ``i`` (ending by ``end``), or None."""
        if i in skip or doc[i].is_punct or doc[i].pos_ == "PRON":
            return None
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro", "non"):
            return None  # "anti-Syria", "pro-US": about the country, not of it
        for j in range(min(end, i + MAX_COUNTRY_WORDS), i, -1):
            if any(k in skip for k in range(i, j)):
                continue
            hit = self.countries.lookup(entities(doc).text[doc[i].idx:doc[j - 1].idx + len(doc[j - 1])])
            if hit is not None:
                return i, j, hit
        if doc[i].is_title and (
                doc[i].ent_type_ in ("GPE", "NORP", "LOC") and doc[i].ent_iob_ == "B"
                and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
                # a long capitalised word the model did not tag: "Phillippines military"
                or not doc[i].ent_type_ and len(doc[i]) >= 8 and doc[i].pos_ in ("PROPN", "NOUN")):
            hit = self.countries.fuzzy(doc[i].text)  # "Afganistan", "Phillippines"
            if hit is not None:
                return i, i + 1, hit
        return None

    @staticmethod
    def _country_modifier(hits, head_hit):
        """The country word that modifies the head (the first one: "Iraq's ... group")."""
        candidates = [h for h in hits if h is not head_hit and h[2].code is not None]
        return candidates[0] if candidates else None

    def city_country(self, token: Token) -> str | None:
        ent = entities(token.doc).at[token.i]
        return city_country(ent.text if ent is not None else token.text, self.countries)


#: titles that describe one person ("he" may refer to "the prime minister", not to "the parliament")
PERSON_TITLES = frozenset({
    "president", "vice president", "vice-president", "prime minister", "premier", "minister", "chancellor",
    "king", "queen", "prince", "crown prince", "emir", "sultan", "monarch", "pope", "supreme leader", "leader",
    "secretary", "secretary general", "secretary-general", "general secretary", "secretary of state", "spokesman",
    "spokeswoman", "spokesperson", "official", "officer", "commander", "general", "chief", "head", "deputy head",
    "member", "ambassador", "envoy", "diplomat", "governor", "mayor", "judge", "prosecutor", "lawmaker",
    "legislator", "senator", "deputy", "mp", "representative", "delegate", "chairman", "chairwoman", "chair",
    "director", "founder", "analyst", "expert", "journalist", "reporter", "activist", "cleric", "ayatollah",
    "imam", "rebel", "militant", "fighter", "soldier", "negotiator", "foreign minister", "interior minister",
    "defence minister", "defense minister", "politician", "businessman", "businesswoman", "doctor", "teacher",
    "student", "lawyer", "professor", "colonel", "captain", "lieutenant", "major general", "brigadier general"})


def is_personal(phrase: str) -> bool:
    """Whether an agent noun names one person (a title) rather than a body or a thing."""
    return phrase in PERSON_TITLES or phrase.split()[-1] in PERSON_TITLES


def _adjective_as_noun(doc: Doc, s: int, e: int, hit: CountryHit) -> bool:
    """A nationality adjective standing as a noun phrase of its own ("a Palestinian was wounded",
    "the Mexican said"): one person of that nationality. Not when it modifies a noun ("Hungarian
    and Romanian officials"), nor a language after a preposition ("in Arabic")."""
    if hit.kind != "adjective":
        return False
    word = last = doc[e - 1]
    while last.dep_ == "conj" and last.head.i < last.i:
        last = last.head  # "Hungarian and Slovak diplomats": the first conjunct modifies the noun
    if last.dep_ in ("amod", "compound", "nmod", "poss") or last.dep_ == "pobj" and last.head.lower_ == "in":
        return False
    # nothing but determiners, numbers and plain adjectives before it: "a young Palestinian", not
    # "the Supreme Soviet" (a longer name)
    return all(t.pos_ in ("DET", "NUM", "PUNCT") or t.pos_ == "ADJ" and t.is_lower
               for t in doc[word.left_edge.i:s])


def _definite(head: Token) -> bool:
    """Whether a noun phrase names one particular holder: "the/Iraq's prime minister", not "a minister"."""
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "some", "every", "each", "no")
                   for c in head.lefts)


def core_range(head: Token) -> tuple[int, int]:
    """Token range of the head and the words before it that modify it."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "prep", "mark"):
            continue
        start = min(start, child.left_edge.i)
    return start, head.i + 1


#: prepositions whose object is where something is ("in Algiers"), not whom something is aimed at
#: ("a letter to Washington", "pressure on Baghdad")
LOCATED_PREPS = frozenset({"in", "at", "inside", "within", "near", "across", "throughout", "around", "outside"})


def _located(token: Token) -> bool:
    """Whether a name is the object of a locative preposition ("in Algiers")."""
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATED_PREPS


def _place_modifier(head: Token) -> Token | None:
    """A place name modifying a noun ("Basra" of "Basra police"), or None."""
    return next((c for c in head.lefts if c.dep_ in ("compound", "nmod") and c.ent_type_ in ("GPE", "LOC")), None)


def _place_word(head: Token) -> Token | None:
    """The place name a phrase is about: its head, or a name before a head such as "province"."""
    if head.ent_type_ in ("GPE", "LOC", "NORP"):
        return head
    if head.lower_ in SUBDIVISION_WORDS:
        return next((c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")
                     and c.ent_type_ in ("GPE", "LOC", "NORP")), None)
    return None


def _stateless(doc: Doc, hit: tuple[int, int, CountryHit], agents: AgentLexicon) -> tuple[int, int, CountryHit]:
    """A nationality word after "ethnic" names a people, not a state: it gives no country."""
    s, e, country = hit
    if s > 0 and country.kind in ("adjective", "demonym"):
        modifier = agents.modifier(normalise(doc[s - 1].text))
        if modifier is not None and modifier.effect == "ethnic":
            return s, e, replace(country, code=None)
    return hit


def _inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens start..end lie strictly inside a longer model entity ("Congress" in
    "Indian National Congress") that the entity ruler did not add."""
    for ent in entities(doc).overlapping(start, end):
        first = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if first <= start and end <= ent.end and (first, ent.end) != (start, end) and not ent.kb_id_:
            if ent.label_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART"):
                return True
    return False


def _scan(start: int, end: int, hit_at) -> list[tuple]:
    """Hits over tokens ``start``..``end``, left to right: ``hit_at(i)`` gives the hit starting at
    token ``i`` (a tuple whose second item is its end) or None; the scan goes on after each hit."""
    hits = []
    i = start
    while i < end:
        hit = hit_at(i)
        if hit is None:
            i += 1
        else:
            hits.append(hit)
            i = hit[1]
    return hits


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _union(ranges: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    ranges = [r for r in ranges if r is not None]
    if not ranges:
        return None
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def _part_of_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens start..end sit inside a longer proper name, joined to a capitalised neighbour
    ("Real Madrid", "Tehran Times"), rather than standing alone or after a title or demonym."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    joined_before = (before is not None and before.pos_ == "PROPN" and before.is_title
                     and before.dep_ == "compound" and start <= before.head.i < end)
    joined_after = (after is not None and after.pos_ == "PROPN" and after.is_title
                    and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == after.i)
    return joined_before or joined_after


def _add_country(res: Resolution, doc: Doc, country, sectors: list[str], evidence: list,
                 modifiers) -> list[str]:
    """Complete a noun's resolution with the country attached to it ("Iraqi lawmakers"): its code
    where the noun gave none, its sectors after the noun's; then apply the modifiers ("former").
    Returns the sectors before modifiers; ``evidence`` gains the country's range."""
    if country is not None and res.code is None:
        res.code = country[2].code
        sectors = list(dict.fromkeys([*sectors, *country[2].sectors]))
        evidence.append(_char_range(doc, country[0], country[1]))
    res.sectors = apply_modifiers(sectors, [m for _, m in modifiers]) if sectors else []
    return sectors
