"""An invented negotiation for the dashboard tests: two articles and the event table a good
extraction of them gives, written by hand (people and towns are invented; the countries are
real so that the country filter has names and codes to show)."""
from __future__ import annotations

from core.articles import parse_article
from core.table import make_table

ARTICLE_1 = """03-03-2026
Harbour talks end with promise of second round

PORT CALDERA: Norwegian and Kenyan negotiators met in Port Caldera on Monday for talks mediated by Oman, the Caldera Courier reported.
Foreign Minister Talia Verran of Norway said after the session: "We remain ready to return to the table."
Kenyan envoy Ossian Marek said no agreement was possible "without guarantees on the northern corridor".
A second round of talks has been agreed, but no date has been set.
Chilean officials held a week of consultations with Omani mediators last week.
Caldera Courier
"""

ARTICLE_2 = """05-03-2026
Oman sets date for corridor meeting

MIRELLA: Omani spokesperson Imre Solvang said on Wednesday that Kenya must withdraw its objections before the next meeting.
Solvang said Oman and Chile will meet in Mirella on 10 March.
Kenya and Chile signed a transit agreement in January.
Kenya accused the mediators of "=SUM(bias)" in a statement issued on Wednesday.
Mirella Daily
"""


def articles():
    return [parse_article(ARTICLE_1, "caldera-courier.txt"), parse_article(ARTICLE_2, "mirella-daily.txt")]


def _span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def rows():
    a1, a2 = articles()
    def row(a, n, sentence, **kw):
        s, e = _span(a.text, sentence)
        base = dict(event_id=f"{a.article_id}-{n}", article_id=a.article_id, evidence=sentence,
                    evidence_start=s, evidence_end=e, source=a.source, published=a.published,
                    title=a.title, article_name=a.name, n_sources=1, sources=(a.source,),
                    date_source="text", plover="")
        base.update(kw)
        return base
    p1, p2 = a1.paragraphs, a2.paragraphs
    return [
        row(a1, 1, p1[0], event_type="talks", plover="CONSULT", status="occurred", date="2026-03-02",
            date_end="2026-03-02", date_precision="day", date_text="on Monday",
            actors=("Talia Verran", "Ossian Marek"), countries=("NOR", "KEN", "OMN"),
            location="Port Caldera", location_country="OMN",
            summary="Norway and Kenya hold talks in Port Caldera mediated by Oman"),
        row(a1, 2, p1[1], event_type="statement", plover="STATEMENT", status="occurred", date="2026-03-02",
            date_end="2026-03-02", date_precision="day", date_source="context", actors=("Talia Verran",),
            countries=("NOR",), speaker="Talia Verran", speaker_role="Foreign Minister",
            speaker_country="NOR", quote="We remain ready to return to the table.", quote_kind="direct",
            summary="Verran: Norway ready to return to the table"),
        row(a1, 3, p1[2], event_type="demand", plover="DEMAND", status="occurred", date="2026-03-02",
            date_end="2026-03-02", date_precision="day", date_source="context", actors=("Ossian Marek",),
            countries=("KEN",), speaker="Ossian Marek", speaker_role="Envoy", speaker_country="KEN",
            quote="without guarantees on the northern corridor", quote_kind="partial",
            summary="Marek demands guarantees on the northern corridor"),
        row(a1, 4, p1[3], event_type="talks", plover="CONSULT", status="planned", date=None, date_end=None,
            date_precision="unknown", date_source="", countries=("NOR", "KEN"),
            summary="Second round of Norway-Kenya talks agreed, no date set"),
        row(a1, 5, p1[4], event_type="meeting", plover="CONSULT", status="occurred", date="2026-02-23",
            date_end="2026-03-01", date_precision="week", date_text="last week", countries=("CHL", "OMN"),
            summary="Chile consults Omani mediators for a week"),
        row(a2, 1, p2[0], event_type="demand", plover="DEMAND", status="occurred", date="2026-03-04",
            date_end="2026-03-04", date_precision="day", date_text="on Wednesday", actors=("Imre Solvang",),
            countries=("OMN", "KEN"), speaker="Imre Solvang", speaker_role="Spokesperson",
            speaker_country="OMN", quote="Kenya must withdraw its objections before the next meeting",
            quote_kind="indirect", summary="Oman asks Kenya to withdraw its objections"),
        row(a2, 2, p2[1], event_type="meeting", plover="CONSULT", status="planned", date="2026-03-10",
            date_end="2026-03-10", date_precision="day", date_text="on 10 March", countries=("OMN", "CHL"),
            location="Mirella", location_country="OMN", summary="Oman and Chile to meet in Mirella"),
        row(a2, 3, p2[2], event_type="agreement", plover="AGREE", status="occurred", date="2026-01-01",
            date_end="2026-01-31", date_precision="month", date_text="in January", countries=("KEN", "CHL"),
            summary="Kenya and Chile sign a transit agreement"),
        row(a2, 4, p2[3], event_type="accusation", plover="ACCUSE", status="occurred", date="2026-03-04",
            date_end="2026-03-04", date_precision="day", date_text="on Wednesday", countries=("KEN",),
            speaker="", speaker_country="KEN", quote="=SUM(bias)", quote_kind="partial",
            summary="=Kenya accuses the mediators of bias"),
    ]


def table():
    return make_table(rows())
