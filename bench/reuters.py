"""Reuters-21578 (SGML) -> core.Article, for the benchmarks. Nothing of the corpus is copied here.

The SGML is not well-formed (stray bytes, unescaped ampersands), so each <REUTERS> element is cut
out with a regular expression. An article is a story with a <BODY>: its text is the body with
html entities unescaped, the closing "Reuter" sign-off dropped and the wrapped lines joined into
paragraphs (a new paragraph starts with an indented line); <DATE> ("26-FEB-1987 15:01:01.79") is
the publication date, <TITLE> the headline, the place of <DATELINE> the dateline.

    python bench/reuters.py [--eval-dir ../shared/eval/reuters21578]   # counts, one sample
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.articles import ArticleError, make_article  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "reuters21578"

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_FIELD = {tag: re.compile(rf"<{tag}>(.*?)</{tag}>", re.S) for tag in ("DATE", "TITLE", "DATELINE", "BODY")}
_SIGN_OFF = re.compile(r"\s*\bReuters?\b[\s;\x03]*$", re.I)   # "Reuter" and the end-of-text mark (&#3; or ;)
_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})")
_PARAGRAPH = re.compile(r"\n(?=[ \t]+\S)")       # an indented line opens a paragraph


def _field(tag: str, story: str) -> str:
    m = _FIELD[tag].search(story)
    return html.unescape(m.group(1).replace("&#3;", "")) if m else ""


def published(date_field: str) -> dt.date | None:
    """26-FEB-1987 15:01:01.79 -> 1987-02-26."""
    m = _DATE.search(date_field)
    if not m:
        return None
    try:
        return dt.datetime.strptime(f"{m.group(1)}-{m.group(2).title()}-{m.group(3)}", "%d-%b-%Y").date()
    except ValueError:
        return None


def body_text(body: str) -> str:
    """The body as paragraphs, one per line, without the sign-off and control characters."""
    body = _SIGN_OFF.sub("", body.replace("\x03", "")).replace("\r", "")
    paras = (" ".join(p.split()) for p in _PARAGRAPH.split(body))
    return "\n".join(p for p in paras if p)


def dateline_places(dateline: str) -> tuple[str, ...]:
    """'    SALVADOR, Feb 26 - ' -> ('Salvador',)."""
    place = dateline.strip().split(",")[0].strip()
    return (place.title(),) if place and not place[0].isdigit() else ()


def read_file(path: Path) -> list:
    raw = path.read_bytes().decode("latin-1")
    out = []
    for m in _STORY.finditer(raw):
        attrs, story = m.groups()
        body = _field("BODY", story)
        if not body.strip():
            continue
        newid = _NEWID.search(attrs)
        name = f"{path.name}#{newid.group(1) if newid else m.start()}"
        try:
            art = make_article(body_text(body), name, published(_field("DATE", story)),
                               title=" ".join(_field("TITLE", story).split()), source="Reuters")
        except ArticleError:
            continue
        places = dateline_places(_field("DATELINE", story))
        out.append(dataclasses.replace(art, datelines=places) if places else art)
    return out


def read_reuters(eval_dir: Path = DEFAULT_DIR, limit: int | None = None) -> list:
    """Every Reuters-21578 story with a body, as core.Article, in file order."""
    files = sorted(Path(eval_dir).glob("reut2-*.sgm"))
    if not files:
        raise SystemExit(f"no reut2-*.sgm files in {eval_dir} (give --eval-dir)")
    arts = []
    for f in files:
        arts.extend(read_file(f))
        if limit and len(arts) >= limit:
            return arts[:limit]
    return arts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    args = ap.parse_args()
    arts = read_reuters(args.eval_dir)
    ids = {a.article_id for a in arts}
    dated = sum(a.published is not None for a in arts)
    print(f"articles={len(arts)} distinct={len(ids)} dated={dated} "
          f"with_dateline={sum(bool(a.datelines) for a in arts)} "
          f"chars_mean={sum(len(a.text) for a in arts) / max(1, len(arts)):.0f}")


if __name__ == "__main__":
    main()
