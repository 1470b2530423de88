"""The knowledge base of well-known actors, with roles that depend on the date.

Names match case-insensitively (accents, apostrophes and hyphens folded); spelling variants of
multi-word person and organisation names match fuzzily with rapidfuzz. A person's sectors at a
date come from the role held then; after a state office ends and before the next, ELI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz import fuzz, process

from .data import ActorData, Entry, Role
from .sectors import STATE_SECTORS
from .text import normalise

#: fuzzy name matches must score at least this (rapidfuzz ratio, 0-100)
FUZZY_MIN_SCORE = 90
#: aliases this short (or all capitals) are matched only with the case they are written in
SHORT_ALIAS = 3
#: sectors of an entry that stay when a person leaves office (the rest give way to ELI)
KEPT_OUT_OF_OFFICE = frozenset({"OPP", "PTY", "REL"})


@dataclass(frozen=True)
class Standing:
    """What an entry is at a date: its code and sectors, and the role (if any) that gives them."""

    code: str | None
    sectors: tuple[str, ...]
    role: Role | None


class KnowledgeBase:
    def __init__(self, data: ActorData):
        self.entries: dict[str, Entry] = {e.id: e for e in data.entries}
        self.by_key: dict[str, list[Entry]] = {}
        self.by_exact: dict[str, list[Entry]] = {}
        for entry in data.entries:
            for name in entry.names:
                if _case_sensitive(name):
                    self.by_exact.setdefault(name, []).append(entry)
                else:
                    key = normalise(name)
                    self.by_key.setdefault(key, []).append(entry)
                    if key.startswith("the "):
                        self.by_key.setdefault(key[4:], []).append(entry)
        # only multi-word names take part in fuzzy matching: single words are too easily confused
        self.fuzzy_keys = [k for k, entries in self.by_key.items()
                           if " " in k and any(e.type != "outlet" for e in entries)]
        self.holders: dict[tuple[str, str | None], list[tuple[Entry, Role]]] = {}
        for entry in data.entries:
            for role in entry.roles:
                code = role.code or entry.code
                self.holders.setdefault((role.title, code), []).append((entry, role))
                if role.org:
                    self.holders.setdefault((role.title, role.org), []).append((entry, role))

    def get(self, entry_id: str | None) -> Entry | None:
        return self.entries.get(entry_id) if entry_id else None

    def lookup(self, text: str, date: str | None = None, fuzzy: bool = False) -> Entry | None:
        """The entry a name denotes (the one active at ``date`` when several share it), or None."""
        text = text.strip()
        candidates = self.by_exact.get(text)
        if candidates is None:
            key = normalise(text)
            candidates = self.by_key.get(key)
            if candidates is None and fuzzy and " " in key and len(key) >= 8:
                best = process.extractOne(key, self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
                candidates = self.by_key.get(best[0]) if best else None
            if candidates and not _case_ok(text, candidates):
                candidates = None
        if not candidates:
            return None
        return pick(candidates, date)

    def standing(self, entry: Entry, date: str | None = None, title_sectors: Sequence[str] = ()) -> Standing:
        """Code and sectors of an entry at a date (None: today).

        Without a date, a title in the text ("President Bush") that matches one of the entry's roles
        picks that role, since the text then speaks of the office as held.
        """
        role = None
        if date is None and title_sectors:
            matching = [r for r in entry.roles if set(r.sectors) & set(title_sectors)]
            role = matching[-1] if matching else None
        when = date or dt.date.today().isoformat()
        if role is None and entry.died and when >= entry.died:
            # the dead are spoken of by the office they held last: Soleimani stays a commander
            role = role_at(entry, _day_before(entry.died))
        if role is None:
            role = role_at(entry, when)
        if role is not None:
            return Standing(role.code or entry.code, role.sectors, role)
        if entry.type == "person" and any(r.end and r.end <= when and set(r.sectors) & STATE_SECTORS
                                          for r in entry.roles):
            # out of office: a former official (ELI), still a party man or cleric if the entry says so
            kept = tuple(s for s in entry.sectors if s in KEPT_OUT_OF_OFFICE)
            return Standing(entry.code, ("ELI", *kept), None)
        return Standing(entry.code, entry.sectors, None)

    def holder(self, title: str, code_or_org: str | None, date: str | None = None) -> Entry | None:
        """Who held an office (title + country code or organisation id) at a date."""
        when = date or dt.date.today().isoformat()
        for entry, role in self.holders.get((title, code_or_org), []):
            if _covers(role, when):
                return entry
        return None


def pick(candidates: Sequence[Entry], date: str | None) -> Entry:
    """Among entries sharing a name, the one with a role at the date, else the most recent."""
    if len(candidates) == 1:
        return candidates[0]
    when = date or dt.date.today().isoformat()
    active = [e for e in candidates if role_at(e, when) is not None]
    if active:
        return active[0]
    return max(candidates, key=lambda e: max((r.start or "" for r in e.roles), default=""))


def role_at(entry: Entry, date: str) -> Role | None:
    """The role an entry holds on ``date`` (the latest begun, if several), or None."""
    held = [r for r in entry.roles if _covers(r, date)]
    return max(held, key=lambda r: r.start or "") if held else None


def _day_before(date: str) -> str:
    try:
        return (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return date


def _covers(role: Role, date: str) -> bool:
    # dates compare as strings: "2020" <= "2020-01-03" < "2021"; a date after an end of the same
    # prefix ("2020-01-03" vs end "2020") counts as after it
    if role.start and date < role.start:
        return False
    if role.end and (date >= role.end or date.startswith(role.end)):
        return False
    return True


def _case_sensitive(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= SHORT_ALIAS or (len(letters) <= 5 and all(c.isupper() for c in letters))


def _case_ok(text: str, candidates: Iterable[Entry]) -> bool:
    """A capitalised name needs capitalised text: "truss" (lower case) is not Liz Truss."""
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper() or any(
        next((c for c in n if c.isalpha()), "").islower() for e in candidates for n in e.names
        if normalise(n) == normalise(text))
