"""Years as history handouts write them, and what is not a year."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quaestio.extract import find_years
from quaestio.extract.years import year_spans


def test_forms_teachers_use() -> None:
    assert find_years("used in 1919, 21, 24, 25, 28, 29 and later") == (
        1919,
        1921,
        1924,
        1925,
        1928,
        1929,
    )
    assert find_years("the violence of 1937 / 38") == (1937, 1938)
    assert find_years("in the summer 1934 he ordered") == (1934,)
    assert find_years("between '21 and ’24") == (1921, 1924)
    assert find_years("the years 1936-38") == (1936, 1938)
    assert find_years("from 1917 to 1921") == (1917, 1921)
    assert find_years("Caesar died in 44 BC; Augustus in AD 14") == (-44, 14)
    assert find_years("the Normans came in 1066, then") == (1066,)


def test_what_is_not_a_year() -> None:
    assert find_years("of the 1996b delegates") == ()
    assert find_years("the creative 1920s") == ()
    assert find_years("1104 were dead") == ()
    assert find_years("1450 people died") == ()
    assert find_years("in 300 ships") == ()
    assert find_years("50% of 1200") == ()


def test_years_before_1400_with_a_sign_of_a_date() -> None:
    assert find_years("the Norman conquest of 1066 changed England") == (1066,)
    assert find_years("the revolt of 1381 spread to London") == (1381,)
    assert find_years("the revolt of 1381 shows how far anger ran") == (1381,)
    assert find_years("Charlemagne was crowned c. 800 in Rome") == (800,)
    assert find_years("crowned c.800.") == (800,)
    assert find_years("William reigned 1066-1087.") == (1066, 1087)
    assert find_years("William reigned 1066–87 in England") == (1066, 1087)
    assert find_years("the war of 1337 to 1453") == (1337, 1453)
    assert find_years("Vesuvius buried Pompeii in AD 79") == (79,)
    assert find_years("Caesar was killed in 44 BC.") == (-44,)
    assert find_years("In 1215 Magna Carta was sealed") == (1215,)
    assert find_years("Magna Carta (1215) bound the king") == (1215,)
    assert find_years("c. 1000-1100 the towns grew") == (1000, 1100)


def test_early_numbers_that_are_counts() -> None:
    assert find_years("1066 soldiers marched north") == ()
    assert find_years("he led 1066 soldiers") == ()
    assert find_years("a ransom of 1000 marks") == ()
    assert find_years("an army of 7000 men") == ()
    assert find_years("the siege of 1000 men") == ()
    assert find_years("the massacre of 800 prisoners") == ()
    assert find_years("the death of 300 horses") == ()
    assert find_years("the conquest of 1066 villages") == ()
    assert find_years("they lost 1200 men") == ()
    assert find_years("1000-1200 horses died") == ()
    assert find_years("between 1000-1200 were lost") == ()  # two round hundreds: a count
    assert find_years("see pages 1066-1087") == ()
    assert find_years("in 300 ships") == ()
    assert find_years("a fine (1200) was paid") == ()


@given(
    st.integers(min_value=1000, max_value=1399), st.sampled_from(["conquest", "battle", "siege"])
)
def test_any_early_year_after_an_event(year: int, event: str) -> None:
    assert find_years(f"the {event} of {year} was decisive") == (year,)
    assert find_years(f"the {event} of {year} soldiers") == ()
    assert find_years(f"{year} soldiers were there") == ()


def test_list_stops_at_an_implausible_short_year() -> None:
    assert find_years("1934 and '99") == (1934, 1999)
    assert 2033 not in find_years("1934, 33 and 99")


@given(st.integers(min_value=1400, max_value=2099), st.sampled_from(["in ", "by ", "", "summer "]))
def test_any_full_year_in_a_sentence(year: int, lead: str) -> None:
    assert find_years(f"It happened {lead}{year}.") == (year,)


@given(st.integers(min_value=1400, max_value=2069), st.integers(min_value=1, max_value=30))
def test_short_ranges_expand(start: int, length: int) -> None:
    end = start + length
    assert find_years(f"during {start} / {end % 100:02d} it grew") == (start, end)


@given(st.text(max_size=200))
def test_spans_are_inside_the_text_and_sorted(text: str) -> None:
    spans = year_spans(text)
    assert spans == sorted(spans)
    for start, end, years in spans:
        assert 0 <= start < end <= len(text) and years
    assert find_years(text) == tuple(sorted({y for *_, ys in spans for y in ys}))


def test_short_year_ranges_with_an_en_dash() -> None:
    assert find_years("so the campaigns 33 – 36 showed") == (1933, 1936)
    assert find_years("aged 20 – 25 at the time") == ()
    assert find_years("pages 12–15") == ()
    assert find_years("between 10 – 12 people") == ()
    assert find_years("from 20 - 25 with a hyphen") == ()
