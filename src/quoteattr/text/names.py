"""Read a run of capitalised words as a person's name, the role printed before it, and the rest.

News prints a name inside other capitalised words: ``Ohio Sen. Jane Doe``
(place, title, name), ``Republican Jane Doe`` (party), ``Mr Roe``
(honorific), ``Barbara Roe of Maryland`` (affiliation), ``Celebrating Jane
Doe`` (a sentence's first word), ``Doe Slams Roe`` (a headline). A
:class:`NameReader` splits such a run, word by word, into the words before the
role, the role, the name and what follows the name. It reads the surname from
the right and walks left while the words look like parts of a name: initials,
particles, given names (``given_names.json``) and capitalised words that are no
title, role, party, place, honorific or headline verb (``name_words.json``,
``titles.json``, ``role_nouns.json``, ``countries.json``).

Example:
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> reader = NameReader(load_lexicon())
    >>> words = ("Ohio", "Sen.", "Jane", "Doe")
    >>> split = reader.split(words)
    >>> words[split.role_start : split.name_start], words[split.name_start : split.name_end]
    (('Ohio', 'Sen.'), ('Jane', 'Doe'))
    >>> split = reader.split(("Mr", "Roe"))
    >>> split.honorific, split.name_start
    ('Mr', 1)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Final, NamedTuple

from quoteattr.language.lexicon import Lexicon
from quoteattr.language.names import PersonNames, load_person_names
from quoteattr.text.tokens import Token

__all__ = ["HeadlineLines", "NameReader", "NameSplit", "dateline_end", "printed", "token_at"]


class NameSplit(NamedTuple):
    """Where the parts of a run of name words begin and end (word indices).

    ``words[:lead]`` are words before the role that belong to neither
    (``Celebrating`` in ``Celebrating Jane Doe``); ``words[role_start:name_start]``
    the role (title, office, party, place); ``words[name_start:name_end]`` the
    name; ``words[name_end:]`` an affiliation (``of Maryland``).

    Attributes:
        role_start: First word of the role.
        name_start: First word of the name.
        name_end: One past the last word of the name.
        honorific: The honorific printed in the role (``Mr``), if any; a role of
            honorifics alone is no role.
        headline_cut: Whether headline evidence shortened the name.
        lead: The first word of the mention: the role's, or the honorific's.
    """

    role_start: int
    name_start: int
    name_end: int
    honorific: str | None = None
    headline_cut: bool = False
    lead: int = 0
    whole: bool = False
    """The run is one name that holds no person's name (``Bank of America``)."""


_DASHES: Final = ("-", "\u2010", "\u2011")

_MAX_CACHED: Final = 100_000
"""Words whose role-word test is kept per reader (the cache is cleared when full)."""

_new = tuple.__new__
"""``_new(NameSplit, (...all fields...))`` builds a split in C, not in its Python ``__new__``."""


class NameReader:
    """The word classes of one lexicon that tell a name from the words around it."""

    def __init__(self, lex: Lexicon, *, compound_heads: frozenset[str] = frozenset()) -> None:
        """Collect the word classes of ``lex`` and of its language's name data.

        ``compound_heads`` are role nouns that end compounds ("chef" of
        "Konzernchef"), for languages that write roles as one word.
        """
        self.compound_heads = compound_heads
        grammar = lex.grammar
        words: PersonNames = load_person_names(lex.language)
        self.words = words
        self.given = words.given
        connectors = {w for c in grammar.name_connectors for w in c.split()}
        self.particles = words.particles | connectors  # "von der": "von" and "der"
        self.suffixes = words.suffixes
        self.honorifics = words.honorifics
        titles = lex.title_words
        lower_titles = {t.lower() for t in titles}
        self.title_phrases = frozenset(t for t in lower_titles if " " in t)
        self.title_phrase_sizes = sorted({t.count(" ") + 1 for t in self.title_phrases},
                                         reverse=True)
        one_word_titles = {t for t in lower_titles if " " not in t}
        self.title_like = frozenset(
            one_word_titles
            | {t[:-1] for t in one_word_titles if t.endswith(".")}
            | {r for r, role in lex.role_forms.items() if role.kind == "person"}
            | grammar.role_prefixes
        ) - frozenset(words.honorifics)
        self.abbreviated_titles = frozenset(
            t[:-1] for t in one_word_titles if t.endswith(".")
        ) - self.given
        self.places = words.places | {c.lower() for c in lex.country_names}
        self.place_phrases = frozenset(p for p in self.places if " " in p)
        self.title_or_place_phrases = self.title_phrases | self.place_phrases
        self.title_phrase_firsts = frozenset(t.split(" ", 1)[0] for t in self.title_phrases)
        """The first words of the titles of several words ("vice" of "vice president")."""
        self.phrase_firsts = self.title_phrase_firsts | frozenset(
            p.split(" ", 1)[0] for p in self.place_phrases
        )
        """The first words of the titles and places of several words ("new" of "new york")."""
        self.pair_seconds = frozenset(
            p.split(" ")[1] for p in self.title_or_place_phrases if p.count(" ") == 1
        )
        """The second words of the titles and places of two words ("york" of "new york")."""
        self.place_heads = words.place_heads
        self.demonyms = frozenset(d.lower() for d in lex.demonym_to_country)
        self.demonym_countries = {d.lower(): c.lower() for d, c in lex.demonym_to_country.items()}
        """Each lower-case nationality word with its country ("russian" -> "russia")."""
        self.body_nouns = frozenset(
            noun.singular for noun in lex.role_forms.values() if noun.kind == "organisation"
        )
        """Nouns of bodies ("committee", "party"): "the committee" for a body named with one."""
        self.parties = words.parties
        self.org_words = frozenset(w.lower() for w in lex.org_words)
        self.modifier_endings = words.modifier_endings
        self.headline_verbs = words.headline_verbs
        self.cue_forms = frozenset(lex.cue_forms)
        self.pronouns = frozenset(lex.pronoun_forms) | grammar.subject_pronouns
        self.inner_links = grammar.name_inner_links
        """Lower-case words inside one name ("Bank of America")."""
        self.person_roles = frozenset(r for r, noun in lex.role_forms.items()
                                      if noun.kind == "person")
        self.role_stop = (grammar.determiners | grammar.modifier_stop | self.cue_forms
                          | grammar.subject_pronouns)
        """Words that end a lower-case role before a name ("said union spokesman")."""
        # capitalised function words end a name ("Roe Over Taxes", "Response To Doe")
        self.breakers = (grammar.prepositions | grammar.np_stop | grammar.subordinators
                         | grammar.determiners) - grammar.name_inner_links - self.given
        self.cue_or_breaker = (self.cue_forms | self.breakers | self.headline_verbs) - self.given
        """Lower-case words that may end a name (:meth:`ends_name` decides)."""
        self.participle_objects = (grammar.prepositions | grammar.determiners) - self.cue_forms
        """Words after a sentence's opening participle ("Reached by", "Citing a")."""
        self.homographs = words.function_word_names
        """Names that are also function words ("Will", "May", "Read", "Rather")."""
        self.adverbs = grammar.adverbs
        self.role_prefixes = grammar.role_prefixes
        self.role_word_cache: dict[str, bool] = {}
        """What :meth:`_role_word` found for each lower-case word (cleared when full)."""

    # ---- one word -------------------------------------------------------------------

    def not_a_name(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether the capitalised word at ``i`` cannot open a name.

        A pronoun's contraction ("I'm", "We're") cannot, nor a sentence's
        opening participle before a preposition ("Reached by phone, Roe said").
        """
        tok = tokens[i]
        for mark in ("'", "\u2019"):
            head, found, _ = tok.low.partition(mark)
            if found and (head in self.pronouns or head in self.breakers):
                return True
        low = tok.low
        if not low.endswith(("ed", "ing")) or len(low) < 6 or low in self.given:
            return False
        if i > 0 and tokens[i - 1].kind == "word":
            return False  # only a sentence's first word
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        # a participle opens a phrase with a preposition or an article ("Reached by
        # phone", "Citing a report"); a surname is followed by its verb ("Husted said")
        return (
            after is not None
            and after.kind == "word"
            and after.low in self.participle_objects
        )

    def homograph_name(
        self, tokens: Sequence[Token], i: int, known: frozenset[str] | set[str] = frozenset()
    ) -> bool:
        """Whether a capitalised function word at ``i`` names a person here.

        "Will", "May", "Read", "Rather" open sentences as modal verbs and
        adverbs, and are also surnames (``name_words.json``
        ``function_word_names``). At a sentence's start such a word is a name
        when a speech verb follows it, over adverbs ("Will said", "May has
        said"), or when the document named a person so before (``known``:
        lower-case surnames) and a verb in -s or -ed follows ("Will urged").
        """
        low = tokens[i].low
        if low not in self.homographs:
            return False
        n = len(tokens)
        k = i + 1
        while k < n and k - i < 3 and tokens[k].kind == "word" and tokens[k].low in self.adverbs:
            k += 1
        if k >= n or tokens[k].kind != "word" or not tokens[k].text.islower():
            return False
        after = tokens[k].low
        if after in self.cue_forms:
            return True
        return low in known and k == i + 1 and len(after) > 3 and after.endswith(("s", "ed"))

    def party_tag(self, tag: str) -> tuple[str, str] | None:
        """The party and place of a tag printed after a name: ``D-Ohio``, ``R-Fla.``, ``I-Vt.``.

        Example:
            >>> from quoteattr.language.lexicon import load_lexicon
            >>> NameReader(load_lexicon()).party_tag("R-Fla.")
            ('republican', 'florida')
        """
        party = self.words.party_letters.get(tag[:1].lower())
        if party is None or tag[1:2] not in _DASHES:
            return None
        place = " ".join(tag[2:].split()).lower()
        if place in self.places:
            full = self.words.place_abbreviations.get(place, place)
        else:
            found = self.words.place_abbreviations.get(place) or self.words.place_abbreviations.get(
                place + "."
            )
            if found is None:
                return None
            full = found
        return party, full

    def party_tag_end(self, text: str, tokens: Sequence[Token], i: int) -> int:
        """Where a party tag starting at token ``i`` ends (``(D-N.Y.)``, ``, R-Texas,``), or -1.

        The tag runs to the next comma, bracket, quote or paragraph end, over at
        most six tokens; returns the index of that token.
        """
        word = tokens[i].text
        if len(word) < 3 or word[1] not in _DASHES or not word[2].isupper():
            return -1
        if word[:1].lower() not in self.words.party_letters:
            return -1
        k = i + 1
        n = len(tokens)
        while k < n and k - i < 6 and tokens[k].kind in ("word", "punct") and (
            tokens[k].text not in (",", ")", ";", ":")
        ):
            k += 1
        if k < n and k - i >= 6:
            return -1
        return k if self.party_tag(printed(text, tokens[i].start, tokens[k - 1].end)) else -1

    def role_before(self, text: str, tokens: Sequence[Token], first: int) -> str | None:
        """A lower-case role printed right before the name at ``first``: "union spokesman Jane Doe".

        Up to four words ending in a person's role noun, after a determiner, a
        preposition, a verb or punctuation.
        """
        k = first - 1
        if k < 0 or tokens[k].kind != "word" or tokens[k].low not in self.person_roles:
            return None
        if not tokens[k].text.islower():
            return None
        j = k
        while j > 0 and k - j < 3:
            before = tokens[j - 1]
            low = before.low
            if before.kind != "word" or (low in self.role_stop and low not in self.role_prefixes):
                break  # but "former union spokesman Jane Doe" keeps "former"
            j -= 1
        return printed(text, tokens[j].start, tokens[k].end)

    def is_honorific(self, low: str) -> bool:
        """Whether a lower-case word is an honorific (``mr``, ``mrs.``)."""
        return low in self.honorifics

    def ends_name(self, low: str, *, headline: bool) -> bool:
        """Whether a capitalised word inside a run of name words ends the name before it.

        Headline verbs and capitalised function words do ("Doe Slams Roe Over
        Taxes"), unless they are also given names ("Will", "May"); in a headline
        any cue verb does ("Roe Questioned ..."), elsewhere only its -s form.
        """
        if low in self.given:
            return False
        if low in self.breakers or low in self.headline_verbs:
            return True
        if low in self.cue_forms:
            return headline or low.endswith("s")
        return False

    def _modifier(self, low: str) -> bool:
        """``texas-based``, ``gop-led``: a hyphenated modifier, never a name."""
        if "-" not in low and "\u2010" not in low and "\u2011" not in low:
            return False  # most words: no dash (the three of ``_DASHES``)
        for dash in _DASHES:
            if dash in low:
                return low.rsplit(dash, 1)[-1] in self.modifier_endings
        return False

    def only_role_words(self, words: tuple[str, ...]) -> bool:
        """Whether every word is a title, role, party or place word (``Pennsylvania Gov.``)."""
        return all(self._role_word(w.lower()) and w.lower() not in self.given for w in words)

    def title_chain(self, words: tuple[str, ...]) -> bool:
        """Whether role words end in a title (``Pennsylvania Gov.``), so "and" may join another."""
        if not words or not self.only_role_words(words):
            return False
        last = words[-1].lower().rstrip(".")
        return last in self.title_like and last not in self.places and last not in self.parties

    def is_abbreviated_title(self, word: str) -> bool:
        """``Gov``, ``Sen``, ``Mr``, ``Republican``: a word that never names anyone alone."""
        low = word.lower()
        return low in self.abbreviated_titles or low in self.honorifics or low in self.parties

    def is_place(self, words: tuple[str, ...]) -> bool:
        """Whether the words name a place written before names (``Ohio``, ``New York``)."""
        return " ".join(words).lower() in self.places

    def _role_word(self, low: str) -> bool:
        """A word that belongs to a role printed before a name."""
        cache = self.role_word_cache
        known = cache.get(low)
        if known is None:
            if len(cache) >= _MAX_CACHED:
                cache.clear()
            known = cache[low] = self._read_role_word(low)
        return known

    def _read_role_word(self, low: str) -> bool:
        prefix, dash, rest = low.partition("-")
        if dash and rest and prefix in self.role_prefixes:
            low = rest  # "then-secretary", "ex-governor"
        return (
            low in self.title_like
            or low in self.honorifics
            or low in self.parties
            or low in self.places
            or low in self.place_heads
            or low in self.demonyms
            or low in self.org_words
            or self._modifier(low)
            or (bool(self.compound_heads) and self._compound(low))
        )

    def _compound(self, low: str) -> bool:
        """``konzernchef``: a word that ends in a compound's role noun."""
        return any(low[-size:] in self.compound_heads for size in range(3, min(len(low), 16) + 1))

    # ---- a run ------------------------------------------------------------------------

    def split(self, words: tuple[str, ...], *, headline: bool = False) -> NameSplit:
        """Split a run of name words into role, name and affiliation.

        Args:
            words: The words as printed, possessive ``'s`` already removed.
            headline: The run stands in a headline-cased line, where every word
                is capitalised, so capitals are no evidence of a name.
        """
        return _new(NameSplit, self.split_fields(words, headline=headline))

    def split_fields(
        self, words: tuple[str, ...], *, headline: bool = False
    ) -> tuple[int, int, int, str | None, bool, int, bool]:
        """:meth:`split`, as a plain tuple of the :class:`NameSplit` fields, in their order.

        The compiled build returns it without making an object.
        """
        n = len(words)
        lows = [w.lower() for w in words]
        end = self._affiliation_start(words, lows)
        last = end - 1
        while last > 0 and lows[last] in self.suffixes:
            last -= 1  # "Jr." closes the name; the surname is before it
        start = last
        m = last - 1
        while m >= 0 and self._name_part(words, lows, m):
            start = m
            m -= 1
        cut = False
        if start < last and lows[start] not in self.given and not _initial(words[start]):
            later = next((k for k in range(start + 1, last) if lows[k] in self.given), -1)
            if later > start and not any(_initial(words[k]) for k in range(start, later)):
                start = later  # "Celebrating Jane Doe": the name starts at its given name
            elif headline and last - start >= 2:
                start, cut = last, True  # "Stunning Thing Doe" in a headline
            elif start == 0 and self._participle(lows[0]):
                start = 1  # "Celebrating Doe, the crowd sang": the name is "Doe"
        # the role: what stands before the name, less a leading word that is no role
        role_start = 0
        while role_start < start and not (
            self._role_opens(lows, role_start) or _acronym(words[role_start])
        ):
            role_start += 1  # "AFL-CIO President", but not "Celebrating"
        if start > 0 and lows[start - 1] in self.inner_links:
            # "Federation of Teachers", "University of Ohio": one name, not a person's
            return 0, 0, n, None, False, 0, True
        lead = role_start
        honorific = None
        if role_start < start and all(lows[k] in self.honorifics for k in range(role_start, start)):
            honorific = words[start - 1]
            role_start = start
        elif role_start < start:
            honorific = next((words[k] for k in range(role_start, start)
                              if lows[k] in self.honorifics), None)
        return role_start, start, end if end > start else n, honorific, cut, lead, False

    def _participle(self, low: str) -> bool:
        """``celebrating``: a word in -ing, long and no given name, opens no name."""
        return len(low) > 6 and low.endswith("ing") and low not in self.given

    def _role_opens(self, lows: list[str], k: int) -> bool:
        low = lows[k]
        if self._role_word(low):
            return True
        # "New York Gov.", "Atlantic City Mayor": a place of several words
        return k + 1 < len(lows) and (
            (
                low in self.phrase_firsts  # (a phrase is built only after its first word)
                and (
                    f"{low} {lows[k + 1]}" in self.place_phrases
                    or f"{low} {lows[k + 1]}" in self.title_phrases
                )
            )
            or lows[k + 1] in self.place_heads
        )

    def _name_part(self, words: tuple[str, ...], lows: list[str], m: int) -> bool:
        """Whether word ``m`` (left of the surname) can belong to the name."""
        word, low = words[m], lows[m]
        if _initial(word) or low in self.particles:
            return True
        if not word[:1].isupper():
            return False  # "of", "and": no part of a person's name
        if low in self.cue_or_breaker and low not in self.given:
            return False  # "Slams Roe": a headline's verb
        if low in self.honorifics or self._modifier(low):
            return False
        # (a phrase is built only for a word that may open or end one)
        if (
            m + 1 < len(lows)
            and low in self.title_phrase_firsts
            and f"{low} {lows[m + 1]}" in self.title_phrases
        ):
            return False
        if (
            m > 0
            and low in self.pair_seconds
            and f"{lows[m - 1]} {low}" in self.title_or_place_phrases
        ):
            return False
        if self._role_word(low):
            # "Dean Hale", "Georgia Roe": a given name that opens the run, or
            # follows a title ("economist Dean Hale"), is a name after all
            return low in self.given and (m == 0 or self._role_word(lows[m - 1]))
        return True

    def _affiliation_start(self, words: tuple[str, ...], lows: list[str]) -> int:
        """Where ``of Maryland`` starts after a person's name, else the word count."""
        for j in range(1, len(words) - 1):
            if lows[j] not in self.inner_links:
                continue
            left = lows[:j]
            if any(w in self.org_words for w in left):
                return len(words)
            titled = any(w in self.title_like for w in left[:-1])
            named = len(left) >= 2 and not any(self._role_word(w) for w in left)
            if (left[0] in self.given or titled or named) and left[-1] not in self.title_like:
                return j  # "Jane Roe of Maryland", "Sen. Jane Roe of Ohio"
            return len(words)
        return len(words)


def _initial(word: str) -> bool:
    """``J``, ``J.``, ``J.J.``: initials inside a name (not ``AP`` or ``UN``)."""
    if "." not in word:  # most words: one letter or no initial
        return len(word) == 1 and word.isalpha() and word.isupper()
    core = word.replace(".", "")
    if not core.isalpha() or not core.isupper():
        return False
    return len(core) == 1 or (len(core) <= 3 and word.count(".") >= len(core))


def _acronym(word: str) -> bool:
    """``AFL-CIO``, ``NEA``: an organisation's initials before a title."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class HeadlineLines:
    """Per document: whether the paragraph around a token is a headline-cased line.

    Looked at only for runs of name words that need it, within 40 tokens either
    way, and cached per paragraph start. When the paragraph breaks are given,
    finding the paragraph is a binary search, not a walk back.
    """

    __slots__ = ("breaks", "cache", "tokens")

    def __init__(self, tokens: Sequence[Token], breaks: Sequence[int] | None = None) -> None:
        """Look at ``tokens``, the document's tokens; ``breaks``, its ``para`` tokens, if known."""
        # a list, which the compiled build indexes and slices without generic calls
        self.tokens: list[Token] = tokens if isinstance(tokens, list) else list(tokens)
        self.breaks: list[int] | None = (
            breaks if breaks is None or isinstance(breaks, list) else list(breaks)
        )
        self.cache: dict[int, bool] = {}

    def headline(self, i: int) -> bool:
        """Whether token ``i`` stands in a short paragraph whose words are mostly capitalised."""
        tokens = self.tokens
        breaks = self.breaks
        if breaks is not None:
            k = bisect_left(breaks, i)
            first = breaks[k - 1] + 1 if k else 0
            end = breaks[k] if k < len(breaks) else len(tokens)
            if end - first > 40:
                return False  # a long paragraph: prose, not a headline
            known = self.cache.get(first)
            if known is None:
                # the first letters of the paragraph's words (at most 40 tokens)
                letters = capitals = 0
                for k in range(first, end):
                    tok = tokens[k]
                    if tok.kind == "word":
                        case = _initial_case(tok.text)
                        if case:
                            letters += 1
                            if case == 2:
                                capitals += 1
                known = self.cache[first] = letters >= 3 and capitals >= 0.7 * letters
            return known
        first = i
        while first > 0 and i - first < 40 and tokens[first - 1].kind != "para":
            first -= 1
        if first > 0 and tokens[first - 1].kind != "para":
            return False  # a long paragraph: prose, not a headline
        known = self.cache.get(first)
        if known is not None:
            return known
        words = caps = 0
        k = first
        n = len(tokens)
        while k < n and tokens[k].kind != "para" and k - first < 40:
            tok = tokens[k]
            if tok.kind == "word" and tok.text[0].isalpha():
                words += 1
                caps += tok.text[0].isupper()
            k += 1
        found = (k >= n or tokens[k].kind == "para") and words >= 3 and caps >= 0.7 * words
        self.cache[first] = found
        return found


def _initial_case(word: str) -> int:
    """2 when ``word`` starts with a capital letter, 1 with another letter, 0 with none."""
    code = ord(word[0])
    if code < 128:  # ASCII: told without a method call
        return 2 if 65 <= code <= 90 else 1 if 97 <= code <= 122 else 0
    initial = word[0]
    if not initial.isalpha():
        return 0
    return 2 if initial.isupper() else 1


def token_at(tokens: Sequence[Token], first: int, end: int, start: int) -> int:
    """The index of the token in ``tokens[first:end]`` that starts at ``start``."""
    for k in range(first, end):
        if tokens[k].start == start:
            return k
    return first


def printed(text: str, start: int, end: int) -> str:
    """The text from ``start`` to ``end`` with its white space made single spaces."""
    part = text[start:end]
    return " ".join(part.split()) if ("  " in part or "\n" in part or "\t" in part) else part


_DATELINE_DASHES: Final = frozenset({"\u2014", "\u2013", "-", "--", "\u2015"})


def dateline_end(tokens: Sequence[Token], i: int) -> int:
    """Where a dateline that opens a paragraph at token ``i`` ends, or -1.

    A dateline is a place in capitals, maybe its state or country and a date
    or agency, then a dash: ``DAYTON, Ohio —``, ``PHILADELPHIA, July 25 (UPI)
    —``, ``LONDON (Reuters) -``. Returns the index after the dash.
    """
    n = len(tokens)
    k = i
    while k < n and tokens[k].kind == "word" and tokens[k].text.isupper() and k - i < 4:
        k += 1
    if k == i or (len(tokens[i].text) < 3 and k == i + 1):
        return -1
    for j in range(k, min(k + 12, n)):
        tok = tokens[j]
        if tok.text in _DATELINE_DASHES:
            return j + 1 if j > k or tok.text != "-" or j + 1 < n else -1
        if tok.kind in ("para", "quote", "mark") or tok.text in (";", "!", "?"):
            return -1
        if tok.kind == "word" and tok.text.islower() and len(tok.text) > 3:
            return -1  # prose: "WASHINGTON is ..."
    return -1
