"""A draft: sentences in order, each with its sources; edits, staleness, plain text, JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

from matchnotes.draft.facts import Source

SECTIONS = ("headline", "standfirst", "body")


@dataclass(frozen=True)
class Sentence:
    key: str  # stable across regenerations: "headline", "goal:12", "quote:7"…
    section: str  # one of SECTIONS
    paragraph: int  # sentences of a section with the same number form a paragraph
    text: str
    sources: tuple[Source, ...]
    edited: bool = False  # typed over by the reporter: regenerating keeps it
    stale: bool = False  # a source changed (or went) since it was written; not stored


@dataclass(frozen=True)
class Draft:
    match_id: int
    sentences: tuple[Sentence, ...]

    def paragraphs(self) -> list[tuple[str, list[Sentence]]]:
        """(section, sentences) per paragraph, in order."""
        return [
            (key[0], list(group))
            for key, group in groupby(self.sentences, key=lambda s: (s.section, s.paragraph))
        ]

    def texts(self) -> list[tuple[str, str]]:
        """(section, paragraph text) in order; a sentence typed away is left out."""
        joined = ((section, " ".join(s.text for s in group if s.text))
                  for section, group in self.paragraphs())  # fmt: skip
        return [(section, text) for section, text in joined if text]

    def plain_text(self) -> str:
        """The draft as a reporter pastes it: headline, stand-first, paragraphs."""
        return "\n\n".join(text for _, text in self.texts())

    def sentence(self, key: str) -> Sentence | None:
        return next((s for s in self.sentences if s.key == key), None)

    def with_edit(self, key: str, text: str) -> Draft:
        """The draft with one sentence typed over (an empty text drops it from view)."""
        if self.sentence(key) is None:
            raise KeyError(key)
        sentences = tuple(
            replace(s, text=text, edited=True) if s.key == key else s for s in self.sentences
        )
        return replace(self, sentences=sentences)

    def regenerated(self, fresh: Draft, *, keep_edited: bool) -> Draft:
        """``fresh`` with this draft's edited sentences kept in place (with their old
        sources, so that a changed source shows them stale); an edited sentence whose
        fact is gone stays at the end of its section."""
        if not keep_edited:
            return fresh
        edited = {s.key: s for s in self.sentences if s.edited}
        out = [edited.pop(s.key, s) for s in fresh.sentences]
        for orphan in edited.values():
            last = max((i for i, s in enumerate(out) if s.section == orphan.section), default=-1)
            out.insert(last + 1, orphan)
        return replace(fresh, sentences=tuple(out))

    def marked(self, current: dict[tuple[str, int], str]) -> Draft:
        """Stale flags against the sources' current stamps."""
        return replace(
            self,
            sentences=tuple(
                replace(s, stale=any(current.get((x.kind, x.ident)) != x.stamp for x in s.sources))
                for s in self.sentences
            ),
        )

    def stamps(self) -> dict[tuple[str, int], str]:
        return {(x.kind, x.ident): x.stamp for s in self.sentences for x in s.sources}

    # --- storage ---

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": 1,
                "match_id": self.match_id,
                "sentences": [_out(s) for s in self.sentences],
            },
            ensure_ascii=False,
        )

    @staticmethod
    def from_json(text: str) -> Draft:
        data = json.loads(text)
        return Draft(data["match_id"], tuple(_in(s) for s in data["sentences"]))

    def as_dict(self) -> dict[str, Any]:
        """For `matchnotes draft --json`: the sentences with their sources and flags."""
        return {
            "match_id": self.match_id,
            "text": self.plain_text(),
            "sentences": [{**_out(s), "stale": s.stale} for s in self.sentences],
        }


def _out(s: Sentence) -> dict[str, Any]:
    return {
        "key": s.key,
        "section": s.section,
        "paragraph": s.paragraph,
        "text": s.text,
        "edited": s.edited,
        "sources": [[x.kind, x.ident, x.stamp] for x in s.sources],
    }


def _in(d: dict[str, Any]) -> Sentence:
    return Sentence(
        d["key"], d["section"], d["paragraph"], d["text"],
        tuple(Source(k, int(i), st) for k, i, st in d["sources"]), bool(d["edited"]),
    )  # fmt: skip


# Which id map a source's or key's id belongs to (tally/record sources name their goal).
_ID_TABLE = {"match": "match", "moment": "moment", "tally": "moment", "record": "moment",
             "goal": "moment", "miss": "moment", "quote": "quote"}  # fmt: skip


def remap_ids(body: str, ids: dict[str, dict[int, int]]) -> str:
    """A stored draft with its match, moment and quote ids translated (an export to the
    file's references, an import back to the new rows); an id with no translation
    becomes 0, so its sentence reads as stale rather than pointing at another row."""
    data = json.loads(body)

    def new(table: str, ident: int) -> int:
        return ids.get(table, {}).get(int(ident), 0)

    data["match_id"] = new("match", data["match_id"])
    for s in data["sentences"]:
        s["sources"] = [[k, new(_ID_TABLE.get(k, k), i), st] for k, i, st in s["sources"]]
        head, _, rest = s["key"].partition(":")
        if head in _ID_TABLE and rest:
            number, _, tail = rest.partition(":")
            if number.isdigit():
                s["key"] = ":".join(
                    x for x in (head, str(new(_ID_TABLE[head], int(number))), tail) if x
                )
    return json.dumps(data, ensure_ascii=False)
