"""Pairing quotation marks: curly and straight, apostrophes, elisions, nesting, unbalanced marks."""

from __future__ import annotations

import pytest

from tidings.components.structure import paragraph_spans
from tidings.quotes.cues import elisions
from tidings.quotes.marks import find_quoted_spans


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text, paragraph_spans(text), elisions())]


@pytest.mark.parametrize("text, expected", [
    ('"We will build it," the mayor said.', ["We will build it,"]),
    ("“We will build it,” the mayor said.", ["We will build it,"]),
    ("‘We will build it,’ the mayor said.", ["We will build it,"]),
    ("'We will build it,' the mayor said.", ["We will build it,"]),
    ("«Nous resterons», a dit le ministre.", ["Nous resterons"]),
    # a split quote is two quotations here; the frame between them joins them later
    ("“The port is closed,” she said, “and it stays closed.”", ["The port is closed,", "and it stays closed."]),
])
def test_marks_of_every_style_pair(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text, expected", [
    # apostrophes inside words are no quote marks
    ("Asa'ib Ahl al-Haq said: “We will not leave.”", ["We will not leave."]),
    ("‘O’Brien won’t sign it,’ an aide said.", ["O’Brien won’t sign it,"]),
    # elisions and decades
    ("‘We’ve waited since the ’90s, ’til now,’ he said.", ["We’ve waited since the ’90s, ’til now,"]),
    ("'Rock 'n' roll never dies,' the singer said.", ["Rock 'n' roll never dies,"]),
    # a plural possessive inside a single-quoted quotation does not close it
    ("‘The farmers’ anger is justified,’ the minister said.", ["The farmers’ anger is justified,"]),
])
def test_apostrophes_are_not_quote_marks(text, expected):
    assert quoted(text) == expected


def test_nested_quotation_stays_inside_the_outer_one():
    text = "“He told me ‘never again’ and left,” she said."
    assert quoted(text) == ["He told me ‘never again’ and left,"]


def test_british_single_marks_with_a_double_quoted_phrase_inside():
    text = "‘They called it a “temporary” measure,’ he said. ‘It has lasted ten years.’"
    assert quoted(text) == ["They called it a “temporary” measure,", "It has lasted ten years."]


def test_double_quoted_phrase_outside_single_quotations_is_found():
    text = "‘We are ready,’ she said.\n\nThe plan was called a “thank you” by staff.\n\n‘It is,’ he said."
    assert quoted(text) == ["We are ready,", "thank you", "It is,"]


def test_a_quote_continues_into_the_next_paragraph_that_opens_with_a_mark():
    text = ("“The first point is simple. We need more beds.\n\n"
            "“The second is harder. We need the staff to run them,” she said.")
    (content,) = quoted(text)
    assert content.startswith("The first point") and content.endswith("run them,")


def test_an_unclosed_quote_not_continued_is_dropped():
    text = "“The talks have failed, the envoy said.\n\nNegotiators left Geneva on Monday."
    assert quoted(text) == []


def test_a_stray_opening_mark_does_not_swallow_the_next_quotation():
    text = "The “so-called reform was mocked. “We will vote against it,” she said."
    assert quoted(text) == ["We will vote against it,"]


def test_a_stray_closing_mark_is_ignored():
    text = "He left” early. “We are staying,” she said."
    assert quoted(text) == ["We are staying,"]


def test_text_without_marks_has_no_quotations():
    assert quoted("The ministry issued no statement on Tuesday.") == []
    assert quoted("") == []
