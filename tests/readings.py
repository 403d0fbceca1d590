"""What the breakdown and semantics tests read of a text: each figure's parent by its text."""

from __future__ import annotations

from statx import extract_text


def parents_of(text: str) -> dict[str, str | None]:
    """Each figure's text and the text of the figure it breaks down (None for none).

    A figure written twice keeps the parent of its last mention, as the tests' dicts always did.
    """
    return {r.text: r.parent for r in extract_text(text)}
