"""Annotations as table rows and back: pure functions, no database.

Each row is a dict keyed by column name (see docs/schema.md). Besides the model's own fields a few
columns are derived once here, at storage time, so queries stay simple: an event's ``period_start``
and ``period_end`` (see :mod:`.periods`), and the name and code a participant or speaker resolves to
through the actor coreference chain.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import (
    Actor, ActorRef, Annotation, Article, Dateline, Event, EventDate, EventLocation, Framing, Modality, Place,
    Quote, Sentence, Speaker, TextSpan, TimeExpression,
)
from .periods import Period, parse_day, period

Row = dict[str, Any]
Rows = dict[str, list[Row]]

#: longest coreference chain followed when resolving an actor (guards against cycles)
MAX_CHAIN = 20


def annotation_rows(annotation: Annotation) -> Rows:
    """Every row one annotation stores, by table."""
    article = annotation.article
    key = {"article_id": article.id}
    return {
        "articles": [article_row(article)],
        "sentences": [{**key, "seq": i, "start_char": s.start, "end_char": s.end, "paragraph": s.paragraph}
                      for i, s in enumerate(annotation.sentences)],
        "actors": [{**key, "seq": i, **actor_row(actor)} for i, actor in enumerate(annotation.actors)],
        "events": [{**key, "seq": i, **event_row(event, article.published)}
                   for i, event in enumerate(annotation.events)],
        "event_participants": [
            {**key, "event_id": event.id, "role": role, "seq": i, **participant_row(annotation, ref)}
            for event in annotation.events
            for role, refs in (("actor", event.actor), ("recipient", event.recipient))
            for i, ref in enumerate(refs)
        ],
        "quotes": [{**key, "seq": i, **quote_row(annotation, quote)} for i, quote in enumerate(annotation.quotes)],
        "timexes": [{**key, "seq": i, "id": t.id, "text": t.text, "start_char": t.start, "end_char": t.end,
                     "type": t.type, "value": t.value, "granularity": t.granularity, "relation": t.relation}
                    for i, t in enumerate(annotation.timexes)],
        "places": [{**key, "seq": i, "id": p.id, "text": p.text, "start_char": p.start, "end_char": p.end,
                    "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "feature": p.feature,
                    "gazetteer_id": p.gazetteer_id, "role": p.role}
                   for i, p in enumerate(annotation.places)],
        "framing": [{**key, "seq": i, "text": f.text, "start_char": f.start, "end_char": f.end, "voice": f.voice,
                     "quote_id": f.quote}
                    for i, f in enumerate(annotation.framing)],
    }


def article_row(article: Article) -> Row:
    day = parse_day(article.published)
    dateline = article.dateline
    return {
        "id": article.id, "title": article.title, "published": day.isoformat() if day else None,
        "outlet": article.outlet, "url": article.url, "language": article.language, "author": article.author,
        "source": article.source,
        "dateline_place": dateline.place if dateline else None,
        "dateline_outlet": dateline.outlet if dateline else None,
        "dateline_start": dateline.start if dateline else None,
        "dateline_end": dateline.end if dateline else None,
        **_span_columns("dateline_place", dateline.place_span if dateline else None),
        **_span_columns("dateline_region", dateline.region_span if dateline else None),
        "metadata": article.metadata or {},
        "text": article.text,
    }


def _span_columns(prefix: str, span: TextSpan | None) -> Row:
    return {f"{prefix}_start": span.start if span else None, f"{prefix}_end": span.end if span else None}


def _span_from(text: str, start: int | None, end: int | None) -> TextSpan | None:
    return None if start is None else TextSpan(text[start:end], start, end)


def actor_row(actor: Actor) -> Row:
    evidence = actor.evidence
    return {
        "id": actor.id, "text": actor.text, "start_char": actor.start, "end_char": actor.end, "name": actor.name,
        "code": actor.code, "sectors": list(actor.sectors), "kb_id": actor.kb_id, "resolved_by": actor.resolved_by,
        "refers_to": actor.refers_to, "label": actor.label,
        "evidence_text": evidence.text if evidence else None,
        "evidence_start": evidence.start if evidence else None,
        "evidence_end": evidence.end if evidence else None,
    }


def event_row(event: Event, published: str | None) -> Row:
    date, location, modality = event.date, event.location, event.modality
    start, end = event_period(date, published) or (None, None)
    return {
        "id": event.id, "event_type": event.event_type,
        "trigger_text": event.trigger.text, "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
        "sentence": event.sentence, "mode": list(event.mode), "context": list(event.context),
        "cameo": event.cameo, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "negated": modality.negated, "hypothetical": modality.hypothetical, "future": modality.future,
        "historical": modality.historical,
        "date_value": date.value if date else None,
        "date_granularity": date.granularity if date else None,
        "date_end": date.end if date else None,
        "date_resolved_by": date.resolved_by if date else None,
        "date_timex": date.timex if date else None,
        "date_relation": date.relation if date else None,
        "period_start": start.isoformat() if start else None,
        "period_end": end.isoformat() if end else None,
        "location_place": location.place if location else None,
        "location_reason": location.reason if location else None,
        "claimed_by": event.claimed_by, "rule": event.rule,
    }


def event_period(date: EventDate | None, published: str | None) -> Period | None:
    """The days an event's date covers; an event without a date value takes the publication day.

    A range (``end`` set) runs from the first day of ``value`` to the last day of ``end``.
    """
    anchor = parse_day(published)
    if date is None or not date.value:
        return (anchor, anchor) if anchor else None
    found = period(date.value, anchor)
    if found and date.end:
        last = period(date.end, anchor)
        if last and last[1] >= found[0]:
            found = (found[0], last[1])
    return found


Identity = tuple[Actor | None, str | None, str | None, list[str]]


def follow_actor(annotation: Annotation, actor_id: str | None) -> Identity:
    """An actor, and the name, code and sectors it resolves to along its ``refers_to`` chain."""
    actor = annotation.actor(actor_id)
    name, code, sectors = None, None, []
    current, seen = actor, set()
    while current is not None and current.id not in seen and len(seen) < MAX_CHAIN:
        seen.add(current.id)
        name = name or current.name
        code = code or current.code
        sectors = sectors or list(current.sectors)
        if current.refers_to is None:
            if name is None and current is not actor:
                name = current.text  # the antecedent's own words name a pronoun's referent
            break
        current = annotation.actor(current.refers_to)
    return actor, name, code, sectors


def participant_row(annotation: Annotation, ref: ActorRef) -> Row:
    actor, name, _, _ = follow_actor(annotation, ref.actor)
    return {"actor_id": ref.actor, "code": ref.code, "sectors": list(ref.sectors),
            "actor_text": actor.text if actor else None, "actor_name": name}


def quote_row(annotation: Annotation, quote: Quote) -> Row:
    speaker, cue, content = quote.speaker, quote.cue, quote.content
    _, name, code, sectors = follow_actor(annotation, speaker.actor if speaker else None)
    return {
        "id": quote.id, "kind": quote.kind,
        "speaker_text": speaker.text if speaker else None,
        "speaker_start": speaker.start if speaker else None,
        "speaker_end": speaker.end if speaker else None,
        "speaker_actor": speaker.actor if speaker else None,
        "speaker_name": name, "speaker_code": code, "speaker_sectors": sectors,
        "cue_text": cue.text if cue else None, "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "content_text": content.text, "content_start": content.start, "content_end": content.end,
        "medium": quote.medium, "addressee": quote.addressee, "date": quote.date,
    }


# -- back to records --------------------------------------------------------------------------


def annotation_from_rows(rows: Rows) -> Annotation:
    """Rebuild the Annotation that :func:`annotation_rows` stored (derived columns are dropped)."""
    participants: dict[tuple[str, str], list[ActorRef]] = {}
    for row in sorted(rows.get("event_participants", []), key=lambda r: r["seq"]):
        participants.setdefault((row["event_id"], row["role"]), []).append(
            ActorRef(actor=row["actor_id"], code=row["code"], sectors=list(row["sectors"] or [])))
    ordered = {name: sorted(rows.get(name, []), key=lambda r: r["seq"]) for name in rows if name != "articles"}
    return Annotation(
        article=_article(rows["articles"][0]),
        sentences=[Sentence(r["start_char"], r["end_char"], r["paragraph"]) for r in ordered.get("sentences", [])],
        actors=[_actor(r) for r in ordered.get("actors", [])],
        events=[_event(r, participants) for r in ordered.get("events", [])],
        quotes=[_quote(r) for r in ordered.get("quotes", [])],
        timexes=[TimeExpression(r["id"], r["text"], r["start_char"], r["end_char"], r["type"], r["value"],
                                r["granularity"], r["relation"]) for r in ordered.get("timexes", [])],
        places=[Place(r["id"], r["text"], r["start_char"], r["end_char"], r["name"], r["country"], r["lat"],
                      r["lon"], r["feature"], r["gazetteer_id"], r["role"]) for r in ordered.get("places", [])],
        framing=[Framing(r["text"], r["start_char"], r["end_char"], r["voice"], r["quote_id"])
                 for r in ordered.get("framing", [])],
    )


def _article(row: Row) -> Article:
    metadata = row["metadata"]
    dateline = None
    if row["dateline_start"] is not None:
        dateline = Dateline(row["dateline_place"], row["dateline_outlet"], row["dateline_start"], row["dateline_end"],
                            place_span=_span_from(row["text"], row["dateline_place_start"], row["dateline_place_end"]),
                            region_span=_span_from(row["text"], row["dateline_region_start"],
                                                   row["dateline_region_end"]))
    published = row["published"]
    return Article(
        id=row["id"], text=row["text"], title=row["title"],
        published=published.isoformat() if hasattr(published, "isoformat") else published,
        outlet=row["outlet"], url=row["url"], language=row["language"], author=row["author"], dateline=dateline,
        source=row["source"], metadata=json.loads(metadata) if isinstance(metadata, str) else (metadata or {}),
    )


def _actor(row: Row) -> Actor:
    evidence = None
    if row["evidence_start"] is not None:
        evidence = TextSpan(row["evidence_text"], row["evidence_start"], row["evidence_end"])
    return Actor(id=row["id"], text=row["text"], start=row["start_char"], end=row["end_char"], name=row["name"],
                 code=row["code"], sectors=list(row["sectors"] or []), kb_id=row["kb_id"],
                 resolved_by=row["resolved_by"], refers_to=row["refers_to"], evidence=evidence, label=row["label"])


def _event(row: Row, participants: dict[tuple[str, str], list[ActorRef]]) -> Event:
    date = None
    if row["date_resolved_by"] is not None:
        date = EventDate(value=row["date_value"], granularity=row["date_granularity"], end=row["date_end"],
                         resolved_by=row["date_resolved_by"], timex=row["date_timex"], relation=row["date_relation"])
    location = None
    if row["location_place"] is not None or row["location_reason"] is not None:
        location = EventLocation(place=row["location_place"], reason=row["location_reason"])
    return Event(
        id=row["id"], event_type=row["event_type"],
        trigger=TextSpan(row["trigger_text"], row["trigger_start"], row["trigger_end"]), sentence=row["sentence"],
        mode=list(row["mode"] or []), context=list(row["context"] or []), cameo=row["cameo"],
        quad_class=row["quad_class"], goldstein=row["goldstein"],
        modality=Modality(negated=bool(row["negated"]), hypothetical=bool(row["hypothetical"]),
                          future=bool(row["future"]), historical=bool(row["historical"])),
        actor=participants.get((row["id"], "actor"), []),
        recipient=participants.get((row["id"], "recipient"), []),
        date=date, location=location, claimed_by=row["claimed_by"], rule=row["rule"],
    )


def _quote(row: Row) -> Quote:
    speaker = None
    if row["speaker_start"] is not None or row["speaker_text"] is not None:
        speaker = Speaker(row["speaker_text"], row["speaker_start"], row["speaker_end"], row["speaker_actor"])
    cue = None
    if row["cue_start"] is not None or row["cue_text"] is not None:
        cue = TextSpan(row["cue_text"], row["cue_start"], row["cue_end"])
    return Quote(id=row["id"], kind=row["kind"], speaker=speaker, cue=cue,
                 content=TextSpan(row["content_text"], row["content_start"], row["content_end"]),
                 medium=row["medium"], addressee=row["addressee"], date=row["date"])
