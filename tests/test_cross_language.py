"""One figure reported in Persian, English and Russian is one tracked claim (issue 6).

The monitor flow runs on Prefect's test harness against three local outlets, one per
language, each serving a feed and one article page. An Iranian agency reports the figure
first, in Persian; an English wire repeats it the same day; the next day a Russian agency
carries the Kremlin spokesman's answer in Russian. The warehouse must hold one claim with a
mention in each language, and its Kremlin status must come from the Russian statement.
The articles are written for this test (the figure and its speaker are illustrative).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path

import duckdb
import pytest
from monitor_support import run_monitor
from pytest_httpserver import HTTPServer

pytestmark = pytest.mark.usefixtures("prefect_harness")

PERSIAN = (
    "زنگنه: روس‌ها برای میدان‌های نفتی ایران قرارداد می‌بندند",
    "2019-03-10T09:00:00+03:30",
    [
        "بیژن زنگنه، وزیر نفت ایران، روز یکشنبه در تهران گفت شرکت‌های نفتی روسیه"
        " قراردادهایی به ارزش ۷ میلیارد دلار برای توسعه میدان‌های نفتی ایران امضا می‌کنند.",
        "وزیر نفت افزود که گفت‌وگو با گازپروم نفت و لوک‌اویل درباره میدان‌های نفتی غرب کشور"
        " ادامه دارد و بخش بزرگی از این سرمایه صرف افزایش تولید نفت خام خواهد شد.",
        "به گفته زنگنه، ایران و روسیه همکاری در صنعت نفت و گاز را با وجود تحریم‌های آمریکا"
        " گسترش می‌دهند و هیئت‌های دو کشور ماه آینده در مسکو دیدار می‌کنند.",
    ],
)
ENGLISH = (
    "Iran says Russian firms will sign $7 billion in oilfield contracts",
    "2019-03-10T15:00:00+00:00",
    [
        "Russian oil companies will sign contracts worth $7 billion to develop oilfields in"
        " Iran, Iranian Oil Minister Bijan Zanganeh said on Sunday in Tehran.",
        "Zanganeh added that talks with Gazprom Neft and Lukoil over fields in the west of Iran"
        " were continuing, and that most of the money would go into raising crude output.",
        "Iran and Russia have been widening their oil and gas cooperation despite US sanctions,"
        " and delegations from the two countries are due to meet in Moscow next month.",
    ],
)
RUSSIAN = (
    "В Кремле не подтвердили данные Тегерана о нефтяных контрактах с Ираном",
    "2019-03-11T12:30:00+03:00",
    [
        "Ранее министр нефти Ирана Бижан Зангане заявил, что российские нефтяные компании"
        " подпишут контракты на 7 млрд долларов на разработку месторождений в Иране.",
        "Пресс-секретарь президента России Дмитрий Песков в понедельник заявил журналистам,"
        " что не может подтвердить эти сведения. «У нас нет такой информации», — сказал он.",
        "По словам Пескова, Россия и Иран продолжают сотрудничество в нефтегазовой сфере,"
        " а российские компании сами решают, в каких проектах участвовать.",
    ],
)
OUTLETS = {"fa": PERSIAN, "en": ENGLISH, "ru": RUSSIAN}


def _page(language: str, title: str, published: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    direction = ' dir="rtl"' if language == "fa" else ""
    return (
        f'<!doctype html><html lang="{language}"{direction}><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><main><article><h1>{escape(title)}</h1>{body}</article></main></body></html>"
    )


def _feed(title: str, link: str, summary: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f"<description>{escape(summary)}</description></item></channel></rss>"
    )


def _serve(httpserver: HTTPServer) -> str:
    """The three outlets on the test server; returns their catalogue."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    catalogue = []
    for language, (title, published, paragraphs) in OUTLETS.items():
        article = f"/{language}/article.html"
        httpserver.expect_request(article).respond_with_data(
            _page(language, title, published, paragraphs),
            content_type="text/html; charset=utf-8",
        )
        httpserver.expect_request(f"/{language}/feed.xml").respond_with_data(
            _feed(title, httpserver.url_for(article), paragraphs[0]),
            content_type="application/rss+xml; charset=utf-8",
        )
        catalogue.append(
            f'[[sources]]\nid = "outlet-{language}"\nname = "Outlet {language}"\n'
            f'kind = "feed"\nurl = "{httpserver.url_for(f"/{language}/feed.xml")}"\n'
            f'language = "{language}"\nleaning = "independent"\npoll_minutes = 30\n'
            "local = true\n"
        )
    return "\n".join(catalogue)


@pytest.fixture
def warehouse(httpserver: HTTPServer, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    counts = run_monitor(tmp_path, _serve(httpserver))
    assert (counts["articles_new"], counts["articles_failed"]) == (3, 0)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    yield conn
    conn.close()


def test_one_figure_in_three_languages_is_one_claim(warehouse: duckdb.DuckDBPyConnection) -> None:
    claims = warehouse.execute(
        "SELECT claim_id, claimants, languages FROM claims_current"
        " WHERE unit = 'USD' AND value = 7e9"
    ).fetchall()
    assert len(claims) == 1
    claim_id, claimants, languages = claims[0]
    assert claimants == ["Bijan Namdar Zanganeh"]
    assert languages == ["en", "fa", "ru"]
    mentions = warehouse.execute(
        "SELECT language, count(*) FROM claim_mentions_v WHERE claim_id = ? GROUP BY language",
        [claim_id],
    ).fetchall()
    assert dict(mentions) == {"fa": 1, "en": 1, "ru": 1}
    stored = warehouse.execute("SELECT url, language FROM articles ORDER BY url").fetchall()
    assert [language for _, language in stored] == ["en", "fa", "ru"]


def test_the_kremlins_russian_answer_sets_the_status_of_a_claim_first_reported_in_persian(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    row = warehouse.execute(
        "SELECT c.first_seen, c.kremlin_status, c.kremlin_evidence_url,"
        " c.kremlin_evidence_speaker, m.language"
        " FROM claims_current c JOIN claim_mentions_v m USING (claim_id)"
        " WHERE c.value = 7e9 ORDER BY m.published LIMIT 1"
    ).fetchone()
    assert row is not None
    first_seen, status, evidence_url, speaker, first_language = row
    assert first_language == "fa"
    assert str(first_seen) == "2019-03-10"
    assert (status, speaker) == ("not_confirmed", "Dmitry Peskov")
    assert evidence_url.endswith("/ru/article.html")
    history = warehouse.execute(
        "SELECT status, effective_on FROM claim_status_history h"
        " JOIN claims_current c USING (claim_id) WHERE c.value = 7e9"
    ).fetchall()
    assert [(s, str(d)) for s, d in history] == [("not_confirmed", "2019-03-11")]
