"""One frozen options model for every entry point.

:class:`Options` holds everything that changes what quoteattr finds: the
language, the rule set, the lexicon, whether to look for claims, and the
quote-mark conventions. :func:`~quoteattr.attribute`,
:func:`~quoteattr.find_quotes`, :func:`~quoteattr.find_claims`, the batch
runner, Dask and the command line all take one, and the same keyword names as
overrides; overrides are merged through validation, so a wrong value is
reported the same way wherever it is given.

Example:
    >>> opts = Options(language="de")
    >>> opts.merged(claims=False).claims
    False
    >>> Options(language="xx")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Options
    language
      Value error, no built-in language 'xx'; known: ['de', 'en'] ...
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import PurePath
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from quoteattr.attribution.rules import Rule
from quoteattr.attribution.rulesets import RuleSet, builtin_rules, language_rules
from quoteattr.language.lexicon import Lexicon, languages, load_lexicon

__all__ = ["Options", "resolve_options"]


class Options(BaseModel):
    """What to find and how: one frozen, validated object.

    Attributes:
        language: The language of the text (``"en"``, ``"de"``): its built-in
            lexicon and rules. ``None``: the language of ``rules`` or
            ``lexicon``, else English.
        rules: The attribution sieve: a :class:`~quoteattr.RuleSet` (which
            brings its lexicon too) or a sequence of :class:`~quoteattr.Rule`;
            the language's built-in rules by default. Load a rule file with
            :func:`~quoteattr.load_rules` first.
        lexicon: Word lists to use; the language's built-in lexicon by default.
        claims: Also find reported claims (speech outside quotation marks).
        double_apostrophes: Read ``''`` as a double quotation mark, as archive
            text from the New York Times or LexisNexis prints it. ``None`` (the
            default) decides per document: on when the document prints its
            quotes that way.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    language: str | None = None
    rules: RuleSet | tuple[Rule, ...] | None = None
    lexicon: Lexicon | None = None
    claims: bool = True
    double_apostrophes: bool | None = None

    @field_validator("language", mode="before")
    @classmethod
    def _known_language(cls, value: object) -> object:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError(f"language must be a language code such as 'en' or 'de', "
                            f"not {value!r}")
        known = list(languages())
        if value not in known:
            raise ValueError(f"no built-in language {value!r}; known: {known}")
        return value

    @field_validator("rules", mode="before")
    @classmethod
    def _rules(cls, value: object) -> object:
        if value is None or isinstance(value, RuleSet):
            return value
        if isinstance(value, (str, PurePath)):
            raise TypeError(
                f"rules={str(value)!r} is a path: load the file first, "
                f"rules=quoteattr.load_rules({str(value)!r})"
            )
        if isinstance(value, Sequence) and all(isinstance(r, Rule) for r in value):
            return tuple(value)
        raise TypeError(
            "rules must be a RuleSet (quoteattr.load_rules(path)) or a sequence of "
            f"quoteattr.Rule, not {type(value).__name__}"
        )

    @field_validator("lexicon", mode="before")
    @classmethod
    def _lexicon(cls, value: object) -> object:
        if value is None or isinstance(value, Lexicon):
            return value
        if isinstance(value, str):
            raise TypeError(
                f"lexicon={value!r} is not a Lexicon: pass language={value!r}, "
                f"or lexicon=quoteattr.load_lexicon({value!r})"
            )
        raise TypeError(
            f"lexicon must be a Lexicon (quoteattr.load_lexicon(...)), not "
            f"{type(value).__name__}"
        )

    @field_validator("claims", mode="before")
    @classmethod
    def _flag(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, bool):
            raise TypeError(f"{info.field_name} must be True or False, not {value!r}")
        return value

    @field_validator("double_apostrophes", mode="before")
    @classmethod
    def _flag_or_auto(cls, value: object) -> object:
        if value is not None and not isinstance(value, bool):
            raise TypeError(f"double_apostrophes must be True, False or None (decide per "
                            f"document), not {value!r}")
        return value

    @model_validator(mode="after")
    def _one_language(self) -> Options:
        stated = {
            name: lang
            for name, lang in (
                ("rules", self.rules.language if isinstance(self.rules, RuleSet) else None),
                ("lexicon", self.lexicon.language if self.lexicon is not None else None),
                ("language", self.language),
            )
            if lang is not None
        }
        if len(set(stated.values())) > 1:
            raise ValueError(
                "the options name different languages: "
                + ", ".join(f"{k}={v!r}" for k, v in stated.items())
                + "; pass the language once (a RuleSet and a Lexicon carry their own)"
            )
        return self

    def merged(self, **overrides: Any) -> Options:
        """Return a copy with ``overrides`` applied, validated like a new object.

        A keyword whose value is ``None`` is left as it was.
        """
        given = {k: v for k, v in overrides.items() if v is not None}
        if not given:
            return self
        # ``attribute(text)`` passes its defaults on every call: a keyword that
        # repeats a field's value (the same object, or an equal str or bool,
        # which validated already) changes nothing, so the options, with their
        # resolved lexicon and sieve, are kept instead of validated anew.
        fields = type(self).model_fields
        if all(
            k in fields
            and (v is getattr(self, k) or (type(v) is str and v == getattr(self, k)))
            for k, v in given.items()
        ):
            return self
        if all(type(v) in (str, bool) for v in given.values()):
            key = tuple(sorted(given.items()))
            cache = self._merged
            found = cache.get(key)
            if found is None:
                if len(cache) >= 64:
                    cache.clear()
                found = cache[key] = self._validated(given)
            return found
        return self._validated(given)

    @cached_property
    def _merged(self) -> dict[tuple[tuple[str, Any], ...], Options]:
        """Options already merged from this one with str and bool keywords, by keywords."""
        return {}

    def _validated(self, given: dict[str, Any]) -> Options:
        """A copy with ``given`` fields, validated like a new object."""
        unknown = sorted(set(given) - set(type(self).model_fields))
        if unknown:
            raise TypeError(f"unknown option {unknown[0]!r}; options are "
                            f"{', '.join(type(self).model_fields)}")
        values = {name: getattr(self, name) for name in type(self).model_fields}
        try:
            return Options.model_validate({**values, **given})
        except ValidationError as exc:
            raise ValueError(_describe(exc)) from None

    @cached_property
    def resolved_language(self) -> str:
        """The language the text is read in, from ``language``, ``rules`` or ``lexicon``."""
        if self.language is not None:
            return self.language
        if isinstance(self.rules, RuleSet):
            return self.rules.language
        if self.lexicon is not None:
            return self.lexicon.language
        return "en"

    @cached_property
    def sieve(self) -> tuple[Rule, ...]:
        """The rules of the attribution sieve, in the order they are tried."""
        if isinstance(self.rules, RuleSet):
            return self.rules.sieve
        if self.rules is not None:
            return self.rules
        return builtin_rules(self.resolved_language)

    @cached_property
    def full_lexicon(self) -> Lexicon:
        """The lexicon the text is read with."""
        if self.lexicon is not None:
            return self.lexicon
        if isinstance(self.rules, RuleSet):
            return self.rules.full_lexicon
        lang = self.resolved_language
        return load_lexicon() if lang == "en" else language_rules(lang).full_lexicon


_DEFAULT = Options()


def _describe(exc: ValidationError) -> str:
    """One plain line per problem of a ValidationError: the option and what to pass."""
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {message}" if where and not message.startswith(where)
                     else message)
    return "; ".join(lines)


def resolve_options(options: Options | None = None, **overrides: Any) -> Options:
    """Return ``options`` (the defaults when ``None``) with keyword ``overrides`` merged.

    Raises:
        TypeError: if ``options`` is not an :class:`Options`.
        ValueError: if an override is invalid, saying what to pass.

    Example:
        >>> resolve_options(language="de").resolved_language
        'de'
    """
    if options is None:
        options = _DEFAULT
    elif not isinstance(options, Options):
        raise TypeError(
            f"options must be a quoteattr.Options, not {type(options).__name__}; "
            "or pass the options as keywords"
        )
    return options.merged(**overrides)
