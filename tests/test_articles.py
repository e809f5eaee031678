"""The text-format reader: date lines, headlines, datelines, source lines, encodings."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import core
from core.articles import ArticleError, parse_article, parse_date_line, read_corpus, split_dateline

BODY = "Envoys from Veloria met in Port Calder on Monday.\nThe talks ended without a statement."


@pytest.mark.parametrize("line, want", [
    ("12-02-2026", dt.date(2026, 2, 12)),        # day first when ambiguous, as in the seed
    ("02-12-2026", dt.date(2026, 12, 2)),
    ("02-13-2026", dt.date(2026, 2, 13)),        # month first only when the day is > 12
    ("13/02/2026", dt.date(2026, 2, 13)),
    ("2026-02-12", dt.date(2026, 2, 12)),
    ("12 February 2026", dt.date(2026, 2, 12)),
    ("12th of February 2026", dt.date(2026, 2, 12)),
    ("Feb 12, 2026", dt.date(2026, 2, 12)),
    ("Feb. 12, 2026", dt.date(2026, 2, 12)),
    ("Thursday, February 12, 2026", dt.date(2026, 2, 12)),
    ("2026-02-12T08:30:00Z", dt.date(2026, 2, 12)),
    ("31-02-2026", None),
    ("Talks resume in Port Calder", None),
    ("2026", None),
])
def test_date_line(line, want):
    assert parse_date_line(line) == want


@pytest.mark.parametrize("para, places, rest", [
    ("TEHRAN/ MUSCAT: Ali met Badr.", ("Tehran", "Muscat"), "Ali met Badr."),
    ("VENICE, June 2 - The envoys met.", ("Venice",), "The envoys met."),
    ("PORT CALDER (Reuters) - The envoys met.", ("Port Calder",), "The envoys met."),
    ("LONDON, March 3 (AFP) — Talks began.", ("London",), "Talks began."),
    ("The envoys met: nothing was agreed.", (), "The envoys met: nothing was agreed."),
    ("US officials said - nothing.", (), "US officials said - nothing."),
])
def test_dateline(para, places, rest):
    assert split_dateline(para) == (places, rest)


def test_seed_format():
    art = parse_article((Path(__file__).parents[1] / "seeds" / "000_92f0c0f0fdb81621.txt").read_text("utf-8"))
    assert art.published == dt.date(2026, 2, 12)
    assert art.datelines == ("Tehran", "Muscat")
    assert art.source == "Pressmediaofindia"
    assert art.title == ""
    assert art.text.startswith("Ali Larijani, secretary")
    assert art.text.endswith("(Int’l Monitoring Desk)")
    assert len(art.paragraphs) == 17


def test_headline_source_and_variants():
    raw = "\ufeff12 February 2026\r\nVeloria and Ostrand resume talks\r\n\r\nPORT CALDER: " + \
          BODY.replace("\n", "\r\n\r\n") + "\r\nThe Calder Courier\r\n"
    art = parse_article(raw)
    assert art.published == dt.date(2026, 2, 12)
    assert art.title == "Veloria and Ostrand resume talks"
    assert art.source == "The Calder Courier"
    assert art.datelines == ("Port Calder",)
    assert art.text == BODY
    assert "\r" not in art.text


def test_no_date_line_keeps_the_text():
    art = parse_article(BODY)
    assert art.published is None
    assert art.text == BODY


def test_same_text_same_id_and_duplicates_collapse(tmp_path):
    (tmp_path / "a.txt").write_text("2026-02-12\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("2026-02-12\r\n" + BODY.replace("\n", "\r\n"), encoding="utf-8")
    res = read_corpus([tmp_path])
    assert len(res.articles) == 1
    assert [s.reason for s in res.skipped] == ["duplicate of an article already read"]


def test_bad_inputs_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("2026-02-12\n" + BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "latin1.txt").write_bytes("2026-02-13\nThe envoy of Sérvia met the minister.".encode("cp1252"))
    res = read_corpus([tmp_path, tmp_path / "missing.txt"])
    assert sorted(a.name for a in res.articles) == ["good.txt", "latin1.txt"]
    assert "Sérvia" in next(a for a in res.articles if a.name == "latin1.txt").text
    reasons = {Path(s.name).name: s.reason for s in res.skipped}
    assert reasons == {"empty.txt": "empty file", "binary.txt": "binary file, not text",
                       "picture.png": "unsupported file type '.png'", "missing.txt": "no such file or folder"}


def test_public_api(tmp_path):
    (tmp_path / "a.txt").write_text("2026-02-12\n" + BODY, encoding="utf-8")
    arts = core.read_articles([tmp_path])
    assert isinstance(arts[0], core.Article)
    assert core.read_articles(tmp_path) == arts
    with pytest.raises(ArticleError):
        parse_article("   \n\n")


def test_no_break_spaces_are_kept_and_read_as_spaces():
    """A quotation is the source's exact characters: the article keeps its no-break spaces,
    the extractors read them as plain spaces (same offsets), zero-width characters go."""
    from core.articles import plain_spaces

    raw = ("2026-02-12\nTalks in Port Calder\n\nSen.\u00a0Mara Quell said \u00a0“We will meet\u00a0again"
           " on\u202fMonday.”\nVeloria Daily\n")
    art = parse_article(raw.replace("Talks", "Tal\u200bks"))
    assert "meet\u00a0again on\u202fMonday." in art.text and "\u200b" not in art.title
    assert plain_spaces(art.text) == art.text.replace("\u00a0", " ").replace("\u202f", " ")
    assert len(plain_spaces(art.text)) == len(art.text)
    table = core.normalise([art])
    quotes = table[table["quote"] != ""]
    assert quotes["quote"].tolist() == ["We will meet\u00a0again on\u202fMonday."]
    assert quotes["quote"].iloc[0] in art.text
    assert quotes["speaker"].tolist() == ["Mara Quell"]
    # the same article with plain spaces gives the same rows but for those characters
    plain = parse_article(plain_spaces(raw))
    assert plain.article_id == art.article_id
    assert core.normalise([plain])["speaker"].tolist() == table["speaker"].tolist()


def test_runs_of_spaces_in_a_paragraph_are_kept():
    raw = "2026-02-12\nSen. Mara Quell said  “the  talks in Port Calder\tare over.”\nVeloria Daily\n"
    art = parse_article(raw)
    assert art.text == "Sen. Mara Quell said  “the  talks in Port Calder are over.”"
    quotes = core.normalise([art])
    assert quotes.loc[quotes["quote"] != "", "quote"].tolist() == ["the  talks in Port Calder are over."]
    assert quotes.loc[quotes["quote"] != "", "speaker"].tolist() == ["Mara Quell"]
    assert art.article_id == parse_article(raw.replace("  ", " ")).article_id


# --- hard-wrapped text -------------------------------------------------------------------------
# a story cut at ~62 characters, as wire copy, e-mails and text copied from a PDF come: a quotation
# and its speaker across a cut, "U.S." ending a line, paragraphs apart by a blank line
WRAPPED = """2026-03-04
Harbour talks resume in Port Calder

Veloria's trade envoy Mara Quell met officials of the Calder
harbour board on Tuesday to settle the fishing quotas. "We will
sign the accord next week," Quell told reporters after the
meeting, adding that the U.S.
delegation would attend as observers.

The board's chair, Anton Rusk, said the quotas were unfair and
urged both sides to keep talking.
Calder Wire
"""


def test_hard_wrapped_lines_are_joined_into_their_paragraphs():
    art = parse_article(WRAPPED, name="wrapped.txt")
    assert art.title == "Harbour talks resume in Port Calder"
    assert art.source == "Calder Wire"
    paras = art.text.split("\n")
    assert len(paras) == 2
    assert paras[0].startswith("Veloria's trade envoy Mara Quell met officials of the Calder harbour board on Tuesday")
    assert "the U.S. delegation would attend" in paras[0]
    assert paras[1] == ("The board's chair, Anton Rusk, said the quotas were unfair and urged both sides to "
                        "keep talking.")


def test_a_quotation_across_a_cut_keeps_its_words_speaker_and_date():
    table = core.normalise([parse_article(WRAPPED, name="wrapped.txt")])
    quotes = table[table["quote_kind"] == "direct"]
    assert quotes["quote"].tolist() == ["We will sign the accord next week"]
    assert quotes["speaker"].tolist() == ["Mara Quell"]
    # said on the day of the meeting (Tuesday), not "next week"
    assert quotes["date"].dt.date.tolist() == [dt.date(2026, 3, 3)]
    rusk = table[table["speaker"] == "Anton Rusk"]
    assert (rusk["date"].dt.date <= dt.date(2026, 3, 4)).all()


@pytest.mark.parametrize("lines", [
    # one short paragraph per line, each ending its sentence (the seed's layout): kept
    ["Envoys from Veloria met in Port Calder on Monday.", "The talks ended without a statement.",
     "A second round is planned for May.", "Both delegations left the city on Tuesday."],
    # short items, then paragraphs: lines that stop mid-sentence but do not fill the width
    ["Quarterly dividend raised", "Pay June 3",
     "Note: the rise needs the approval of the board at its May 20 meeting.",
     "The company also said it would open two new harbour offices in Port Calder."],
    # a wrapped story's list items, an indented paragraph start and a blank line stay apart
    ["The harbour board listed three demands for the coming",
     "round of talks with Veloria and its fishing fleet:",
     "- lower quotas for the northern grounds",
     "- a joint patrol of the bay",
     "",
     "  The envoy said the demands would be studied before",
     "the next round."],
])
def test_lines_that_are_not_wrapped_stay_apart(lines):
    from core.articles import unwrapped

    out = unwrapped(lines)
    if not lines[0].startswith("The harbour board"):
        assert out == lines
    else:
        assert out == ["The harbour board listed three demands for the coming round of talks with Veloria "
                       "and its fishing fleet:",
                       "- lower quotas for the northern grounds",
                       "- a joint patrol of the bay",
                       "",
                       "  The envoy said the demands would be studied before the next round."]
        assert unwrapped(out) == out   # joining twice changes nothing


def test_wide_lines_are_paragraphs_even_without_final_punctuation():
    from core.articles import unwrapped

    lines = ["Envoys from Veloria and the Calder harbour board met in Port Calder on Monday for the first "
             "round of talks", "The board said the quotas were unfair", "Both delegations left on Tuesday"]
    assert unwrapped(lines) == lines   # lines wider than any wrap width are paragraphs as they are


def test_a_line_ending_with_an_abbreviation_is_continued():
    from core.articles import unwrapped

    lines = ["Envoys of Veloria met in Port Calder on Monday with the", "harbour board and Sen.",
             "Ilka Dorn of the trade committee to settle quotas."]
    assert unwrapped(lines) == [" ".join(lines)]
