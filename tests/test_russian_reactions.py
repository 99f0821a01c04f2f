"""How Russian voices react in fresh text: split refusals, a fronted 'нет', ministries named
in full in a case form, outlets that quote, companies that do not discuss terms."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

RU = "Иранские СМИ сообщили о соглашениях на 50 млрд долларов в нефтегазовой сфере России и Ирана. "
EN = "Iran said Russia would supply 55 bcm of gas a year. "


def _statements(text: str, language: str) -> list[tuple[str, str]]:
    return sorted(
        (s.speaker, s.stance) for s in extract_claims(text, language=language).kremlin_statements
    )


@pytest.mark.parametrize(
    ("language", "text", "statements"),
    [
        (
            "ru",
            RU + "В «Росатоме» подтвердили факт подписания, но от обсуждения стоимости уклонились.",
            [("Rosatom", "confirm"), ("Rosatom", "no_comment")],
        ),
        (
            "ru",
            RU + "В пресс-службе «Газпрома» от комментариев по поводу суммы отказались.",
            [("Gazprom", "no_comment")],
        ),
        (
            "ru",
            RU + "Вице-премьер Александр Новак заявил, что переговоры о цене газа находятся на "
            "завершающей стадии.",
            [("Alexander Novak", "confirm")],
        ),
        (
            # "there is no information about the contract": no information, not a denial
            "ru",
            RU + "Дмитрий Песков сказал журналистам, что информации о подписании контракта у "
            "Кремля нет.",
            [("Dmitry Peskov", "cannot_confirm")],
        ),
        (
            "ru",
            RU + "В Министерстве энергетики РФ сообщили, что не располагают информацией о "
            "соглашениях на такую сумму.",
            [("Russian Energy Ministry", "cannot_confirm")],
        ),
        (
            "ru",
            RU + "— Такой информацией я не располагаю, — сказал Александр Новак.",
            [("Alexander Novak", "cannot_confirm")],
        ),
        (
            "ru",
            RU + "Вице-премьер Александр Новак ответил так: «Никаких цифр в меморандуме нет».",
            [("Alexander Novak", "deny")],
        ),
        (
            "ru",
            RU + "Вице-премьер Александр Новак ответил так: «Говорить о конкретных объемах "
            "преждевременно, никаких цифр в меморандуме нет».",
            [("Alexander Novak", "deny")],
        ),
        (
            "ru",
            RU + "Посол России в Иране Алексей Дедов назвал «спекуляциями» разговоры о том, что "
            "проекты существуют только на бумаге.",
            [("Alexey Dedov", "deny")],
        ),
        (
            "ru",
            RU + "«Никакой программы на $50 млрд не существовало», — сказал Новак.",
            [("Alexander Novak", "deny")],
        ),
        (
            "ru",
            RU + "Источник «Ъ» в «Газпроме» оценку комментировать не стал.",
            [("источник в «Газпроме»", "no_comment")],
        ),
        (
            "ru",
            RU + "Подтвердить эту сумму в пресс-службе Минэнерго отказались.",
            [("Russian Energy Ministry", "cannot_confirm")],
        ),
        (
            "ru",
            RU + "Помощник президента Юрий Ушаков ограничился фразой, что «компании работают».",
            [("Yuri Ushakov", "no_comment")],
        ),
        (
            "en",
            EN + 'A person close to Gazprom Neft said the company had "no such agreement" in Iran.',
            [("A person close to Gazprom Neft", "deny")],
        ),
        (
            "ru",
            RU + "По данным источников «Ъ» на рынке, индийские компании не заключали новых "
            "сделок по российской нефти.",
            [],
        ),
        (
            "ru",
            RU + "Песков сказал, что этим занимаются компании.",
            [("Dmitry Peskov", "no_comment")],
        ),
        (
            "en",
            EN + "Rosneft said through a spokesman that the company does not discuss commercial "
            "terms.",
            [("Rosneft", "no_comment")],
        ),
        (
            "en",
            EN + "Asked why no gas contract was signed, Dmitry Peskov would say only that "
            '"work is continuing".',
            [("Dmitry Peskov", "no_comment")],
        ),
        (
            "en",
            EN + 'Asked whether Russia was committing to those volumes, Peskov said: "That is '
            'a question for Gazprom."',
            [("Dmitry Peskov", "no_comment")],
        ),
        (
            "en",
            EN + "Dmitry Peskov spoke on Monday. Gazprom was asked, and a spokesman said the "
            "company doesn't comment on negotiations in progress.",
            [("Gazprom", "no_comment")],
        ),
        (
            "en",
            EN + "Interfax quoted presidential spokesman Dmitry Peskov as saying the Kremlin had "
            '"no information" about the volumes.',
            [("Dmitry Peskov", "cannot_confirm")],
        ),
        # terms kept back, in the passive or for later: a refusal to give the figure
        (
            "en",
            EN + "Asked about the price, a Gazprom spokesman said the commercial terms are not "
            "disclosed.",
            [("Gazprom", "no_comment")],
        ),
        (
            "en",
            EN + "Dmitry Peskov said the companies would announce the parameters once they "
            "were agreed.",
            [("Dmitry Peskov", "no_comment")],
        ),
        (
            "en",
            EN + "Energy Minister Sergei Tsivilev said the two sides were still negotiating the "
            "price and declined to say when the first gas would flow.",
            [("Sergei Tsivilev", "no_comment")],
        ),
        (
            "en",
            EN + '"I will not name any figures for the commercial agreements," Yuri Ushakov told '
            "a briefing in Moscow.",
            [("Yuri Ushakov", "no_comment")],
        ),
        (
            "en",
            EN + 'Yuri Ushakov told reporters: "I would not go into numbers."',
            [("Yuri Ushakov", "no_comment")],
        ),
        (
            "en",
            EN + 'Dmitry Peskov said that "all agreements with Iran remain in force".',
            [("Dmitry Peskov", "confirm")],
        ),
        (
            "en",
            EN + '"It is not for the ministry to announce such figures," Alexander Novak said.',
            [("Alexander Novak", "no_comment")],
        ),
        (
            "en",
            EN + 'Asked when gas would flow, Dmitry Peskov said: "I cannot name any timeframes."',
            [("Dmitry Peskov", "cannot_confirm")],
        ),
        (
            "en",
            EN + "Energy Minister Sergei Tsivilev said the route via Azerbaijan had been agreed.",
            [("Sergei Tsivilev", "confirm")],
        ),
        (
            "en",
            EN + "Energy Minister Sergei Tsivilev said no price had been agreed.",
            [("Sergei Tsivilev", "deny")],
        ),
        (
            "en",
            EN + 'Alexey Miller said the sides had "reached agreement on the main terms".',
            [("Alexey Miller", "confirm")],
        ),
        (
            "ru",
            RU + "В «Зарубежнефти» ответили: «работа по контракту идёт в соответствии с планом».",
            [("Zarubezhneft", "confirm")],
        ),
        (
            "ru",
            RU + "Министр энергетики Александр Новак сказал: «Мне такая цифра неизвестна».",
            [("Alexander Novak", "cannot_confirm")],
        ),
        (
            "ru",
            RU + "Песков сказал, что работа продолжается, но он не может назвать дату начала "
            "поставок.",
            [("Dmitry Peskov", "cannot_confirm")],
        ),
        (
            "ru",
            RU + "В пресс-службе «Газпрома» ответили, что коммерческие условия будут определены "
            "в контракте.",
            [("Gazprom", "no_comment")],
        ),
        (
            "ru",
            RU + "Дмитрий Песков заметил, что детали лучше уточнять у компаний.",
            [("Dmitry Peskov", "no_comment")],
        ),
        (
            "ru",
            RU + "Детали, как сообщили в пресс-службе «Газпрома», будут раскрыты позднее.",
            [("Gazprom", "no_comment")],
        ),
        (
            "fa",
            "رسانه‌های ایران از قرارداد ۲۵ میلیارد دلاری ایران و روسیه خبر دادند. دفتر "
            "مطبوعاتی روس‌اتم اعلام کرد: «ما شرایط مالی قراردادهای خود را منتشر نمی‌کنیم.»",
            [("Rosatom", "no_comment")],
        ),
        (
            "fa",
            "رسانه‌های ایران از قرارداد ۲۵ میلیارد دلاری ایران و روسیه خبر دادند. خدمات "
            "مطبوعاتی روس‌اتم اعلام کرد که «شرایط مالی قرارداد در این مرحله منتشر نمی‌شود».",
            [("Rosatom", "no_comment")],
        ),
        (
            "fa",
            "رسانه‌های ایران از قرارداد ۴۰ میلیارد دلاری گازپروم با ایران خبر دادند. دیمیتری "
            "پسکوف، سخنگوی کرملین، گفت این موضوع «به شرکت‌ها مربوط است» و افزود: «جزئیات را از "
            "گازپروم بپرسید.»",
            [("Dmitry Peskov", "no_comment")],
        ),
        (
            "fa",
            "رسانه‌های ایران از قرارداد ۲۰ میلیارد دلاری ایران و روسیه خبر دادند. الکساندر نواک "
            "گفت: «هنوز برای صحبت درباره ارقام زود است.»",
            [("Alexander Novak", "no_comment")],
        ),
        (
            "fa",
            "رسانه‌ها از قرارداد ۴۰ میلیارد دلاری گازپروم با ایران خبر دادند. گازپروم این گزارش "
            "را بی‌پایه خواند.",
            [("Gazprom", "deny")],
        ),
        (
            "fa",
            "ولایتی از ۵۰ میلیارد دلار سرمایه‌گذاری روسیه در نفت ایران خبر داد. کرملین اما "
            "عجله‌ای برای تأیید این رقم نشان نداد.",
            [],
        ),
        (
            "fa",
            "ایران و روسیه درباره صادرات ۵۵ میلیارد مترمکعب گاز در سال گفت‌وگو می‌کنند. سرگئی "
            "تسیویلف، وزیر انرژی روسیه، گفت مذاکرات درباره قیمت در جریان است، اما نتوانست "
            "زمانی برای آغاز صادرات اعلام کند.",
            [("Sergei Tsivilev", "cannot_confirm")],
        ),
        (
            "fa",
            "رسانه‌های ایران از قرارداد ۲۵ میلیارد دلاری ایران و روسیه خبر دادند. الکسی "
            "لیخاچف گفت: «پارامترهای مالی بعدا اعلام خواهد شد.»",
            [("Alexey Likhachev", "no_comment")],
        ),
    ],
)
def test_a_russian_reaction(language: str, text: str, statements: list[tuple[str, str]]) -> None:
    assert _statements(text, language) == statements


@pytest.mark.parametrize(
    ("language", "text", "why"),
    [
        (
            "ru",
            "Россия и Иран сотрудничают. Достройка участка Решт — Астара, на который Россия "
            "выделяет кредит в 1,3 млрд евро, увеличит грузопоток.",
            "outside energy",
        ),
        (
            "en",
            "Russia and Iran cooperate in oil and gas. Its biggest commitment in Iran lies outside "
            "energy altogether: a €1.3bn loan for the Rasht-Astara railway.",
            "outside energy",
        ),
        (
            "ru",
            "Россия и Иран подписали соглашение о строительстве АЭС. Портфель зарубежных заказов "
            "«Росатома» превышает 200 млрд долларов.",
            "a total over all partners",
        ),
        (
            "fa",
            "روسیه و ایران درباره نفت گفت‌وگو کردند. مسکو پیش‌تر اعلام کرده بود قرارداد حدود "
            "۸۰۰ میلیون دلاری تحویل سامانه پدافندی اس-۳۰۰ به ایران را اجرا خواهد کرد.",
            "outside energy",
        ),
        (
            "en",
            "Russia and Iran talked about oil. Moscow said it would honour the $800 million "
            "contract to deliver S-300 air defence systems to Iran.",
            "outside energy",
        ),
    ],
)
def test_figures_of_another_sector_or_of_all_partners_are_no_claims(
    language: str, text: str, why: str
) -> None:
    result = extract_claims(text, language=language)
    assert result.claims == []
    assert why in {o.why for o in result.other_figures}
