"""Flatten annotations to PLOVER JSONL records (the manual's "Data Fields" chapter)."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import __version__
from .model import Annotation, ActorRef, Event, to_dict


def plover_records(annotation: Annotation, *, coded_date: str | None = None) -> list[dict[str, Any]]:
    """One PLOVER record per event in the annotation."""
    return [plover_record(annotation, event, coded_date=coded_date) for event in annotation.events]


def plover_record(annotation: Annotation, event: Event, *, coded_date: str | None = None) -> dict[str, Any]:
    article = annotation.article
    sentence = annotation.sentences[event.sentence] if 0 <= event.sentence < len(annotation.sentences) else None
    event_date = event.date.value if event.date else article.published
    place = annotation.place(event.location.place) if event.location else None
    return {
        "id": f"{article.id}-{event.id}",
        "date": event_date,
        "enddate": event.date.end if event.date else None,
        "actor": [_entity(annotation, ref) for ref in event.actor],
        "recipient": [_entity(annotation, ref) for ref in event.recipient],
        "event": [event.event_type],
        "mode": list(event.mode),
        "context": list(event.context),
        "event_loc": None if place is None else {
            "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
            "feature": place.feature, "gazetteer_id": place.gazetteer_id,
            "reason": event.location.reason,
        },
        "event_text": [event.trigger.text],
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "cameo": event.cameo,
        "text": annotation.article.text[sentence.start:sentence.end] if sentence else None,
        "text_info": {
            "sequence": event.sentence,
            "start": sentence.start if sentence else None,
            "end": sentence.end if sentence else None,
        },
        "cite_info": {"title": article.title, "outlet": article.outlet, "url": article.url,
                      "published": article.published},
        "article_id": article.id,
        "event_id": event.id,
        "evidence": to_dict(event.trigger),
        "modality": to_dict(event.modality),
        "date_info": to_dict(event.date),
        "claimed_by": _claim(annotation, event),
        "coder": f"tidings {__version__}",
        "coded_date": coded_date or date.today().isoformat(),
    }


def _entity(annotation: Annotation, ref: ActorRef) -> dict[str, Any]:
    actor = annotation.actor(ref.actor)
    return {
        "code": ref.code,
        "sector": list(ref.sectors),
        "entity_text": actor.text if actor else None,
        "identifier_text": actor.name if actor else None,
        "identifier_id": actor.kb_id if actor else None,
        "start": actor.start if actor else None,
        "end": actor.end if actor else None,
    }


def _claim(annotation: Annotation, event: Event) -> dict[str, Any] | None:
    quote = annotation.quote(event.claimed_by)
    if quote is None:
        return None
    return {"quote": quote.id, "speaker": quote.speaker.text if quote.speaker else None,
            "speaker_actor": quote.speaker.actor if quote.speaker else None}
