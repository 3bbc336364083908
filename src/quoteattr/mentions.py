"""Who is named where: names, pronouns and descriptions that can be speakers.

A mention is a stretch of tokens that names a possible source: a proper name
with its title kept apart ("Russian Foreign Minister" + "Sergei Lavrov"), a
pronoun ("he"), a description ("a Turkish official", "the foreign minister"),
a body ("the White House") or a country ("Turkey"). Mentions are found once
per document in one left-to-right pass over the tokens.

Example:
    >>> from quoteattr.tokens import tokenize
    >>> text = "Russian Foreign Minister Sergei Lavrov met a Turkish official."
    >>> for m in find_mentions(text, tokenize(text, [])):
    ...     print(m.text, "|", m.kind, "|", m.role)
    Russian Foreign Minister Sergei Lavrov | name | Russian Foreign Minister
    a Turkish official | description | None
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from quoteattr.lexicon import Lexicon, load_lexicon
from quoteattr.models import SpeakerKind
from quoteattr.tokens import Token

__all__ = ["Mention", "find_mentions", "is_capitalised"]

@dataclass(frozen=True, slots=True)
class Mention:
    """A possible source named in the text.

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


def is_capitalised(word: str) -> bool:
    """Tell whether a word starts with an upper-case letter."""
    return bool(word) and word[0].isupper()


def _strip_possessive(word: str) -> tuple[str, bool]:
    if not word.endswith(("s", "S")):
        return word, False
    for suffix in ("'s", "’s", "'S", "’S"):
        if word.endswith(suffix) and len(word) > 2:
            return word[: -len(suffix)], True
    return word, False


def find_mentions(
    text: str, tokens: Sequence[Token], *, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Find every possible source mention outside quotes, in text order.

    Args:
        text: The original text.
        tokens: Its tokens, from :func:`quoteattr.tokens.tokenize`.
        lexicon: Word lists to use; the built-in English lexicon by default.

    Returns:
        Mentions in text order; they never overlap.
    """
    lex = lexicon or load_lexicon()
    out: list[Mention] = []
    roles = lex.role_forms
    grammar = lex.grammar
    pronouns = grammar.subject_pronouns & set(lex.pronoun_forms)
    determiners = grammar.determiners
    triggers = pronouns | determiners | roles.keys()
    # only capitalised words, pronouns, determiners and role nouns can start a mention
    starts = [
        i for i, tok in enumerate(tokens)
        if tok.kind == "word" and (tok.low in triggers or tok.text[0].isupper())
    ]
    role_at = [i for i in starts if tokens[i].low in roles]
    resume = 0
    for i in starts:
        if i < resume:
            continue
        tok = tokens[i]
        lower = tok.low
        found: Mention | None = None
        capital = tok.text[0].isupper()
        next_role = bisect_left(role_at, i)
        near_role = next_role < len(role_at) and role_at[next_role] - i < 8
        if lower in pronouns:
            found = _make(text, tokens, i, i + 1, "pronoun", tok.text, None, False, "unknown")
        elif capital or lower in determiners or (near_role and role_at[next_role] == i):
            if near_role:
                found = _description(text, tokens, i, lex)
            if found is None and capital:
                found = _name(text, tokens, i, lex)
        if found is not None:
            out.append(found)
            resume = found.last
    return out


def _make(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    kind: str,
    name: str,
    role: str | None,
    possessive: bool,
    speaker_kind: SpeakerKind,
) -> Mention:
    start, end = tokens[first].start, tokens[last - 1].end
    return Mention(first, last, start, end, text[start:end], kind, name, role, possessive,
                   speaker_kind)


def _is_name_word(tok: Token, lex: Lexicon) -> bool:
    if tok.kind != "word":
        return False
    word = tok.text
    if not is_capitalised(word) and not word[0].isdigit():
        return False
    return not word[0].isdigit()


def _name_span(tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Return the end of the run of capitalised words (with initials and connectors)."""
    n = len(tokens)
    j = i
    not_names = lex.grammar.not_names
    connectors = lex.grammar.name_connectors
    while j < n:
        tok = tokens[j]
        if _is_name_word(tok, lex):
            if tok.text in not_names and j > i and tok.text not in lex.title_words:
                break
            j += 1
            if _strip_possessive(tok.text)[1]:
                break
            # an initial or an abbreviated title keeps its period: "F.", "Sen."
            if (
                j < n
                and tokens[j].text == "."
                and tokens[j].start == tok.end
                and (len(tok.text) == 1 or f"{tok.text}." in lex.title_words)
            ):
                j += 1
            continue
        if (
            tok.kind == "word"
            and tok.text in connectors
            and j > i
            and j + 1 < n
            and _is_name_word(tokens[j + 1], lex)
        ):
            j += 1
            continue
        if tok.text == "of" and j > i and j + 1 < n and _is_name_word(tokens[j + 1], lex):
            # "Secretary of State John Kerry", "Bank of America"
            j += 1
            continue
        break
    return j


def _name(text: str, tokens: Sequence[Token], i: int, lex: Lexicon) -> Mention | None:
    end = _name_span(tokens, i, lex)
    if end == i:
        return None
    first = i
    not_names = lex.grammar.not_names
    while first < end and tokens[first].text in not_names and tokens[first].text not in (
        lex.title_words
    ):
        first += 1
    if first >= end or tokens[first].kind != "word":
        return None
    wtoks = [t for t in tokens[first:end] if t.kind == "word"]
    words = [t.text for t in wtoks]
    last_word, possessive = _strip_possessive(words[-1])
    words[-1] = last_word
    # split a leading title ("Russian Foreign Minister", "Sen.") from the name
    role_words: list[str] = []
    k = 0
    while k < len(words) - 1:
        w = words[k]
        two = " ".join(words[k : k + 2])
        three = " ".join(words[k : k + 3])
        if three in lex.title_words and k + 3 < len(words):
            role_words += words[k : k + 3]
            k += 3
        elif two in lex.title_words and k + 2 < len(words):
            role_words += words[k : k + 2]
            k += 2
        elif (
            w in lex.title_words
            or f"{w}." in lex.title_words
            or w in lex.demonym_to_country
            or w.lower() in lex.grammar.role_prefixes
        ):
            role_words.append(w)
            k += 1
        else:
            break
    name_words = words[k:]
    name = " ".join(name_words)
    role = text[wtoks[0].start : _title_end(text, wtoks[k - 1])] if k else None
    kind, speaker_kind = _classify_name(name, name_words, lex)
    if role and speaker_kind != "person" and kind == "name":
        speaker_kind = "person"
    return _make(text, tokens, first, end, kind, name, role, possessive, speaker_kind)


def _title_end(text: str, tok: Token) -> int:
    """Include the period of an abbreviated title ("Sen.")."""
    return tok.end + 1 if text[tok.end : tok.end + 1] == "." else tok.end


def _classify_name(name: str, words: list[str], lex: Lexicon) -> tuple[str, SpeakerKind]:
    alias = lex.alias_table.get(name)
    if alias is not None:
        return "body", alias.kind
    if name in lex.country_names:
        return "country", "country"
    if name in lex.body_names or any(w in lex.org_words for w in words):
        return "body", "organisation"
    if name in lex.demonym_to_country:
        return "country", "country"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "body", "organisation"
    return "name", "person"


def _description(text: str, tokens: Sequence[Token], i: int, lex: Lexicon) -> Mention | None:
    """Parse "a Turkish official", "the foreign minister", "officials" starting at token i."""
    n = len(tokens)
    j = i
    grammar = lex.grammar
    determiners, modifier_stop = grammar.determiners, grammar.modifier_stop
    saw_det = tokens[i].text.lower() in determiners
    if saw_det:
        j += 1
    head = -1
    # modifiers then a role noun, at most six tokens
    while j < n and j - i < 7:
        tok = tokens[j]
        if tok.kind != "word":
            break
        word = tok.text
        lower_role = lex.role_forms.get(word.lower())
        if word in lex.role_forms or (
            lower_role is not None and (j > i or word.lower() == lower_role.plural)
        ):
            head = j
            j += 1
            # compound roles: "campaign spokesman", "press secretary"
            if j < n and tokens[j].kind == "word" and tokens[j].text in lex.role_forms:
                continue
            break
        lower = word.lower()
        if lower in modifier_stop or lex.cue_lemma(word) or (j > i and lower in determiners):
            break
        if _strip_possessive(word)[1]:
            j += 1
            continue
        j += 1
    if head < 0:
        return None
    noun = tokens[head].text
    role = lex.role_forms.get(noun) or lex.role_forms.get(noun.lower())
    if role is None:
        return None
    plural = noun.lower() == role.plural and role.plural != role.singular
    first_word = tokens[i].text
    if not saw_det and not plural and not (is_capitalised(first_word) and head > i):
        return None
    if not saw_det and head == i and is_capitalised(first_word) and not plural:
        return None  # a capitalised role alone ("President") is a title, not a description
    end = head + 1
    # post-modifier: "a spokesman for the ministry", "the head of the Turkish Foreign Ministry"
    if end + 1 < n and tokens[end].text in ("for", "of", "at") and tokens[end].kind == "word":
        k = end + 1
        while k < n and k - end < 7 and tokens[k].kind == "word":
            low = tokens[k].text.lower()
            if low in modifier_stop and low not in ("the", "a", "an", "of"):
                break
            if lex.cue_lemma(tokens[k].text):
                break
            k += 1
        if k > end + 1:
            end = k
    if end < n and _is_name_word(tokens[end], lex) and tokens[end].text not in grammar.not_names:
        return None  # "spokeswoman Haley Morris": a role before a name, parsed as a name
    if role.kind == "organisation":
        speaker_kind: SpeakerKind = "organisation"
    elif role.kind == "document":
        speaker_kind = "unknown"
    elif plural:
        speaker_kind = "collective"
    else:
        speaker_kind = "anonymous"
    start, stop = tokens[i].start, tokens[end - 1].end
    desc = text[start:stop]
    return Mention(i, end, start, stop, desc, "description", desc, None, False, speaker_kind)
