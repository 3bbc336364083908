"""Lexicons as data: cue verbs, titles, role nouns, pronouns, countries, bodies.

Every word list the attribution stage relies on lives in a JSON file under
``quoteattr/data/``, is validated by a pydantic model when loaded and is cached.
Users read those files to see what the library knows and extend a lexicon with
:meth:`Lexicon.extend`, which validates what it is given.

Example:
    >>> lex = load_lexicon()
    >>> lex.cue_lemma("insisted")
    'insist'
    >>> lex.with_cue_verbs([CueVerb(lemma="quip")]).cue_lemma("quipped")
    'quip'
"""

from __future__ import annotations

import json
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "Body",
    "Country",
    "CueVerb",
    "Lexicon",
    "LexiconError",
    "Pronoun",
    "RoleNoun",
    "Stance",
    "Title",
    "inflect",
    "load_lexicon",
]

Stance = Literal[
    "asserts", "denies", "accuses", "promises", "warns", "asks", "urges", "praises"
]

_VOWELS = "aeiou"


class LexiconError(ValueError):
    """A lexicon file or extension is invalid; the message lists every problem."""


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def inflect(lemma: str) -> tuple[str, ...]:
    """Return the regular inflections of an English verb: -s, -ed and -ing forms.

    Only the first word of a multi-word cue is inflected ("point out" gives
    "points out", ...). Irregular verbs list their forms in the data file.

    Example:
        >>> inflect("quip")
        ('quips', 'quipped', 'quipping')
        >>> inflect("tweet")
        ('tweets', 'tweeted', 'tweeting')
        >>> inflect("deny")
        ('denies', 'denied', 'denying')
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if _doubles_final_consonant(head):
        head_d = head + head[-1]
        return (head + "s" + tail, head_d + "ed" + tail, head_d + "ing" + tail)
    if head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = head + "es"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    return (third + tail, past + tail, ing + tail)


def _doubles_final_consonant(word: str) -> bool:
    """Tell whether a one-syllable verb ending consonant-vowel-consonant doubles it."""
    shape = word.lower().replace("qu", "qw")
    if len(shape) < 3 or shape[-1] in "wxy" + _VOWELS:
        return False
    if shape[-2] not in _VOWELS or shape[-3] in _VOWELS:
        return False
    vowel_groups = sum(
        1 for i, c in enumerate(shape) if c in _VOWELS and (i == 0 or shape[i - 1] not in _VOWELS)
    )
    return vowel_groups == 1


class CueVerb(_Entry):
    """A verb that introduces speech.

    Attributes:
        lemma: The base form, lower case ("say", "point out").
        forms: Every inflected form; computed by :func:`inflect` when omitted.
        stance: What the verb says about the content (asserts, denies, ...).
        weak: True for verbs that signal speech only right next to a quote.
    """

    lemma: str = Field(min_length=1)
    forms: tuple[str, ...] = ()
    stance: Stance = "asserts"
    weak: bool = False

    @field_validator("lemma")
    @classmethod
    def _lower(cls, value: str) -> str:
        if value != value.strip().lower():
            raise ValueError(f"lemma must be lower case without surrounding space: {value!r}")
        return value

    def all_forms(self) -> tuple[str, ...]:
        """Return the lemma and every inflected form."""
        return (self.lemma, *(self.forms or inflect(self.lemma)))


class Title(_Entry):
    """A title written before a name ("Foreign Minister", "Sen.")."""

    text: str = Field(min_length=1)


class RoleNoun(_Entry):
    """A noun that heads a description of a source ("official", "spokeswoman")."""

    singular: str = Field(min_length=1)
    plural: str = Field(min_length=1)
    kind: Literal["person", "organisation", "document"] = "person"


class Pronoun(_Entry):
    """A personal pronoun with what it can refer to."""

    text: str = Field(min_length=1)
    gender: Literal["masculine", "feminine", "neuter", "any"]
    number: Literal["singular", "plural", "any"]
    case: Literal["subject", "other"]


class Country(_Entry):
    """A country and its adjectives ("Turkey": "Turkish")."""

    name: str = Field(min_length=1)
    demonyms: tuple[str, ...] = ()


class Body(_Entry):
    """A body known by a short name, or an alias users map to a named body."""

    text: str = Field(min_length=1)
    name: str = Field(min_length=1)


class Lexicon(_Entry):
    """All word lists used by attribution, validated and frozen.

    Build one with :func:`load_lexicon` and extend it with :meth:`extend`.
    """

    cue_verbs: tuple[CueVerb, ...]
    titles: tuple[Title, ...]
    roles: tuple[RoleNoun, ...]
    pronouns: tuple[Pronoun, ...]
    countries: tuple[Country, ...]
    org_head_words: tuple[str, ...]
    bodies: tuple[Body, ...]
    collective_nouns: tuple[str, ...]

    @cached_property
    def cue_forms(self) -> dict[str, CueVerb]:
        """Map every lower-case form of every cue verb to its entry."""
        table: dict[str, CueVerb] = {}
        for verb in self.cue_verbs:
            for form in verb.all_forms():
                table[form.lower()] = verb
        return table

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every title, as written, plus its lower-case form."""
        words = {t.text for t in self.titles}
        return frozenset(words | {w.lower() for w in words})

    @cached_property
    def role_forms(self) -> dict[str, RoleNoun]:
        """Map singular and plural forms of role nouns to their entry."""
        table: dict[str, RoleNoun] = {}
        for role in self.roles:
            table[role.singular] = role
            table[role.plural] = role
        return table

    @cached_property
    def pronoun_forms(self) -> dict[str, Pronoun]:
        """Map lower-case pronouns to their entry."""
        return {p.text: p for p in self.pronouns}

    @cached_property
    def country_names(self) -> frozenset[str]:
        """Every country name."""
        return frozenset(c.name for c in self.countries)

    @cached_property
    def demonym_to_country(self) -> dict[str, str]:
        """Map each adjective ("Turkish") to its country ("Turkey")."""
        return {d: c.name for c in self.countries for d in c.demonyms}

    @cached_property
    def body_names(self) -> dict[str, str]:
        """Map each body's short name or alias to its canonical name."""
        return {b.text: b.name for b in self.bodies}

    def cue_lemma(self, word: str) -> str | None:
        """Return the lemma of a cue verb form, or None when it is not a cue.

        Example:
            >>> load_lexicon().cue_lemma("Told")
            'tell'
        """
        verb = self.cue_forms.get(word.lower())
        return verb.lemma if verb else None

    def extend(self, **lists: Any) -> Lexicon:
        """Return a new lexicon with entries appended to the named lists.

        Args:
            **lists: A list name (``cue_verbs``, ``titles``, ``roles``,
                ``pronouns``, ``countries``, ``org_head_words``, ``bodies``,
                ``collective_nouns``) and the entries to add, as models or dicts.

        Raises:
            LexiconError: naming every invalid entry.

        Example:
            >>> kremlin = {"text": "the Kremlin", "name": "Vladimir Putin"}
            >>> lex = load_lexicon().extend(bodies=[kremlin])
            >>> lex.body_names["the Kremlin"]
            'Vladimir Putin'
        """
        data = self.model_dump()
        unknown = sorted(set(lists) - set(data))
        if unknown:
            raise LexiconError(f"unknown lexicon list(s) {unknown}; known: {sorted(data)}")
        for name, entries in lists.items():
            added = [e.model_dump() if isinstance(e, BaseModel) else e for e in entries]
            data[name] = [*data[name], *added]
        try:
            return Lexicon.model_validate(data)
        except ValidationError as exc:
            raise LexiconError(_explain(exc, "lexicon extension")) from None

    def with_cue_verbs(self, verbs: list[CueVerb]) -> Lexicon:
        """Return a new lexicon with more cue verbs (see :meth:`extend`)."""
        return self.extend(cue_verbs=verbs)


def _explain(exc: ValidationError, where: str) -> str:
    lines = [f"{where}: {exc.error_count()} problem(s)"]
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        lines.append(f"  - {loc}: {err['msg']}")
    return "\n".join(lines)


def _read(name: str) -> dict[str, Any]:
    path = resources.files("quoteattr").joinpath("data").joinpath(name)
    text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load, validate and cache the built-in English lexicon.

    Raises:
        LexiconError: when a data file is invalid, naming the file and each problem.
    """
    orgs = _read("organisations.json")
    raw = {
        "cue_verbs": _read("cue_verbs.json")["verbs"],
        "titles": _read("titles.json")["titles"],
        "roles": _read("role_nouns.json")["roles"],
        "pronouns": _read("pronouns.json")["pronouns"],
        "countries": _read("countries.json")["countries"],
        "org_head_words": orgs["head_words"],
        "bodies": orgs["bodies"],
        "collective_nouns": orgs["collective_nouns"],
    }
    try:
        return Lexicon.model_validate(raw)
    except ValidationError as exc:
        raise LexiconError(_explain(exc, "quoteattr/data")) from None
