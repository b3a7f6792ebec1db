"""The work-family model's word indexes (tool names, concepts, taxonomy keywords, role titles)
are kept in the content-keyed cache: a one-posting run must not lemmatise the whole catalog
again, and what comes out of the cache must classify exactly as what was built."""
from __future__ import annotations

import hashlib
import json

import pytest

from jdlint import workfamily as wf

ITEMS = [
    "Build the ingestion pipelines in Airflow and keep the Snowflake warehouse tidy",
    "Mentor the data scientists and run their quarterly reviews",
    "Make the price-suggestion endpoint answer within 30 ms",
    "A Data Modeler works with the delivery team to document the as-is models",
]


@pytest.fixture
def fresh_cache(private_cache):
    folder = private_cache
    wf._indexes.cache_clear()
    wf._starts.cache_clear()
    yield folder
    wf._indexes.cache_clear()
    wf._starts.cache_clear()


def _verdicts():
    model = wf.load_model()
    return [(c.family, c.evidence) for c in (model.classify(t) for t in ITEMS)]


def test_indexes_from_the_cache_classify_as_built_ones(fresh_cache):
    built = _verdicts()
    stored = list(fresh_cache.glob("work-index-*.json"))
    assert len(stored) == 1
    wf._indexes.cache_clear()
    wf._starts.cache_clear()
    assert wf._indexes() == wf._decode_indexes(wf._build_indexes())
    assert _verdicts() == built
    assert built[0][0] == "data-engineer" and built[1][0] == "leadership"


def test_a_stored_index_of_the_wrong_shape_is_built_afresh(fresh_cache):
    built = _verdicts()
    path = next(fresh_cache.glob("work-index-*.json"))
    header, _, _payload = path.read_bytes().partition(b"\n")
    magic, key, _digest = header.split(b" ")
    for junk in ({"tool": 42}, [1, 2], {"concept": [[1]], "tool": [], "exact": {}, "kw": [], "role": []}):
        new = json.dumps(junk).encode()
        path.write_bytes(b"%s %s %s\n" % (magic, key, hashlib.sha256(new).hexdigest().encode()) + new)
        wf._indexes.cache_clear()
        wf._starts.cache_clear()
        assert _verdicts() == built
