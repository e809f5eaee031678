"""corpus_table orders small tables with a Python sort: the same order as pandas' sort_values."""
import random

import numpy as np
import pandas as pd

from core.pipeline import TIMELINE_ORDER, _timeline_order


def _frame(seed: int, n: int) -> pd.DataFrame:
    rnd = random.Random(seed)
    days = ["2024-01-01", "2024-01-02", "2023-12-31", "NaT"]
    return pd.DataFrame({
        "date": np.array([rnd.choice(days) for _ in range(n)], dtype="datetime64[s]"),
        "published": np.array([rnd.choice(days) for _ in range(n)], dtype="datetime64[s]"),
        "article_id": [rnd.choice("abc") for _ in range(n)],
        "evidence_start": np.array([rnd.randrange(3) for _ in range(n)], dtype="int64"),
        "row": np.arange(n),
    })


def test_python_order_is_sort_values_order():
    for seed in range(200):
        t = _frame(seed, seed % 17)
        want = t.sort_values(list(TIMELINE_ORDER), na_position="last", kind="stable")["row"].tolist()
        assert [t["row"].iloc[i] for i in _timeline_order(t)] == want
