"""What a quoted span is: speech (direct or partial) or a term, and which spans go together.

These are guesses from the span's shape and the words right around it; the
attribution stage may override them. They are kept apart from the pairing of
marks in :mod:`quoteattr.text.quotes` because they read words, not marks.

Example:
    >>> cues = frozenset({"said"})
    >>> text = 'They fought "Islamic State" militants.'
    >>> guess_kind(text, 13, 26, open_at=12, close_at=26, close_mark='"',
    ...            paragraph_start=0, cues=cues)
    'term'
    >>> resumes_after_attribution("It is important,", " he said, ", cues)
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from quoteattr.language.lexicon import LexiconError
from quoteattr.language.marks import load_quote_marks
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file
from quoteattr.models import QuoteKind
from quoteattr.text.tokens import abbreviations as load_abbreviations

__all__ = ["QuoteWords", "guess_kind", "is_letter", "quote_words", "resumes_after_attribution"]

_SENTENCE_END: Final = ".!?\u2026"
_CUE_WINDOW: Final = 4
"""How many lower-case words after a quote's attached comma may come before its cue."""
_WORDS_READ: Final = 7
"""A quote's words are split up to this many: no test reads more."""

@word_file("quote_words.json")
class QuoteWords(WordLists):
    """The words that tell a quoted term from quoted speech (``quote_words.json``).

    A language's file may list only what differs from English: its small
    words are added to the English ones, and a list it leaves out is the
    English one (see :func:`quote_words`).

    Attributes:
        title_small_words: Lower-case words a Title Case name may contain
            (The Art of the Deal; "Weihnachten bei Freunden": "bei").
        title_determiners: Articles that make a capitalised quote of two words
            or more right after them a name of a work even after a cue ("sagte
            der „Bild am Sonntag“"); one quoted noun stays the speaker's word.
        naming_words: After one, a capitalised quote is a name or title
            (a show called "Brokers").
        noun_determiners: Right before a capitalised quote, these make it a
            noun phrase (said of the "Islamic State").
        term_markers: A word right before a short quote that makes it a term
            (the so-called "deal").
        medium_words: Words before a capitalised quote that make it a
            programme or outlet even beside a cue (speaking on "Morning
            Edition", told "Fox News Sunday").
    """

    title_small_words: Words
    title_determiners: Words = frozenset()
    naming_words: Words = frozenset()
    noun_determiners: Words = frozenset()
    term_markers: Words = frozenset()
    medium_words: Words = frozenset()


@lru_cache(maxsize=8)
def quote_words(language: str = "en") -> QuoteWords:
    """The quote words of ``language``, completed from English's where it lists less.

    Example:
        >>> "called" in quote_words("en").naming_words
        True
        >>> words = quote_words("de")
        >>> "bei" in words.title_small_words, "of" in words.title_small_words
        (True, True)
    """
    english: QuoteWords | None = load_word_lists(QuoteWords, "en")
    if english is None:  # pragma: no cover - the English file ships with the package
        raise LexiconError("quoteattr/data/en/quote_words.json is missing")
    own: QuoteWords | None = load_word_lists(QuoteWords, language)
    if own is None or language == "en":
        return english
    return QuoteWords(
        title_small_words=english.title_small_words | own.title_small_words,
        title_determiners=own.title_determiners,
        naming_words=own.naming_words or english.naming_words,
        noun_determiners=own.noun_determiners or english.noun_determiners,
        term_markers=own.term_markers or english.term_markers,
        medium_words=own.medium_words or english.medium_words,
    )


def guess_kind(
    text: str,
    start: int,
    end: int,
    *,
    open_at: int,
    close_at: int,
    close_mark: str | None,
    paragraph_start: int,
    cues: frozenset[str],
    words: QuoteWords | None = None,
    abbreviations: frozenset[str] | None = None,
    sentence_cues: frozenset[str] | None = None,
) -> QuoteKind:
    """Guess from shape and context whether a quoted span is speech or a term.

    Args:
        text: The whole text.
        start: Start of the quoted words.
        end: End of the quoted words.
        open_at: Index of the opening mark.
        close_at: Index of the closing mark (or of the paragraph's end).
        close_mark: The closing mark as printed, ``None`` when unclosed.
        paragraph_start: Where the quote's paragraph starts.
        cues: Lower-case one-word speech cues ("said", "told", ...).
        words: The language's quote words; English by default.
        abbreviations: Words whose full stop ends no sentence ("Mr", "Sen");
            English's by default.
        sentence_cues: Cues that make a fragment of one or two words speech
            from anywhere in its sentence (no weak verbs; naming verbs such as
            "likened"); ``cues`` by default.

    Returns:
        ``direct`` (a sentence of speech), ``partial`` (a fragment of speech in
        running prose) or ``term`` (a name, title or scare quote).

    Example:
        >>> text = 'He called it a "disaster".'
        >>> guess_kind(text, 16, 24, open_at=15, close_at=24, close_mark='"',
        ...            paragraph_start=0, cues=frozenset({"called"}))
        'partial'
    """
    lists = words or quote_words()
    inner = text[start:end]
    # every test below reads the number of words only up to 7: split no further
    words_in = inner.split(None, _WORDS_READ)
    count = len(words_in)
    before = text[max(paragraph_start, open_at - 80) : open_at].rstrip()
    if before.endswith(":"):
        return "direct"
    clause_before = before.rsplit(".", 1)[-1]
    # its last three words; all of them only for a fragment's test below
    last_words = [w.strip(_AROUND_WORDS).lower() for w in clause_before.rsplit(None, 3)[-3:]]
    previous = last_words[-1] if last_words else ""
    if count <= 4 and previous in lists.term_markers:
        return "term"
    after_start = close_at + len(close_mark or "")
    known = load_abbreviations() if abbreviations is None else abbreviations
    last = inner.rstrip("\"'”’)]»").rstrip()[-1:]
    ends_sentence = bool(last) and last in _SENTENCE_END
    first_letter = _first_letter(inner)
    upper = bool(first_letter) and _is_capital(first_letter)  # whether the first letter is one
    cue_after = False
    cue_read = False  # cue_after is read from the words after the quote when first needed
    short = count <= 6
    if short:
        named = previous in lists.naming_words or before.endswith(("'s", "\u2019s"))  # CNN's
        named = named or previous in lists.medium_words  # on "This Week", told "Fox News Sunday."
        if not named:
            # der „Bild am Sonntag“
            titled = count > 1 and previous in lists.title_determiners
            cue_before = False
            for w in last_words:
                if w in cues:
                    cue_before = True
                    break
            cue_after = _cue_follows(text, after_start, last, known, cues)
            cue_read = True
            speech = cue_after or (
                cue_before and previous not in lists.noun_determiners and not titled
            )
            short = not speech
    if short and _title_case(words_in, lists.title_small_words):
        if _headline_speech(text, paragraph_start, open_at, after_start, ends_sentence):
            return "partial"  # Doe: Plan Is 'Dead on Arrival'; Roe Vows To "Fight On."
        return "term"  # Islamic State, "Trainwreck."
    if not before and (count >= 3 or ends_sentence):
        return "direct"
    if upper and ends_sentence and count >= 2:
        # he was the "Obama whisperer.": after a determiner, a few words name something
        noun = count <= 3 and previous in lists.noun_determiners
        return "partial" if noun else "direct"
    if not cue_read:
        cue_after = _cue_follows(text, after_start, last, known, cues)
    fragment = not ends_sentence and not upper and count <= 2
    if fragment and not cue_after and not _has_word_in(clause_before, cues, cues) and not (
            _cue_in_sentence(text, paragraph_start, open_at, after_start, cues,
                             cues if sentence_cues is None else sentence_cues, known)):
        return "term"  # a "self-funding" and modest public broadcaster
    if upper and (cue_after or (count >= 3 and before.endswith(","))):
        return "direct"
    return "partial"


def _cue_follows(text: str, after_start: int, last: str, abbreviations: frozenset[str],
                 cues: frozenset[str]) -> bool:
    """Whether a cue is among the first few words after the quote, a name's words aside.

    ``"Q," the New York Democrat said``, ``"Q," Rep. Jane Doe, D-Ohio, said``: the
    quote or the words after it must attach with a comma, dash, ``!`` or ``?``.
    """
    window = text[after_start : after_start + 60]
    attached = last in ",!?\u2014"
    if not attached and window.lstrip()[:1] not in (",", "\u2014"):
        return False  # the clause below starts as the window does: no comma, no dash
    after = _clause(window, abbreviations)
    if not attached and after.lstrip()[:1] not in (",", "\u2014"):
        return False
    read = 0
    for w in after.split():
        if w[:1].isupper():
            continue
        if (w.lower() if w.isalnum() else w.strip(_AROUND_WORDS).lower()) in cues:
            return True
        read += 1
        if read == _CUE_WINDOW:
            break
    return False


_SENTENCE_CHARS: Final = 300
"""How far back a fragment's sentence is searched for a speech cue."""


def _cue_in_sentence(text: str, paragraph_start: int, open_at: int, after: int,
                     cues: frozenset[str], strong: frozenset[str],
                     abbreviations: frozenset[str]) -> bool:
    """Tell whether a speech cue stands in the sentence that holds a fragment.

    ``Doe said on Friday that during the summit she would try to
    "calm" investors``, ``The rollout was a "real success," he remarked``: the
    cue is far from the quote, but in its sentence, so the fragment is quoted
    speech, not a scare quote. The sentence is read up to ``_SENTENCE_CHARS``
    either side; the full stop of an initial or abbreviation ends no sentence.
    ``strong`` cues count on either side, other ``cues`` only before the quote
    (not "The "quiet zone" was closed").
    """
    before = text[max(paragraph_start, open_at - _SENTENCE_CHARS) : open_at]
    cut = _last_sentence_end(before, abbreviations)
    if _has_word_in(before[cut:], cues, strong):
        return True
    rest = text[after : after + _SENTENCE_CHARS]
    stop = _first_sentence_end(rest, abbreviations)
    return _has_word_in(rest[:stop], strong, strong)


def _ends_sentence_at(chunk: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Tell whether the mark at ``dot`` in ``chunk`` (followed by a space) ends a sentence."""
    if chunk[dot] != ".":
        return True
    last = chunk[:dot].rsplit(None, 1)  # [] when only white space comes before
    word = last[-1].lstrip("\"'“‘(") if last else ""
    return not (len(word) == 1 and word.isupper()) and word not in abbreviations


def _last_sentence_end(chunk: str, abbreviations: frozenset[str]) -> int:
    """Index after the last sentence end (or line break) in ``chunk``; 0 when there is none."""
    k = len(chunk)
    while k > 0:
        k = max(max(chunk.rfind(". ", 0, k), chunk.rfind("? ", 0, k)),
                max(chunk.rfind("! ", 0, k), chunk.rfind("\n", 0, k)))
        if k < 0:
            return 0
        if chunk[k] == "\n" or _ends_sentence_at(chunk, k, abbreviations):
            return k + 1
    return 0


def _first_sentence_end(chunk: str, abbreviations: frozenset[str]) -> int:
    """Index of the first sentence end (or line break) in ``chunk``; its length when none."""
    k = _end_candidate(chunk, 0)
    while k >= 0:
        if chunk[k] == "\n" or _ends_sentence_at(chunk, k, abbreviations):
            return k
        k = _end_candidate(chunk, k + 1)
    return len(chunk)


def _end_candidate(chunk: str, start: int) -> int:
    """Where the first sentence end may stand from ``start``; -1 when nowhere.

    A line break, or a full stop, question or exclamation mark before a space or
    the end (found with ``str.find``, no regex).
    """
    found = chunk.find("\n", start)
    for mark in (". ", "? ", "! "):
        at = chunk.find(mark, start, found if found >= 0 else len(chunk))
        if at >= 0:
            found = at
    last = len(chunk) - 1
    if found < 0 and last >= start and chunk[last] in ".?!":
        found = last
    return found


def resumes_after_attribution(first: str, between: str, cues: frozenset[str]) -> bool:
    """Whether a quote resumes the previous one after its attribution: "A," he said, "B.".

    Args:
        first: The words of the first quote.
        between: The text between the first quote's closing mark and the
            second quote's opening mark.
        cues: Lower-case one-word speech cues.

    Returns:
        True when the first part does not end a sentence and ``between`` is a
        short attribution ending in a comma, dash or colon.

    Example:
        >>> resumes_after_attribution("We won.", " he said. ", frozenset({"said"}))
        False
    """
    if first[-1:] in _SENTENCE_END:
        return False
    stripped = between.strip()
    if not stripped or stripped[-1] not in ",\u2014\u2013:" or any(c in between for c in ".!?;"):
        return False
    words = _words(stripped)
    return 1 <= len(words) <= 8 and any(w in cues for w in words)


_HEADLINE_CHARS: Final = 240
"""A headline is one short line; longer paragraphs are prose."""
_SPEAKER_LABEL: Final = re.compile(r"[^\W\d_][\w.'\u2019-]*(?: [^\W\d_][\w.'\u2019-]*){0,3}:")


def _headline_speech(
    text: str, paragraph_start: int, open_at: int, after: int, ends_sentence: bool
) -> bool:
    """A capitalised quote in a headline that reads as speech, not as a title.

    In a headline every word is capitalised, so capitals say nothing of a
    title. The quote is speech when the headline opens with a speaker label
    (``Doe: Plan Is 'Dead on Arrival'``) or when the quote ends the headline
    with its own full stop (``Roe Vows To "Fight On."``).
    """
    end = text.find("\n", after, after + _HEADLINE_CHARS)
    if end < 0:
        end = min(len(text), after + _HEADLINE_CHARS)
        if end < len(text):
            return False
    if end - paragraph_start > _HEADLINE_CHARS or open_at - paragraph_start > _HEADLINE_CHARS:
        return False
    line = text[paragraph_start:end]
    words = capitalised = 0  # the words with a letter, and those whose first letter is a capital
    for w in line.split():
        c = _first_letter(w)
        if c:
            words += 1
            if _is_capital(c):
                capitalised += 1
    if words < 3 or capitalised < 0.7 * words:
        return False
    label = _SPEAKER_LABEL.match(line)
    labelled = label is not None and label.end() <= open_at - paragraph_start
    closes_line = ends_sentence and not text[after:end].strip(" .\t\u00a0")
    return labelled or closes_line


_AROUND_WORDS: Final = ".,;:!?()[]\"'“”‘’«»"
"""Punctuation stripped from either end of a word before it is looked up."""


def _words(fragment: str) -> list[str]:
    return [w.strip(_AROUND_WORDS).lower() for w in fragment.split()]


def _has_word_in(fragment: str, first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether a word of ``fragment`` (see :func:`_words`) is in ``first`` or ``second``."""
    for w in fragment.split():
        # a word of letters and digits only has nothing to strip (the usual case)
        low = w.lower() if w.isalnum() else w.strip(_AROUND_WORDS).lower()
        if low in first or low in second:
            return True
    return False


def _clause(after: str, abbreviations: frozenset[str] = frozenset()) -> str:
    """Cut the text after a quote at the next sentence end, line break or quote mark.

    The full stop of an abbreviation ends nothing: ``"Q," Mr. Doe said``.
    """
    pattern = _clause_end()
    found = pattern.search(after, 1)
    while found is not None and found.group() == "." and abbreviations:
        word = after[: found.start()].rsplit(None, 1)[-1:]
        if not word or word[0].lstrip("\"'“‘") not in abbreviations:
            break
        found = pattern.search(after, found.end())
    return after[: found.start()] if found else after


@lru_cache(maxsize=1)
def _clause_end() -> re.Pattern[str]:
    chars = re.escape(load_quote_marks().chars)
    return re.compile(f"[{chars}.!?;\n\r\u2028\u2029]")


def _title_case(words: list[str], small_words: frozenset[str]) -> bool:
    """Whether words read as a name or title: Islamic State, The Art of the Deal."""
    i = 0  # the words with a letter seen so far
    for word in words:
        first = _first_letter(word)
        if not first:
            continue
        if not _is_capital(first) and (i == 0 or word.lower().strip(",") not in small_words):
            return False
        i += 1
    return i > 0


def _first_letter(word: str) -> str:
    """The first letter of ``word`` (``str.isalpha``); ``""`` when it has none.

    ASCII is told apart by code point: most words are, and compiled code then
    calls no method per character.
    """
    for c in word:
        if is_letter(c):
            return c
    return ""


def is_letter(c: str) -> bool:
    """``c.isalpha()`` for one character; ASCII told by code point (no method call compiled).

    Example:
        >>> is_letter("a"), is_letter("É"), is_letter("'")
        (True, True, False)
    """
    code = ord(c)
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90
    return c.isalpha()


def _is_capital(letter: str) -> bool:
    """``letter.isupper()`` for one letter (see :func:`_first_letter`)."""
    code = ord(letter)
    return code <= 90 if code < 128 else letter.isupper()
