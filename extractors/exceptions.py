"""Errors of the extraction stage.

::

    ClaimwatchError
     └── ExtractionError
          ├── NotAnArticle   Permanent (no readable article text in the page)
          ├── UnreadableInput Permanent (binary or empty input where text was expected)
          ├── TopicConfigError Permanent (the [[topics]] / [keywords] tables are wrong)
          └── GazetteerError  Permanent (a names/<lang>.json entry names nobody in the gazetteer)
"""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, Permanent


class ExtractionError(ClaimwatchError):
    """Extraction could not produce a result from the input."""


class NotAnArticle(ExtractionError, Permanent):
    """The page holds no article text that trafilatura can find."""


class UnreadableInput(ExtractionError, Permanent):
    """The input is empty or binary: there is nothing to read."""


class TopicConfigError(ExtractionError, Permanent):
    """The ``[[topics]]`` or ``[keywords]`` tables of claimwatch.toml are wrong."""


class GazetteerError(ExtractionError, Permanent):
    """The gazetteer's language files (``data/names/<lang>.json``) do not fit the gazetteer."""
