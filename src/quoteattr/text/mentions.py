"""Who is named where: names, pronouns and descriptions that can be speakers.

A mention is a stretch of tokens that names a possible source: a proper name
with its title kept apart ("Russian Foreign Minister" + "Sergei Lavrov"), a
pronoun ("he"), a description ("a Turkish official", "the foreign minister"),
a body ("the White House") or a country ("Turkey"). Mentions are found once
per document in one left-to-right pass over the tokens.

Example:
    >>> from quoteattr.text.tokens import tokenize
    >>> text = "Russian Foreign Minister Sergei Lavrov met a Turkish official."
    >>> for m in find_mentions(text, tokenize(text, [])):
    ...     print(m.text, "|", m.kind, "|", m.role)
    Russian Foreign Minister Sergei Lavrov | name | Russian Foreign Minister
    a Turkish official | description | None
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from quoteattr.language.lexicon import Lexicon, load_lexicon
from quoteattr.language.names import load_person_names
from quoteattr.models import SpeakerKind
from quoteattr.text.names import (
    HeadlineLines,
    NameReader,
    NameSplit,
    dateline_end,
    printed,
    token_at,
)
from quoteattr.text.noun_phrases import noun_phrases
from quoteattr.text.tokens import Token, indexed_among

__all__ = ["Mention", "find_mentions", "is_capitalised", "mentions_in_context", "name_reader"]


class Mention(NamedTuple):
    """A possible source named in the text (an immutable named tuple).

    Attributes:
        first: Index of the first token.
        last: Index one past the last token.
        start: Character offset of the start.
        end: Character offset of the end.
        text: The mention as printed.
        kind: ``name``, ``pronoun``, ``description``, ``body`` or ``country``.
        name: The name without title ("Sergei Lavrov"), the pronoun, or the
            description as printed.
        role: A title or role printed with the name ("Russian Foreign Minister").
        possessive: True for "Lavrov's": a possessor, never a speaker.
        speaker_kind: The kind of source this mention suggests.
        honorific: An honorific printed before a name ("Mr", "Mrs."), which is
            neither name nor role.
    """

    first: int
    last: int
    start: int
    end: int
    text: str
    kind: str
    name: str
    role: str | None
    possessive: bool
    speaker_kind: SpeakerKind
    honorific: str | None = None


def is_capitalised(word: str) -> bool:
    """Tell whether a word starts with an upper-case letter."""
    return bool(word) and word[0].isupper()


_POSSESSIVE = ("'s", "’s", "'S", "’S")


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word.endswith(_POSSESSIVE):
        return word[:-2], True
    return word, False


class _Tables:
    """The word lists of one lexicon that mention finding reads, as plain attributes.

    Built once per lexicon; also caches how a run of name words splits into
    title and name, which depends on the words alone.
    """

    __slots__ = (
        "aliases",
        "bodies",
        "connector_pairs",
        "connectors",
        "countries",
        "cue_forms",
        "demonyms",
        "determiners",
        "lex",
        "modifier_stop",
        "not_names",
        "noun_markers",
        "nouns",
        "org_words",
        "parsed",
        "plain_determiners",
        "pronouns",
        "reader",
        "role_prefixes",
        "roles",
        "title_joiners",
        "title_stems",
        "titles",
        "triggers",
    )

    def __init__(self, lex: Lexicon) -> None:
        grammar = lex.grammar
        reader_words = load_person_names(lex.language)
        self.lex = lex
        self.roles = lex.role_forms
        self.pronouns = grammar.subject_pronouns & set(lex.pronoun_forms)
        self.determiners = grammar.determiners
        self.triggers = self.pronouns | self.determiners | self.roles.keys()
        self.plain_determiners = self.determiners - self.pronouns - self.roles.keys()
        self.not_names = grammar.not_names
        self.noun_markers = grammar.noun_markers
        self.title_joiners = reader_words.title_joiners
        self.connectors = grammar.name_connectors
        # two-word particles ("von der"), listed with a space among the connectors
        self.connector_pairs = frozenset(
            (a, b) for a, _, b in (c.partition(" ") for c in self.connectors) if b
        )
        self.titles = lex.title_words
        # "Sen" for "Sen.": a word whose title form adds a period
        self.title_stems = frozenset(t[:-1] for t in self.titles if t.endswith("."))
        self.modifier_stop = grammar.modifier_stop
        self.cue_forms = lex.cue_forms
        self.role_prefixes = grammar.role_prefixes
        self.demonyms = lex.demonym_to_country
        self.aliases = lex.alias_table
        self.countries = lex.country_names
        self.bodies = lex.body_names
        self.org_words = lex.org_words
        self.nouns = noun_phrases(lex)
        self.reader = NameReader(lex, compound_heads=self.nouns.compound_heads)
        self.parsed: dict[
            tuple[tuple[str, ...], bool], tuple[NameSplit, str, SpeakerKind, bool]
        ] = {}


_SUSPECT_ENDINGS = ("ed", "ing")
"""Endings of a sentence's opening participle ("Reached by phone"), checked further."""

_ROLE_GAP = 3
"""Most lower-case words of a role between a name and the person it modifies."""

_TABLES: dict[int, _Tables] = {}
_MAX_PARSED = 100_000  # cached name splits per lexicon; cleared when full


def _tables(lex: Lexicon) -> _Tables:
    tables = _TABLES.get(id(lex))
    if tables is None or tables.lex is not lex:
        if len(_TABLES) > 32:
            _TABLES.clear()
        tables = _TABLES[id(lex)] = _Tables(lex)
    return tables


def name_reader(lexicon: Lexicon) -> NameReader:
    """The name reader of ``lexicon``, built once and shared with :func:`find_mentions`.

    Example:
        >>> reader = name_reader(load_lexicon())
        >>> reader is name_reader(load_lexicon()), reader.party_tag("D-Ohio")
        (True, ('democrat', 'ohio'))
    """
    return _tables(lexicon).reader


def find_mentions(
    text: str, tokens: Sequence[Token], *, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Find every possible source mention outside quotes, in text order.

    Args:
        text: The original text.
        tokens: Its tokens, from :func:`quoteattr.text.tokens.tokenize`.
        lexicon: Word lists to use; the built-in English lexicon by default.

    Returns:
        Mentions in text order; they never overlap.
    """
    tb = _tables(lexicon or load_lexicon())
    triggers = tb.triggers
    # only capitalised words, pronouns, determiners and role nouns can start a mention
    starts = [
        i for i, tok in enumerate(tokens)
        if tok.kind == "word" and (tok.low in triggers or tok.text[0].isupper())
    ]
    return _mentions_from(text, tokens, tb, starts)


def mentions_in_context(
    text: str,
    tokens: Sequence[Token],
    lexicon: Lexicon,
    index: dict[str, list[int]],
    capitalised: list[int],
) -> list[Mention]:
    """:func:`find_mentions` for tokens already indexed by :func:`~quoteattr.text.tokens.tokenize`.

    Args:
        text: The original text.
        tokens: Its tokens.
        lexicon: Word lists to use.
        index: The tokens' index (``tokenize(..., index=...)``).
        capitalised: The capitalised words (``tokenize(..., capitalised=...)``).
    """
    tb = _tables(lexicon)
    role_at = sorted(i for low in indexed_among(index, tb.roles) for i in index[low])
    starts = set(capitalised)
    starts.update(role_at)
    for low in indexed_among(index, tb.pronouns):
        starts.update(index[low])
    # a lower-case determiner starts a mention only before a role noun ("a Turkish official")
    for low in indexed_among(index, tb.plain_determiners):
        for i in index[low]:
            k = bisect_left(role_at, i)
            if k < len(role_at) and role_at[k] - i < 8:
                starts.add(i)
    return _mentions_from(text, tokens, tb, sorted(starts), role_at)


def _mentions_from(
    text: str,
    tokens: Sequence[Token],
    tb: _Tables,
    starts: list[int],
    role_at: list[int] | None = None,
) -> list[Mention]:
    """The mentions that start at some of ``starts`` (word indices, in order).

    ``role_at``, the positions of role nouns, is computed when not given.
    """
    out: list[Mention] = []
    roles = tb.roles
    pronouns = tb.pronouns
    determiners = tb.determiners
    if role_at is None:
        role_at = [i for i in starts if tokens[i].low in roles]
    roles_found = len(role_at)
    lines = HeadlineLines(tokens)
    known: set[str] = set()
    """Lower-case last words of the names found so far ("will" after "George Will")."""
    resume = 0
    for i in starts:
        if i < resume:
            continue
        tok = tokens[i]
        lower = tok.low
        if tok.text.isupper() and (i == 0 or tokens[i - 1].kind == "para"):
            dateline = dateline_end(tokens, i)
            if dateline > i:
                resume = dateline  # "DAYTON, Ohio (AP) —": a place, no speaker
                continue
        found: Mention | None = None
        next_role = bisect_left(role_at, i)
        near_role = next_role < roles_found and role_at[next_role] - i < 8
        if lower in pronouns:
            found = Mention(i, i + 1, tok.start, tok.end, tok.text, "pronoun", tok.text, None,
                            False, "unknown")
        else:
            capital = tok.text[0].isupper()
            if capital and tok.text[1:2] == "-":
                tag = tb.reader.party_tag_end(text, tokens, i)
                if tag > i:
                    resume = tag  # "(D-Ohio)", ", R-Fla.,": a party and a state, no speaker
                    continue
            if capital or lower in determiners or (near_role and role_at[next_role] == i):
                if near_role:
                    found = _description(text, tokens, i, tb)
                if found is None and capital:
                    found = _name(text, tokens, i, tb, lines, known)
                    if found is not None and found.kind == "name":
                        known.add(found.name.rpartition(" ")[2].lower())
        if found is not None and found.first >= resume:
            if (
                out
                and 0 < found.first - out[-1].last <= _ROLE_GAP
                and tokens[found.first - 1].low in tb.reader.person_roles
                and found.kind in ("name", "description")
                and tokens[found.first].text[0].isupper()
                and _modifies_role(tokens, out[-1], found.first, tb)
            ):
                if found.kind == "description":
                    # "GOP nominee Jane Doe's first post": the words before the role
                    # are no speaker
                    out[-1] = out[-1]._replace(possessive=True)
                else:
                    # "Acme Corp chief executive Jo Park", "Doe spokesman Tom Hale": the
                    # name before the role belongs to it, as "Ohio Sen." to "Jane Doe"
                    before = out.pop()
                    found = found._replace(
                        first=before.first,
                        start=before.start,
                        text=text[before.start : found.end],
                        role=printed(text, before.start, tokens[found.first - 1].end),
                    )
            out.append(found)
            resume = found.last
    return out


def _modifies_role(tokens: Sequence[Token], before: Mention, name_at: int, tb: _Tables) -> bool:
    """Whether ``before`` is a name printed before a lower-case role of the name at ``name_at``.

    One to three lower-case words lie between them, the last a person's role
    noun (the caller checks it) and none a verb or function word ("City Hall
    press secretary Jo Park").
    """
    if before.possessive or before.kind not in ("name", "body", "country"):
        return False
    reader = tb.reader
    for k in range(before.last, name_at):
        tok = tokens[k]
        low = tok.low
        if tok.kind != "word" or not tok.text.islower():
            return False
        cue = tb.cue_forms.get(low)
        if low in reader.role_stop and (cue is None or cue.lemma != low):
            return False  # but "press secretary", "counsel" after a modifier: nouns
        if low in reader.headline_verbs or low.endswith("ed"):
            return False  # "Doe met spokesman Jo Park", "Doe hired adviser Jo Park"
    return True


def _name_span(tokens: Sequence[Token], i: int, tb: _Tables, lines: HeadlineLines) -> int:
    """Return the end of the run of capitalised words (with initials and connectors).

    A headline verb or a capitalised function word ends the run ("Doe Slams
    Roe Over Taxes" gives "Doe").
    """
    n = len(tokens)
    j = i
    not_names = tb.not_names
    titles = tb.titles
    title_stems = tb.title_stems
    reader = tb.reader
    headline: bool | None = None
    while j < n:
        tok = tokens[j]
        word = tok.text
        if tok.kind == "word" and word[0].isupper():
            if j > i and word in not_names and word not in titles:
                if tok.low not in reader.homographs or (
                    j + 1 < n and tokens[j + 1].text[:1].isdigit()
                ):
                    break  # "Trump Will", "Doe May 3"
                if headline is None:
                    headline = lines.headline(i)
                if headline:
                    break  # "Doe Will Win": a modal verb in a headline
            if j > i and tok.low in reader.cue_or_breaker:
                if headline is None:
                    headline = lines.headline(i)
                if reader.ends_name(tok.low, headline=headline):
                    break
            j += 1
            if len(word) > 2 and word.endswith(_POSSESSIVE):
                break
            # an initial or an abbreviated title keeps its period: "F.", "Sen."
            if j < n and (len(word) == 1 or word in title_stems or tok.low in reader.suffixes):
                after = tokens[j]
                if after.text == "." and after.start == tok.end:
                    j += 1
            continue
        if (
            word in tb.title_joiners
            and j > i
            and tokens[j - 2 if tokens[j - 1].text == "." else j - 1].low in reader.title_like
            and j + 1 < n
            and tokens[j + 1].kind == "word"
            and tokens[j + 1].text[0].isupper()
            and not reader.is_honorific(tokens[j + 1].low)
            and reader.title_chain(tuple(t.text for t in tokens[i:j] if t.kind == "word"))
        ):
            j += 1  # "Ohio Gov. and party Chairman Tom Hale": a chain of titles
            continue
        if (
            tb.connector_pairs
            and j + 2 < n
            and (tok.low, tokens[j + 1].low) in tb.connector_pairs
            and tb.nouns.joins_particle_name(tokens, i, j)
        ):
            j += 2  # "Ursula von der Leyen", "Präsidentin von der Leyen"
            continue
        if (
            j > i
            and j + 1 < n
            and ((tok.kind == "word" and word in tb.connectors)
                 or word in tb.lex.grammar.name_inner_links)
            and tb.nouns.particle_after_given_name(tokens, i, j)
        ):
            # "Secretary of Labor Ann Lowe", "Bank of America"
            after = tokens[j + 1]
            if after.kind == "word" and after.text[0].isupper():
                j += 1
                continue
        break
    return j


def _name(
    text: str,
    tokens: Sequence[Token],
    i: int,
    tb: _Tables,
    lines: HeadlineLines,
    known: set[str] | None = None,
) -> Mention | None:
    word = tokens[i].text
    low = tokens[i].low
    suspect = low.endswith(_SUSPECT_ENDINGS) or "'" in low or "\u2019" in low
    if suspect and tb.reader.not_a_name(tokens, i):
        return None  # "I'm", "Reached by phone, ...": no name
    if (
        low in tb.cue_forms
        and i + 1 < len(tokens)
        and tokens[i + 1].kind == "word"
        and tokens[i + 1].text.islower()
        and tokens[i + 1].low not in tb.cue_forms
    ):
        return None  # "Said the senator", "Added Mr Roe's aide": an inverted cue
    homograph = False
    if word in tb.not_names and word not in tb.titles and i + 1 < len(tokens):
        # "The", "But", "In" before anything but a name: no name starts here
        after = tokens[i + 1]
        if after.kind != "word" or not (
            after.text[0].isupper() or after.text in tb.connectors
            or after.text in tb.lex.grammar.name_inner_links
        ):
            if not tb.reader.homograph_name(tokens, i, known or frozenset()):
                return None
            homograph = True  # "Will said", "May has said": a surname
    end = _name_span(tokens, i, tb, lines)
    if end == i:
        return None
    if (
        end == i + 1
        and tokens[i].low in tb.reader.words.parties
        and i + 1 < len(tokens)
        and tokens[i + 1].kind == "word"
        and tokens[i + 1].text.islower()
    ):
        return None  # "Republican presidential candidate Jane Doe": a modifier, not a name
    first = i
    not_names = tb.not_names
    while not homograph and first < end and tokens[first].text in not_names and (
        tokens[first].text not in tb.titles
    ):
        first += 1
    while first < end and not tokens[first].text[0].isupper():
        first += 1  # "Some of Clinton's": "of" opens no name
    if first >= end or tokens[first].kind != "word":
        return None
    if tb.nouns.active and end == first + 1:
        if tb.nouns.common_noun(tokens[first].text):
            return None  # "schrieb Fernsehgeschichte", "auf Anfrage": a common noun
        det = tb.nouns.determiner_before(tokens, first)
        if det >= 0 and not tb.nouns.known_name_word(tokens[first].text):
            # "den Clip", "der frühere Nationalspieler": a common noun, or a description
            return _determined_role(text, tokens, det, first, tb)
    if end == first + 1:
        wtoks = [tokens[first]]
        words: tuple[str, ...] = (wtoks[0].text,)
    else:
        wtoks = [t for t in tokens[first:end] if t.kind == "word"]
        words = tuple([t.text for t in wtoks])
    headline = len(words) > 2 and lines.headline(first)
    key = (words, headline)
    parsed = tb.parsed.get(key)
    if parsed is None:
        if len(tb.parsed) >= _MAX_PARSED:
            tb.parsed.clear()
        parsed = tb.parsed[key] = _parse_name(words, tb, headline)
    split, kind, speaker_kind, possessive = parsed
    if kind == "none":
        return None
    if split.lead:
        # "Celebrating Jane Doe": the words before the role are not the mention's
        first = token_at(tokens, first, end, wtoks[split.lead].start)
    role = None
    if split.name_start > split.role_start:
        role_start = wtoks[split.role_start].start
        before = tokens[first - 1] if first > 0 and split.role_start == split.lead else None
        if before is not None and before.kind == "word" and before.text in tb.role_prefixes:
            first -= 1  # "said former Ohio Gov. Jane Doe": "former" is part of the title
            role_start = before.start
        role = printed(text, role_start, _title_end(text, wtoks[split.name_start - 1]))
    if role is None and kind == "name":
        role = tb.reader.role_before(text, tokens, first)
    name_last = wtoks[split.name_end - 1]
    name_stop = name_last.end - 2 if possessive and split.name_end == len(wtoks) else (
        _title_end(text, name_last) if _keeps_period(name_last.text, tb) else name_last.end)
    name = printed(text, wtoks[split.name_start].start, name_stop)
    start, stop = tokens[first].start, tokens[end - 1].end
    return Mention(first, end, start, stop, text[start:stop], kind, name, role, possessive,
                   speaker_kind, split.honorific)


def _keeps_period(word: str, tb: _Tables) -> bool:
    """An initial or a suffix printed with its period ("J.", "Jr.")."""
    return (len(word) == 1 and word.isupper()) or word.lower() in tb.reader.suffixes


def _determined_role(
    text: str, tokens: Sequence[Token], det: int, head: int, tb: _Tables
) -> Mention | None:
    """A description from determiner ``det`` to role noun ``head``; None for another noun."""
    found = tb.nouns.role_phrase(tokens, head)
    if found is None:
        return None
    end, role = found
    noun = tokens[head].text
    if role is not None and role.kind == "organisation":
        speaker_kind: SpeakerKind = "organisation"
    elif role is not None and role.kind == "document":
        speaker_kind = "unknown"
    elif role is not None and noun == role.plural and role.plural != role.singular:
        speaker_kind = "collective"
    else:
        speaker_kind = "anonymous"
    start, stop = tokens[det].start, tokens[end - 1].end
    desc = text[start:stop]
    return Mention(det, end, start, stop, desc, "description", desc, None, False, speaker_kind)


def _parse_name(
    words: tuple[str, ...], tb: _Tables, headline: bool
) -> tuple[NameSplit, str, SpeakerKind, bool]:
    """Split name words into role and name, and classify the name.

    Returns:
        The split (word indices), the mention kind, the speaker kind, and
        whether the last word is possessive.
    """
    last_word, possessive = _strip_possessive(words[-1])
    plain = (*words[:-1], last_word)
    reader = tb.reader
    split = reader.split(plain, headline=headline)
    name_words = list(plain[split.name_start : split.name_end])
    kind, speaker_kind = _classify_name(" ".join(name_words), name_words, tb)
    if split.whole:
        return split, kind, speaker_kind if kind != "name" else "unknown", possessive
    if kind == "name" and reader.is_place(tuple(name_words)):
        kind, speaker_kind = "country", "country"  # "Ohio argued", "New York sued"
    elif kind == "name" and (
        (len(plain) > 1 and reader.only_role_words(tuple(name_words)))
        or (len(plain) == 1 and reader.is_abbreviated_title(plain[0]))
    ):
        # "Pennsylvania Gov.", "Florida-based Republican": a role, and no name
        return split, "none", "unknown", possessive
    if kind != "name" and split.name_start:
        # "Bank of America", "Islamic State", "White House": the whole run is the name,
        # less a headline's verb before it ("Bans Northern Rail Group")
        lead = 0
        while lead < split.name_start and reader.ends_name(plain[lead].lower(), headline=headline):
            lead += 1
        whole = list(plain[lead:])
        kind, speaker_kind = _classify_name(" ".join(whole), whole, tb)
        if kind != "name":
            split = NameSplit(lead, lead, len(plain), lead=lead)
    if (split.name_start > split.role_start or split.honorific) and kind == "name":
        speaker_kind = "person"
    return split, kind, speaker_kind, possessive


def _title_end(text: str, tok: Token) -> int:
    """Include the period of an abbreviated title ("Sen.")."""
    return tok.end + 1 if text[tok.end : tok.end + 1] == "." else tok.end


def _classify_name(name: str, words: list[str], tb: _Tables) -> tuple[str, SpeakerKind]:
    alias = tb.aliases.get(name)
    if alias is not None:
        return "body", alias.kind
    if name in tb.countries:
        return "country", "country"
    if name in tb.bodies or not tb.org_words.isdisjoint(words):
        return "body", "organisation"
    if name in tb.demonyms:
        return "country", "country"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "body", "organisation"
    return "name", "person"


def _description(text: str, tokens: Sequence[Token], i: int, tb: _Tables) -> Mention | None:
    """Parse "a Turkish official", "the foreign minister", "officials" starting at token i."""
    n = len(tokens)
    j = i
    determiners, modifier_stop = tb.determiners, tb.modifier_stop
    roles, cue_forms = tb.roles, tb.cue_forms
    links = tb.lex.grammar.post_modifier_links
    continuing = tb.lex.grammar.post_modifier_words
    saw_det = tokens[i].low in determiners
    if saw_det:
        j += 1
    # a part of a group: "one of those advisers", "some of his aides"
    partitive = (saw_det and j + 1 < n and tokens[j].low in tb.lex.grammar.partitive_links
                 and tokens[i].low not in tb.lex.grammar.definite_determiners)
    if partitive:
        j += 1
        if tokens[j].low in determiners:
            j += 1
    head = -1
    # modifiers then a role noun, at most six tokens; the last role noun heads
    # ("the Green Party deputy leader", "campaign spokesman")
    while j < n and j - i < 7:
        tok = tokens[j]
        if tok.kind != "word":
            break
        word = tok.text
        lower = tok.low
        lower_role = roles.get(lower)
        if word in roles or (lower_role is not None and (j > i or lower == lower_role.plural)):
            head = j
            j += 1
            # compound roles: "campaign spokesman", "press secretary"; a capitalised
            # role may be a modifier ("the Green Party deputy leader")
            if j < n and tokens[j].kind == "word" and (
                tokens[j].text in roles or (word[0].isupper() and tokens[j].text.islower())
            ):
                continue
            break
        if lower in modifier_stop or lower in cue_forms or (
            j > i and lower in determiners and (lower in tb.noun_markers or not saw_det)
        ):
            break  # but "the former governor", "a top adviser", "the two officials" go on
        j += 1
    if head < 0:
        return None
    noun = tokens[head].text
    role = roles.get(noun) or roles.get(noun.lower())
    if role is None:
        return None
    plural = noun.lower() == role.plural and role.plural != role.singular
    if partitive and not plural:
        return None  # "one of the campaign ...": a group's member needs the group's plural
    if not plural and noun[0].isupper() and tokens[i].low not in tb.noun_markers and (
        tb.lex.language == "en" or not tb.nouns.active
    ):
        return None  # "Former Secretary of State Jane Doe": a title before a name
    first_word = tokens[i].text
    if not saw_det and not plural and not (first_word[0].isupper() and head > i):
        return None
    if not saw_det and head == i and first_word[0].isupper() and not plural:
        return None  # a capitalised role alone ("President") is a title, not a description
    end = head + 1
    # post-modifier: "a spokesman for the ministry", "the head of the Turkish Foreign Ministry"
    if end + 1 < n and tokens[end].text in links and tokens[end].kind == "word":
        k = end + 1
        while k < n and k - end < 7 and tokens[k].kind == "word":
            low = tokens[k].low
            if low in modifier_stop and low not in continuing:
                break
            if low in cue_forms and not (
                k == end + 1 or tokens[k - 1].low in tb.noun_markers
            ):
                break  # a cue verb, but "secretary of state", "head of the report"
            k += 1
        if k > end + 1:
            end = k
    if end < n:
        after = tokens[end]
        if after.kind == "word" and after.text[0].isupper() and after.text not in tb.not_names:
            return None  # "spokeswoman Haley Morris": a role before a name, parsed as a name
    if role.kind == "organisation":
        speaker_kind: SpeakerKind = "organisation"
    elif role.kind == "document":
        speaker_kind = "unknown"
    elif plural and not (partitive and tokens[i].low in tb.lex.grammar.partitive_singulars):
        speaker_kind = "collective"
    else:
        speaker_kind = "anonymous"
    start, stop = tokens[i].start, tokens[end - 1].end
    desc = text[start:stop]
    return Mention(i, end, start, stop, desc, "description", desc, None, False, speaker_kind)
