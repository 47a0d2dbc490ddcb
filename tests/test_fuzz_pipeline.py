"""The fuzz of ``benchmarks/fuzz.py`` under Hypothesis: any input is read or refused, never a crash."""

from __future__ import annotations

import contextlib
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ArticleError

from .conftest import load_benchmark

fuzz = load_benchmark("fuzz")

pieces = st.sampled_from(fuzz.PIECES) | st.text(alphabet=fuzz.HANZI + fuzz.PUNCTUATION, max_size=12)
articles = st.lists(pieces | st.characters(), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(fuzz.NAMES),
    data=articles | articles.map(lambda t: t.encode("utf-8", "replace")) | st.binary(max_size=80),
    seed=st.integers(0, 2**32),
)
def test_every_output_of_any_input_is_safe_or_a_user_error(
    name: str, data: str | bytes, seed: int
) -> None:
    with contextlib.suppress(ArticleError):  # the one error bad input should give
        fuzz.exercise(name, data, random.Random(seed))
