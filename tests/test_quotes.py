"""Direct and indirect quotes with speaker, cue, medium, addressee and date, on sentences written here."""

from __future__ import annotations

import pytest


def quote_with(annotation, words: str):
    """The quote whose content holds ``words`` (the innermost, if several do)."""
    found = [q for q in annotation.quotes if words in q.content.text]
    assert found, f"no quote holds {words!r}: {[q.content.text for q in annotation.quotes]}"
    return min(found, key=lambda q: len(q.content.text))


def actor_name(annotation, actor_id):
    actor = annotation.actor(actor_id)
    return (actor.name or actor.text) if actor is not None else None


# (text, words of the content, kind, speaker, cue, content must not hold)
DIRECT = [
    ("“The bridge will open in May,” the mayor said.",
     "The bridge will open in May", "direct", "the mayor", "said", "mayor"),
    ('"We have no plans to raise taxes," said Finance Minister Lena Ortiz.',
     "We have no plans to raise taxes", "direct", "Finance Minister Lena Ortiz", "said", "Ortiz"),
    ("‘Nobody listened to us,’ she told reporters.",
     "Nobody listened to us", "direct", "she", "told", "reporters"),
    ("The general told the soldiers: “Hold the line until dawn.”",
     "Hold the line until dawn.", "direct", "The general", "told", "soldiers"),
    ("In a brief statement, the union said: “The strike goes ahead.”",
     "The strike goes ahead.", "direct", "the union", "said", "statement"),
    ("“It is a scandal,” fumed the opposition leader, Maria Kovac.",
     "It is a scandal", "direct", "the opposition leader", "fumed", "Kovac"),
    ("“We are not leaving,” according to a spokesman for the protesters.",
     "We are not leaving", "direct", "a spokesman for the protesters", "according to", "spokesman"),
    ("Talks resumed on Monday. The envoy was blunt: “There is no deal yet.”",
     "There is no deal yet.", "direct", "The envoy", None, "envoy"),
]


@pytest.mark.parametrize("text, words, kind, speaker, cue, absent", DIRECT)
def test_direct_quotes_with_their_frame(annotate_text, text, words, kind, speaker, cue, absent):
    quote = quote_with(annotate_text(text), words)
    assert quote.kind == kind
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert (quote.cue.text if quote.cue else None) == cue
    assert absent not in quote.content.text
    assert text[quote.content.start:quote.content.end] == quote.content.text


def test_split_quote_is_one_quote_with_the_frame_cue(annotate_text):
    text = "“The port is closed,” the harbour master said, “and it will stay closed until the storm passes.”"
    annotation = annotate_text(text)
    assert len(annotation.quotes) == 1
    quote = annotation.quotes[0]
    assert quote.content.text.startswith("The port is closed")
    assert quote.content.text.endswith("until the storm passes.")
    assert quote.speaker.text == "the harbour master" and quote.cue.text == "said"


def test_multi_sentence_and_multi_paragraph_quote(annotate_text):
    text = ("The minister answered at length.\n\n"
            "“We inherited a deficit. We cut it by half.\n\n"
            "“Nobody else can say that,” Minister Anton Reyes said.")
    annotation = annotate_text(text)
    (quote,) = [q for q in annotation.quotes if q.kind == "direct"]
    assert quote.content.text.startswith("We inherited a deficit.")
    assert quote.content.text.endswith("Nobody else can say that,")
    assert quote.speaker.text == "Minister Anton Reyes"


def test_a_quote_without_frame_continues_the_previous_speaker(annotate_text):
    text = ("“We will appeal,” said lawyer Dana Whitlock. “The verdict ignores the evidence.”\n\n"
            "The court adjourned until Friday.")
    annotation = annotate_text(text)
    first = quote_with(annotation, "We will appeal")
    second = quote_with(annotation, "The verdict ignores the evidence.")
    assert second.cue is None
    assert second.speaker.text == first.speaker.text == "lawyer Dana Whitlock"


def test_a_newly_named_person_takes_over_a_frameless_quote(annotate_text):
    text = ("An aide said the senator was “furious”. Asked about it, Senator Ruth Avila smiled.\n\n"
            "“I am never furious. I am determined.”")
    quote = quote_with(annotate_text(text), "I am never furious")
    assert "Avila" in quote.speaker.text


def test_scare_quotes_and_titles_are_not_quotes(annotate_text):
    text = ("The mission will move from combat to an “advisory” role, officials said.\n\n"
            "The film “Winter Roads” opened in Kyiv on Friday.")
    annotation = annotate_text(text)
    assert all(q.content.text not in ("advisory", "Winter Roads") for q in annotation.quotes)
    assert not any("Winter Roads" in q.content.text for q in annotation.quotes)


def test_partial_quote_is_part_of_the_indirect_quote(annotate_text):
    text = "The ministry said the strikes were “a grave mistake” and would be answered."
    annotation = annotate_text(text)
    assert len(annotation.quotes) == 1
    quote = annotation.quotes[0]
    assert quote.kind == "indirect"
    assert quote.content.text.startswith("the strikes were “a grave mistake”")


# (text, words of the content, speaker, cue, content must start with)
INDIRECT = [
    ("The foreign minister warned that the sanctions would hurt ordinary families.",
     "sanctions would hurt", "The foreign minister", "warned", "the sanctions"),
    ("Colonel Idris told the agency that his unit had withdrawn from the town.",
     "his unit had withdrawn", "Colonel Idris", "told", "his unit"),
    ("Residents say the water has been cut off for a week.",
     "the water has been cut off", "Residents", "say", "the water"),
    ("According to the health ministry, 40 people were injured in the blast.",
     "40 people were injured", "the health ministry", "According to", "40 people"),
    ("Prices will rise again next year, according to economists at the central bank.",
     "Prices will rise again", "economists at the central bank", "according to", "Prices"),
    ("The president condemned the attack, saying that those responsible would be punished.",
     "those responsible would be punished", "The president", "saying", "those responsible"),
    ("The talks will resume in Oslo next month, the Norwegian foreign ministry said.",
     "The talks will resume in Oslo", "the Norwegian foreign ministry", "said", "The talks"),
    ("The governor stressed that the curfew would remain in force.",
     "the curfew would remain in force", "The governor", "stressed", "the curfew"),
    ("Analysts believe that the central bank will cut rates in June.",
     "the central bank will cut rates", "Analysts", "believe", "the central bank"),
    ("The two unions pointed out that wages had not risen in a decade.",
     "wages had not risen", "The two unions", "pointed out", "wages"),
]


@pytest.mark.parametrize("text, words, speaker, cue, start", INDIRECT)
def test_indirect_quotes(annotate_text, text, words, speaker, cue, start):
    quote = quote_with(annotate_text(text), words)
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.content.text.startswith(start)
    assert not quote.content.text.endswith((".", ","))


def test_apposition_and_relative_clause_stay_out_of_the_speaker(annotate_text):
    text = ("Omar Haddad, a spokesman for the coalition who spoke from Amman, said the convoy had arrived. "
            "Several lawmakers, who asked not to be named, said the vote would be delayed.")
    annotation = annotate_text(text)
    assert quote_with(annotation, "the convoy had arrived").speaker.text == "Omar Haddad"
    assert quote_with(annotation, "the vote would be delayed").speaker.text == "Several lawmakers"


def test_relative_pronoun_speaker_is_its_antecedent(annotate_text):
    text = "The decision surprised several economists who had warned that inflation remained too high."
    quote = quote_with(annotate_text(text), "inflation remained too high")
    assert quote.speaker.text == "several economists"


def test_coordinated_report_acts_stay_out_of_the_content(annotate_text):
    text = "The agency said it would welcome new talks but insisted that any deal must include inspections."
    annotation = annotate_text(text)
    first = quote_with(annotation, "it would welcome new talks")
    assert "insisted" not in first.content.text
    second = quote_with(annotation, "any deal must include inspections")
    assert second.speaker.text == "The agency" and second.cue.text == "insisted"


def test_cue_words_inside_a_quotation_are_not_quotes_of_their_own(annotate_text):
    text = "“The minister said that we would be paid, and we never were,” the nurse said."
    annotation = annotate_text(text)
    assert len(annotation.quotes) == 1
    assert annotation.quotes[0].speaker.text == "the nurse"


@pytest.mark.parametrize("text, words, medium, addressee", [
    ("The commander told the Arabic-language al-Sabah news agency that the offensive had stalled.",
     "the offensive had stalled", "al-Sabah news agency", None),
    ("The minister wrote in a post published on her Twitter page that the border would stay open.",
     "the border would stay open", "Twitter", None),
    ("The two governments said in a joint statement that the ceasefire would hold.",
     "the ceasefire would hold", "joint statement", None),
    ("The senator told reporters that she would vote against the bill.",
     "she would vote against the bill", None, "reporters"),
    ("“Nothing has changed,” the envoy told Reuters.",
     "Nothing has changed", "Reuters", None),
    ("The CEO said in an interview with the German daily Morgenblatt that layoffs were unavoidable.",
     "layoffs were unavoidable", "Morgenblatt", None),
])
def test_medium_and_addressee(annotate_text, text, words, medium, addressee):
    quote = quote_with(annotate_text(text), words)
    if medium is None:
        assert quote.medium is None
    else:
        assert quote.medium is not None and medium in quote.medium
    assert quote.addressee == addressee


def test_statement_date_from_the_time_expressions(annotate_text):
    text = "Ankara and Baku said in a joint statement on March 3 that they would build the pipeline."
    annotation = annotate_text(text, published="2023-03-10")
    quote = quote_with(annotation, "they would build the pipeline")
    timex = next((t for t in annotation.timexes if "March 3" in t.text), None)
    expected = timex.value if timex is not None and timex.value else "March 3"
    assert quote.date == expected
    assert quote.medium == "joint statement"


def test_no_date_when_the_text_gives_none_for_the_statement(annotate_text):
    text = "The minister said the troops would leave by December 31."
    quote = quote_with(annotate_text(text, published="2023-03-10"), "the troops would leave")
    assert quote.date is None  # the date belongs to the report, not to the statement


def test_joint_speaker_links_one_actor_per_conjunct(annotate_text):
    text = "“The talks were constructive,” Cairo and Amman said in a joint statement."
    quote = quote_with(annotate_text(text), "The talks were constructive")
    assert quote.speaker.text == "Cairo and Amman"
    assert len(quote.speaker.actors) == 2
    assert quote.speaker.actor == quote.speaker.actors[0]


def test_pronoun_speaker_is_the_pronoun_resolved_by_actor_coreference(annotate_text):
    text = ("Defence Minister Yusuf Karimov visited the front on Sunday.\n\n"
            "“Our lines are holding,” he said.")
    annotation = annotate_text(text)
    quote = quote_with(annotation, "Our lines are holding")
    assert quote.speaker.text == "he"
    assert quote.speaker.actor is not None
    assert "Karimov" in (actor_name(annotation, quote.speaker.actor) or "")


def test_quotes_are_numbered_in_document_order_with_valid_offsets(annotate_text):
    text = ("Officials said the bridge was safe. “It is safe,” the engineer said.\n\n"
            "According to the report, repairs cost $2 million.")
    annotation = annotate_text(text)
    assert [q.id for q in annotation.quotes] == [f"q{i}" for i in range(1, len(annotation.quotes) + 1)]
    starts = [q.content.start for q in annotation.quotes]
    assert starts == sorted(starts)
    for quote in annotation.quotes:
        for span in (quote.content, quote.cue, quote.speaker):
            if span is not None:
                assert annotation.article.text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", ["", "   ", "“", "\"\"\"", "said that", "According to."])
def test_odd_input_never_crashes(annotate_text, text):
    annotation = annotate_text(text)
    assert isinstance(annotation.quotes, list)


@pytest.mark.parametrize("text", [
    "The convoy left Kabul at dawn, according to plan.",
    "According to the constitution, the president serves a single term.",
])
def test_according_to_a_rule_is_no_quote(annotate_text, text):
    assert annotate_text(text).quotes == []


@pytest.mark.parametrize("text", [
    "The bill was passed by the senate on Monday.",
    "The minister declined to comment on the report.",
    "She urged both sides to return to the table.",
    "The company said nothing about its plans.",
])
def test_sentences_without_a_reported_clause_have_no_quote(annotate_text, text):
    assert annotate_text(text).quotes == []


def test_treebank_quote_marks(annotate_text):
    text = "`` We will rebuild the port , '' the governor said ."
    quote = quote_with(annotate_text(text), "We will rebuild the port")
    assert quote.kind == "direct" and quote.speaker.text == "the governor"


def test_a_report_and_a_quotation_on_one_cue_are_two_quotes(annotate_text):
    text = "The coach told reporters that the team had lost its nerve: “We stopped playing after half-time.”"
    annotation = annotate_text(text)
    indirect = quote_with(annotation, "the team had lost its nerve")
    direct = quote_with(annotation, "We stopped playing after half-time.")
    assert (indirect.kind, direct.kind) == ("indirect", "direct")
    assert indirect.speaker.text == direct.speaker.text == "The coach"
