"""Language identification: texts, declarations and feed hints, and the path to the article row."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from extractors.language import guess_language, normalise_declared
from flows.processing import PageJob, process_page

DATA = Path(__file__).parent / "data" / "language"
SHORT_TEXTS: list[dict[str, str]] = json.loads(
    (DATA / "short_texts.json").read_text(encoding="utf-8")
)["texts"]

RUSSIAN_BODY = (
    "Пресс-секретарь президента России Дмитрий Песков заявил журналистам, что в Кремле нет "
    "информации о соглашениях, о которых говорил советник верховного лидера Ирана. "
    "По его словам, подтвердить эти сведения он не может. "
) * 2
PERSIAN_BODY = (
    "علی اکبر ولایتی پس از دیدار با ولادیمیر پوتین در مسکو گفت که روسیه آماده است در بخش "
    "نفت و گاز ایران سرمایه‌گذاری کند و یک شرکت نفتی روس قراردادی با وزارت نفت امضا کرده است. "
) * 2
ENGLISH_BODY = (
    "Kremlin spokesman Dmitry Peskov told reporters that he had no information about the "
    "agreements that the Iranian adviser had described after his talks in Moscow. "
) * 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en-US", "en"), ("fa_IR", "fa"), (" ru ", "ru"), ("", None), (None, None), ("x", None)],
)
def test_declared_tags_are_normalised(value: str | None, expected: str | None) -> None:
    assert normalise_declared(value) == expected


@pytest.mark.parametrize("item", SHORT_TEXTS, ids=lambda item: item["text"][:30])
def test_short_texts_without_any_hint(item: dict[str, str]) -> None:
    assert guess_language(item["text"]) == item["language"]


@pytest.mark.parametrize("item", SHORT_TEXTS, ids=lambda item: item["text"][:30])
def test_a_wrong_site_wide_declaration_does_not_override_the_script(item: dict[str, str]) -> None:
    wrong = "fa" if item["language"] == "en" else "en"
    assert guess_language(item["text"], declared=wrong) == item["language"]


@pytest.mark.parametrize(
    ("text", "declared", "source", "expected"),
    [
        # One word says little; the script and the hints say the rest.
        ("Иран", None, None, "ru"),
        ("Газпром", None, "ru", "ru"),
        ("Газпром", "uk", None, "uk"),
        ("نفت", None, "fa", "fa"),
        ("نفت", None, None, "ar"),  # no Persian-only letter, no hint
        ("Iran deal", None, None, "en"),
        ("Iran deal", "ru", "fa", "en"),  # hints in another script are not believed
        # Persian typed with Arabic ي and ك, as older Iranian sites do: the feed knows.
        ("ايران و روسيه قرارداد نفتي امضا كردند", "ar", "fa", "fa"),
        ("ايران و روسيه قرارداد نفتي امضا كردند", "ar", None, "ar"),
        ("", "ru-RU", None, "ru"),
        ("12 345 — 2018", None, "fa", "fa"),
        ("", None, None, None),
    ],
)
def test_short_texts_fall_back_on_source_then_declaration(
    text: str, declared: str | None, source: str | None, expected: str | None
) -> None:
    assert guess_language(text, declared, source) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [(RUSSIAN_BODY, "ru"), (PERSIAN_BODY, "fa"), (ENGLISH_BODY, "en")],
)
def test_long_texts_are_classified_whatever_is_declared(body: str, expected: str) -> None:
    for declared in ("en", "ru", "fa", None):
        assert guess_language(body, declared=declared, source="en") == expected


def test_persian_with_missing_or_spaced_zwnj_is_still_persian() -> None:
    assert guess_language(PERSIAN_BODY.replace("\u200c", "")) == "fa"
    assert guess_language(PERSIAN_BODY.replace("\u200c", " ")) == "fa"


def test_a_quote_does_not_change_the_language_of_the_article() -> None:
    english_with_quote = ENGLISH_BODY + "\n«" + RUSSIAN_BODY[:200] + "»\n" + ENGLISH_BODY
    russian_with_quote = RUSSIAN_BODY + "\n" + ENGLISH_BODY[:150] + "\n" + RUSSIAN_BODY
    assert guess_language(english_with_quote) == "en"
    assert guess_language(russian_with_quote) == "ru"


def test_the_dominant_language_wins_over_the_first_paragraph() -> None:
    text = ENGLISH_BODY[:170] + "\n" + "\n".join([PERSIAN_BODY] * 3)
    assert guess_language(text, declared="en") == "fa"


# --- the fetched page's language reaches the article row -----------------------------------


def job(page: str, feed_language: str | None) -> PageJob:
    now = datetime(2024, 7, 2, 12, 0, tzinfo=UTC)
    return PageJob(
        url=f"https://news.example.org/{page}",
        fetch_url=f"https://news.example.org/{page}",
        source_id="test",
        leaning="independent",
        html=(DATA / page).read_text(encoding="utf-8"),
        feed_title="",
        language=feed_language,
        discovered_at=now,
        fetched_at=now,
        run_id="run-1",
    )


@pytest.mark.parametrize(
    ("page", "feed_language", "expected"),
    [
        # An English site template (lang, og:locale, menus) around a Russian wire story.
        ("en-template-ru-wire.html", "en", "ru"),
        # A Persian article on a theme that declares lang="en-US".
        ("fa-declared-en.html", "en", "fa"),
        ("fa-declared-en.html", None, "fa"),
        # A short Persian brief typed with Arabic letters, on a page declaring lang="ar".
        ("short-fa-arabic-letters.html", "fa", "fa"),
        ("short-fa-arabic-letters.html", None, "ar"),
        # An English analysis quoting the Kremlin in Russian.
        ("mixed-en-ru-quote.html", "ru", "en"),
    ],
)
def test_process_page_stores_the_detected_language(
    page: str, feed_language: str | None, expected: str
) -> None:
    processed = process_page(job(page, feed_language), topics=[])
    record: Any = processed.record
    assert record.status == "extracted"
    assert record.language == expected
