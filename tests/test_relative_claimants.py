"""A figure told inside a relative or participial clause belongs to the name the clause
follows, not to the subject of the sentence ("X met Y, who said that ...": Y)."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


def _claimants(text: str, language: str) -> list[str | None]:
    return [c.claimant for c in extract_claims(text, language=language).claims]


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "en",
            "Javad Owji met Alexander Novak in Moscow on Tuesday. Owji later spoke with "
            "Aleksey Dedov, who said that Russia would invest $3 billion in Iranian gas fields.",
            "Alexey Dedov",
        ),
        (
            "ru",
            "Сергей Цивилев провел переговоры с министром нефти Ирана Мохсеном Пакнежадом, "
            "который после встречи заявил, что Россия поставит в Иран до 2 млрд кубометров "
            "газа в год.",
            "Mohsen Paknejad",
        ),
        (
            "ru",
            "Александр Новак встретился с послом Ирана Казем Джалали, заявившим, что "
            "поставки российского газа в Иран могут вырасти до 55 млрд кубометров в год.",
            "Kazem Jalali",
        ),
        (
            "fa",
            "جواد اوجی در دیدار با الکساندر نواک که گفت روسیه تا ۵ میلیون تن فرآورده نفتی "
            "از راه ایران صادر خواهد کرد، بر همکاری انرژی تاکید کرد.",
            "Alexander Novak",
        ),
    ],
)
def test_relative_clause_speaker_claims_the_figure(language: str, text: str, claimant: str) -> None:
    assert _claimants(text, language) == [claimant]


def test_relative_clause_that_does_not_speak_leaves_the_subject() -> None:
    text = (
        "Alexander Novak, who met Javad Owji in Tehran, said Russian companies would invest "
        "$3 billion in Iranian oil fields."
    )
    assert _claimants(text, "en") == ["Alexander Novak"]


def test_complementizer_after_a_verb_is_not_a_relative_pronoun() -> None:
    text = "محسن پاک‌نژاد گفت که روسیه سالانه تا ۲ میلیارد مترمکعب گاز به ایران صادر می‌کند."
    assert _claimants(text, "fa") == ["Mohsen Paknejad"]
