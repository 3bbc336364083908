"""Attribution rules for languages that report speech by word order and mood (German).

The rules here are language-neutral: each reads its words from the language's
``reported_speech.json`` (see :class:`ReportedSpeechWords`) and does nothing in
a language without that file. A language registers them in its ``rules.json``
as ``callables``; German does.

- :func:`cue_clause_colon_quote`: a cue verb with its subject before or after
  it and any words up to a colon: ``Weiter schreibt er: „…“``,
  ``antwortet die Ministerin dem Ausschuss: „…“``,
  ``Brandt stellte im Ausschuss noch einmal klar: „…“``.
- :func:`cue_subject_partial_quote`: a cue before its subject and a partial
  quote later in the clause: ``Dabei lobt die Ministerin ausdrücklich den „…“``.
- :func:`subject_then_quote_then_cue`: the cue closing the sentence after the
  quote: ``Die ARD hat „…“ angekündigt.``
- :func:`name_colon_quote`: a speaker label opening a headline, cross-heading or
  sentence: ``Brandt: „…“``.
- :func:`quote_as_clause_verb_last`: ``„…“, wie Brandt am Montag sagte``: the verb
  closes the attribution clause.
- :func:`quote_sign_off_name`: ``… „…“ sehr gut, so Brandt.``: a sign-off that
  ends the quote's sentence.
- :func:`name_according_to_after`: ``Brandt zufolge …``: a postposition.
- :func:`subject_clause_colon_quote`: a short clause about a person before a
  colon (``Brandt sah das anders: „…“``).
- :func:`subject_sentence_then_quote`: a quote standing alone after a sentence
  about its speaker (``Brandt ist zuversichtlich. „Wir schaffen das.“``).
- :func:`subjunctive_continues_speaker`: reported speech in the subjunctive
  carries its speaker without a cue (``Die Lage sei „sehr ernst“.``).

Example:
    >>> from quoteattr import attribute
    >>> text = ("„Wir sind bereit“, sagte Brandt. Die Lage sei „sehr ernst“, "
    ...         "man prüfe alle Optionen.")
    >>> [(q.speaker.name, q.rule) for q in attribute(text, language="de").quotes]
    [('Brandt', 'quote_comma_said_name'), ('Brandt', 'subjunctive_continues_speaker')]
"""

from __future__ import annotations

from quoteattr.attribution.clauses import sentence_subject, speaker_mention_at, subject_before
from quoteattr.attribution.context import Context, Decision
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file
from quoteattr.text.mentions import Mention

__all__ = [
    "ReportedSpeechWords",
    "cue_clause_colon_quote",
    "cue_subject_partial_quote",
    "name_according_to_after",
    "name_colon_quote",
    "quote_as_clause_verb_last",
    "quote_sign_off_name",
    "subject_clause_colon_quote",
    "subject_sentence_then_quote",
    "subject_then_quote_then_cue",
    "subjunctive_continues_speaker",
]

_CLAUSE_WINDOW = 20  # words scanned back from a colon for the cue of its clause
_COLON_CLAUSE_WORDS = 12  # words of a clause about a person before a colon
_COLON_WINDOW = 10  # the reach of name_said_colon_quote, which decides "NAME sagte: „…“"
_SENTENCES_BACK = 8  # sentences a subjunctive continuation reaches back
_PARAGRAPHS_BACK = 3  # paragraphs a subjunctive continuation reaches back
_QUOTE_LED_WORDS = 4  # words outside quotes in a sentence that a quote carries
_NARRATION_ALLOWED = 1  # sentences of plain narration a continuation may cross
_SENTENCE_WORDS = 80  # tokens of a sentence read, so that a run-on text stays linear


@word_file("reported_speech.json")
class ReportedSpeechWords(WordLists):
    """The words of one language that carry reported speech without a cue.

    Attributes:
        subjunctive: Finite verbs in the mood of reported speech (German
            Konjunktiv: "sei", "habe", "werde").
        reflexives: Pronouns that may stand between a cue and its subject ("sich").
        sign_offs: Words that close a quote's sentence with its source ("so").
        according_to_after: Postpositions after a source ("zufolge").
        coordinators: Conjunctions that join a second verb to the subject of
            the first ("kommentierte er und schrieb:").
    """

    subjunctive: Words
    reflexives: Words
    sign_offs: Words
    according_to_after: Words
    coordinators: Words
    as_openers: Words = frozenset()


def _words(ctx: Context) -> ReportedSpeechWords | None:
    return load_word_lists(ReportedSpeechWords, ctx.lexicon.language)


def _mark_before(ctx: Context, qi: int) -> int:
    """Index of the last token before a quote's opening mark."""
    k = ctx.quote_token[qi] - 1
    return k - 1 if ctx.kind(k) == "mark" else k


def _mark_after(ctx: Context, qi: int) -> int:
    """Index of the first token after a quote's closing mark."""
    k = ctx.quote_token[qi] + 1
    return k + 1 if ctx.kind(k) == "mark" else k


def _opens_sentence(ctx: Context, first: int) -> bool:
    return first == 0 or ctx.kind(first - 1) == "para" or not ctx.same_sentence(first - 1, first)


def _mention_after(ctx: Context, words: ReportedSpeechWords, k: int) -> Mention | None:
    """The speaker mention starting at token ``k`` after a reflexive and an article.

    ``äußerte sich Brandt``, ``warnt der Verband`` (a body is named from its noun,
    a person after the article by a title or a full name),
    ``versichert Stuttgarts Trainerin Anna Berg`` (a genitive before a name).
    """
    while ctx.low(k) in words.reflexives:
        k += 1
    m = speaker_mention_at(ctx, k)
    if m is None and ctx.low(k) in ctx.lexicon.grammar.determiners:
        m = speaker_mention_at(ctx, k + 1)  # "der Verband", "der Vorsitzende Jan Brandt"
        if m is not None and m.kind not in ("body", "country") and not (
            m.kind == "name" and (m.role or " " in m.name)
        ):
            return None
    elif m is None and ctx.kind(k) == "word" and ctx.word(k)[:1].isupper():
        m = speaker_mention_at(ctx, k + 1)  # "Stuttgarts Sportdirektorin Kim Renkema"
        if m is not None and m.kind != "name":
            return None
    return m


def _resolvable(ctx: Context, m: Mention) -> bool:
    return not (m.kind == "pronoun" and m.text.lower() in ctx.lexicon.grammar.unresolved_pronouns)


def cue_clause_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``ADV CUE NAME …: "Q"`` or ``NAME CUE … PARTICLE: "Q"``: a cue clause ending in a colon.

    German puts the finite verb second, so the subject may follow the cue
    (``Weiter schreibt er:``, ``Ähnlich äußerte sich Brandt:``), and the words
    between verb and colon may be many (``Brandt stellte im Ausschuss noch
    einmal klar:``). The nearest cue before the colon, within 20 tokens of its
    sentence, decides: its subject before it if there is one, else the mention
    right after it (after a reflexive). A comma instead of the colon is taken
    after an inverted subject (``Dennoch wünscht er sich, „…“``).
    """
    words = _words(ctx)
    if words is None:
        return None
    b = _mark_before(ctx, qi)
    punct = ctx.word(b)
    if punct not in (":", ","):
        return None
    joined: tuple[int, int] | None = None  # a cue after "und": "… und schrieb:"
    for c in range(b - 1, max(b - _CLAUSE_WINDOW, -1), -1):
        if ctx.kind(c) in ("para", "quote", "mark", "end") or not ctx.same_sentence(c, b):
            break
        end = ctx.cue_at(c)
        if end < 0 or end > b:
            continue
        if ctx.low(c - 1) in words.coordinators:
            joined = joined or (c, end)
            continue  # "… kommentierte er und schrieb:": the first verb's subject
        m = subject_before(ctx, c)
        if m is not None:
            if punct != ":" or not _opens_sentence(ctx, m.first) or b - c <= _COLON_WINDOW:
                return None  # near the colon, "NAME sagte: „…“" is name_said_colon_quote
        else:
            m = _mention_after(ctx, words, end)
            if m is None or m.last > b:
                return None
        if not _resolvable(ctx, m):
            return None
        if punct == "," and ctx.next_quote_token(ctx.sentence_first(c) - 1) < c:
            return None  # „…“, sagte er, „…“: an interrupted quote, not an introduction
        if any(
            ctx.cue_at(t, weak=False) > 0 and ctx.low(t - 1) not in words.coordinators
            for t in ctx.cues_within(end, b)
        ):
            return None  # a second cue of its own clause is for another rule
        return Decision("cue_clause_colon_quote", 0.85, m, ctx.span(c, end))
    if joined is not None and punct == ":":
        # "Brandt sucht Worte und findet sie:": the subject of the sentence
        m = sentence_subject(ctx, joined[0])
        if m is not None and _personal(ctx, m):
            return Decision("cue_clause_colon_quote", 0.75, m, ctx.span(*joined))
    return None


def _personal(ctx: Context, m: Mention) -> bool:
    """A mention that can be a speaker introduced as a sentence's subject."""
    if m.possessive or not _resolvable(ctx, m) or m.kind in ("body", "country"):
        return False
    if m.kind == "name":
        return m.speaker_kind == "person"
    if m.kind == "description":
        return m.speaker_kind in ("anonymous", "collective")
    return True


def cue_subject_partial_quote(ctx: Context, qi: int) -> Decision | None:
    """``ADV CUE NAME … "Q"``: a cue before its subject, a partial quote later in the clause.

    ``Außerdem warnt der Verband vor einem „teuren Sonderweg“.``: the
    nearest cue before the quote in its sentence (within 12 tokens) has no
    subject before it, and a mention follows it (after a reflexive).
    """
    words = _words(ctx)
    if words is None:
        return None
    qt = ctx.quote_token[qi]
    b = _mark_before(ctx, qi)
    first = max(ctx.sentence_first(qt), b - 12)
    for c in reversed(ctx.cues_within(first, b + 1)):
        end = ctx.cue_at(c)
        if end < 0 or end > b:
            continue
        if subject_before(ctx, c) is not None or ctx.low(c - 1) in words.coordinators:
            return None
        m = _mention_after(ctx, words, end)
        if m is None or m.last > b or not _resolvable(ctx, m):
            return None
        if any(ctx.kind(t) != "word" for t in range(m.last, b + 1)):
            return None
        return Decision("cue_subject_partial_quote", 0.75, m, ctx.span(c, end))
    return None


def subject_then_quote_then_cue(ctx: Context, qi: int) -> Decision | None:
    """``NAME hat "Q" angekündigt.``: the cue closes the sentence that its subject opens.

    German puts a participle or separated particle at the end of the clause,
    after the quote; the subject is the mention that opens the sentence.
    """
    words = _words(ctx)
    if words is None:
        return None
    qt = ctx.quote_token[qi]
    k = _mark_after(ctx, qi)
    stop = min(k + 4, ctx.sentence_stop(qt))
    for c in range(k, stop):
        if ctx.kind(c) != "word":
            return None
        end = ctx.cue_at(c, weak=False)
        if end < 0:
            continue
        if ctx.kind(end) == "word":
            return None  # the clause goes on
        m = _mention_after(ctx, words, ctx.sentence_first(qt))
        if m is None or m.last > qt or not _resolvable(ctx, m):
            return None
        return Decision("subject_then_quote_then_cue", 0.75, m, ctx.span(c, end))
    return None


def name_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME: "Q"``: a speaker label opening a headline, cross-heading or sentence.

    Also after a comma, as an apposition naming the speaker (``…, auch er,
    Benjamin Brandt: „…“``). Only names and bodies, and only a name printed with
    a title or named again in the text: a description or a capitalised noun
    before a colon (``Ernster Nachsatz:``) introduces, it does not name.
    """
    if _words(ctx) is None:
        return None
    b = _mark_before(ctx, qi)
    if ctx.word(b) != ":":
        return None
    m = ctx.mention_ending.get(b)
    if m is None or m.possessive or m.kind not in ("name", "body"):
        return None
    if not _opens_sentence(ctx, m.first) and ctx.word(m.first - 1) != ",":
        return None
    if m.role is None and len(ctx.positions(ctx.low(m.last - 1))) < 2:
        return None  # "Ernster Nachsatz:": a label names somebody the text names again
    return Decision("name_colon_quote", 0.8, m, ctx.span(b, b + 1))


def quote_sign_off_name(ctx: Context, qi: int) -> Decision | None:
    """``… "Q" …, so NAME.``: a sign-off that ends the quote's sentence.

    The sign-off word (``so``) follows a comma within 15 tokens after the
    quote, before the next quote; a mention follows it and ends the sentence.
    """
    words = _words(ctx)
    if words is None:
        return None
    k = _mark_after(ctx, qi)
    qt = ctx.quote_token[qi]
    stop = min(min(k + 15, ctx.sentence_stop(qt)), ctx.next_quote_token(qt))
    for s in range(k, stop):
        if ctx.kind(s) == "para":
            return None
        if ctx.low(s) not in words.sign_offs or ctx.word(s - 1) != ",":
            continue
        m = speaker_mention_at(ctx, s + 1)
        if m is None or not _resolvable(ctx, m):
            return None
        after = ctx.word(m.last)
        if ctx.kind(m.last) in ("para", "end", "quote", "mark") or after in (".", "!", "?", ";"):
            return Decision("quote_sign_off_name", 0.85, m, ctx.span(s, s + 1))
        return None
    return None


def subject_clause_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME sah das anders: "Q"``: a short clause about a person, ending in a colon.

    The clause opens its sentence with a person (a name, a description of a
    person or a pronoun that resolves), holds no cue and no quote, and runs at
    most 12 words to the colon before the quote.
    """
    words = _words(ctx)
    if words is None:
        return None
    b = _mark_before(ctx, qi)
    if ctx.word(b) != ":":
        return None
    start = ctx.sentence_first(b)
    if b - start > _COLON_CLAUSE_WORDS or b == start:
        return None
    if any(ctx.kind(t) != "word" and ctx.word(t) != "," for t in range(start, b)):
        return None
    if any(ctx.cue_at(t) > 0 for t in ctx.cues_within(start, b)):
        return None  # a cue's clause is for the cue rules
    m = _mention_after(ctx, words, start)
    if m is None or m.last >= b or not _personal(ctx, m):
        return None  # "Klare Ansage:" is a label, for name_colon_quote
    return Decision("subject_clause_colon_quote", 0.7, m, ctx.span(b, b + 1))


def subject_sentence_then_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME ist zuversichtlich. "Q"``: a quote standing alone after a sentence about its speaker.

    The quote is a sentence of its own in the paragraph of the sentence before
    it, which holds no quote and no cue and opens with a person: a name, a
    description of a person or a pronoun that resolves. News introduces a
    speaker this way and lets the quote follow.
    """
    if _words(ctx) is None:
        return None
    qt = ctx.quote_token[qi]
    b = _mark_before(ctx, qi)
    if b < 0 or ctx.kind(b) in ("para", "quote", "mark") or ctx.same_sentence(b, qt):
        return None
    if not ctx.quotes[qi].text.lstrip()[:1].isupper():
        return None
    k = _mark_after(ctx, qi)
    if ctx.kind(k) not in ("para", "end", "quote", "mark") and ctx.same_sentence(k, qt):
        return None
    start = ctx.sentence_first(b)
    for _ in range(3):  # "in der 2. Liga": an ordinal's period does not end the sentence
        if ctx.word(start - 1) == "." and ctx.word(start - 2)[:1].isdigit():
            start = ctx.sentence_first(start - 2)
    if ctx.paragraph[start] != ctx.paragraph[qt] or b - start > _SENTENCE_WORDS:
        return None
    if any(ctx.kind(t) == "quote" for t in range(start, b + 1)) or any(
        ctx.cue_at(t, weak=False) > 0 for t in ctx.cues_within(start, b + 1)
    ):
        return None
    m = ctx.mention_starting.get(start)
    if m is None or not _personal(ctx, m):
        return None
    return Decision("subject_sentence_then_quote", 0.6, m, None)


def quote_as_clause_verb_last(ctx: Context, qi: int) -> Decision | None:
    """``"Q", wie NAME am Montag sagte``: an attribution clause whose verb comes last.

    After the quote and a comma, the clause opens with an ``as_openers`` word
    and a mention (a name after its article, ``wie der Vorsitzende Jan
    Brandt``), and a cue closes it within eight words of the sentence.
    """
    words = _words(ctx)
    if words is None or not words.as_openers:
        return None
    k = _mark_after(ctx, qi)
    if ctx.word(k) != "," or ctx.low(k + 1) not in words.as_openers:
        return None
    m = speaker_mention_at(ctx, k + 2)
    if m is None and ctx.low(k + 2) in ctx.lexicon.grammar.determiners:
        m = speaker_mention_at(ctx, k + 3)  # "wie der FDP-Vorsitzende Jan Brandt"
        if m is not None and m.kind == "name" and m.role is None:
            return None
    if m is None or not _resolvable(ctx, m):
        return None
    for c in range(m.last, min(m.last + 8, len(ctx.tokens))):
        if ctx.kind(c) != "word" or not ctx.same_sentence(c, m.last):
            return None
        end = ctx.cue_at(c)
        if end > 0 and ctx.kind(end) != "word":
            return Decision("quote_as_clause_verb_last", 0.85, m, ctx.span(c, end))
    return None


def name_according_to_after(ctx: Context, qi: int) -> Decision | None:
    """``NAME zufolge … "Q"`` or ``"Q" … NAME zufolge``: a postposition in the quote's sentence."""
    words = _words(ctx)
    if words is None:
        return None
    qt = ctx.quote_token[qi]
    first = max(ctx.sentence_first(qt), qt - _SENTENCE_WORDS)
    stop = min(ctx.sentence_stop(qt), qt + _SENTENCE_WORDS)
    for low in words.according_to_after:
        for z in ctx.positions_within(low, first, stop):
            m = ctx.mention_ending.get(z)
            if m is not None and not m.possessive and _resolvable(ctx, m):
                return Decision("name_according_to_after", 0.8, m, ctx.span(z, z + 1))
    return None


def subjunctive_continues_speaker(ctx: Context, qi: int) -> Decision | None:
    """A quote in reported speech that goes on from an attributed quote or cue sentence.

    German news reports speech in the subjunctive and drops the cue once the
    speaker is clear: ``„…“, sagte Brandt. Die Lage sei „sehr ernst“.``. The
    quote's sentence must be the speaker's: in the subjunctive, carried by its
    quotes (at most four words outside them) or opened by a conjunction that
    joins it to the sentence before ("Und das …"), and hold no cue. Going back
    sentence by sentence (at most 8, over at most 3 paragraphs), every sentence
    must be in the subjunctive or a heading, until one holds an attributed quote
    (its speaker is kept) or a cue with its subject (that subject). One sentence
    of plain narration may stand between (``Darunter fielen etwa …``; the
    confidence drops by 0.1); a second one, a quote nobody was given or a cue
    without a subject ends the search.
    """
    words = _words(ctx)
    if words is None:
        return None
    qt = ctx.quote_token[qi]
    first, stop = ctx.sentence_first(qt), ctx.sentence_stop(qt)
    near_first = max(first, qt - _SENTENCE_WORDS // 2)
    near_stop = min(stop, qt + _SENTENCE_WORDS // 2)
    if any(ctx.cue_at(c, weak=False) > 0 for c in ctx.cues_within(near_first, near_stop)):
        return None
    if _is_heading(ctx, first, stop):
        return None  # a headline or cross-heading quote is nobody's continuation
    if not _in_reported_voice(ctx, words, near_first, near_stop) and ctx.low(first) not in (
        words.coordinators
    ):
        return None  # "Und das mitten in der Hauptsaison, „…“." goes on from before
    if qi > 0 and ctx.quote_token[qi - 1] >= first:
        # "… „A“ und „B“": the quote before it in its sentence decides
        prev = ctx.decisions[qi - 1]
        if prev is None:
            return None
        return Decision("subjunctive_continues_speaker", 0.7, prev.mention, None, inherit=qi - 1)
    para = ctx.paragraph[qt]
    end = first
    narration = 0
    for _ in range(_SENTENCES_BACK):
        while end > 0 and ctx.kind(end - 1) == "para":
            end -= 1
        if end <= 0:
            return None
        start = ctx.sentence_first(end - 1)
        if para - ctx.paragraph[start] > _PARAGRAPHS_BACK:
            return None
        found = _anchor(ctx, words, start, end)
        if found is _NARRATION and narration < _NARRATION_ALLOWED:
            narration += 1
        elif found is not None:
            if not found.rule:
                return None
            if narration:  # across a sentence of narration: less sure
                return Decision(found.rule, found.confidence - 0.1, found.mention, found.cue,
                                found.inherit)
            return found
        end = start
    return None


_NO_ANCHOR = Decision("", 0.0)
_NARRATION = Decision("", 0.0)


def _anchor(ctx: Context, words: ReportedSpeechWords, start: int, end: int) -> Decision | None:
    """What the sentence from ``start`` to ``end`` says about the speaker going on.

    A decision naming the speaker; ``_NO_ANCHOR`` when the chain breaks here;
    ``None`` when the sentence is the speaker's and the search goes on.
    """
    end = min(end, start + _SENTENCE_WORDS)
    quotes = [ctx.tokens[t].quote for t in range(start, end) if ctx.kind(t) == "quote"]
    if quotes:
        prev = ctx.decisions[quotes[-1]]
        if prev is None:
            return None if _is_heading(ctx, start, end) else _NO_ANCHOR
        return Decision("subjunctive_continues_speaker", 0.7, prev.mention, None,
                        inherit=quotes[-1])
    for c in reversed(ctx.cues_within(start, end)):
        cue_end = ctx.cue_at(c, weak=False)
        if cue_end < 0:
            continue
        m = subject_before(ctx, c)
        if m is None and ctx.low(c - 1) in words.reflexives:
            m = ctx.mention_ending.get(c - 1)  # "wie Brandt sich ausdrückte"
        if m is None:
            m = _mention_after(ctx, words, cue_end)
        if m is None or not _resolvable(ctx, m):
            return _NO_ANCHOR
        return Decision("subjunctive_continues_speaker", 0.65, m, ctx.span(c, cue_end))
    if _is_heading(ctx, start, end) or _subjunctive(ctx, words, start, end):
        return None
    return _NARRATION


def _in_reported_voice(ctx: Context, words: ReportedSpeechWords, first: int, stop: int) -> bool:
    """A sentence in the subjunctive, or one its quotes carry."""
    stop = min(stop, first + _SENTENCE_WORDS)
    if _subjunctive(ctx, words, first, stop):
        return True
    outside = sum(
        1 for t in range(first, stop) if ctx.kind(t) == "word" and ctx.word(t)[0].isalnum()
    )
    return outside <= _QUOTE_LED_WORDS


def _subjunctive(ctx: Context, words: ReportedSpeechWords, start: int, end: int) -> bool:
    return any(
        ctx.kind(t) == "word" and ctx.low(t) in words.subjunctive for t in range(start, end)
    )


def _is_heading(ctx: Context, start: int, end: int) -> bool:
    """A paragraph of one short sentence without a closing full stop (a cross-heading)."""
    before_ok = start == 0 or ctx.kind(start - 1) == "para"
    last = end - 1
    return (
        before_ok
        and (end >= len(ctx.tokens) or ctx.kind(end) == "para")
        and end - start <= 12
        and ctx.word(last) not in (".", ":")
    )
