"""The schema's JSON shape: a lossless round trip, and clear refusals."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import Label, LabelKind, Role
from annotator.core.schema_json import schema_from_json, schema_to_json
from annotator.core.schemas import DEFAULT


def test_the_default_schema_round_trips_through_json_text() -> None:
    text = json.dumps(schema_to_json(DEFAULT))
    assert schema_from_json(json.loads(text)) == DEFAULT


def test_only_a_name_is_needed() -> None:
    schema = schema_from_json({"labels": [{"name": "VEHICLE"}]})
    assert schema.labels == (Label("VEHICLE", LabelKind.ENTITY, "#999999"),)
    roles = [{"name": "victim", "required": True, "max_count": 2, "shortcut": "v"}]
    event = schema_from_json({"labels": [{"name": "ACCIDENT", "kind": "event", "roles": roles}]})
    assert event.labels[0].roles == (Role("victim", True, 2, "v"),)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"labels": "PER"}, 'a "labels" list'),
        ({"version": 2, "labels": []}, "version 2 is not 1"),
        ({"labels": [{"name": "PER"}, {"name": "PER"}]}, "listed twice"),
        ({"labels": [{"name": "X", "roles": [{"name": "a"}]}]}, "only event types"),
        ({"labels": [{"name": "X", "kind": "event", "roles": [{}]}]}, "role must be"),
        (
            {"labels": [{"name": "X", "kind": "event", "roles": [{"name": "a", "max_count": 0}]}]},
            "positive",
        ),
        ({"labels": [{"name": "X", "shortcut": 1}]}, "'shortcut' must be a string"),
    ],
)
def test_bad_shapes_say_where(data: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        schema_from_json(data)
