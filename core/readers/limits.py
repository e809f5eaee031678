"""How much the readers take in: every limit in one place, each refusal says which one it met.

A news article is a few kilobytes; the limits leave room for saved pages full of markup and for
exports of thousands of articles, and stop what no analyst means to feed the tool (a 30 MB log,
a zip bomb) before it costs minutes or gigabytes.
"""
MB = 1_000_000

MAX_FILE_BYTES = 25 * MB          # one file (an article, a page, a feed, a JSON/CSV export)
MAX_ARTICLE_CHARS = 1_000_000     # one article's text (a long report is ~100,000)
MAX_ARCHIVE_BYTES = 200 * MB      # a .zip on disk or uploaded
MAX_ARCHIVE_TOTAL = 500 * MB      # everything a .zip (with the zips inside it) unpacks to
MAX_ARCHIVE_MEMBERS = 50_000      # files in one .zip
MAX_ZIP_RATIO = 200               # unpacked / packed size of a member above 1 MB: a zip bomb
MAX_ZIP_DEPTH = 2                 # a zip inside a zip is read; one more level is refused


def too_large(size: int, limit: int, what: str = "file") -> str:
    return f"{what} too large ({size / MB:.1f} MB; the limit is {limit / MB:.0f} MB)"
