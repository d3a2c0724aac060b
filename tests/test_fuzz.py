"""Property tests on generated input: readers, cleaning, the temporal model and fact extraction never raise
(beyond their documented refusals) and return results of the documented shape.

The strategies and checks live in benchmarks/fuzz.py, which runs them on many more inputs; here each
runs on a fixed set of inputs (derandomized, so a run fails only on a change in dossier), after the
hand-picked nasty inputs each property carries.
"""
from __future__ import annotations

import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import fuzz  # noqa: E402

# Generated inputs per property: about 25 s for the whole file, most of it cleaning and spaCy.
EXAMPLES = {
    "decode_bytes": 200,
    "decode_roundtrip": 200,
    "read_file": 100,
    "read_jsonl": 100,
    "jsonl_roundtrip": 60,
    "clean_text": 150,
    "clean_html": 60,
    "resolve_date": 300,
    "parse_calendar_date": 200,
    "parse_duration": 300,
    "parse_money": 300,
    "infer_anchor": 300,
    "facts": 40,
}


def test_every_property_has_a_budget():
    assert set(EXAMPLES) == {p.name for p in fuzz.PROPERTIES}


@pytest.mark.parametrize("prop", fuzz.PROPERTIES, ids=lambda p: p.name)
def test_property(prop: fuzz.Property):
    fuzz.hypothesis_test(prop, EXAMPLES[prop.name], derandomize=True)()
