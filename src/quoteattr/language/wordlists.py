"""Word lists as data: each stage's word classes, one cached, validated loader.

A stage that needs words declares them as a :class:`WordLists` model, one
field per word class, and names its data file (with :func:`word_file`); the words live in
``quoteattr/data/<language>/<file>``, in the layout of every word-list file::

    {"description": "...", "language": "en",
     "lists": {"determiners": {"comment": "...", "words": ["the", "a", ...]},
               "contractions": {"comment": "...", "table": {"won": "will"}}}}

:func:`load_word_lists` reads, validates and caches the file of a language;
it returns ``None`` when the language has no such file, so a stage can report
"not available for this language" instead of silently finding nothing.

Example:
    >>> @word_file("greetings.json")
    ... class Greetings(WordLists):
    ...     hello: Words
    >>> Greetings.FILE
    'greetings.json'
    >>> Greetings.model_validate({"hello": ["hi", "hello"]}).hello == {"hi", "hello"}
    True
    >>> Greetings.model_validate({"hello": ["Hi"]})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Greetings
    ...
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from quoteattr.language.lexicon import LexiconError

__all__ = ["WordLists", "Words", "load_word_lists", "word_file"]

Words = frozenset[str]
W = TypeVar("W", bound="WordLists")


class WordLists(BaseModel):
    """The word classes of one stage, in one language; subclass it per stage.

    Class attributes:
        FILE: The data file's name in ``quoteattr/data/<language>/``.
        AS_WRITTEN: Fields whose words keep their case (all others must be
            lower case, as the rules compare lower-cased tokens).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    FILE: ClassVar[str] = ""
    AS_WRITTEN: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _clean_words(self) -> WordLists:
        problems = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            words = value.keys() if isinstance(value, dict) else value
            if not isinstance(words, (frozenset, set, tuple, list)) and not isinstance(
                value, dict
            ):
                continue
            for word in words:
                if not isinstance(word, str):
                    continue
                if not word or word != word.strip():
                    problems.append(f"{name}: {word!r} is empty or has surrounding space")
                elif name not in self.AS_WRITTEN and word != word.lower():
                    problems.append(f"{name}: {word!r} must be lower case")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _read(language: str, file: str) -> dict[str, Any] | None:
    path = resources.files("quoteattr") / "data" / language / file
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def word_file(file: str, *, as_written: Iterable[str] = ()) -> Callable[[type[W]], type[W]]:
    """Name the data file of a :class:`WordLists` class, and the fields that keep their case.

    The same as setting :attr:`WordLists.FILE` and :attr:`WordLists.AS_WRITTEN`
    in the class body, which a module compiled by mypyc (``setup.py``) cannot do:
    it gives pydantic no ``ClassVar`` to tell them from fields.

    Args:
        file: The file's name in ``quoteattr/data/<language>/``.
        as_written: Fields whose words keep their case.
    """

    def named(cls: type[W]) -> type[W]:
        cls.FILE = file
        cls.AS_WRITTEN = frozenset(as_written)
        return cls

    return named


@lru_cache(maxsize=64)
def load_word_lists(model: type[W], language: str = "en") -> W | None:
    """Load the word lists ``model`` declares for ``language``; ``None`` if it has none.

    Raises:
        LexiconError: when the file is invalid, naming the file and each problem.
    """
    where = f"quoteattr/data/{language}/{model.FILE}"
    raw = _read(language, model.FILE)
    if raw is None:
        return None
    if raw.get("language", language) != language:
        raise LexiconError(f"{where}: language {raw['language']!r}, expected {language!r}")
    stray = sorted(set(raw) - {"description", "language", "lists", "source", "licence"})
    if stray:
        raise LexiconError(f"{where}: unknown top-level field(s) {stray}; word lists go under"
                           " 'lists'")
    lists = raw.get("lists", {})
    values = {
        name: entry.get("words", entry.get("table")) if isinstance(entry, dict) else entry
        for name, entry in lists.items()
    }
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        problems = "\n".join(
            f"  - {'.'.join(str(p) for p in err['loc']) or '(file)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise LexiconError(f"{where}: {len(exc.errors())} problem(s)\n{problems}") from None
