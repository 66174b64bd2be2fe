"""Region codes and providers' region slugs are recognised in any case, as whole words,
and never in ordinary words or product versions; a developer product may name them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuspress.config import Settings
from statuspress.rules.language import TextContext, lint_text
from statuspress.rules.language.patterns import REGION_SLUG_CITIES

CUSTOMERS = TextContext(settings=Settings())
DEVELOPERS = TextContext(settings=Settings(language_audience="developers"))

CODES = (
    "NYC3", "nyc3", "fra1", "sfo2", "AMS3", "fsn1", "gra11",
    "us-east-1", "US-EAST-1", "eu-west-2", "Eu-West-2", "ap-southeast-1", "us-east-1a",
    "europe-west4", "us-central1", "US-CENTRAL1", "us-central1-b", "eastus2", "WestEurope",
)  # fmt: skip
NOT_CODES = (
    "GPT-5", "Windows 11", "iOS 18", "Android 15", "NYC", "New York (NYC)", "FRA", "MP4",
    "SHA1", "Gen2", "Log4j", "web3", "Top-10", "sign-in", "version 4.2.1", "HTTP/2",
    "the us-east region", "nyc3x", "xnyc3", "fra123",
)  # fmt: skip


def rules_in(text: str, context: TextContext = CUSTOMERS) -> list[tuple[str, int]]:
    return [(f.rule, f.start) for f in lint_text(text, context)]


@pytest.mark.parametrize("code", CODES)
def test_a_region_code_or_slug_in_any_case_is_an_error_at_its_word(code: str) -> None:
    text = f"Servers in {code} are slow."
    assert rules_in(text) == [("language/region-code", len("Servers in "))]
    [finding] = lint_text(text, CUSTOMERS)
    assert f"'{code}'" in finding.message and "in words" in finding.message


@pytest.mark.parametrize("code", CODES)
def test_a_developer_product_may_name_its_regions_by_code(code: str) -> None:
    assert rules_in(f"Servers in {code} are slow.", DEVELOPERS) == []


@pytest.mark.parametrize("words", NOT_CODES)
def test_ordinary_words_and_product_versions_are_not_region_codes(words: str) -> None:
    assert rules_in(f"Customers using {words} see errors.") == []


def test_an_availability_zone_is_a_region_code_not_a_server_name() -> None:
    # (before, 'us-east-1a' had the shape of a numbered host, even on a developer product)
    assert rules_in("Disks in us-east-1a are slow.") == [("language/region-code", 9)]
    assert rules_in("Disks in us-east-1a are slow.", DEVELOPERS) == []


@given(
    city=st.sampled_from(REGION_SLUG_CITIES),
    number=st.integers(min_value=1, max_value=99),
    cases=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_every_slug_is_found_whatever_its_case(city: str, number: int, cases: list[bool]) -> None:
    slug = "".join(c.upper() if up else c for c, up in zip(city, cases, strict=True)) + str(number)
    assert rules_in(f"Backups in {slug}, for now, are late.") == [("language/region-code", 11)]


@given(
    letters=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=4),
    number=st.integers(min_value=0, max_value=99),
)
def test_a_short_word_with_a_number_is_a_slug_only_for_a_known_city(
    letters: str, number: int
) -> None:
    found = rules_in(f"Customers on {letters.upper()}{number} see errors.")
    expected = [("language/region-code", 13)] if letters in REGION_SLUG_CITIES else []
    assert [f for f in found if f[0] == "language/region-code"] == expected
