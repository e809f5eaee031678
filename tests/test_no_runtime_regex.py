"""No regex is compiled while documents are read: every pattern core uses is compiled when ``core``
is imported (module-level constants, core.pipeline.prepare), so the first documents of a fresh
process cost what later ones do, and no call pays ``re``'s cache lookup.

In a fresh process (as a scorer or a server starts) the test imports core, empties ``re``'s
cache, then spies on ``re._compiler.compile`` (what ``re._compile`` calls on a cache miss, Python
3.11+) while the fixture articles, the format fixtures and the seed are read and normalised, and
records each compile whose caller, the first frame outside the ``re`` package, is a file of core:
an inline pattern, or the module-level patterns of a module imported only inside the first
read. Compiles requested by libraries (pandas, dateparser ...) are not core's and are ignored;
already compiled patterns never reach the compiler.

The same run checks that no table core builds once per process (a function cached with
``functools.lru_cache`` that takes no argument: a lexicon, a grammar, the gazetteer) is built
inside the first documents rather than at import."""
from __future__ import annotations

import datetime as dt
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import core

ROOT = Path(__file__).resolve().parents[1]
CORE_DIR = str(ROOT / "core") + "/"
RE_DIR = str(Path(re.__file__).parent) + "/"


# an article whose dotless and dotted i (FOLD_CHARS) send core.dates to its full scan of every rule
FOLDING_ARTICLE = """2026-03-03
Kılıç visit

DERINKÖY: Foreign Minister Ayla Kılıçoğlu arrived in İzkale on Monday for two days of talks, her
ministry said. "We expect an agreement by next week," she told reporters.
"""


def _caller(frame) -> tuple[str, int] | None:
    """(file, line) of the first frame outside the re package, if it is a file of core."""
    while frame is not None and frame.f_code.co_filename.startswith(RE_DIR):
        frame = frame.f_back
    if frame is None or not frame.f_code.co_filename.startswith(CORE_DIR):
        return None
    return frame.f_code.co_filename[len(str(ROOT)) + 1:], frame.f_lineno


def _spy_on_compiles(setattr_=setattr) -> list[tuple[str, int, str]]:
    """Empties re's cache and records from now on (file, line, pattern) of every regex core compiles."""
    seen: list[tuple[str, int, str]] = []
    compile_ = re._compiler.compile

    def spy(pattern, flags=0):
        where = _caller(sys._getframe(1))
        if where:
            seen.append((*where, pattern if isinstance(pattern, str) else repr(pattern)))
        return compile_(pattern, flags)

    re.purge()  # a cached pattern must not hide an inline one
    setattr_(re._compiler, "compile", spy)
    return seen


def once_built() -> dict:
    """Every function of core's modules cached with lru_cache and called without arguments (all
    its parameters have defaults): what core builds once per process, by qualified name."""
    out = {}
    for name, mod in list(sys.modules.items()):
        if not (name == "core" or name.startswith("core.")):
            continue
        for attr, fn in vars(mod).items():
            if not (callable(fn) and hasattr(fn, "cache_info") and getattr(fn, "__module__", "") == name):
                continue
            params = inspect.signature(fn.__wrapped__).parameters.values()
            if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
                out[f"{name}.{attr}"] = fn
    return out


def record_first_reads() -> None:
    """Run in a fresh process: prints, as JSON, what core compiles while it reads and normalises
    the fixtures and the seed, all at once and one article at a time, and which of its
    once-per-process tables it builds then."""
    builders = once_built()
    misses = {name: fn.cache_info().misses for name, fn in builders.items()}
    seen = _spy_on_compiles()
    arts = core.read_articles([ROOT / "tests" / "fixtures", ROOT / "tests" / "fixtures" / "formats",
                               ROOT / "seeds"])
    arts.append(core.parse_article(FOLDING_ARTICLE, name="folding.txt"))
    table = core.normalise(arts)
    for art in arts:  # one article at a time too, as a server or a scorer reads them
        core.normalise([art])
    built = sorted(name for name, fn in builders.items() if fn.cache_info().misses > misses[name])
    print(json.dumps({"articles": len(arts), "rows": len(table), "compiles": seen, "built": built}))


def test_the_spy_sees_an_inline_pattern_of_core(monkeypatch):
    # the spy itself works: a pattern written inline in core's code is caught, with its line
    from core import dates_index
    seen = _spy_on_compiles(monkeypatch.setattr)
    ns = {"re": re}
    exec(compile("def f():\n    return re.search(r'x(?=never-cached-elsewhere)', 'y')\n",
                 dates_index.__file__, "exec"), ns)
    ns["f"]()
    assert seen == [("core/dates_index.py", 2, "x(?=never-cached-elsewhere)")]
    re.compile(r"z(?=a library's own pattern)")  # compiled outside core: not core's
    ns["f"]()  # cached now
    assert len(seen) == 1


def test_reading_and_normalising_compiles_no_regex():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    out = subprocess.run([sys.executable, "-c", "import test_no_runtime_regex as t; t.record_first_reads()"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.splitlines()[-1])
    assert got["articles"] >= 20 and got["rows"] > 0
    seen = got["compiles"]
    found = sorted({f"{f}:{line}: {p[:90]!r}" for f, line, p in seen})
    if found:
        pytest.fail(f"{len(found)} patterns compiled while documents are read:\n" + "\n".join(found))
    assert got["built"] == [], "built inside the first documents, not at import (core.pipeline.prepare)"


def test_the_once_built_tables_are_found():
    # what the fresh-process check watches: the lexicons, grammars and the gazetteer at least
    names = set(once_built())
    assert {"core.actors._lex", "core.quotes._lex", "core.events._grammar", "core.places.gazetteer"} <= names
    assert "core.actors._place" not in names   # cached per word: called with an argument


def test_the_folding_article_takes_the_full_scan():
    # FOLDING_ARTICLE reaches the path it is there for
    from core import dates, dates_index
    assert dates_index._candidates(FOLDING_ARTICLE) is None
    found = {m.text: m.value for m in dates.find_times(FOLDING_ARTICLE, dt.date(2026, 3, 3))}
    assert found["Monday"] == "2026-03-02" and found["next week"] == "2026-W11"
