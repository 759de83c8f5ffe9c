"""docs/CONTRACT.md and schema.py agree: the same objects, fields, types and enum values."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from presslens import schema

PAGE = Path(__file__).resolve().parents[1] / "docs" / "CONTRACT.md"
HEADING = re.compile(r"^### `(\w+)`$")  # an object's table; other headings are prose
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "null"}

Row = tuple[str, list[str]]  # (type as written, enum values)


def page_tables(text: str) -> dict[str, dict[str, Row]]:
    """``{object: {field: (type, values)}}`` from the tables under the ``### `Name` `` headings."""
    tables: dict[str, dict[str, Row]] = {}
    current = None
    for line in text.splitlines():
        if heading := HEADING.match(line):
            current = tables.setdefault(heading.group(1), {})
        elif line.startswith("#"):
            current = None
        elif current is not None and line.startswith("| `"):
            field, type_, values, _meaning = (c.strip() for c in line.strip(" |").split("|"))
            current[field.strip("`")] = (type_.strip("`"), re.findall(r"`([^`]+)`", values))
    return tables


def models() -> dict[str, type[BaseModel]]:
    """Every public model that ``schema.py`` defines."""
    return {
        name: obj
        for name, obj in vars(schema).items()
        if inspect.isclass(obj)
        and issubclass(obj, BaseModel)
        and obj.__module__ == schema.__name__
        and not name.startswith("_")
    }


def type_name(prop: dict) -> str:
    """A JSON Schema property in the page's notation: ``str``, ``[Span]``, ``Speaker or null``."""
    if "$ref" in prop:
        return prop["$ref"].rpartition("/")[2]
    if "anyOf" in prop:
        return " or ".join(type_name(p) for p in prop["anyOf"])
    if prop["type"] == "array":
        return f"[{type_name(prop['items'])}]"
    return SCALARS[prop["type"]]


def enum_values(prop: dict) -> list[str]:
    """The values of an enum property (or of its non-null alternative), else []."""
    if "anyOf" in prop:
        return [v for p in prop["anyOf"] for v in enum_values(p)]
    return [str(v) for v in prop.get("enum", [])]


def code_tables() -> dict[str, dict[str, Row]]:
    """``{object: {field: (type, values)}}`` from the JSON Schema of each model."""
    tables = {}
    for name, model in models().items():
        props = model.model_json_schema()["properties"]
        tables[name] = {f: (type_name(p), enum_values(p)) for f, p in props.items()}
    tables["Analysis"]["schema_version"] = ("str", [schema.SCHEMA_VERSION])
    return tables


@pytest.fixture(scope="module")
def page() -> dict[str, dict[str, Row]]:
    return page_tables(PAGE.read_text(encoding="utf-8"))


def test_every_model_has_a_table_and_every_table_a_model(page) -> None:
    code = code_tables()
    assert sorted(set(code) - set(page)) == [], f"models of schema.py missing from {PAGE.name}"
    assert sorted(set(page) - set(code)) == [], f"tables of {PAGE.name} with no model in schema.py"


@pytest.mark.parametrize("name", sorted(models()))
def test_the_fields_their_types_and_enum_values_agree(page, name: str) -> None:
    code, written = code_tables()[name], page.get(name, {})
    assert sorted(set(code) - set(written)) == [], f"fields of {name} missing from {PAGE.name}"
    assert sorted(set(written) - set(code)) == [], f"fields of {name} on {PAGE.name}, not in code"
    wrong = {
        field: {"page": written[field], "schema.py": row}
        for field, row in code.items()
        if field in written and written[field] != row
    }
    assert wrong == {}, f"{name}: type or enum values differ between {PAGE.name} and schema.py"


def test_the_tables_are_read(page) -> None:
    assert page["Span"] == {"start": ("int", []), "end": ("int", []), "text": ("str", [])}
    assert page["Quote"]["speaker"] == ("Speaker or null", [])
    assert page["Block"]["kind"][1][:2] == ["headline", "byline"]
