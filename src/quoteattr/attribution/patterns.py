"""Declarative attribution rules: token patterns around a quote, as data.

A :class:`PatternRule` is the attribution counterpart of a spaCy ``Matcher``
pattern: a list of token descriptions, validated by pydantic, that must match
the tokens around one quote. Exactly one element is the quote (with its
quotation marks) and exactly one is the speaker; the rest are cue verbs,
literal words or punctuation, and bounded gaps.

====================  ======================================================
element               matches
====================  ======================================================
``{"QUOTE": true}``   the quote being attributed, with its quotation marks
``{"SPEAKER": true}`` a mention of a possible speaker (a name, pronoun,
                      description, body or country; never a possessive);
                      ``{"SPEAKER": ["name", "body"]}`` admits only those kinds
``{"CUE": true}``     a cue verb of the lexicon, one or more words
                      (``"strong"``: not a verb that signals speech only next
                      to a quote, such as "laughed")
``{"TEXT": ","}``     a token printed exactly so (a list: any of them)
``{"LOWER": "so"}``   a token whose lower-case form is this (a list: any)
``{"SKIP": 3}``       up to 3 words of the quote's sentence (at most 10)
====================  ======================================================

``"OP": "?"`` makes a ``TEXT``, ``LOWER`` or ``CUE`` element optional and
``"IS_CUE": true`` reports a ``TEXT`` or ``LOWER`` token as the rule's cue
(German ``„…“, so Lawrow``). Elements before the quote are matched leftwards
from its opening mark, elements after it rightwards from its closing mark, so a
match looks at a bounded window and the sieve stays linear in the text.

Example:
    >>> from quoteattr import attribute
    >>> rule = PatternRule(
    ...     name="quote_name_cue",
    ...     pattern=[{"QUOTE": True}, {"TEXT": ",", "OP": "?"}, {"SPEAKER": True},
    ...              {"CUE": True}],
    ... ).to_rule()
    >>> q = attribute('"Nothing new," Lavrov said.', rules=[rule]).quotes[0]
    >>> q.speaker.name, q.rule, q.cue.text
    ('Lavrov', 'quote_name_cue', 'said')

A comma printed inside the quotation marks (``"Nothing new,"``) is part of the
quote, hence the optional ``","`` for the British ``"Nothing new", Lavrov said``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.rules import Rule
from quoteattr.text.mentions import Mention

__all__ = ["MentionKind", "PatternElement", "PatternRule", "count_problems", "describe_errors"]

MentionKind = Literal["name", "pronoun", "description", "body", "country"]

_KINDS = ("QUOTE", "SPEAKER", "CUE", "TEXT", "LOWER", "SKIP")
_KEYS = (*_KINDS, "OP", "IS_CUE")
_MAX_SKIP = 10
_MAX_ELEMENTS = 16


class PatternElement(BaseModel):
    """One element of a pattern: which token(s) it matches (see the module table)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    QUOTE: Literal[True] | None = None
    SPEAKER: Literal[True] | tuple[MentionKind, ...] | None = None
    CUE: Literal[True, "strong"] | None = None
    TEXT: str | tuple[str, ...] | None = None
    LOWER: str | tuple[str, ...] | None = None
    SKIP: int | None = Field(default=None, ge=1, le=_MAX_SKIP)
    OP: Literal["?"] | None = None
    IS_CUE: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> PatternElement:
        kinds = [k for k in _KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            found = ", ".join(kinds) or "none"
            raise ValueError(
                f"an element needs exactly one of {', '.join(_KINDS)} (found: {found})"
            )
        kind = kinds[0]
        if self.OP is not None and kind not in ("TEXT", "LOWER", "CUE"):
            raise ValueError(f'"OP" applies to TEXT, LOWER and CUE elements, not {kind}')
        if self.IS_CUE and kind not in ("TEXT", "LOWER"):
            raise ValueError(f'"IS_CUE" applies to TEXT and LOWER elements, not {kind}')
        for value in _values(self.LOWER):
            if value != value.lower():
                raise ValueError(f"LOWER values are lower case: {value!r} (hint: use TEXT "
                                 "to match the exact spelling)")
        if kind in ("TEXT", "LOWER") and not all(_values(getattr(self, kind))):
            raise ValueError(f"{kind} values must not be empty")
        return self

    @property
    def kind(self) -> str:
        """The element's kind: ``QUOTE``, ``SPEAKER``, ``CUE``, ``TEXT``, ``LOWER`` or ``SKIP``."""
        return next(k for k in _KINDS if getattr(self, k) is not None)

    def show(self) -> str:
        """A short readable form: ``QUOTE``, ``","``, ``so``, ``SPEAKER``, ``SKIP(3)``."""
        kind = self.kind
        if kind == "TEXT":
            text = "|".join(f'"{v}"' for v in _values(self.TEXT))
        elif kind == "LOWER":
            text = "|".join(_values(self.LOWER))
        elif kind == "SKIP":
            text = f"SKIP({self.SKIP})"
        else:
            text = kind
        return text + ("?" if self.OP else "")


def _values(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


class PatternRule(BaseModel):
    """A named attribution rule written as a token pattern around the quote.

    Attributes:
        name: Stable snake_case name, reported as ``Quote.rule``.
        description: The pattern as a reader would write it; generated when empty.
        confidence: How sure a match is, 0 to 1.
        pattern: The elements, in text order (see the module table).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)
    description: str = ""
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)
    pattern: tuple[PatternElement, ...] = Field(min_length=2, max_length=_MAX_ELEMENTS)

    @model_validator(mode="after")
    def _one_quote_one_speaker(self) -> PatternRule:
        kinds = [e.kind for e in self.pattern]
        problems = []
        for kind in ("QUOTE", "SPEAKER"):
            if kinds.count(kind) != 1:
                problems.append(f"the pattern needs exactly one {kind} element "
                                f"(found {kinds.count(kind)})")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def show(self) -> str:
        """The pattern in one line, e.g. ``QUOTE "," so SPEAKER``."""
        return " ".join(e.show() for e in self.pattern)

    def to_rule(self) -> Rule:
        """Compile to a :class:`~quoteattr.attribution.rules.Rule` for the sieve.

        Example:
            >>> PatternRule(name="q_dash", pattern=[{"QUOTE": True}, {"TEXT": "—"},
            ...     {"SPEAKER": True}]).to_rule().description
            'QUOTE "—" SPEAKER'
        """
        quote_at = next(i for i, e in enumerate(self.pattern) if e.kind == "QUOTE")
        matcher = _Matcher(self, self.pattern[:quote_at][::-1], self.pattern[quote_at + 1 :])
        return Rule(self.name, self.description or self.show(), matcher)


@dataclass(frozen=True)
class _Hit:
    """What a side of the pattern matched: its speaker mention and cue span, if any."""

    mention: Mention | None = None
    cue: tuple[int, int] | None = None


_Step = Callable[[Context, int, int], "_Hit | None"]


class _Matcher:
    """The compiled pattern: matches leftwards and rightwards from the quote."""

    def __init__(
        self,
        rule: PatternRule,
        left: tuple[PatternElement, ...],
        right: tuple[PatternElement, ...],
    ) -> None:
        self.rule = rule
        self.left = left
        self.right = right

    def __call__(self, ctx: Context, qi: int) -> Decision | None:
        qt = ctx.quote_token[qi]
        start = qt - 1 if ctx.kind(qt - 1) == "mark" else qt
        end = qt + 1 if ctx.kind(qt + 1) == "mark" else qt
        left = _Side(ctx, self.left, -1, qt).match(0, start - 1)
        if left is None:
            return None
        right = _Side(ctx, self.right, 1, qt).match(0, end + 1)
        if right is None:
            return None
        mention = left.mention or right.mention
        return Decision(self.rule.name, self.rule.confidence, mention,
                        _join(left.cue, right.cue))


def _join(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


class _Side:
    """Matches one side's elements from a position, memoising (element, position)."""

    def __init__(self, ctx: Context, elements: tuple[PatternElement, ...], step: int,
                 qt: int) -> None:
        self.ctx = ctx
        self.elements = elements
        self.step = step
        self.qt = qt
        self.memo: dict[tuple[int, int], _Hit | None] = {}

    def match(self, e: int, pos: int) -> _Hit | None:
        if e == len(self.elements):
            return _Hit()
        key = (e, pos)
        if key not in self.memo:
            self.memo[key] = self._match(e, pos)
        return self.memo[key]

    def _match(self, e: int, pos: int) -> _Hit | None:
        el = self.elements[e]
        if el.kind == "SKIP":
            for n in range(0, (el.SKIP or 0) + 1):
                if n and not self._skippable(pos + self.step * (n - 1)):
                    break
                hit = self.match(e + 1, pos + self.step * n)
                if hit is not None:
                    return hit
            return None
        here = self._here(el, pos)
        if here is None:
            return self.match(e + 1, pos) if el.OP else None
        after, found = here
        rest = self.match(e + 1, after)
        if rest is None:
            return self.match(e + 1, pos) if el.OP else None
        return _Hit(found.mention or rest.mention, _join(found.cue, rest.cue))

    def _skippable(self, pos: int) -> bool:
        return self.ctx.kind(pos) == "word" and self.ctx.same_sentence(pos, self.qt)

    def _here(self, el: PatternElement, pos: int) -> tuple[int, _Hit] | None:
        """Match one element at ``pos``; return the next position and what it found."""
        ctx, step = self.ctx, self.step
        kind = el.kind
        if kind in ("TEXT", "LOWER"):
            if ctx.kind(pos) in ("end", "para", "quote"):
                return None
            word = ctx.word(pos) if kind == "TEXT" else ctx.tokens[pos].low
            if word not in _values(el.TEXT if kind == "TEXT" else el.LOWER):
                return None
            return pos + step, _Hit(cue=ctx.span(pos, pos + 1) if el.IS_CUE else None)
        if kind == "CUE":
            weak = el.CUE is True
            if step > 0:
                end = ctx.cue_at(pos, weak=weak)
                return (end, _Hit(cue=ctx.span(pos, end))) if end > 0 else None
            for first in range(pos, max(pos - ctx.lexicon.cue_max_words, -1), -1):
                if ctx.cue_at(first, weak=weak) == pos + 1:
                    return first - 1, _Hit(cue=ctx.span(first, pos + 1))
            return None
        # SPEAKER
        m = ctx.mention_starting.get(pos) if step > 0 else ctx.mention_ending.get(pos + 1)
        if m is None or m.possessive:
            return None
        if isinstance(el.SPEAKER, tuple) and m.kind not in el.SPEAKER:
            return None
        return (m.last if step > 0 else m.first - 1), _Hit(mention=m)


_HINT_KEYS = {k.lower(): k for k in _KEYS}


def count_problems(raw: object) -> list[str]:
    """Check a raw pattern for exactly one QUOTE and one SPEAKER, even if elements are invalid.

    pydantic checks the whole pattern only once every element is valid; a rule
    file's error lists this problem alongside the element errors.

    Example:
        >>> count_problems({"pattern": [{"QUOTE": True}, {"LOWER": "Says"}]})
        ['the pattern needs exactly one SPEAKER element (found 0)']
    """
    pattern = raw.get("pattern") if isinstance(raw, dict) else None
    if not isinstance(pattern, list):
        return []
    problems = []
    for kind in ("QUOTE", "SPEAKER"):
        found = sum(1 for e in pattern if isinstance(e, dict) and kind in e)
        if found != 1:
            problems.append(f"the pattern needs exactly one {kind} element (found {found})")
    return problems


def describe_errors(exc: ValidationError) -> list[str]:
    """Describe each problem of a pattern rule's ValidationError, with a hint where one helps.

    Example:
        >>> try:
        ...     PatternRule(name="x", pattern=[{"QUOTE": True}, {"text": ","}])
        ... except ValidationError as exc:
        ...     print(describe_errors(exc)[0])
        pattern.1.text: unknown key (hint: keys are upper case, as in spaCy's Matcher: 'TEXT')
    """
    out = []
    errors = exc.errors()
    nested = any(len(e["loc"]) > 1 and e["loc"][0] == "pattern" for e in errors)
    for err in errors:
        if nested and tuple(err["loc"]) == ("pattern",) and err["type"] == "too_short":
            continue  # pydantic counts only the valid elements; the element errors say why
        loc = [str(p) for p in err["loc"]]
        # a union of Literal/tuple alternatives reports the alternative's name; drop it
        loc = [p for p in loc if not p.startswith(("literal[", "tuple[", "str", "int"))]
        where = ".".join(loc)
        message = err["msg"].removeprefix("Value error, ")
        hint = ""
        if err["type"] == "extra_forbidden" and loc:
            key = loc[-1]
            message = "unknown key"
            if key in ("ORTH", "orth"):
                hint = "use 'TEXT' for the exact spelling or 'LOWER' for the lower-case form"
            elif key.lower() in _HINT_KEYS:
                hint = f"keys are upper case, as in spaCy's Matcher: {_HINT_KEYS[key.lower()]!r}"
            elif key in ("POS", "TAG", "DEP", "LEMMA", "ENT_TYPE"):
                hint = "quoteattr has no tagger or parser; use CUE, SPEAKER, TEXT or LOWER"
            else:
                hint = f"known keys: {', '.join(_KEYS)}"
        elif loc and loc[-1] == "OP":
            hint = ("only '?' is supported; a repeated gap is written {'SKIP': n} "
                    f"with n at most {_MAX_SKIP}")
        elif loc and loc[-1] == "SKIP":
            hint = f"SKIP takes the largest number of words to skip, 1 to {_MAX_SKIP}"
        elif loc and loc[-1] == "name":
            hint = "names are snake_case and say what they recognise: 'quote_comma_so_name'"
        elif loc and loc[-1] == "SPEAKER":
            hint = "SPEAKER is true or a list of: name, pronoun, description, body, country"
        text = f"{where}: {message}" if where else message
        out.append(text + (f" (hint: {hint})" if hint else ""))
    return _dedupe(out)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
