"""Rule sets: the attribution sieve and its lexicon, as one validated file.

A rule set names a language, says which built-in rules to keep and in which
order, adds declarative :class:`~quoteattr.attribution.patterns.PatternRule` patterns and
Python functions, and extends the lexicon. It is read from JSON or TOML with
:func:`load_rules` (or from a dict with :func:`parse_rules`); every problem of
the file is reported in one :class:`RuleSetError` that names the file, the rule
and what is wrong, with a hint where a common mistake is likely.

**A rule set with** ``callables`` **is code.** Each entry names a Python
function that is imported (running its module) and called on every quote. Such
a file is refused unless the caller opts in with ``trust_code=True`` (on the
command line ``--allow-code``); opt in only for a file you would run as a
Python script. Patterns and lexicon additions are data and need no opt-in.

A TOML rule set::

    description = "House style: 'tooted', 'posted on X', the Kremlin as Putin"
    language = "en"
    remove = ["quote_dash_name"]
    rules = ["*", "name_posted_colon_quote"]   # optional: "*" = the other built-ins

    [[patterns]]
    name = "name_posted_colon_quote"
    description = 'NAME posted on X: "Q"'
    confidence = 0.9
    pattern = [{SPEAKER = true}, {CUE = true}, {TEXT = ":"}, {QUOTE = true}]

    [[callables]]                           # Python code: runs only with trust_code=True
    name = "my_rule"
    function = "my_package.rules:my_rule"   # func(ctx, quote_index) -> Decision | None

    [lexicon]
    cue_verbs = [{lemma = "toot"}, {lemma = "post on x"}]
    aliases = [{text = "the Kremlin", name = "Vladimir Putin", kind = "person"}]

Example:
    >>> from quoteattr import attribute
    >>> house = parse_rules({"lexicon": {"cue_verbs": [{"lemma": "toot"}]}})
    >>> attribute('"Nothing new," Lavrov tooted.', rules=house).quotes[0].speaker.name
    'Lavrov'
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import sys
from collections.abc import Mapping
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.patterns import PatternRule, count_problems, describe_errors
from quoteattr.attribution.rules import BUILTIN_RULES, Rule, RuleFunction
from quoteattr.language.lexicon import (
    Lexicon,
    LexiconError,
    did_you_mean,
    languages,
    load_lexicon,
)

__all__ = [
    "CallableRule",
    "RuleSet",
    "RuleSetError",
    "builtin_rules",
    "language_rules",
    "load_rules",
    "parse_rules",
    "rule_names",
]

_NAME = r"^[a-z][a-z0-9_]*$"
_REST = "*"


class RuleSetError(ValueError):
    """A rule set is invalid; the message names the file, each rule and every problem.

    Attributes:
        source: The file (or ``"<dict>"``) the rule set came from.
        problems: One line per problem, each naming its rule or field.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        """Build the message from the source and its problems."""
        self.source = source
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid rule set {source}: {count}\n{lines}")


class CallableRule(BaseModel):
    """A rule written in Python, referenced from a rule file by import path.

    The function has the signature of every rule,
    ``func(ctx: Context, quote_index: int) -> Decision | None``.

    Attributes:
        name: Stable snake_case name, reported as ``Quote.rule``.
        description: The pattern it recognises, for ``quoteattr rules``.
        function: ``"package.module:function"``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=_NAME, max_length=80)
    description: str = ""
    function: str = Field(pattern=r"^[\w.]+:[\w.]+$")

    def to_rule(self, *, checked: bool = True) -> Rule:
        """Import the function and wrap it as a :class:`~quoteattr.attribution.rules.Rule`.

        This imports (runs) the function's module: call it only for a rule set
        you trust (:func:`load_rules` asks for ``trust_code=True``). The
        function must be a Python function taking ``(ctx, quote_index)``; with
        ``checked`` the wrapped rule raises a TypeError when it returns anything
        but a :class:`~quoteattr.attribution.context.Decision` or ``None``.

        Raises:
            ValueError: if the module cannot be imported (or raises on import),
                has no such function, or the object does not have the signature
                of a rule.
        """
        module_name, _, attr = self.function.partition(":")
        try:
            obj: Any = importlib.import_module(module_name)
        except (Exception, SystemExit) as exc:  # a module raising on import is a problem too
            raise ValueError(
                f"importing {module_name!r} failed: {type(exc).__name__}: {exc}"
            ) from None
        for part in attr.split("."):
            if not hasattr(obj, part):
                raise ValueError(f"{module_name!r} has no {attr!r}")
            obj = getattr(obj, part)
        problem = _signature_problem(obj)
        if problem:
            raise ValueError(f"{self.function} {problem}; a rule is "
                             "def rule(ctx, quote_index) -> Decision | None")
        func = _checked(self.name, obj) if checked else obj
        return Rule(self.name, self.description or self.function, func)


def _signature_problem(obj: object) -> str:
    """Why ``obj`` cannot be a rule function, or ``""`` when it can."""
    # a function of a module compiled by mypyc (see setup.py) is a builtin with a
    # signature; the interpreter's own builtins are no rules
    if inspect.isfunction(obj):
        signature = inspect.signature(obj)
    elif inspect.isbuiltin(obj) and obj.__module__ != "builtins":
        try:
            signature = inspect.signature(obj)
        except (TypeError, ValueError):
            return f"is a {type(obj).__name__} without a signature, not a Python function"
    else:
        return f"is a {type(obj).__name__}, not a Python function"
    params = list(signature.parameters.values())
    positional = [p for p in params
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = [p for p in params if p.default is p.empty
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params) or (
        len(positional) < 2 or len(required) > 2
    ):
        return f"takes ({', '.join(str(p) for p in params)}), not two arguments"
    return ""


def _checked(name: str, func: RuleFunction) -> RuleFunction:
    """Wrap a rule file's function so that a wrong return type is named, not passed on."""

    @functools.wraps(func)
    def rule(ctx: Context, quote_index: int) -> Decision | None:
        decision = func(ctx, quote_index)
        if decision is not None and not isinstance(decision, Decision):
            raise TypeError(f"rule {name!r} returned a {type(decision).__name__}; a rule "
                            "returns a Decision or None")
        return decision

    return rule


class RuleSet(BaseModel):
    """A validated rule set: language, rule order, removals, new rules, lexicon additions.

    Build one with :func:`load_rules` or :func:`parse_rules`, which report every
    problem at once; pass it to :func:`~quoteattr.attribute` as ``rules=``.

    Attributes:
        description: What the rule set is for.
        language: The language whose built-in lexicon and rules it starts from.
        rules: The order of the sieve by rule name; ``"*"`` stands for every
            other built-in rule in built-in order. When omitted: the built-in
            rules, then ``patterns`` and ``callables`` in file order.
        remove: Built-in rules to leave out.
        patterns: Declarative rules.
        callables: Python rules by import path.
        lexicon: Entries to add to the language's lexicon, by list name
            (see :meth:`~quoteattr.language.lexicon.Lexicon.extend`).
        source: Where the rule set was read from, for messages.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = ""
    language: str = "en"
    rules: tuple[str, ...] | None = None
    remove: tuple[str, ...] = ()
    patterns: tuple[PatternRule, ...] = ()
    callables: tuple[CallableRule, ...] = ()
    lexicon: dict[str, Any] = Field(default_factory=dict)
    source: str = "<dict>"
    _own: bool = PrivateAttr(default=False)
    """True for a language's built-in rule set, which starts from the Python rules."""
    _trust_code: bool = PrivateAttr(default=False)
    """True when the caller opted in to importing and running ``callables``."""

    @cached_property
    def sieve(self) -> tuple[Rule, ...]:
        """The compiled rules, in the order the sieve tries them.

        Raises:
            RuleSetError: if a rule name is unknown or a rule cannot be built.
        """
        rules, problems = _compile(self)
        if problems:
            raise RuleSetError(self.source, problems)
        return rules

    @cached_property
    def full_lexicon(self) -> Lexicon:
        """The language's lexicon with this rule set's additions.

        Raises:
            RuleSetError: if an addition is invalid.
        """
        lex, problems = _extend(self)
        if problems:
            raise RuleSetError(self.source, problems)
        return lex

    def rule_names(self) -> list[str]:
        """The names of the compiled rules, in order.

        Example:
            >>> parse_rules({"remove": ["quote_dash_name"]}).rule_names()[:2]
            ['quoted_name_as_saying', 'quote_comma_name_said']
        """
        return [r.name for r in self.sieve]


def _base(rs: RuleSet) -> tuple[Rule, ...]:
    if rs.language == "en" or rs._own:
        return BUILTIN_RULES
    return language_rules(rs.language).sieve


def _compile(rs: RuleSet) -> tuple[tuple[Rule, ...], list[str]]:
    problems: list[str] = []
    base = {r.name: r for r in _base(rs)}
    defined: dict[str, Rule] = {}
    specs: list[PatternRule | CallableRule] = [*rs.patterns, *rs.callables]
    for spec in specs:
        where = f"rule {spec.name!r}"
        if spec.name in defined:
            problems.append(f"{where}: defined twice (hint: rule names must be unique)")
            continue
        if spec.name in base and spec.name not in rs.remove:
            problems.append(f"{where}: a built-in rule has this name (hint: pick another "
                            f"name, or replace the built-in with remove = [{spec.name!r}])")
            continue
        if isinstance(spec, CallableRule) and not rs._trust_code:
            problems.append(
                f"{where}: runs Python code ({spec.function!r}), and a rule set that runs "
                "code is refused unless you opt in (hint: load it with trust_code=True, or "
                "--allow-code on the command line, only if you would run the file as a script)"
            )
            defined[spec.name] = Rule(spec.name, spec.description, _untrusted)
            continue
        try:
            defined[spec.name] = (spec.to_rule(checked=not rs._own)  # not the package's own
                                  if isinstance(spec, CallableRule) else spec.to_rule())
        except ValueError as exc:
            hint = (" (hint: the module must be importable, e.g. on PYTHONPATH)"
                    if str(exc).startswith("importing") else "")
            problems.append(f"{where}: cannot use function {getattr(spec, 'function', '')!r}: "
                            f"{exc}{hint}")
            defined[spec.name] = Rule(spec.name, spec.description, _untrusted)
    known = [*base, *defined]
    for name in rs.remove:
        if name not in base:
            problems.append(f"remove: {name!r} is not a built-in rule of {rs.language!r}"
                            + did_you_mean(name, list(base)))
    if rs.rules is None:
        order = [n for n in base if n not in rs.remove] + list(defined)
    else:
        order = _order(rs, base, defined, known, problems)
    return tuple(defined.get(n) or base[n] for n in order if n in defined or n in base), problems


def _order(rs: RuleSet, base: dict[str, Rule], defined: dict[str, Rule], known: list[str],
           problems: list[str]) -> list[str]:
    listed = rs.rules or ()
    seen: set[str] = set()
    for name in listed:
        if name in seen:
            problems.append(f"rules: {name!r} is listed twice")
        seen.add(name)
        if name == _REST:
            continue
        if name not in base and name not in defined:
            problems.append(f"rules: unknown rule {name!r}" + did_you_mean(name, known))
        elif name in rs.remove and name not in defined:
            problems.append(f"rules: {name!r} is both listed and removed")
    for name in defined:
        if name not in seen:
            problems.append(f"rule {name!r}: defined but not in rules (hint: add it to rules, "
                            "before or after '*')")
    order: list[str] = []
    for name in listed:
        if name == _REST:
            order += [n for n in base if n not in seen and n not in rs.remove]
        else:
            order.append(name)
    return order


def _untrusted(ctx: Context, quote_index: int) -> Decision | None:
    """Stands in for a function that is refused or unusable; never called (the set is invalid)."""
    raise RuntimeError("an untrusted rule function was called")  # pragma: no cover


def _extend(rs: RuleSet) -> tuple[Lexicon, list[str]]:
    if rs.language == "en" or rs._own:
        base = load_lexicon(rs.language)
    else:
        base = language_rules(rs.language).full_lexicon
    if not rs.lexicon:
        return base, []
    try:
        return base.extend(**rs.lexicon), []
    except LexiconError as exc:
        lines = str(exc).splitlines()
        details = [ln.strip().removeprefix("- ") for ln in lines[1:]] or lines
        return base, [f"lexicon: {d}" for d in details]


_TOP_KEYS = list(RuleSet.model_fields)


def parse_rules(
    data: Mapping[str, Any], *, source: str = "<dict>", trust_code: bool = False
) -> RuleSet:
    """Validate a rule set given as a mapping (a parsed JSON or TOML document).

    Args:
        data: The rule set (see the module docstring for its fields).
        source: Where it came from, named in errors.
        trust_code: Import and run the Python functions named in ``callables``.
            Off by default: a rule set with ``callables`` is code, and is then
            refused with a message saying so.

    Returns:
        The rule set, its rules compiled and lexicon extended.

    Raises:
        RuleSetError: listing every problem: each invalid pattern element,
            unknown rule names (with the closest known name), invalid lexicon
            entries, unknown fields, ``callables`` without ``trust_code``.

    Example:
        >>> parse_rules({"remove": ["quote_dash_nam"]})
        Traceback (most recent call last):
        ...
        quoteattr.attribution.rulesets.RuleSetError: invalid rule set <dict>: 1 problem
          - remove: 'quote_dash_nam' is not a built-in rule of 'en' (hint: did you ...
    """
    if not isinstance(trust_code, bool):
        raise TypeError(f"trust_code must be True or False, not {trust_code!r}")
    return _parse(data, source, own=False, trust_code=trust_code)


def _parse(data: Mapping[str, Any], source: str, *, own: bool,
           trust_code: bool = False) -> RuleSet:
    if not isinstance(data, Mapping):
        raise RuleSetError(source, [f"a rule set is a table of fields, not a "
                                    f"{type(data).__name__}"])
    problems: list[str] = []
    for key in data:
        if key not in _TOP_KEYS or key == "source":
            problems.append(f"unknown field {key!r}" + (did_you_mean(str(key), _TOP_KEYS) or
                            f" (hint: fields are {', '.join(_TOP_KEYS[:-1])})"))
    fields: dict[str, Any] = {"source": source}
    # each field on its own, so that one of the wrong type does not hide the others' problems
    for key in ("description", "language", "rules", "remove", "lexicon"):
        if key not in data:
            continue
        try:
            RuleSet.model_validate({key: data[key]})
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"])
                if err["type"] in ("tuple_type", "list_type"):
                    problems.append(f"{loc}: a list of rule names, not a "
                                    f"{type(err['input']).__name__}")
                elif err["type"] == "dict_type":
                    problems.append(f"{loc}: a table of word lists, not a "
                                    f"{type(err['input']).__name__}")
                else:
                    problems.append(f"{loc}: {err['msg']}")
        else:
            fields[key] = data[key]
    language = fields.get("language", "en")
    if language not in languages():
        problems.append(f"language: no built-in lexicon for {language!r}; known: "
                        f"{list(languages())}" + did_you_mean(language, list(languages())))
        fields["language"] = language = "en"
    invalid: set[str] = set()  # names of rules already reported as invalid
    for key, model in (("patterns", PatternRule), ("callables", CallableRule)):
        entries = data.get(key, [])
        if not isinstance(entries, list):
            problems.append(f"{key}: a list of rules, not a {type(entries).__name__}")
            continue
        valid = []
        for n, entry in enumerate(entries):
            name = entry.get("name") if isinstance(entry, Mapping) else None
            where = f"rule {name!r}" if isinstance(name, str) else f"{key}.{n}"
            try:
                valid.append(model.model_validate(entry))
            except ValidationError as exc:
                invalid.add(str(name))
                details = describe_errors(exc)
                if key == "patterns" and not any("exactly one" in d for d in details):
                    details += count_problems(entry)
                problems += [f"{where}: {d}" for d in details]
        fields[key] = valid
    rs = RuleSet.model_validate(fields)
    rs._own = own
    rs._trust_code = trust_code
    problems += [p for p in _compile(rs)[1]
                 if not any(p.startswith(f"rules: unknown rule {n!r}") for n in invalid)]
    problems += _extend(rs)[1]
    if problems:
        raise RuleSetError(source, problems)
    return rs


def load_rules(path: str | Path, *, trust_code: bool = False) -> RuleSet:
    """Read and validate a rule set from a ``.json`` or ``.toml`` file.

    TOML needs Python 3.11 (``tomllib``) or the ``tomli`` package on 3.10.

    Args:
        path: The file.
        trust_code: Import and run the Python functions the file's ``callables``
            name. A rule file with ``callables`` is code, as a script is: it is
            refused unless you pass ``True``, which you should do only for a
            file whose author you trust.

    Raises:
        RuleSetError: naming the file and every problem in it (also when it is
            not UTF-8 text).
        OSError: if the file cannot be read.
        TypeError: if ``path`` is not a path.

    Example:
        >>> import json, tempfile
        >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        ...     json.dump({"rules": ["quote_comma_said_name"]}, f)
        >>> load_rules(f.name).rule_names()
        ['quote_comma_said_name']
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"load_rules() takes the path of a .json or .toml file, not "
                        f"{type(path).__name__}; for a dict use parse_rules(data)")
    p = Path(path)
    source = str(path)
    suffix = p.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise RuleSetError(source, [f"unknown file type {p.suffix!r} (hint: name the file "
                                    "*.json or *.toml)"])
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleSetError(source, [f"not UTF-8 text (undecodable byte at offset {exc.start}; "
                                    "hint: save the file as UTF-8)"]) from None
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RuleSetError(source, [f"not valid JSON: {exc}"]) from None
    else:
        data = _read_toml(text, source)
    return parse_rules(data, source=source, trust_code=trust_code)


def _read_toml(text: str, source: str) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ImportError:
            raise RuleSetError(source, [
                "reading TOML needs Python 3.11 or the tomli package (hint: pip install "
                "tomli, or write the rule set as JSON)"]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(source, [f"not valid TOML: {exc}"]) from None


@lru_cache(maxsize=16)
def language_rules(language: str = "en") -> RuleSet:
    """Return the built-in rule set of a language (its lexicon and sieve).

    English is the Python rules of :mod:`quoteattr.attribution.rules`; another language
    adds the patterns of ``quoteattr/data/<language>/rules.json``.

    Raises:
        RuleSetError: if the language is unknown or its rule file is invalid.

    Example:
        >>> "quote_comma_so_name" in language_rules("de").rule_names()
        True
    """
    if language not in languages():
        raise RuleSetError(f"language {language!r}", [
            f"no built-in rules for {language!r}; known: {list(languages())}"
            + did_you_mean(language, list(languages()))])
    if language == "en":
        return RuleSet(source="quoteattr built-in rules")
    path = resources.files("quoteattr").joinpath("data").joinpath(language).joinpath("rules.json")
    source = f"quoteattr/data/{language}/rules.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if data.get("language", language) != language:
        raise RuleSetError(source, [f"language: {data['language']!r}, expected {language!r}"])
    # the Python rules with the language's lexicon and patterns
    return _parse({**data, "language": language}, source, own=True, trust_code=True)


def builtin_rules(language: str = "en") -> tuple[Rule, ...]:
    """Return the built-in attribution rules of a language, in the order the sieve tries them.

    English is the Python rules of this module; another language adds the
    patterns of ``quoteattr/data/<language>/rules.json``
    (see :func:`quoteattr.attribution.rulesets.language_rules`).

    Example:
        >>> builtin_rules()[0].name
        'quoted_name_as_saying'
        >>> "quote_comma_so_name" in rule_names(builtin_rules("de"))
        True
    """
    if language == "en":
        return BUILTIN_RULES
    return language_rules(language).sieve


def rule_names(rules: tuple[Rule, ...] | None = None) -> list[str]:
    """Return the names of the rules of a sieve (the built-in one by default), in order.

    Example:
        >>> "quote_comma_name_said" in rule_names()
        True
    """
    return [rule.name for rule in (BUILTIN_RULES if rules is None else rules)]
