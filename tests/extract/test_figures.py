"""Figures with what they count; years, ordinals and glued numbers are not figures."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quaestio.extract import find_figures, glued_numbers, parse_figure


def test_counts_fractions_percentages() -> None:
    dead = parse_figure("of them 1104 were dead within three years")
    assert dead is not None and (dead.value, dead.unit) == (1104, "dead")
    marshals = parse_figure("3/5 Marshals")
    assert marshals is not None and (marshals.kind, marshals.value, marshals.of) == (
        "fraction",
        3,
        5,
    )
    assert marshals.unit == "Marshals"
    people = parse_figure("totalling 44 000 people")
    assert people is not None and people.value == 44_000 and people.unit == "people"
    share = parse_figure("1/18 of the population")
    assert share is not None and (share.of, share.unit) == (18, "population")
    assert parse_figure("up to 10 million died") is not None
    assert parse_figure("up to 10 million died").value == 10_000_000  # type: ignore[union-attr]
    pct = parse_figure("about 40% fell")
    assert pct is not None and pct.kind == "percent" and pct.value == 40
    half = parse_figure("half the fleet")
    assert half is not None and (half.value, half.of, half.unit) == (1, 2, "fleet")
    commanders = parse_figure("14/16 Army commanders")
    assert commanders is not None and commanders.unit == "Army commanders"


def test_not_figures() -> None:
    assert find_figures("in 1919, 21, 24 and 1937 / 38") == ()
    assert find_figures("the law of Dec. 1st 1934") == ()
    assert find_figures("the 1996b delegates") == ()


def test_glued_numbers() -> None:
    assert glued_numbers("Of the 1996b delegates") == ["1996b"]
    assert glued_numbers("on the 1st and 22nd, in the 1930s, 5km away") == []
    assert glued_numbers("room B12 and A4x") == ["A4x"]  # B12, like WW2, is a name


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_any_fraction(num: int, den: int) -> None:
    figure = parse_figure(f"{num}/{den} Generals")
    if num <= den * 10:
        assert figure is not None and (figure.value, figure.of) == (num, den)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_thousands_with_a_space(high: int, low: int) -> None:
    figure = parse_figure(f"exactly {high} {low:03d} soldiers")
    assert figure is not None and figure.value == high * 1000 + low and figure.unit == "soldiers"


@given(st.text(max_size=200))
def test_never_crashes_and_reads_in_order(text: str) -> None:
    figures = find_figures(text)
    positions = [text.find(f.text) for f in figures]
    assert all(p >= 0 for p in positions)


def test_multi_word_units_end_in_a_plural() -> None:
    lists = parse_figure("she signed 366 death sentence lists that year")
    assert lists is not None and lists.unit == "death sentence lists"
    camps = parse_figure("he freed half the labour camp prisoners")
    assert camps is not None and camps.unit == "labour camp prisoners"
    dead = parse_figure("1104 were dead within three years")
    assert dead is not None and dead.unit == "dead"
    officer = parse_figure("only 1 senior officer remained")
    assert officer is not None and officer.unit == "senior officer"


def test_capital_codes_with_numbers_are_not_glued_typos() -> None:
    from quaestio.extract import glued_numbers

    assert glued_numbers("after WW2 the G7 met; notes for S3") == []
    assert glued_numbers("in1937 the purge") == ["in1937"]
