"""handover-kb: handover files in YAML, validated and rendered into a MkDocs site.

The library does the work; ``cli`` and ``plugin`` are thin adapters over it.
Data flows one way: load -> validate -> model -> render.
"""
from __future__ import annotations

__version__ = "0.1.0"
