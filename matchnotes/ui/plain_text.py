"""User text shown by Qt as text, never as HTML.

Qt renders a tooltip (and a QLabel or QMessageBox in AutoText) as rich text whenever
``Qt.mightBeRichText`` says so: a note holding ``<img src="file:///...">`` would make
the app read that file. Labels take ``Qt.TextFormat.PlainText``; tooltips, which have
no format setting, are escaped here and wrapped so that they are always rich text.
"""

from __future__ import annotations

import html


def as_tooltip(text: str) -> str:
    """A tooltip showing ``text`` exactly as written, line breaks kept; "" for none."""
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'
