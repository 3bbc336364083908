"""Lexicons as data: cue verbs, titles, role nouns, pronouns, countries, bodies.

Every word list the attribution stage relies on lives in a JSON file under
``quoteattr/data/`` (English) or ``quoteattr/data/<language>/`` (any other
language), is validated by a pydantic model when loaded and is cached. That
includes the function words the rules consult (``grammar_words.json``), so a
language is a set of data files, not a fork of the code. Users read those files
to see what the library knows and extend a lexicon with :meth:`Lexicon.extend`,
which validates what it is given.

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

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from quoteattr.models import Stance

__all__ = [
    "Alias",
    "Body",
    "Country",
    "CueVerb",
    "GrammarWords",
    "Lexicon",
    "LexiconError",
    "Pronoun",
    "RoleNoun",
    "Stance",
    "Title",
    "did_you_mean",
    "inflect",
    "languages",
    "load_lexicon",
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
        >>> inflect("agree")
        ('agrees', 'agreed', 'agreeing')
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if _doubles_final_consonant(head):
        head_d = head + head[-1]
        return (head + "s" + tail, head_d + "ed" + tail, head_d + "ing" + tail)
    if head.endswith(("ee", "oe", "ye")):  # agree: agreed, agreeing
        past, ing = head + "d", head + "ing"
    elif head.endswith("ie"):  # lie: lied, lying
        past, ing = head + "d", head[:-2] + "ying"
    elif head.endswith("e"):
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
            In English, listed forms must be forms of the regular inflection
            unless ``irregular`` is set (so a misspelt form is caught when loading).
        irregular: The forms cannot be derived by :func:`inflect` ("say",
            "admit", British "labelled") and are listed in full.
        stance: What the verb says about the content (asserts, denies, ...).
        weak: True for verbs that signal speech only right next to a quote.
        particle: The particle of a separable verb ("mit" of German "mitteilen").
        split_forms: Finite forms that stand apart from ``particle`` ("teilte"
            of "teilte … mit"): a cue only where the particle closes the clause,
            as "teilte" alone also means "shared".
    """

    lemma: str = Field(min_length=1)
    forms: tuple[str, ...] = ()
    irregular: bool = False
    stance: Stance = "asserts"
    weak: bool = False
    particle: str | None = None
    split_forms: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _particle_with_split_forms(self) -> CueVerb:
        if bool(self.particle) != bool(self.split_forms):
            raise ValueError(
                f"{self.lemma!r}: a separable verb gives both 'particle' and 'split_forms' "
                '(hint: "particle": "mit", "split_forms": ["teilt", "teilte", "teilten"])'
            )
        for word in (*self.split_forms, *([self.particle] if self.particle else [])):
            if word != word.strip().lower() or " " in word:
                raise ValueError(f"{self.lemma!r}: {word!r} must be one lower-case word")
        return self

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


class Alias(_Entry):
    """A name a text uses for a speaker, mapped to the speaker's canonical name.

    ``{"text": "the Kremlin", "name": "Vladimir Putin", "kind": "person"}``
    reports quotes the text gives to "the Kremlin" as Vladimir Putin's. A
    leading lower-case determiner ("the", "der") is optional in the text.
    Aliases take precedence over :class:`Body` entries with the same text.
    """

    text: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: Literal["person", "organisation", "country"] = "organisation"


Words = frozenset[str]


class GrammarWords(_Entry):
    """The function words of one language that the attribution rules consult.

    Each field is one word class; ``grammar_words.json`` documents every one.
    All are required, so a new language states each class (an empty list is
    fine) and a missing one is reported by name.
    """

    not_names: Words
    name_connectors: Words
    determiners: Words
    subject_pronouns: Words
    modifier_stop: Words
    role_prefixes: Words
    adverbs: Words
    noun_markers: Words
    np_stop: Words
    np_determiners: Words
    prepositions: Words
    introducers: Words
    subordinators: Words
    clause_words: Words
    trailers: Words
    according_to: Words
    non_subject_after: Words
    subject_adverbs: Words
    definite_determiners: Words
    unresolved_pronouns: Words
    quote_cues: Words
    post_modifier_links: Words
    post_modifier_words: Words
    non_subject_followers: Words
    name_inner_links: Words
    partitive_links: Words
    partitive_singulars: Words
    group_words: Words

    @cached_property
    def according_to_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The ``according_to`` phrases split into lower-case words, longest first."""
        phrases = {tuple(p.lower().split()) for p in self.according_to if p.strip()}
        return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


class Lexicon(_Entry):
    """All word lists used by attribution, validated and frozen.

    Build one with :func:`load_lexicon` and extend it with :meth:`extend`.

    Attributes:
        language: The language code of the data (``"en"``, ``"de"``).
        grammar: The function words the rules consult.
        aliases: Names users map to a speaker ("the Kremlin" -> "Vladimir Putin").
    """

    language: str = "en"
    cue_verbs: tuple[CueVerb, ...]
    titles: tuple[Title, ...]
    roles: tuple[RoleNoun, ...]
    pronouns: tuple[Pronoun, ...]
    countries: tuple[Country, ...]
    org_head_words: tuple[str, ...]
    bodies: tuple[Body, ...]
    collective_nouns: tuple[str, ...]
    grammar: GrammarWords
    aliases: tuple[Alias, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Lexicon:
        problems: list[str] = []
        if self.language != "en":
            for n, verb in enumerate(self.cue_verbs):
                if not verb.forms:
                    problems.append(
                        f"cue_verbs.{n} ({verb.lemma!r}): forms are required outside English "
                        "(hint: inflect() knows English only; list every form, e.g. "
                        '"forms": ["sagt", "sagte", "gesagt"])'
                    )
        if self.language == "en":
            for n, verb in enumerate(self.cue_verbs):
                regular = inflect(verb.lemma)
                if verb.irregular and not verb.forms:
                    problems.append(
                        f"cue_verbs.{n} ({verb.lemma!r}): irregular, so list its forms"
                    )
                elif not verb.irregular and (
                    odd := [f for f in verb.forms if f.lower() not in regular]
                ):
                    problems.append(
                        f"cue_verbs.{n} ({verb.lemma!r}): {odd} not in the regular inflection "
                        f"{list(regular)} (hint: correct a misspelt form, leave \"forms\" out "
                        'for a regular verb, or set "irregular": true and list every form)'
                    )
        known = {p.text for p in self.pronouns}
        for word in sorted(self.grammar.subject_pronouns - known):
            problems.append(
                f"grammar.subject_pronouns: {word!r} is not in pronouns "
                "(hint: add it to pronouns.json with its gender and number)"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @cached_property
    def cue_forms(self) -> dict[str, CueVerb]:
        """Map every lower-case form of every cue verb to its entry."""
        table: dict[str, CueVerb] = {}
        for verb in self.cue_verbs:
            for form in verb.all_forms():
                table[form.lower()] = verb
        return table

    @cached_property
    def split_cues(self) -> dict[str, tuple[CueVerb, ...]]:
        """Map each finite form of a separable cue verb ("teilte") to its verbs.

        One form may stand apart from several particles ("wies … hin", "wies … zurück").

        Example:
            >>> [v.lemma for v in load_lexicon("de").split_cues["teilte"]]
            ['mitteilen']
        """
        table: dict[str, list[CueVerb]] = {}
        for verb in self.cue_verbs:
            for form in verb.split_forms:
                table.setdefault(form, []).append(verb)
        return {form: tuple(verbs) for form, verbs in table.items()}

    @cached_property
    def sentence_cue_words(self) -> frozenset[str]:
        """The :attr:`quote_cue_words` that are no weak verb.

        They make a short fragment before them in their sentence quoted speech
        ("closed" or "laughed" do not).
        """
        weak = {f for f, v in self.cue_forms.items() if v.weak}
        return self.quote_cue_words - weak

    @cached_property
    def quote_cue_words(self) -> frozenset[str]:
        """One-word cues that tell speech from a term and join an interrupted quote's parts.

        The one-word cue-verb forms, the longest word of each ``according_to``
        phrase ("according", German "Angaben" rather than "nach"), and the
        grammar's ``quote_cues`` ("quoted", "quoting").
        """
        forms = {f for f in self.cue_forms if " " not in f}
        # the longest word of each phrase: "according", "angaben" (not the preposition "nach")
        heads = {max(p, key=len) for p in self.grammar.according_to_phrases}
        return frozenset(forms | heads | self.grammar.quote_cues)

    @cached_property
    def cue_phrase_sizes(self) -> dict[str, tuple[int, ...]]:
        """For the first word of each multi-word cue form, its forms' word counts, largest first."""
        sizes: dict[str, set[int]] = {}
        for form in self.cue_forms:
            words = form.split(" ")
            if len(words) > 1:
                sizes.setdefault(words[0], set()).add(len(words))
        return {head: tuple(sorted(found, reverse=True)) for head, found in sizes.items()}

    @cached_property
    def cue_max_words(self) -> int:
        """The number of words of the longest cue form ("posted on X": 3)."""
        return max((len(form.split()) for form in self.cue_forms), default=1)

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
    def org_words(self) -> frozenset[str]:
        """The words that make a capitalised name an organisation, as a set."""
        return frozenset(self.org_head_words)

    @cached_property
    def cue_particles(self) -> frozenset[str]:
        """Last words of multi-word cues ("out" of "pointed out")."""
        return frozenset(form.rsplit(" ", 1)[1] for form in self.cue_forms if " " in form)

    @cached_property
    def cue_heads(self) -> frozenset[str]:
        """One-word cue forms and the first words of cues of three or more words."""
        long_heads = {form.split(" ", 1)[0] for form in self.cue_forms if form.count(" ") > 1}
        return frozenset(self.cue_forms.keys() | long_heads)

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
        """Map each body's short name or alias to its canonical name.

        Aliases are keyed without a leading lower-case determiner ("the
        Kremlin" as "Kremlin"), the way a name mention is printed.
        """
        table = {b.text: b.name for b in self.bodies}
        table.update({key: a.name for key, a in self.alias_table.items()})
        return table

    @cached_property
    def alias_table(self) -> dict[str, Alias]:
        """Map each alias, without a leading lower-case determiner, to its entry."""
        table: dict[str, Alias] = {}
        for alias in self.aliases:
            words = alias.text.split()
            if len(words) > 1 and words[0] in self.grammar.determiners:
                words = words[1:]
            table[" ".join(words)] = alias
        return table

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
                ``collective_nouns``, ``aliases``) and the entries to add, as
                models or dicts; or ``grammar``, a mapping of word class to
                the words to add to it.

        Raises:
            LexiconError: naming every invalid entry.

        Example:
            >>> kremlin = {"text": "the Kremlin", "name": "Vladimir Putin", "kind": "person"}
            >>> lex = load_lexicon().extend(aliases=[kremlin])
            >>> lex.body_names["Kremlin"]
            'Vladimir Putin'
        """
        data = self.model_dump()
        lists_known = sorted(set(data) - {"language"})
        unknown = sorted(set(lists) - set(lists_known))
        if unknown:
            hints = [did_you_mean(name, lists_known) for name in unknown]
            raise LexiconError(
                f"unknown lexicon list(s) {unknown}; known: {lists_known}"
                + "".join(h for h in hints if h)
            )
        for name, entries in lists.items():
            if name == "grammar":
                grammar = dict(data["grammar"])
                for word_class, words in dict(entries).items():
                    grammar[word_class] = set(grammar.get(word_class, ())) | set(words)
                data["grammar"] = grammar
                continue
            added = [e.model_dump() if isinstance(e, BaseModel) else e for e in entries]
            data[name] = [*data[name], *added]
        try:
            return Lexicon.model_validate(data)
        except ValidationError as exc:
            raise LexiconError(_explain(exc, "lexicon extension")) from None

    def with_cue_verbs(self, verbs: list[CueVerb]) -> Lexicon:
        """Return a new lexicon with more cue verbs (see :meth:`extend`)."""
        return self.extend(cue_verbs=verbs)


def did_you_mean(word: str, known: list[str]) -> str:
    """A hint naming the known word closest to a mistyped one, or ``""`` when none is close.

    Example:
        >>> did_you_mean("claimes", ["claims", "says"])
        " (hint: did you mean 'claims'?)"
    """
    import difflib  # only an error message needs it: kept out of every start-up

    close = difflib.get_close_matches(word, known, n=1)
    return f" (hint: did you mean {close[0]!r}?)" if close else ""


def _explain(exc: ValidationError, where: str, files: dict[str, str] | None = None) -> str:
    lines = [f"{where}: {exc.error_count()} problem(s)"]
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        source = (files or {}).get(str(err["loc"][0])) if err["loc"] else None
        prefix = f"{source}: " if source else ""
        lines.append(f"  - {prefix}{loc}: {err['msg']}")
    return "\n".join(lines)


_FILES = {
    "cue_verbs": "cue_verbs.json",
    "titles": "titles.json",
    "roles": "role_nouns.json",
    "pronouns": "pronouns.json",
    "countries": "countries.json",
    "org_head_words": "organisations.json",
    "bodies": "organisations.json",
    "aliases": "organisations.json",
    "collective_nouns": "organisations.json",
    "grammar": "grammar_words.json",
}


def _data_dir(language: str) -> Any:
    return resources.files("quoteattr").joinpath("data").joinpath(language)


def _read(name: str, language: str = "en") -> dict[str, Any]:
    path = _data_dir(language).joinpath(name)
    text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def languages() -> tuple[str, ...]:
    """Return the codes of the languages with a built-in lexicon.

    Example:
        >>> "en" in languages() and "de" in languages()
        True
    """
    root = resources.files("quoteattr").joinpath("data")
    found = {
        p.name for p in root.iterdir() if p.is_dir() and p.joinpath("cue_verbs.json").is_file()
    }
    return tuple(sorted(found))


@lru_cache(maxsize=16)
def load_lexicon(language: str = "en") -> Lexicon:
    """Load, validate and cache the built-in lexicon of a language.

    Each language lives in ``quoteattr/data/<language>/``, with the same file
    names in every language.

    Args:
        language: A code from :func:`languages` (``"en"`` by default).

    Raises:
        LexiconError: when the language is unknown, or a data file is invalid,
            naming the file and each problem.

    Example:
        >>> load_lexicon("de").cue_lemma("sagte")
        'sagen'
    """
    known = languages()
    if language not in known:
        raise LexiconError(
            f"no built-in lexicon for language {language!r}; known: {list(known)}"
            + did_you_mean(language, list(known))
        )
    orgs = _read("organisations.json", language)
    raw = {
        "language": language,
        "cue_verbs": _read("cue_verbs.json", language)["verbs"],
        "titles": _read("titles.json", language)["titles"],
        "roles": _read("role_nouns.json", language)["roles"],
        "pronouns": _read("pronouns.json", language)["pronouns"],
        "countries": _read("countries.json", language)["countries"],
        "org_head_words": orgs["head_words"],
        "bodies": orgs["bodies"],
        "aliases": orgs.get("aliases", []),
        "collective_nouns": orgs["collective_nouns"],
        "grammar": {
            k: v["words"] for k, v in _read("grammar_words.json", language)["lists"].items()
        },
    }
    where = f"quoteattr/data/{language}"
    try:
        return Lexicon.model_validate(raw)
    except ValidationError as exc:
        raise LexiconError(_explain(exc, where, _FILES)) from None
