"""Rendering digests and alerts: subjects that say what changed, and hostile article text
(line breaks in headers, HTML and script, endless sentences, hundreds of changes)."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from email import message_from_bytes, policy

import pytest

from digests.message import compose
from digests.recipients import Recipient
from digests.render import (
    MAX_SENTENCE,
    clip,
    quoted,
    render_alert,
    render_digest,
    safe_url,
    subject_line,
)
from digests.select import Claim, DigestContent, Drift, Evidence, NewClaim, Period, StatusChange

NOW = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
PERIOD = Period(datetime(2026, 11, 23, 7, 0, tzinfo=UTC), NOW)
DESK = Recipient(email="desk@example.org")
CLAIM = Claim(
    claim_id="c9642330abcdef",
    topic="velayati-moscow-2018",
    kind="contract_signed",
    value=4e9,
    value_high=None,
    unit="USD",
    value_usd=4e9,
    qualifier="exact",
    claimants=("Ali Akbar Velayati",),
    kremlin_status="denied",
    mentions=6,
    sources=6,
    first_seen=date(2018, 7, 13),
)
EVIDENCE = Evidence(
    sentence="The spokesman said no such contract had been signed.",
    url="https://outlet.example/kremlin-answer",
    outlet="Meridian Wire",
    leaning="western",
)


def change(n: int = 0, **overrides: object) -> StatusChange:
    base = StatusChange(
        event_id=f"event-{n:04d}",
        claim=replace(CLAIM, claim_id=f"c{n:012d}"),
        previous_status="not_confirmed",
        status="denied",
        effective_on=date(2018, 7, 20),
        recorded_at=NOW,
        speaker="Dmitry Peskov",
        role="kremlin_spokesman",
        stance="deny",
        statement_id="s-1",
        evidence=EVIDENCE,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def new_claim(claimant: str, sentence: str, url: str | None = EVIDENCE.url) -> NewClaim:
    return NewClaim(
        claim=replace(CLAIM, claimants=(claimant,), kremlin_status="unverified"),
        first_reported=date(2018, 7, 13),
        claimant=claimant,
        first=replace(EVIDENCE, sentence=sentence, url=url),
    )


def test_the_subject_says_what_changed() -> None:
    rendered = render_alert([change()], DESK)
    assert rendered.subject == "Kremlin denies $4 billion contract"
    assert render_alert([change(1), change(2)], DESK).subject == (
        "Kremlin denies $4 billion contract, and 1 more claim"
    )


@pytest.mark.parametrize(
    ("status", "stance", "subject"),
    [
        ("confirmed", "confirm", "Kremlin confirms $4 billion contract"),
        ("not_confirmed", "cannot_confirm", "Kremlin cannot confirm $4 billion contract"),
        ("not_confirmed", "no_comment", "Kremlin declines to comment on $4 billion contract"),
    ],
)
def test_alert_subjects_per_status(status: str, stance: str, subject: str) -> None:
    assert render_alert([change(status=status, stance=stance)], DESK).subject == subject


def test_digest_subject_leads_with_the_status_change_and_counts_the_rest() -> None:
    drift = Drift(
        event_id="d1",
        claim=replace(
            CLAIM, value=5e10, value_usd=5e10, qualifier="up_to", kind="investment_pledge"
        ),
        field="kind",
        from_value="investment_pledge",
        to_value="contract_signed",
        text="$50 billion",
        effective_on=date(2018, 7, 16),
        evidence=EVIDENCE,
    )
    content = DigestContent(period=PERIOD, status_changes=[change()], drift=[drift])
    rendered = render_digest(content, DESK)
    assert rendered.subject == "Kremlin denies $4 billion contract, and 1 more update"
    only_drift = render_digest(DigestContent(period=PERIOD, drift=[drift]), DESK)
    assert only_drift.subject == "up to $50 billion investment pledge now reported as a contract"


def test_line_breaks_in_article_text_cannot_inject_headers() -> None:
    hostile = "Velayati\r\nBcc: victim@example.org\r\nX-Evil: 1"
    content = DigestContent(period=PERIOD, new_claims=[new_claim(hostile, "A sentence.")])
    rendered = render_digest(content, DESK)
    message = compose(
        rendered, sender="claimwatch <cw@example.org>", to=DESK.email, key="digest/x", date=NOW
    )
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["Bcc"] is None and parsed["X-Evil"] is None
    assert "\n" not in parsed["Subject"] and "Bcc: victim@example.org" in parsed["Subject"]
    assert list(parsed.keys()).count("Subject") == 1


def test_html_and_script_in_extracted_text_are_escaped() -> None:
    script = 'Peskov said <script>alert("x")</script> and <b onmouseover="x()">this</b>'
    content = DigestContent(
        period=PERIOD, new_claims=[new_claim("<img src=x onerror=alert(1)>", script)]
    )
    rendered = render_digest(content, DESK)
    assert "<script>alert" not in rendered.html and "<img src=x" not in rendered.html
    assert "&lt;script&gt;" in rendered.html and "<b onmouseover" not in rendered.html
    assert '<script>alert("x")</script>' in rendered.text  # plain text shows it as text


def test_only_http_links_are_clickable() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url("https://outlet.example/a?b=c") == "https://outlet.example/a?b=c"
    content = DigestContent(
        period=PERIOD, new_claims=[new_claim("Velayati", "A sentence.", url="javascript:alert(1)")]
    )
    assert "javascript:" not in render_digest(content, DESK).html


def test_very_long_sentences_are_clipped_at_a_word() -> None:
    sentence = "The figure was repeated " + "again and again " * 500 + "at the end."
    content = DigestContent(
        period=PERIOD, status_changes=[change(evidence=replace(EVIDENCE, sentence=sentence))]
    )
    rendered = render_digest(content, DESK)
    text = " ".join(rendered.text.split())
    assert "at the end." not in text and "The figure was repeated again" in text
    assert '…"' in text
    assert len(clip(sentence, MAX_SENTENCE)) <= MAX_SENTENCE
    assert len(subject_line("x " * 400, 3, "more update")) <= 150


def test_hundreds_of_changes_are_capped_with_the_query_for_the_rest() -> None:
    changes = [change(n) for n in range(300)]
    rendered = render_digest(
        DigestContent(period=PERIOD, status_changes=changes), DESK, max_items=20
    )
    assert rendered.subject == "Kremlin denies $4 billion contract, and 299 more updates"
    assert rendered.html.count('class="headline"') == 20
    assert "and 280 more" in rendered.html and "and 280 more" in rendered.text
    assert (
        "SELECT * FROM claim_status_history WHERE recorded_at &gt;= '2026-11-23 07:00:00+00:00'"
        in rendered.html
    )
    assert len(rendered.html) < 120_000


def test_css_is_inlined_and_badges_are_coloured() -> None:
    rendered = render_digest(DigestContent(period=PERIOD, status_changes=[change()]), DESK)
    assert '<span class="badge badge-denied" style="' in rendered.html
    assert "background: #ffebe9" in rendered.html


QUOTED_SENTENCES = [
    "“We cannot confirm this,” Peskov told reporters.",
    "Peskov answered: “There is no such contract.”",
    '"No deal was signed," the spokesman said.',
    "Le porte-parole a parlé de «rumeurs»",
    "„Kein Vertrag“, sagte Peskow.",
    "»Keine Bestätigung«, hieß es",
]


@pytest.mark.parametrize("sentence", QUOTED_SENTENCES)
def test_a_sentence_with_its_own_quotation_marks_is_not_quoted_twice(sentence: str) -> None:
    evidence = replace(EVIDENCE, sentence=sentence)
    rendered = render_alert([change(evidence=evidence)], DESK)
    escaped = html.escape(sentence, quote=False)  # as css-inline serialises text
    quote_span = re.search(r'<span class="quote"[^>]*>(.*?)</span>', rendered.html)
    assert quote_span is not None and quote_span.group(1) == escaped
    assert f"\n  {sentence}\n" in rendered.text


def test_a_plain_sentence_is_put_in_quotation_marks() -> None:
    rendered = render_alert([change()], DESK)
    assert f"“{EVIDENCE.sentence}”" in rendered.html
    assert f'  "{EVIDENCE.sentence}"\n' in rendered.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "“plain”"),
        ("“already”", "“already”"),
        ("«ouvert", "«ouvert"),
        ("fermé»", "fermé»"),
        ('"straight"', '"straight"'),
        ("", ""),
    ],
)
def test_quoted(text: str, expected: str) -> None:
    assert quoted(text) == expected


def test_persian_and_russian_evidence_reads_in_its_own_direction() -> None:
    persian = "سخنگوی کرملین گفت نمی‌تواند این رقم را تایید کند."
    russian = "Песков заявил, что не может подтвердить эти сведения."
    changes = [
        change(1, evidence=replace(EVIDENCE, sentence=persian, outlet="خبرگزاری دماوند")),
        change(2, evidence=replace(EVIDENCE, sentence=russian)),
    ]
    rendered = render_alert(changes, DESK)
    quotes = re.findall(r'<span class="quote"([^>]*)>([^<]*)</span>', rendered.html)
    assert [text for _, text in quotes] == [f"“{persian}”", f"“{russian}”"]
    # dir="auto": a mail client lays out each sentence by its first strong letter, so a
    # Persian sentence reads right to left inside an English message.
    assert all('dir="auto"' in attributes for attributes, _ in quotes)
    assert re.search(r'<span class="source"[^>]*dir="auto"[^>]*>.*خبرگزاری دماوند', rendered.html)
