"""Historian keys: one person however the name is written; unknown names kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quaestio.errors import ParseError
from quaestio.extract import fold, historian_key, load_table
from quaestio.extract.names import ENV_VAR, builtin_entries


def test_variants_share_a_key() -> None:
    assert historian_key("Arch-Getty") == historian_key("Getty") == historian_key("J. Arch Getty")
    assert historian_key("Shapiro") == historian_key("Schapiro")
    assert historian_key("Yezhov") == historian_key("Ezhov")
    assert historian_key("Brzeziński") == historian_key("Brezinski") == "brzezinski"
    assert historian_key("CONQUEST") == historian_key("Robert Conquest") == "conquest"
    assert fold("Łukasz Straße") == "lukaszstrasse"


def test_misspellings_and_near_misses_are_noted() -> None:
    table = load_table()
    assert table.check("Brezinski").note is not None
    assert table.check("Getty").note is None
    near = table.check("Fainsood")
    assert near.key == "fainsood" and near.note is not None and "Fainsod" in near.note
    unknown = table.check("Zebedee Quartermaine")
    assert unknown.key == "zebedeequartermaine" and unknown.note is None


def test_builtin_table_is_consistent() -> None:
    entries = builtin_entries()
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))
    for entry in entries:
        assert entry.key == fold(entry.key)
        assert historian_key(entry.name) == entry.key
        for variant in (*entry.variants, *entry.misspellings):
            assert historian_key(variant) == entry.key


def test_user_table_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text('[{"name": "Ewa Thompson", "key": "ethompson", "variants": ["Tompson"]}]')
    monkeypatch.setenv(ENV_VAR, str(extra))
    assert historian_key("Tompson") == "ethompson"
    monkeypatch.delenv(ENV_VAR)
    assert historian_key("Tompson") == "tompson"


def test_bad_user_table(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[historian]]\nkey = 3\n")
    with pytest.raises(ParseError) as info:
        load_table(bad)
    assert info.value.file == str(bad)


@given(st.text(min_size=1, max_size=40))
def test_keys_are_folded_and_stable(name: str) -> None:
    key = historian_key(name)
    assert key == historian_key(name.casefold())
    assert key or not name.strip()
    if fold(name):
        assert key.isascii() and key.isalpha() and key == key.lower()


def test_unknown_names_share_a_key_across_romanisations() -> None:
    assert historian_key("Trotskii") == historian_key("Trotsky") == "trotsky"
    assert historian_key("Yagoda") == "yagoda"  # "ya" is not "ye"
