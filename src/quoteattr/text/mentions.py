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

from collections.abc import Sequence
from itertools import chain
from typing import Final, NamedTuple

from quoteattr.language.lexicon import Lexicon, load_lexicon
from quoteattr.models import SpeakerKind
from quoteattr.text.mention_words import MentionWords, Surnames, mention_words
from quoteattr.text.names import (
    HeadlineLines,
    NameReader,
    dateline_end,
    printed,
    token_at,
)
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


# ``_new(_MENTION, (...all fields...))`` builds a mention in C, a third of the cost of
# ``Mention(...)`` (a ``__new__`` in Python); final names: C statics when compiled
_new: Final = tuple.__new__
_MENTION: Final = Mention


def is_capitalised(word: str) -> bool:
    """Tell whether a word starts with an upper-case letter."""
    return bool(word) and word[0].isupper()


_APOSTROPHES: Final = "'\u2019"  # "Doe's", "DOE’S" (compiled, endswith(tuple) builds a tuple)


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word[-1] in "sS" and word[-2] in _APOSTROPHES:
        return word[:-2], True
    return word, False

_ROLE_GAP: Final = 3
"""Most lower-case words of a role between a name and the person it modifies."""


_MAX_PARSED: Final = 100_000  # cached name splits per lexicon; cleared when full


def name_reader(lexicon: Lexicon) -> NameReader:
    """The name reader of ``lexicon``, built once and shared with :func:`find_mentions`.

    Example:
        >>> reader = name_reader(load_lexicon())
        >>> reader is name_reader(load_lexicon()), reader.party_tag("D-Ohio")
        (True, ('democrat', 'ohio'))
    """
    return mention_words(lexicon).reader


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
    tb = mention_words(lexicon or load_lexicon())
    triggers = tb.triggers
    # only capitalised words, pronouns, determiners and role nouns can start a mention
    toks = tokens if isinstance(tokens, list) else list(tokens)
    starts = [
        i for i, tok in enumerate(toks)
        if tok.kind == "word" and (tok.low in triggers or tok.text[0].isupper())
    ]
    role_at = [i for i in starts if toks[i].low in tb.roles]
    near = tb.near_roles(role_at, len(toks))
    lines = HeadlineLines(toks, [i for i, tok in enumerate(toks) if tok.kind == "para"])
    capital = [tok.kind == "word" and tok.text[0].isupper() for tok in toks]
    return _mentions_from(text, toks, tb, starts, near, lines, capital)


def mentions_in_context(
    text: str,
    tokens: Sequence[Token],
    lexicon: Lexicon,
    index: dict[str, list[int]],
    capitalised: list[int],
    breaks: list[int] | None = None,
) -> list[Mention]:
    """:func:`find_mentions` for tokens already indexed by :func:`~quoteattr.text.tokens.tokenize`.

    Args:
        text: The original text.
        tokens: Its tokens.
        lexicon: Word lists to use.
        index: The tokens' index (``tokenize(..., index=...)``).
        capitalised: The capitalised words (``tokenize(..., capitalised=...)``).
        breaks: The indices of the paragraph breaks (``para`` tokens), in order,
            when known; else read from ``index``.
    """
    tb = mention_words(lexicon)
    # a list, which the compiled build indexes without a generic call
    toks = tokens if isinstance(tokens, list) else list(tokens)
    count = len(toks)
    capital = [False] * count
    for k in capitalised:
        capital[k] = True
    # where a mention may start: the capitalised words (in order), and the other role
    # nouns, pronouns and determiners before a role noun (in no order), each once
    opens = capital.copy()
    more: list[int] = []
    role_at: list[int] = []
    for low in indexed_among(index, tb.roles):
        role_at.extend(index[low])
    for k in role_at:
        if not opens[k]:
            opens[k] = True
            more.append(k)
    for low in indexed_among(index, tb.pronouns):
        for k in index[low]:
            if not opens[k]:
                opens[k] = True
                more.append(k)
    near = tb.near_roles(role_at, count)
    if role_at:
        # a lower-case determiner starts a mention only before a role noun ("a Turkish official")
        for low in indexed_among(index, tb.plain_determiners):
            for k in index[low]:
                if near[k] and not opens[k]:
                    opens[k] = True
                    more.append(k)
    # one sorted run and a few more: the sort merges them
    starts = sorted(capitalised + more)
    if breaks is None:
        # the paragraph breaks: the only tokens of white space
        breaks = sorted(chain.from_iterable(map(index.__getitem__, filter(str.isspace, index))))
    lines = HeadlineLines(toks, breaks)
    return _mentions_from(text, toks, tb, starts, near, lines, capital)


def _mentions_from(
    text: str,
    tokens: list[Token],
    tb: MentionWords,
    starts: list[int],
    near: list[bool],
    lines: HeadlineLines,
    capital: list[bool],
) -> list[Mention]:
    """The mentions that start at some of ``starts`` (word indices, in order).

    ``near`` tells per token whether a description may start there (before a role
    noun), ``capital`` whether it is a capitalised word.
    """
    out: list[Mention] = []
    roles = tb.roles
    pronouns = tb.pronouns
    determiners = tb.determiners
    person_roles = tb.person_roles
    plain_words = tb.plain_words
    known = Surnames()
    resume = 0
    for i in starts:
        if i < resume:
            continue
        tok = tokens[i]
        word = tok.text
        # a word that opens a paragraph (a dateline may stand there)
        if (i == 0 or tokens[i - 1].kind == "para") and word.isupper():
            dateline = dateline_end(tokens, i)
            if dateline > i:
                resume = dateline  # "DAYTON, Ohio (AP) —": a place, no speaker
                continue
        found: Mention | None = None
        lower = tok.low
        if lower in pronouns:  # starts at i, past ``resume``, and modifies no role
            at: tuple[object, ...] = tok  # its offsets as they are (see ``_name``)
            out.append(_new(_MENTION, (i, i + 1, at[0], at[1], word, "pronoun", word, None,
                                      False, "unknown", None)))
            resume = i + 1
            continue
        else:
            capitalised = word in plain_words  # capitalised, and no party tag
            if not capitalised:
                capitalised = capital[i]
                if capitalised and word[1:2] == "-":
                    tag = tb.reader.party_tag_end(text, tokens, i)
                    if tag > i:
                        resume = tag  # "(D-Ohio)", ", R-Fla.,": a party and a state
                        continue
            near_role = near[i]
            if capitalised or lower in determiners or (near_role and lower in roles):
                if near_role:
                    found = _description(text, tokens, i, tb, capital)
                if found is None and capitalised:
                    found = _name(text, tokens, i, tb, lines, known, capital)
                    if found is not None and found.kind == "name":
                        known.names.append(found.name)
        if found is None:
            continue
        first = found.first
        if first < resume:
            continue
        if (
            first > 0
            and tokens[first - 1].low in person_roles  # a person's role noun before the name
            and out
            and 0 < first - out[-1].last <= _ROLE_GAP
            and found.kind in ("name", "description")
            and tokens[first].text[0].isupper()
            and _modifies_role(tokens, out[-1], first, tb)
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
                    role=printed(text, before.start, tokens[first - 1].end),
                )
        out.append(found)
        resume = found.last
    return out


def _modifies_role(
    tokens: list[Token], before: Mention, name_at: int, tb: MentionWords
) -> bool:
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


def _name_span(
    tokens: list[Token], i: int, tb: MentionWords, lines: HeadlineLines, capital: list[bool]
) -> int:
    """Return the end of the run of capitalised words (with initials and connectors).

    A headline verb or a capitalised function word ends the run ("Doe Slams
    Roe Over Taxes" gives "Doe").
    """
    n = len(tokens)
    j = i
    plain_words, odd_words = tb.plain_words, tb.odd_words
    reader = tb.reader
    headline: bool | None = None
    while j < n:
        tok = tokens[j]
        word = tok.text
        if word in plain_words:
            j += 1  # most words of a name are capitalised words that need no check below
            continue
        if capital[j]:  # a capitalised word
            if word not in odd_words and tb.plain(tok):
                j += 1
                continue
            if j > i and word in tb.name_stoppers:
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
            if len(word) > 2 and word[-1] in "sS" and word[-2] in _APOSTROPHES:
                break  # "Doe's"
            # an initial or an abbreviated title keeps its period: "F.", "Sen."
            if j < n and (len(word) == 1 or word in tb.title_stems or tok.low in reader.suffixes):
                after = tokens[j]
                if after.text == "." and after.start == tok.end:
                    j += 1
            continue
        if word not in tb.span_links and tok.low not in tb.connector_firsts:
            break  # most runs end here: no word that may go on with the name
        if (
            word in tb.title_joiners
            and j > i
            and tokens[j - 2 if tokens[j - 1].text == "." else j - 1].low in reader.title_like
            and j + 1 < n
            and capital[j + 1]
            and not reader.is_honorific(tokens[j + 1].low)
            and reader.title_chain(tuple(t.text for t in tokens[i:j] if t.kind == "word"))
        ):
            j += 1  # "Ohio Gov. and party Chairman Tom Hale": a chain of titles
            continue
        if (
            tok.low in tb.connector_firsts
            and j + 2 < n
            and (tok.low, tokens[j + 1].low) in tb.connector_pairs
            and tb.nouns.joins_particle_name(tokens, i, j)
        ):
            j += 2  # "Ursula von der Leyen", "Präsidentin von der Leyen"
            continue
        if (
            word in tb.name_links
            and j > i
            and j + 1 < n
            and ((tok.kind == "word" and word in tb.connectors) or word in tb.inner_links)
            and tb.nouns.particle_after_given_name(tokens, i, j)
            and capital[j + 1]
        ):
            j += 1  # "Secretary of Labor Ann Lowe", "Bank of America"
            continue
        break
    return j


def _name(
    text: str,
    tokens: list[Token],
    i: int,
    tb: MentionWords,
    lines: HeadlineLines,
    known: Surnames,
    capital: list[bool],
) -> Mention | None:
    tok = tokens[i]
    word = tok.text
    low = tok.low
    n = len(tokens)
    homograph = False
    plain = word in tb.plain_words or (word not in tb.odd_words and tb.plain(tok))
    if not plain:  # a plain word passes all three checks
        # "Reached by phone" (a sentence's opening participle), "I'm": checked further
        suspect = low.endswith("ed") or low.endswith("ing") or "'" in low or "\u2019" in low
        if suspect and tb.reader.not_a_name(tokens, i):
            return None  # "I'm", "Reached by phone, ...": no name
        after = tokens[i + 1] if i + 1 < n else None
        if (
            low in tb.cue_forms
            and after is not None
            and after.kind == "word"
            and after.text.islower()
            and after.low not in tb.cue_forms
        ):
            return None  # "Said the senator", "Added Mr Roe's aide": an inverted cue
        if (
            word in tb.name_stoppers
            and after is not None
            and (after.kind != "word"
                 or not (after.text[0].isupper() or after.text in tb.name_links))
        ):
            # "The", "But", "In" before anything but a name: no name starts here
            if low not in tb.reader.homographs:
                return None  # (the most common case, told without a call)
            if not tb.reader.homograph_name(tokens, i, known.words()):
                return None
            homograph = True  # "Will said", "May has said": a surname
    end = _name_span(tokens, i, tb, lines, capital)
    if end == i:
        return None
    if (
        end == i + 1
        and low in tb.parties
        and i + 1 < n
        and tokens[i + 1].kind == "word"
        and tokens[i + 1].text.islower()
    ):
        return None  # "Republican presidential candidate Jane Doe": a modifier, not a name
    first = i
    if not plain:  # a plain word is a capitalised word and no function word
        stoppers = tb.name_stoppers
        while not homograph and first < end and tokens[first].text in stoppers:
            first += 1
        while first < end and not tokens[first].text[0].isupper():
            first += 1  # "Some of Clinton's": "of" opens no name
        if first >= end or tokens[first].kind != "word":
            return None
    if tb.noun_phrases and end == first + 1:
        if tb.nouns.common_noun(tokens[first].text):
            return None  # "schrieb Fernsehgeschichte", "auf Anfrage": a common noun
        det = tb.nouns.determiner_before(tokens, first)
        if det >= 0 and not tb.nouns.known_name_word(tokens[first].text):
            # "den Clip", "der frühere Nationalspieler": a common noun, or a description
            return _determined_role(text, tokens, det, first, tb)
    wtoks = [t for t in tokens[first:end] if t.kind == "word"]  # "J. R. Hale": not the periods
    words = tuple([t.text for t in wtoks])
    headline = len(words) > 2 and lines.headline(first)
    cache = tb.parsed_in_headlines if headline else tb.parsed
    parsed = cache.get(words)
    if parsed is None:
        if len(cache) >= _MAX_PARSED:
            cache.clear()
        (role_first, name_first, name_end, honorific, lead, kind, speaker_kind,
         possessive) = _parse_name(words, tb, headline)
        # whether the name's last word keeps its period (an initial, a suffix)
        keeps_period = kind != "none" and tb.keeps_period(words[name_end - 1])
        # flat, so that reading it back is one unpacking, not an attribute per field
        parsed = cache[words] = (role_first, name_first, name_end, honorific, lead, kind,
                                 speaker_kind, possessive, keeps_period)
    (role_first, name_first, name_end, honorific, lead, kind, speaker_kind, possessive,
     keeps_period) = parsed
    if kind == "none":
        return None
    if lead:
        # "Celebrating Jane Doe": the words before the role are not the mention's
        first = token_at(tokens, first, end, wtoks[lead].start)
    role = None
    if name_first > role_first:
        role_start = wtoks[role_first].start
        before = tokens[first - 1] if first > 0 and role_first == lead else None
        if before is not None and before.kind == "word" and before.text in tb.role_prefixes:
            first -= 1  # "said former Ohio Gov. Jane Doe": "former" is part of the title
            role_start = before.start
        role = printed(text, role_start, _title_end(text, wtoks[name_first - 1]))
    elif kind == "name" and tokens[first - 1].low in tb.person_roles:
        role = tb.reader.role_before(text, tokens, first)  # (none before the first token)
    name_last = wtoks[name_end - 1]
    if possessive and name_end == len(wtoks):
        name_stop = name_last.end - 2
    elif keeps_period:
        name_stop = _title_end(text, name_last)
    else:
        name_stop = name_last.end
    name_start = wtoks[name_first].start
    start, stop = tokens[first].start, tokens[end - 1].end
    printed_as = text[start:stop]
    if name_end - name_first > 1:
        name = printed(text, name_start, name_stop)
    elif name_start == start and name_stop == stop:
        name = printed_as  # "Lavrov": one string for the mention and its name
    else:
        name = text[name_start:name_stop]  # one word: no white space to tidy
    # the tokens' offsets as they are: compiled, an offset read as ``int`` is boxed anew
    from_tok: tuple[object, ...] = tokens[first]
    to_tok: tuple[object, ...] = tokens[end - 1]
    return _new(_MENTION, (first, end, from_tok[0], to_tok[1], printed_as, kind, name, role,
                          possessive, speaker_kind, honorific))


def _determined_role(
    text: str, tokens: list[Token], det: int, head: int, tb: MentionWords
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
    from_tok: tuple[object, ...] = tokens[det]  # (offsets as they are, see ``_name``)
    to_tok: tuple[object, ...] = tokens[end - 1]
    desc = text[tokens[det].start : tokens[end - 1].end]
    return _new(_MENTION, (det, end, from_tok[0], to_tok[1], desc, "description", desc, None, False,
                          speaker_kind, None))


def _parse_name(
    words: tuple[str, ...], tb: MentionWords, headline: bool
) -> tuple[int, int, int, str | None, int, str, SpeakerKind, bool]:
    """Split name words into role and name, and classify the name.

    Returns:
        Where the role starts, where the name starts and ends (word indices), the
        honorific, the first word of the mention (:class:`NameSplit` ``lead``), the
        mention kind, the speaker kind, and whether the last word is possessive.
    """
    last_word, possessive = _strip_possessive(words[-1])
    plain = (*words[:-1], last_word) if possessive else words
    reader = tb.reader
    role_start, name_start, name_end, honorific, _, lead, whole = reader.split_fields(
        plain, headline=headline
    )
    name_tuple = plain[name_start:name_end]
    name_words = list(name_tuple)
    kind, speaker_kind = tb.classify_name(" ".join(name_words), name_words)
    if whole:
        return (role_start, name_start, name_end, honorific, lead, kind,
                speaker_kind if kind != "name" else "unknown", possessive)
    if kind == "name" and reader.is_place(name_tuple):
        kind, speaker_kind = "country", "country"  # "Ohio argued", "New York sued"
    elif kind == "name" and (
        (len(plain) > 1 and reader.only_role_words(name_tuple))
        or (len(plain) == 1 and reader.is_abbreviated_title(plain[0]))
    ):
        # "Pennsylvania Gov.", "Florida-based Republican": a role, and no name
        return role_start, name_start, name_end, honorific, lead, "none", "unknown", possessive
    if kind != "name" and name_start:
        # "Bank of America", "Islamic State", "White House": the whole run is the name,
        # less a headline's verb before it ("Bans Northern Rail Group")
        first = 0
        while first < name_start and reader.ends_name(plain[first].lower(), headline=headline):
            first += 1
        whole_run = list(plain[first:])
        kind, speaker_kind = tb.classify_name(" ".join(whole_run), whole_run)
        if kind != "name":
            role_start = name_start = lead = first
            name_end = len(plain)
            honorific = None
    if (name_start > role_start or honorific) and kind == "name":
        speaker_kind = "person"
    return role_start, name_start, name_end, honorific, lead, kind, speaker_kind, possessive


def _title_end(text: str, tok: Token) -> int:
    """Include the period of an abbreviated title ("Sen.")."""
    return tok.end + 1 if text[tok.end : tok.end + 1] == "." else tok.end


def _description(
    text: str, tokens: list[Token], i: int, tb: MentionWords, capital: list[bool]
) -> Mention | None:
    """Parse "a Turkish official", "the foreign minister", "officials" starting at token i."""
    n = len(tokens)
    j = i
    determiners, modifier_stop = tb.determiners, tb.modifier_stop
    roles, cue_forms, facts = tb.roles, tb.cue_forms, tb.role_facts
    first_low = tokens[i].low
    saw_det = first_low in determiners
    if not saw_det and first_low not in roles and tokens[i].text not in roles:
        # no determiner and no role noun: the phrase goes on with the next word, or stops
        after = tokens[i + 1] if i + 1 < n else None
        if after is None or after.kind != "word" or (
            after.low in tb.description_stops
            and after.low not in roles
            and after.text not in roles
        ):
            return None
    if saw_det:
        j += 1
    # a part of a group: "one of those advisers", "some of his aides"
    partitive = (saw_det and j + 1 < n and tokens[j].low in tb.partitive_links
                 and first_low not in tb.definite_determiners)
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
        lower_role = facts.get(lower)  # (singular, plural, kind)
        # a role noun; for a lower-case word ``lower_role`` tells ``word in roles``
        role_noun = lower_role is not None and (j > i or word == lower or lower == lower_role[1])
        if role_noun or (word != lower and word in roles):
            head = j
            j += 1
            # compound roles: "campaign spokesman", "press secretary"; a capitalised
            # role may be a modifier ("the Green Party deputy leader")
            if j < n and tokens[j].kind == "word" and (
                tokens[j].text in roles or (capital[head] and tokens[j].text.islower())
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
    noun_low = noun.lower()
    role = facts.get(noun) or facts.get(noun_low)
    if role is None:
        return None
    singular, plural_form, role_kind = role
    plural = noun_low == plural_form and plural_form != singular
    if partitive and not plural:
        return None  # "one of the campaign ...": a group's member needs the group's plural
    if not plural and capital[head] and first_low not in tb.noun_markers and (
        tb.titled_capitals
    ):
        return None  # "Former Secretary of State Jane Doe": a title before a name
    if not saw_det and not plural and not (capital[i] and head > i):
        return None
    if not saw_det and head == i and capital[i] and not plural:
        return None  # a capitalised role alone ("President") is a title, not a description
    end = head + 1
    # post-modifier: "a spokesman for the ministry", "the head of the Turkish Foreign Ministry"
    links, continuing = tb.post_links, tb.post_words
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
        if capital[end] and after.text not in tb.not_names:
            return None  # "spokeswoman Haley Morris": a role before a name, parsed as a name
    if role_kind == "organisation":
        speaker_kind: SpeakerKind = "organisation"
    elif role_kind == "document":
        speaker_kind = "unknown"
    elif plural and not (partitive and first_low in tb.partitive_singulars):
        speaker_kind = "collective"
    else:
        speaker_kind = "anonymous"
    from_tok: tuple[object, ...] = tokens[i]  # (offsets as they are, see ``_name``)
    to_tok: tuple[object, ...] = tokens[end - 1]
    desc = text[tokens[i].start : tokens[end - 1].end]
    return _new(_MENTION, (i, end, from_tok[0], to_tok[1], desc, "description", desc, None, False,
                          speaker_kind, None))
