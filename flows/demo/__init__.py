"""The demo corpus (invented outlets, real events) and the loopback server that serves it."""

from __future__ import annotations

from flows.demo.server import (
    CATALOGUE_PATH,
    CORPUS_DIR,
    DemoServer,
    demo_catalogue,
    load_manifest,
)

__all__ = ["CATALOGUE_PATH", "CORPUS_DIR", "DemoServer", "demo_catalogue", "load_manifest"]
