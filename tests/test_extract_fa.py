"""Persian extraction: number forms, units, qualifiers, names, saying and stances, offsets.

Every case reads a Persian sentence through the whole engine (``extract_claims``) or its
figure finder on the normalised text, as the engine itself does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.claims import extract_claims
from extractors.cues import load_cues
from extractors.figures import find_figures
from extractors.normalise import joiner_variants, load_normaliser
from flows.cli import app

CUES = load_cues("fa")
ZWNJ = "\u200c"
VELAYATI = "علی‌اکبر ولایتی، مشاور رهبر، روز جمعه در مسکو گفت"


def _figures(text: str) -> list[tuple[float, str | None, str]]:
    found = find_figures(CUES.normalise(text), CUES)
    return [(f.value, f.unit, f.qualifier) for f in found if f.unit]


def _claims(text: str) -> list[dict[str, object]]:
    return [c.to_dict() for c in extract_claims(text, language="fa").claims]


def _statements(text: str) -> list[tuple[str, str, str]]:
    found = extract_claims(text, language="fa").kremlin_statements
    return [(s.speaker, s.role, s.stance) for s in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("۴ میلیارد دلار", 4e9),
        ("٤ میلیارد دلار", 4e9),  # Arabic-Indic digit
        ("4 میلیارد دلار", 4e9),  # Latin digit in Persian text
        ("۲٫۵ میلیارد دلار", 2.5e9),  # Persian decimal separator
        ("۲/۵ میلیارد دلار", 2.5e9),  # "/" as an informal decimal point
        ("۱٬۵۰۰ میلیون دلار", 1.5e9),  # Persian thousands separator
        ("۱,۵۰۰ میلیون دلار", 1.5e9),
        ("پنجاه میلیارد دلار", 50e9),
        ("بیست و پنج میلیارد دلار", 25e9),
        (f"بیست{ZWNJ}وپنج میلیارد دلار", 25e9),  # one word, joined by a non-joiner
        (f"بیست{ZWNJ}و{ZWNJ}پنج میلیارد دلار", 25e9),
        ("یک میلیارد دلار", 1e9),
        ("نیم میلیارد دلار", 0.5e9),
        ("۲۰ هزار میلیارد ریال", 20e12),
        ("۷۴۲ میلیون دلار", 742e6),
        ("۶ میلیارد و ۲۵۰ میلیون دلار", 6.25e9),  # one number in parts, larger scale first
        ("دو و نیم میلیارد دلار", 2.5e9),  # "two and a half"
        ("۱۲ و نیم میلیارد دلار", 12.5e9),  # digits and a half: one figure, not two
        ("یک و نیم میلیارد دلار", 1.5e9),
        ("یک\u200cونیم میلیارد دلار", 1.5e9),  # the same, written as one word
        ("سه\u200cونیم میلیارد دلار", 3.5e9),
        ("یکونیم میلیارد دلار", 1.5e9),
    ],
)
def test_number_forms_and_scale_words(text: str, value: float) -> None:
    assert [f[:2] for f in _figures(text)] == [
        (pytest.approx(value), "USD" if "دلار" in text else "IRR")
    ]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("۴ میلیارد دلاری", "USD", 4e9),
        ("۱٫۲ میلیارد یورو", "EUR", 1.2e9),
        ("۲ تریلیون روبل", "RUB", 2e12),
        ("۵۰۰ میلیارد ریال", "IRR", 500e9),
        ("۵۰ میلیارد تومان", "IRR", 500e9),  # a toman is ten rials
        ("$۴ میلیارد", "USD", 4e9),
    ],
)
def test_currencies(text: str, unit: str, value: float) -> None:
    assert _figures(text)[0][:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("۳۶ درصد", "%", 36),
        ("۳۶٪", "%", 36),
        ("٪۳۶", "%", 36),
        ("۵۵ میلیارد متر مکعب", "bcm", 55),
        ("۵۵ میلیارد مترمکعب", "bcm", 55),
        ("۶ میلیون متر مکعب", "bcm", 0.006),
        ("۵۰۰ هزار بشکه در روز", "bbl/d", 500_000),
        ("روزانه ۵۰۰ هزار بشکه", "bbl/d", 500_000),
        ("۵ میلیون تن", "t", 5_000_000),
        ("۱۲ میلیارد و ۴۰۰ میلیون متر مکعب", "bcm", 12.4),
        ("۱ میلیون و ۸۰ هزار بشکه در روز", "bbl/d", 1_080_000),
    ],
)
def test_percentages_and_volumes(text: str, unit: str, value: float) -> None:
    assert _figures(text)[0][:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("تا ۱۰ میلیارد دلار", "up_to"),
        ("حداکثر ۱۰ میلیارد دلار", "up_to"),
        ("به ۱۰ میلیارد دلار خواهد رسید", "up_to"),
        ("بیش از ۱۰ میلیارد دلار", "at_least"),
        ("دست‌کم ۱۰ میلیارد دلار", "at_least"),
        ("دستکم ۱۰ میلیارد دلار", "at_least"),
        ("دست کم ۱۰ میلیارد دلار", "at_least"),
        ("از مرز ۱۰ میلیارد دلار گذشت", "at_least"),  # "passed the mark of"
        ("از ۱۰ میلیارد دلار گذشته است", "at_least"),  # "has passed", the verb after it
        ("حداقل ۱۰ میلیارد دلار", "at_least"),
        ("کمتر از ۱۰ میلیارد دلار", "up_to"),
        ("نه کمتر از ۱۰ میلیارد دلار", "at_least"),
        ("کمی کمتر از ۱۰ میلیارد دلار", "about"),
        ("حدود ۱۰ میلیارد دلار", "about"),
        ("نزدیک به ۱۰ میلیارد دلار", "about"),
        ("قریب به ۱۰ میلیارد دلار", "about"),
        ("به ارزش ۱۰ میلیارد دلار", "exact"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert _figures(text)[0][2] == qualifier


@pytest.mark.parametrize("text", ["۴۰ تا ۵۰ میلیارد دلار", "بین ۴۰ تا ۵۰ میلیارد دلار"])
def test_ranges_joined_by_ta(text: str) -> None:
    (fig,) = [f for f in find_figures(CUES.normalise(text), CUES) if f.unit]
    assert (fig.value, fig.value_high, fig.qualifier) == (40e9, 50e9, "range")


def test_a_compound_is_one_figure_and_equal_scales_stay_a_range() -> None:
    compound = _figures("صادرات به ۱ میلیارد و ۹۰۰ میلیون دلار رسید")
    assert [v for v, _, _ in compound] == [pytest.approx(1.9e9)]
    (fig,) = [f for f in find_figures(CUES.normalise("بین ۲ میلیارد و ۳ میلیارد دلار"), CUES)]
    assert (fig.value, fig.value_high, fig.qualifier) == (2e9, 3e9, "range")


def test_joiner_variants_cover_three_spellings() -> None:
    assert joiner_variants(f"می{ZWNJ}گوید") == ["می\u0640گوید", "می گوید", "میگوید"]


@pytest.mark.parametrize("verb", ["می‌گوید", "میگوید", "می گوید"])
def test_a_verb_of_saying_with_or_without_its_non_joiner(verb: str) -> None:
    text = (
        f"ولایتی {verb} یک شرکت روسی قراردادی به ارزش ۴ میلیارد دلار با وزارت نفت ایران "
        "امضا کرده است."
    )
    (claim,) = _claims(text)
    assert (claim["claimant"], claim["kind"]) == ("Ali Akbar Velayati", "contract_signed")


@pytest.mark.parametrize(
    "frame",
    [
        "ولایتی گفت",
        "ولایتی اعلام کرد",
        "ولایتی تأکید کرد",
        "ولایتی تاکید کرد",
        "ولایتي اظهار داشت",  # an Arabic yeh in the name
        "ولایتی خاطرنشان کرد",
        "به گفته ولایتی،",
        "به نقل از ولایتی،",
        "ولایتی مدعی است",  # "claims", a predicate adjective, not a verb of saying
        "ولایتی مدعی بود",
        # the present that analyses narrate in, and compound verbs in each form
        "ولایتی می‌افزاید",
        "ولایتی تأکید می‌کند",
        "ولایتی توضیح می‌دهد",
        "ولایتی اضافه کرد",
        "ولایتی هشدار داده است",
        "ولایتی معتقد است",
    ],
)
def test_verbs_and_frames_of_saying(frame: str) -> None:
    text = f"{frame} روسیه آماده است تا ۵۰ میلیارد دلار در صنعت نفت ایران سرمایه‌گذاری کند."
    (claim,) = _claims(text)
    assert claim["claimant"] == "Ali Akbar Velayati"
    assert (claim["kind"], claim["qualifier"]) == ("investment_pledge", "up_to")


def test_the_verb_after_the_figure_gives_the_kind() -> None:
    text = f"{VELAYATI} یک شرکت نفتی روسی قراردادی به ارزش ۴ میلیارد دلار با ایران امضا کرد."
    assert _claims(text)[0]["kind"] == "contract_signed"


def test_nested_attribution() -> None:
    nested = "پوتین تأکید کرد که روسیه آماده سرمایه‌گذاری ۵۰ میلیارد دلاری در نفت ایران است."
    text = f"{VELAYATI} {nested}"
    (claim,) = _claims(text)
    assert (claim["claimant"], claim["attributed_to"]) == ("Ali Akbar Velayati", "Vladimir Putin")


@pytest.mark.parametrize(
    "speaker",
    ["پسکوف", "دیمیتری پسکوف", "پسکوف،", "سخنگوی کرملین", "سخنگوی کرملین دیمیتری پسکوف"],
)
def test_name_forms_of_the_kremlin_spokesman(speaker: str) -> None:
    text = (
        "ولایتی گفت روسیه ۵۰ میلیارد دلار در نفت ایران سرمایه‌گذاری می‌کند.\n\n"
        f"{speaker} روز دوشنبه گفت نمی‌تواند این ارقام را تایید کند."
    )
    assert _statements(text) == [("Dmitry Peskov", "kremlin_spokesman", "cannot_confirm")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # an interview answer tagged with the speaker's name and a colon
        (
            "پرسش: رقم قرارداد؟\n\n"
            "جلالی: شرکت‌های روسی برای میدان‌های نفتی ایران قراردادی ۳ میلیارد دلاری امضا کرده‌اند.",
            "Kazem Jalali",
        ),
        (
            "محمد اسلامی: روس‌اتم قراردادی به ارزش ۶ میلیارد دلار برای نیروگاه با ایران امضا کرد.",
            "Mohammad Eslami",
        ),
        # a data source: "according to customs statistics"
        (
            "بر اساس آمار گمرک، تجارت ایران و روسیه ۴ میلیارد دلار بود.",
            "Iran Customs Administration",
        ),
        (
            "بر پایه داده‌های گمرک، تجارت ایران و روسیه ۴ میلیارد دلار بود.",
            "Iran Customs Administration",
        ),
        # Russia's customs, not Iran's
        (
            "بر اساس آمار گمرک روسیه، تجارت ایران و روسیه ۴ میلیارد دلار بود.",
            "Federal Customs Service",
        ),
        # a Russian official by the Persian spelling of his name, not by his title's holder
        (
            "الکسی اورچوک، معاون نخست‌وزیر روسیه، گفت تجارت ایران و روسیه ۴ میلیارد دلار بود.",
            "Alexei Overchuk",
        ),
    ],
)
def test_speaker_tags_and_data_sources_are_claimants(text: str, claimant: str) -> None:
    assert [c["claimant"] for c in _claims(text)] == [claimant]


def test_a_name_inside_the_paragraph_is_not_a_tag() -> None:
    text = "روسیه و ایران قراردادی نفتی به ارزش ۶ میلیارد دلار امضا کردند؛ جلالی: بزرگ‌ترین قرارداد."
    assert [c["claimant"] for c in _claims(text)] == [None]


def test_a_name_with_an_object_marker_is_not_the_subject() -> None:
    text = "ولایتی پوتین را در مسکو دید و گفت روسیه ۱۰ میلیارد دلار در نفت ایران سرمایه‌گذاری می‌کند."
    assert _claims(text)[0]["claimant"] == "Ali Akbar Velayati"


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        # "during Putin's trip to Tehran": the trip owns the name
        (
            "تیرماه ۱۴۰۱، هم‌زمان با سفر ولادیمیر پوتین به تهران، تفاهم‌نامه شرکت ملی نفت "
            "ایران با گازپروم امضا شد و شرکت ملی نفت ارزش آن را ۴۰ میلیارد دلار اعلام کرد.",
            "Vladimir Putin",
        ),
        # "after Lavrov's meeting with ...": the meeting owns it
        (
            "پس از دیدار لاوروف با همتای ایرانی، ایران و روسیه قراردادی به ارزش ۴۰ میلیارد "
            "دلار امضا کردند و وزارت نفت ارزش آن را اعلام کرد.",
            "Sergei Lavrov",
        ),
    ],
)
def test_a_name_a_noun_owns_is_not_the_subject(text: str, owned: str) -> None:
    (claim,) = _claims(text)
    assert claim["claimant"] != owned
    assert _statements(text) == []


def test_ezafe_owner_is_not_the_holder_of_the_role() -> None:
    text = (
        "ولایتی روز جمعه به مسکو رفت.\n\n"
        "مشاور خامنه‌ای گفت روسیه ۵۰ میلیارد دلار در نفت ایران سرمایه‌گذاری می‌کند."
    )
    assert _claims(text)[0]["claimant"] == "Ali Akbar Velayati"


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("پسکوف گفت نمی‌تواند ارقام ولایتی را تایید کند.", "cannot_confirm"),
        ("پسکوف گفت کرملین از این قرارداد اطلاعی ندارد.", "cannot_confirm"),
        ("پسکوف قادر به تأیید این ارقام نیست.", "cannot_confirm"),
        ("پسکوف درباره این قرارداد از اظهار نظر خودداری کرد.", "no_comment"),
        ("پسکوف این قرارداد را تکذیب کرد.", "deny"),
        ("پسکوف ادعای ولایتی درباره این قرارداد را رد کرد.", "deny"),
        ("پسکوف امضای این قرارداد را تایید کرد.", "confirm"),
        ("پسکوف امضای این قرارداد را تأیید کرد.", "confirm"),
        ("پسکوف درباره این قرارداد گفت اطلاعاتی در این باره در اختیار نداریم.", "cannot_confirm"),
        ("پسکوف گفت درباره ارزش این قرارداد چیزی نمی‌گویم.", "no_comment"),
        ("پسکوف درباره ارزش قرارداد گفت پاسخ این پرسش را باید از گازپروم گرفت.", "no_comment"),
        # a relative clause with its own verb of saying ("the figure Velayati had announced")
        # before the speaker's verb: the subject before it stays the subject
        (
            "پسکوف درباره رقمی که ولایتی اعلام کرده بود گفت نمی‌تواند این رقم را تایید کند.",
            "cannot_confirm",
        ),
        # "does not comment" and "has no explanation", in the present
        ("پسکوف گفت کرملین درباره ارزش این قرارداد اظهارنظر نمی‌کند.", "no_comment"),
        ("پسکوف درباره ارزش این قرارداد گفت کرملین «در حال حاضر توضیحی ندارد».", "no_comment"),
        # "has no knowledge of", without the indefinite ending; "we do not announce / disclose"
        ("پسکوف گفت از رقم این قرارداد اطلاع ندارد.", "cannot_confirm"),
        ("پسکوف گفت: «ما جزئیات قراردادهای تجاری را اعلام نمی‌کنیم.»", "no_comment"),
        ("پسکوف گفت کرملین ارزش این قرارداد را فاش نمی‌کند.", "no_comment"),
        # "we have / make no comment", "ask the companies", and "no knowledge" split by a quote
        ("پسکوف درباره ارزش این قرارداد گفت: «اظهار نظری نداریم.»", "no_comment"),
        ("پسکوف درباره ارزش این قرارداد گفت: «در حال حاضر اظهارنظری نمی‌کنیم.»", "no_comment"),
        ("پسکوف گفت جزئیات این قرارداد را «باید از شرکت‌ها پرسید».", "no_comment"),
        ("پسکوف گفت «اطلاعی از چنین رقم مشخصی» درباره این قرارداد ندارد.", "cannot_confirm"),
        # "ask the companies themselves", "too early to talk", "cannot give a date"
        ("پسکوف گفت درباره ارقام این قرارداد «از خود شرکت‌ها بپرسید».", "no_comment"),
        ("پسکوف گفت جزئیات مالی این قرارداد را باید از روس‌اتم پرسید.", "no_comment"),
        ("پسکوف گفت: «درباره ارزش این قرارداد هنوز زود است صحبت کنیم.»", "no_comment"),
        ("پسکوف درباره این قرارداد گفت: «نمی‌توانم تاریخ مشخصی اعلام کنم.»", "cannot_confirm"),
        # "goes ahead on schedule", "no contract will be signed", "called it fabricated"
        ("پسکوف گفت اجرای این قرارداد «طبق برنامه» پیش می‌رود.", "confirm"),
        ("پسکوف گفت در این سفر قرارداد نفتی امضا نمی‌شود.", "deny"),
        ("پسکوف گزارش‌ها درباره این قرارداد را ساختگی خواند.", "deny"),
        # "nothing to add to what our colleagues at Rosatom announced"
        (
            "پسکوف درباره این قرارداد گفت: «چیزی به آنچه همکاران ما در روس‌اتم اعلام "
            "کرده‌اند اضافه نمی‌کنم.»",
            "no_comment",
        ),
    ],
)
def test_stance_phrases(sentence: str, stance: str) -> None:
    text = f"ولایتی گفت روسیه با ایران قرارداد نفتی امضا کرده است.\n\n{sentence}"
    assert _statements(text) == [("Dmitry Peskov", "kremlin_spokesman", stance)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("اوشاکوف گفت امضای قرارداد گازی با ایران قطعی است.", "Yuri Ushakov"),  # "is certain"
        ("پوتین گفت تهران و مسکو درباره قرارداد گاز به توافق رسیده‌اند.", "Vladimir Putin"),
        # "the talks are in their final stage"
        ("اوشاکوف گفت مذاکرات قرارداد گاز با ایران در مرحله پایانی است.", "Yuri Ushakov"),
    ],
)
def test_confirmations_in_other_words(sentence: str, speaker: str) -> None:
    text = f"ولایتی گفت روسیه با ایران قرارداد نفتی امضا کرده است.\n\n{sentence}"
    assert [(s, st) for s, _, st in _statements(text)] == [(speaker, "confirm")]


@pytest.mark.parametrize(
    "note",
    [
        "کرملین این ارقام را تاکنون تایید نکرده است.",
        # silence: "did not answer (the paper's) questions" is nobody's stance
        "کرملین به پرسش‌های روزنامه درباره این ارقام پاسخی نداد.",
        # "never commented on": the writer's note, with words between "never" and the verb
        "کرملین در این سال‌ها هرگز درباره جزئیات مالی این طرح اظهارنظر نکرد.",
    ],
)
def test_a_writers_note_is_not_a_statement(note: str) -> None:
    text = f"ولایتی گفت روسیه ۵۰ میلیارد دلار در نفت ایران سرمایه‌گذاری می‌کند.\n\n{note}"
    assert _statements(text) == []


def test_the_agency_told_is_not_the_speaker() -> None:
    """ "به خبرگزاری ریانووستی گفت" (told RIA Novosti): the agency is told; the unnamed source
    that speaks to it, in the Russian Energy Ministry, takes the stance."""
    text = (
        "جواد اوجی گفت ایران با شرکت‌های روسی قراردادهایی به ارزش ۴ میلیارد دلار امضا کرده است."
        "\n\nیک منبع در وزارت انرژی روسیه به خبرگزاری ریانووستی گفت از جزئیات این قراردادها "
        "اطلاعی ندارد."
    )
    assert _statements(text) == [
        ("یک منبع در وزارت انرژی روسیه", "russian_official", "cannot_confirm")
    ]


def test_a_denied_figure_is_kept_with_its_modality() -> None:
    text = "یک مقام وزارت نفت امضای قرارداد ۴ میلیارد دلاری با یک شرکت نفتی روسیه را تکذیب کرد."
    (claim,) = _claims(text)
    assert (claim["value"], claim["modality"]) == (4_000_000_000, "denied")


def test_a_hypothetical_figure_is_kept_with_its_modality() -> None:
    text = (
        "ولایتی گفت اگر شرکت‌های اروپایی ایران را ترک کنند، سرمایه‌گذاری روسیه در نفت ایران "
        "می‌تواند به ۵۰ میلیارد دلار برسد."
    )
    (claim,) = _claims(text)
    assert (claim["value"], claim["modality"]) == (50_000_000_000, "hypothetical")


def test_offsets_point_into_the_original_text() -> None:
    text = "ولايتي گفت شركت روسی قراردادی به ارزش ٤٫٥ ميليارد دلار با وزارت نفت ايران امضا كرد."
    (claim,) = _claims(text)
    start, end = claim["start"], claim["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert text[start:end] == claim["text"] == "٤٫٥ ميليارد دلار"
    assert claim["value"] == 4_500_000_000
    assert claim["sentence"] == text


def test_dates_and_casualties_are_not_claims() -> None:
    text = (
        "در انفجار روز ۱۳ دی ۱۴۰۲ دست‌کم ۹۵ نفر کشته شدند و پوتین در پیامی به رئیس‌جمهور ایران "
        "آن را محکوم کرد."
    )
    result = extract_claims(text, language="fa")
    assert result.claims == []
    assert {o.why for o in result.other_figures} >= {"date", "casualty count"}


def test_a_third_country_deal_is_not_a_claim() -> None:
    text = (
        "گازپروم و شرکت ملی نفت چین قراردادی ۳۰ ساله به ارزش ۴۰۰ میلیارد دلار برای صادرات "
        "گاز روسیه به چین امضا کردند. ایران نیز خواهان گاز بیشتر است."
    )
    assert _claims(text) == []


def test_cli_extract_prints_the_contract_for_a_persian_file(tmp_path: Path) -> None:
    page = tmp_path / "khabar.txt"
    text = f"{VELAYATI} یک شرکت روسی قراردادی به ارزش ۴ میلیارد دلار با وزارت نفت ایران امضا کرد."
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["language"] == "fa"
    (claim,) = data["claims"]
    assert (claim["value"], claim["unit"], claim["kind"]) == (4e9, "USD", "contract_signed")
    assert claim["claimant"] == "Ali Akbar Velayati"
    assert text[claim["start"] : claim["end"]] == "۴ میلیارد دلار"


def test_a_writers_never_confirmed_with_the_object_between_is_no_statement() -> None:
    """'هرگز ... را تایید نکرد': the adverb of absence stands before the object, the negated
    verb after it; the writer notes that the Kremlin never spoke."""
    body = (
        "ایران و روسیه درباره همکاری نفتی گفت‌وگو کردند.\n\n"
        "کرملین هرگز قرارداد ۴ میلیارد دلاری با وزارت نفت ایران را تایید نکرد."
    )
    assert _statements(body) == []
    assert [(c["value"], c["claimant"]) for c in _claims(body)] == [(4_000_000_000, None)]


@pytest.mark.parametrize("joint", [" که", "، که"])
def test_a_denial_governs_its_ke_clause(joint: str) -> None:
    body = (
        "ایران و روسیه درباره پروژه‌های نفتی گفت‌وگو می‌کنند. "
        f"پسکوف تکذیب کرد{joint} مسکو قرارداد ۴ میلیارد دلاری با ایران امضا کرده است."
    )
    (claim,) = _claims(body)
    assert (claim["value"], claim["modality"]) == (4_000_000_000, "denied")
    assert _statements(body) == [("Dmitry Peskov", "kremlin_spokesman", "deny")]


@pytest.mark.parametrize(
    ("meeting", "speaker"),
    [
        ("پوتین روز جمعه ولایتی را پذیرفت.", "Vladimir Putin"),
        ("ولایتی روز جمعه با پوتین دیدار کرد.", "Ali Akbar Velayati"),
    ],
)
@pytest.mark.parametrize("frame", ["وی گفت", "او گفت", "به گفته او،", "به گفته وی،"])
def test_a_pronoun_without_gender_takes_the_last_salient_person(
    meeting: str, speaker: str, frame: str
) -> None:
    """Persian pronouns (او، وی) have no gender: they take the sentence's subject, not the
    person named last (the object, or the one after 'با')."""
    body = (
        "ایران و روسیه درباره پروژه‌های نفتی گفت‌وگو می‌کنند.\n\n"
        f"{meeting} {frame} شرکت‌های روسی ۵۰ میلیارد دلار در بخش نفت و گاز ایران "
        "سرمایه‌گذاری خواهند کرد."
    )
    assert [(c["value"], c["claimant"]) for c in _claims(body)] == [(50_000_000_000, speaker)]


LEAD_FA = "ایران و روسیه درباره پروژه‌های نفتی گفت‌وگو می‌کنند.\n\n"


@pytest.mark.parametrize("dialogue", ["گفت و گو", "گفت وگو", f"گفت{ZWNJ}وگو", "گفتگو"])
def test_dialogue_is_not_the_verb_said(dialogue: str) -> None:
    """'گفت و گو' (a dialogue) opens with the letters of 'گفت' (said): Novak talks with
    Paknejad here, he says nothing, so the figure has no claimant."""
    body = (
        f"{LEAD_FA}نواک در {dialogue} با پاکنژاد قرارداد ۴ میلیارد دلاری برای توسعه "
        "میدان نفتی را امضا کرد."
    )
    assert [(c["value"], c["claimant"]) for c in _claims(body)] == [(4_000_000_000, None)]
    assert CUES.normalise(body).count("ـ") >= 1
    assert len(CUES.normalise(body)) == len(body)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("شرکت‌های روسی در سال ۱۳۹۷ قراردادی به ارزش ۴ میلیارد دلار", "2018-03/2019-03"),
        ("شرکت‌های روسی در ۱۴۰۳ قراردادی به ارزش ۴ میلیارد دلار", "2024-03/2025-03"),
        ("شرکت‌های روسی در سال ۲۰۱۸ قراردادی به ارزش ۴ میلیارد دلار", "2018"),
    ],
)
def test_a_solar_hijri_year_is_a_date_and_its_gregorian_months_the_period(
    sentence: str, period: str
) -> None:
    body = f"{LEAD_FA}{sentence} با شرکت ملی نفت ایران امضا کردند."
    result = extract_claims(body, language="fa")
    (claim,) = result.claims
    assert (claim.value, claim.period) == (4e9, period)
    assert [o.why for o in result.other_figures] == ["year"]


def test_a_solar_hijri_date_is_no_figure() -> None:
    body = f"{LEAD_FA}در تاریخ ۱۳۹۷/۰۴/۲۲ شرکت‌های روسی قراردادی به ارزش ۴ میلیارد دلار امضا کردند."
    result = extract_claims(body, language="fa")
    assert [c.value for c in result.claims] == [4e9]
    assert [(o.text, o.why) for o in result.other_figures] == [("۱۳۹۷/۰۴/۲۲", "date")]


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("۱/۳ میلیارد دلار", "1.3 میلیارد دلار"),
        ("۲/۵ درصد", "2.5 درصد"),
        ("۱/۳ آن سهم شرکت روسی است", "1/3 آن سهم شرکت روسی است"),  # a third
        ("سال ۹۷/۹۸", "سال 97/98"),  # two years
        ("۱۳۹۷/۰۴/۲۲", "1397/04/22"),  # a date
    ],
)
def test_a_slash_is_a_decimal_point_only_in_a_figure(text: str, normalised: str) -> None:
    assert CUES.normalise(text) == normalised


def test_a_normaliser_replaces_each_character_once() -> None:
    """Characters are replaced one after another (faster than ``str.translate``), which
    equals one simultaneous pass only if no replacement is itself replaced."""
    with pytest.raises(ValueError, match="replacement"):
        load_normaliser({"chars": {"ي": "ی", "ی": "y"}})


@pytest.mark.parametrize(
    "change",
    ["از ۲ میلیارد دلار به ۴ میلیارد دلار افزایش یافت", "از ۲ به ۴ میلیارد دلار افزایش یافت"],
)
def test_from_x_to_y_with_the_verb_after_supersedes_x(change: str) -> None:
    """'از X به Y افزایش یافت' is English 'rose from X to Y': Y is the claim, X the old level
    (not a range, and 'به' is 'to' the new level, not a ceiling)."""
    body = f"{LEAD_FA}زنگنه گفت حجم تجارت ایران و روسیه {change}."
    result = extract_claims(body, language="fa")
    assert [(c.value, c.qualifier, c.kind) for c in result.claims] == [
        (4e9, "exact", "trade_volume")
    ]
    assert [(o.value, o.why) for o in result.other_figures] == [(2e9, "earlier value")]


def test_from_x_to_y_without_a_change_verb_is_a_range() -> None:
    assert _figures("از ۲ تا ۴ میلیارد دلار") == [(2e9, "USD", "range")]


@pytest.mark.parametrize(
    ("company", "parties"),
    [
        ("دو شرکت نفتی روسی", ["دو شرکت نفتی روسی"]),
        (f"شرکت{ZWNJ}های بزرگ روسی", [f"شرکت{ZWNJ}های بزرگ روسی"]),
        ("شرکت‌های روسی با شرکت ملی نفت ایران", ["شرکت‌های روسی", "National Iranian Oil Company"]),
    ],
)
def test_parties_in_persian_word_order(company: str, parties: list[str]) -> None:
    """The head noun comes first and the nationality adjective after it; the party is quoted
    as the original writes it (with its non-joiner)."""
    body = f"{LEAD_FA}ولایتی گفت {company} قراردادی به ارزش ۴ میلیارد دلار امضا کردند."
    (claim,) = _claims(body)
    assert claim["parties"] == parties


def test_a_persian_stance_about_this_points_back_to_the_claim() -> None:
    text = (
        "ولایتی گفت روسیه ۵۰ میلیارد دلار در بخش نفت و گاز ایران سرمایه‌گذاری می‌کند.\n\n"
        "دیمیتری پسکوف، سخنگوی کرملین، گفت: «اطلاعاتی در این باره در اختیار نداریم.»"
    )
    (statement,) = extract_claims(text, language="fa").kremlin_statements
    assert (statement.speaker, statement.stance, statement.about_claimant) == (
        "Dmitry Peskov",
        "cannot_confirm",
        "Ali Akbar Velayati",
    )


def test_the_country_in_iranian_media_is_iran() -> None:
    """The phrases "وارد کشور" (into the country) and "کشورمان" (our country) mean Iran,
    so Russian gas entering the country is a supply between the two sides."""
    text = (
        "وزیر نفت گفت قرارداد خرید گاز از روسیه در مراحل پایانی است.\n\n"
        "به گفته وزیر نفت، سالانه تا ۲ میلیارد مترمکعب گاز روسیه وارد کشور می‌شود."
    )
    claims = extract_claims(text, language="fa").claims
    assert [(c.value, c.unit, c.qualifier) for c in claims] == [(2.0, "bcm", "up_to")]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("صادرات نفت به ۲ میلیارد دلار رسید", "exact"),
        ("ارزش قرارداد به ۲ میلیارد دلار رسیده است", "exact"),
        ("ارزش قرارداد به ۲ میلیارد دلار خواهد رسید", "up_to"),
        ("ارزش قرارداد می‌تواند به ۲ میلیارد دلار برسد", "up_to"),
        ("ارزش قرارداد به حدود ۲ میلیارد دلار رسید", "about"),
    ],
)
def test_reached_past_is_the_level_and_reaching_ahead_a_ceiling(text: str, qualifier: str) -> None:
    figures = [f for f in find_figures(text, load_cues("fa")) if f.unit]
    assert [f.qualifier for f in figures] == [qualifier]


@pytest.mark.parametrize(
    ("speaker", "claimant"),
    [
        ("به گفته معاون وزیر اقتصاد", "معاون وزیر اقتصاد"),
        ("به گفته وزیر امور اقتصادی و دارایی ایران", "وزیر امور اقتصادی و دارایی ایران"),
        ("به گفته وزیر نیرو", "وزیر نیرو"),
    ],
)
def test_a_ministers_portfolio_belongs_to_the_role_phrase(speaker: str, claimant: str) -> None:
    text = f"{speaker}، مبادلات تجاری ایران و روسیه امسال از ۵ میلیارد دلار فراتر رفت."
    assert [c["claimant"] for c in _claims(text)] == [claimant]


@pytest.mark.parametrize(
    "denial",
    [
        "دیمیتری پسکوف، سخنگوی کرملین، گفت گزارش‌ها درباره تعهد ولایتی صحت ندارد.",
        "پسکوف گفت ادعای ولایتی درباره این سرمایه‌گذاری با واقعیت مطابقت ندارد.",
    ],
)
def test_an_impersonal_denial_is_the_speakers(denial: str) -> None:
    claim = "علی‌اکبر ولایتی گفت روسیه ۵۰ میلیارد دلار در صنعت نفت ایران سرمایه‌گذاری می‌کند. "
    assert _statements(claim + denial) == [("Dmitry Peskov", "kremlin_spokesman", "deny")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the clause که opens holds its own subject: the verb is Sechin's
        (
            "روسیه و ایران درباره نفت مذاکره کردند. دو شرکت نقشه راهی امضا کردند که ایگور "
            "سچین، مدیرعامل روس‌نفت، ارزش آن را تا ۳۰ میلیارد دلار برآورد کرده بود.",
            "Igor Sechin",
        ),
        # the relative clause closes before the verb: the verb is Velayati's
        (
            "روسیه و ایران درباره نفت مذاکره کردند. علی‌اکبر ولایتی که با پوتین دیدار کرد، گفت "
            "روسیه ۵۰ میلیارد دلار در صنعت نفت ایران سرمایه‌گذاری می‌کند.",
            "Ali Akbar Velayati",
        ),
    ],
)
def test_the_subject_of_a_verb_after_ke(text: str, claimant: str) -> None:
    assert [c["claimant"] for c in _claims(text)] == [claimant]


def test_a_signed_document_is_a_statements_topic() -> None:
    text = (
        "روسیه و ایران قراردادی به ارزش ۲۵ میلیارد دلار برای ساخت نیروگاه امضا کردند.\n\n"
        "الکسی لیخاچف، رئیس روس‌اتم، امضای این سند را تأیید کرد."
    )
    assert _statements(text) == [("Alexey Likhachev", "russian_official", "confirm")]


def test_a_role_that_introduces_a_name_between_commas_is_that_person() -> None:
    text = (
        "روسیه و ایران قراردادی به ارزش ۲۵ میلیارد دلار برای ساخت نیروگاه امضا کردند.\n\n"
        "مدیرعامل روس‌اتم، الکسی لیخاچف، امضای این سند را تأیید کرد."
    )
    assert _statements(text) == [("Alexey Likhachev", "russian_official", "confirm")]


def test_a_figure_in_a_relative_clause_is_its_sayers_and_cannot_reaches_over_it() -> None:
    # "the Kremlin said it cannot confirm the figure Velayati raised about $50 billion"
    text = (
        "کرملین اعلام کرد نمی‌تواند رقمی را که ولایتی درباره سرمایه‌گذاری ۵۰ میلیارد دلاری "
        "روسیه در نفت ایران مطرح کرده، تأیید کند."
    )
    (claim,) = _claims(text)
    assert claim["claimant"] == "Ali Akbar Velayati"
    assert [stance for _, _, stance in _statements(text)] == ["cannot_confirm"]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        # "some experts say": a group speaks, not the person named before it
        (
            "برخی کارشناسان می‌گویند ارزش این همکاری ممکن است از ۳۰ میلیارد دلار فراتر برود.",
            "برخی کارشناسان",
        ),
        # "according to Russian officials" ("روس", Russian, as a word of its own)
        ("به گفته مقام‌های روس، حجم تجارت دو کشور حدود ۴.۹ میلیارد دلار بود.", "مقام‌های روس"),
    ],
)
def test_groups_of_people_claim(sentence: str, claimant: str) -> None:
    text = f"علی‌اکبر صالحی گفت ایران و روسیه ساخت نیروگاه اتمی بوشهر را ادامه می‌دهند. {sentence}"
    assert [c["claimant"] for c in _claims(text)] == [claimant]


def test_a_supply_figure_goes_on_after_an_according_to_that_names_a_russian() -> None:
    # the speaker in "به گفته تسیویلف" (according to Tsivilev) is no side of the supplies
    text = (
        "مذاکرات بر سر قیمت گاز صادراتی روسیه به ایران رو به پایان است.\n\n"
        "به گفته تسیویلیف، صادرات تا ۲ میلیارد مترمکعب در سال از مسیر آذربایجان انجام می‌شود."
    )
    assert [(c["value"], c["claimant"]) for c in _claims(text)] == [(2, "Sergei Tsivilev")]


def test_a_reaction_owns_the_name_after_it() -> None:
    # "the Kremlin's reaction was cautious: Peskov said he had no information"
    text = (
        "ولایتی از سرمایه‌گذاری ۵۰ میلیارد دلاری روسیه در نفت ایران خبر داد. واکنش کرملین "
        "محتاطانه بود: دیمیتری پسکوف، سخنگوی کرملین، گفت از جزئیات این رقم اطلاعی ندارد."
    )
    assert _statements(text) == [("Dmitry Peskov", "kremlin_spokesman", "cannot_confirm")]


@pytest.mark.parametrize(
    "source",
    [
        "یک منبع در وزارت انرژی روسیه",  # "a source in the Russian Energy Ministry"
        "یک مقام وزارت انرژی روسیه",  # "an official of ...", owned by the unwritten ezafe
    ],
)
def test_an_unnamed_source_speaks_from_its_ministry(source: str) -> None:
    text = (
        "ولایتی از سرمایه‌گذاری ۵۰ میلیارد دلاری روسیه در نفت ایران خبر داد. "
        f"{source} گفت از جزئیات این قراردادها اطلاعی ندارد."
    )
    assert _statements(text) == [(source, "russian_official", "cannot_confirm")]


def test_an_interview_answer_with_no_subject_is_the_guests_stance() -> None:
    text = (
        "الکسی ددوف سفیر روسیه در تهران است. او در گفت‌وگو با ما به پرسش‌هایی درباره "
        "تفاهم‌نامه گازپروم پاسخ داد.\n\n"
        "آقای سفیر، تجارت دو کشور در سال ۲۰۲۳ چگونه بود؟\n\n"
        "سال آسانی نبود. حجم مبادلات حدود ۴ میلیارد دلار بود.\n\n"
        "مقام‌های ایرانی ارزش تفاهم‌نامه گازپروم و شرکت ملی نفت ایران را ۴۰ میلیارد دلار "
        "اعلام کرده‌اند. شما این رقم را تأیید می‌کنید؟\n\n"
        "من نمی‌توانم رقم مشخصی را تأیید کنم. این یک موضوع تجاری است."
    )
    assert [(s, st) for s, _, st in _statements(text)] == [("Alexey Dedov", "cannot_confirm")]


def test_a_name_after_along_with_in_a_relative_clause_is_no_subject() -> None:
    """ "همراه" (along with) governs the name after it, like a preposition."""
    text = (
        "جواد اوجی، وزیر نفت که در سفر مسکو همراه ابراهیم رئیسی بود، گفت حجم خرید سالانه "
        "نفت ایران توسط روسیه تا ۵ میلیون تن خواهد بود."
    )
    assert [(c["value"], c["claimant"]) for c in _claims(text)] == [(5e6, "Javad Owji")]


def test_a_share_more_than_the_year_before_is_trade_growth() -> None:
    text = (
        "وزیر اقتصاد روسیه گفت تجارت ایران و روسیه سال گذشته به ۵ میلیارد دلار رسید که "
        "حدود ۱۵ درصد بیشتر از سال قبل بود."
    )
    assert [(c["value"], c["kind"]) for c in _claims(text)] == [
        (5e9, "trade_volume"),
        (15, "trade_growth"),
    ]


def test_this_company_is_the_company_named_before() -> None:
    text = (
        "ایران اعلام کرد گازپروم ۴۰ میلیارد دلار در میدان‌های گازی ایران سرمایه‌گذاری می‌کند.\n\n"
        "سخنگوی این شرکت درباره این رقم از اظهار نظر خودداری کرد."
    )
    assert _statements(text) == [("Gazprom", "other", "no_comment")]


def test_an_answer_tagged_with_its_speakers_name_is_his() -> None:
    """The introduction names the reporter last ("سارا نوری ... با او گفت‌وگو کرد"); each
    answer opens with the guest's name and a colon."""
    text = (
        "مصاحبه ماهنامه صنعت با کاظم جلالی، سفیر ایران در روسیه\n\n"
        "سارا نوری، خبرنگار ما، هفته گذشته در مسکو با او گفت‌وگو کرد.\n\n"
        "صنعت: حجم تجارت دو کشور در سال گذشته چقدر بود؟\n\n"
        "جلالی: تجارت ایران و روسیه به حدود ۴ میلیارد دلار رسید.\n\n"
        "صنعت: و قراردادهای نفتی؟\n\n"
        "جلالی: شرکت‌های روسی قراردادهایی به ارزش ۲ میلیارد دلار با شرکت ملی نفت ایران امضا کرده‌اند."
    )
    assert [(c["value"], c["claimant"]) for c in _claims(text)] == [
        (4e9, "Kazem Jalali"),
        (2e9, "Kazem Jalali"),
    ]


INTRO = "جواد اوجی، وزیر نفت ایران، روز دوشنبه در تهران با مدیران شرکت‌های روسی دیدار کرد.\n\n"


def test_a_quotation_closed_by_the_verb_of_its_clause_is_the_subjects() -> None:
    """Verb-final: the subject opens the clause, the quotation sits before the verb."""
    text = INTRO + "وزیر نفت ارزش قراردادها را «حدود ۴ میلیارد دلار» اعلام کرد."
    assert [(c["value"], c["claimant"]) for c in _claims(text)] == [(4e9, "Javad Owji")]


def test_the_latest_statistics_of_a_source_name_it() -> None:
    """A superlative stands before its noun: "بر اساس تازه‌ترین آمار گمرک"."""
    text = (
        "بر اساس تازه‌ترین آمار گمرک جمهوری اسلامی ایران، حجم مبادلات تجاری ایران و روسیه "
        "در چهار ماه نخست سال به یک میلیارد و ۱۲۰ میلیون دلار رسید."
    )
    assert [c["claimant"] for c in _claims(text)] == ["Iran Customs Administration"]


def test_the_russian_trade_mission_speaks_for_russia() -> None:
    text = (
        "بر اساس آمار گمرک ایران، حجم مبادلات تجاری ایران و روسیه در چهار ماه نخست سال به یک "
        "میلیارد و ۱۲۰ میلیون دلار رسید.\n\n"
        "نمایندگی تجاری روسیه در تهران اعلام کرد نمی‌تواند این ارقام را تأیید کند."
    )
    assert _statements(text) == [("نمایندگی تجاری روسیه", "russian_official", "cannot_confirm")]


def test_the_cost_of_building_is_the_deals_value() -> None:
    text = (
        "روس‌اتم ساخت دو واحد تازه نیروگاه بوشهر در ایران را آغاز کرد.\n\n"
        "بهروز کمالوندی، سخنگوی سازمان انرژی اتمی، گفت هزینه ساخت دو واحد «حدود ۱۰ میلیارد "
        "دلار» برآورد می‌شود."
    )
    assert [(c["value"], c["kind"]) for c in _claims(text)] == [(10e9, "contract_signed")]


def test_near_a_figure_is_about() -> None:
    assert _figures("حجم تجارت دو کشور به نزدیک ۵ میلیارد دلار رسید") == [(5e9, "USD", "about")]


def test_output_is_no_deal_figure_when_both_sides_are_named() -> None:
    """Each side's or a cartel's output, with no word of transfer: not a supply between them."""
    text = (
        "ایران و روسیه تفاهم‌نامه همکاری نفتی امضا کردند.\n\n"
        "تولید نفت روسیه در اکتبر به بیش از ۱۱.۴ میلیون بشکه در روز رسید و ایران نیز تولید "
        "خود را افزایش داد."
    )
    assert _claims(text) == []
