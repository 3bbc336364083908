"""Partial quotes in running prose: the sentence's subject speaks (issue 12, family 1).

A reporter who quotes a few words inside a sentence about someone gives them to
that sentence's subject, whatever the verb: ``Roe believes in a press that
"takes sides"``, ``She talks about how her staff must be willing "to work
weekends."``, ``As Doe put it, the plan is "a mess"``. No cue verb is needed;
the rule is the sieve's last resort for a partial quote, after every rule that
reads a cue, a layout or a continuation.

:func:`subject_partial_quote` takes the subject of the quote's clause: going back
from the quote clause by clause, the first clause opener followed by a mention
and a verb-like word (not a preposition, determiner or punctuation). The window
is bounded (``_WINDOW`` tokens before the quote, ``_ASIDE_TOKENS`` for an aside).

Example:
    >>> from quoteattr import attribute
    >>> text = 'Jane Doe believes in a city that "keeps its promises."'
    >>> q = attribute(text).quotes[0]
    >>> q.speaker.name, q.rule
    ('Jane Doe', 'subject_partial_quote')
"""

from __future__ import annotations

from quoteattr.attribution.clauses import (
    ad_hoc_description,
    opens_sentence,
    skip_adverbs,
    subject_before,
)
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.governed import document_owner
from quoteattr.attribution.words import attribution_words, ends_with, is_participle
from quoteattr.text.mentions import Mention

__all__ = ["main_clause_start", "subject_partial_quote"]

_WINDOW = 45  # tokens before a quote searched for its sentence's subject


def subject_partial_quote(ctx: Context, qi: int) -> Decision | None:
    """``Doe thanked them for "Q"``: a partial quote belongs to its clause's subject."""
    if ctx.quotes[qi].kind == "term":
        return None
    qt = ctx.quote_token[qi]
    k = qt - 1
    if ctx.kind(k) == "mark":
        k -= 1
    if k < 0 or opens_sentence(ctx, k + 1) or _in_headline(ctx, qt):
        return None
    m = _clause_subject(ctx, k + 1)
    if m is None and ctx.word(k) != ":":
        m = _subject_after_opening_phrase(ctx, qt)
    if m is None and ctx.word(k) != ":":
        m = _previous_reported_speaker(ctx, qt)
        if m is not None:
            return Decision("subject_partial_quote", 0.45, m)
    if m is None or (ctx.word(k) == ":" and m.kind not in ("name", "pronoun")):
        return None  # "The plan has three parts: \"Q\"": a thing before a colon says nothing
    return Decision("subject_partial_quote", 0.5, document_owner(ctx, m))


def main_clause_start(ctx: Context, first: int, qt: int) -> int:
    """Where the main clause starts when a sentence opens with a subordinate clause.

    ``While Doe praised the plan, Roe called it "a mess"``: the cue of the
    subordinate clause (``praised``) does not govern a quote in the main clause.
    When the sentence from token ``first`` opens with a subordinator (after up
    to two adverbs: ``Ever since``) and a comma before token ``qt`` is followed
    by a subject (an article, a determiner, a pronoun or a mention), return the
    token after that comma; otherwise ``first``.
    """
    g = attribution_words(ctx.lexicon).grammar
    tokens = ctx.tokens
    for i in range(first, min(first + 3, qt)):
        if tokens[i].low in g.subordinators:
            break
    else:
        return first  # no subordinator opens the sentence
    words = attribution_words(ctx.lexicon)
    k = first  # "Ever since", "Even as": up to two single words before the subordinator
    while (k < first + 2 and ctx.kind(k) == "word" and ctx.low(k) not in g.subordinators
           and ctx.low(k + 1) not in ctx.lexicon.role_forms and (
               ctx.mention_covering[k] < 0 or ctx.mentions[ctx.mention_covering[k]].last == k + 1)):
        k += 1
    if ctx.low(k) not in g.subordinators:
        return first
    for j in range(k + 1, min(qt, k + _WINDOW)):
        if ctx.kind(j) == "para":
            return first
        if ctx.word(j) == ",":
            after = j + 1
        elif ctx.kind(j) == "quote" and _quote_ends_with_comma(ctx, j):
            after = j + 2 if ctx.kind(j + 1) == "mark" else j + 1  # ... a "terrific piece," Roe …
        else:
            continue
        nxt = ctx.low(after)
        nxt = next((nxt[: -len(c)] for c in words.subject_contractions if nxt.endswith(c)), nxt)
        if (nxt in words.articles or nxt in g.np_determiners or nxt in g.subject_pronouns
                or after in ctx.mention_starting):
            return after
        return first
    return first


def _previous_reported_speaker(ctx: Context, qt: int) -> Mention | None:
    """``Doe said she was angry. Doing so "hurt the party."``: a sentence that names nobody.

    When the quote's sentence holds no mention at all, the subject of a strong
    cue in the sentence before it (same paragraph, at most ``_WINDOW`` tokens
    back) goes on speaking: reported speech carried over a sentence.
    """
    first = ctx.sentence_first(qt)
    stop = min(min(ctx.sentence_stop(qt), qt + _WINDOW), len(ctx.tokens))
    if first <= 0 or qt - first > _WINDOW or ctx.kind(first - 1) in ("para", "quote", "mark"):
        return None
    if any(ctx.mention_covering[j] >= 0 for j in range(first, stop)):
        return None
    prev = first - 1
    for c in range(prev, max(ctx.sentence_first(prev), prev - _WINDOW) - 1, -1):
        if ctx.kind(c) in ("para", "quote"):
            return None
        end = ctx.cue_at(c, weak=False)
        if end < 0:
            continue
        m = subject_before(ctx, c)
        if m is None:
            continue  # "were written": a passive cue names nobody
        return m if m.kind in ("name", "pronoun") else None
    return None


def _fragment_at(ctx: Context, k: int) -> bool:
    q = ctx.tokens[k].quote
    return 0 <= q < len(ctx.quotes) and ctx.quotes[q].kind == "partial"


def _quote_ends_with_comma(ctx: Context, j: int) -> bool:
    q = ctx.tokens[j].quote
    return 0 <= q < len(ctx.quotes) and ctx.quotes[q].text.rstrip().endswith(",")


def _clause_subject(ctx: Context, qt: int) -> Mention | None:
    """The subject of the clause that holds token ``qt``, going back clause by clause.

    A clause opens at the sentence's start, after a comma, semicolon or dash, or
    after a joining word (``and``, ``but``, ``when``, ``while``, ``in which``);
    never after ``that``, whose clause is what the subject reports. The nearest
    opener followed by a mention and a verb-like word names the subject. A
    relative ``who`` or ``which`` right after a comma (``the sign, which read``)
    or an expletive ``it`` gives up. ``As NAME put it, … "Q"`` is NAME's.
    """
    first = max(ctx.sentence_first(qt), qt - _WINDOW)
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    joiners, subordinators = words.clause_joiners, g.subordinators
    main = main_clause_start(ctx, first, qt)
    relatives = words.relative_pronouns  # all but "that", whose clause the subject reports
    put_it = _as_name_put_it(ctx, first, qt)
    if put_it is not None:
        return put_it
    passed_mark = False
    if main > first:  # "While Doe praised it, Roe …": only the main clause's subject
        first = main
    tokens = ctx.tokens
    for k in range(qt - 1, first - 2, -1):
        inside = k >= first  # 0 <= first <= k < qt: a token of the clause
        if inside:
            tok = tokens[k]
            if tok.kind == "para" or (tok.kind == "quote" and not _fragment_at(ctx, k)):
                return None  # a quoted fragment earlier in the clause is one of its words
            low = tok.low
        else:
            low = ""
        if low in words.absolute_openers:
            m = _absolute_subject(ctx, k + 1, qt)
            if m is not None:
                return m
        mark = inside and tok.text in _CLAUSE_MARKS
        relative = low in relatives and low != "that"
        if inside and not (mark or low in joiners or low in subordinators or relative):
            continue
        m = _subject_at(ctx, k + 1, qt, at_start=k < first)
        if m is _GIVE_UP:
            return None
        if m is not None:
            return m
        if relative and ctx.word(k - 1) in _CLAUSE_MARKS and not passed_mark:
            return None  # "the sign — which read": the clause's subject is its antecedent
        passed_mark = passed_mark or mark
    return None


def _absolute_subject(ctx: Context, p: int, qt: int) -> Mention | None:
    """``with marchers chanting "Q"``: the noun phrase before the participle of an absolute clause.

    Up to six words from token ``p`` (a mention, or words that are no stop word,
    ``of`` inside), then a present participle before the quote.
    """
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    m = ctx.mention_starting.get(p)
    if m is None and ctx.low(p) in words.articles:
        m = ctx.mention_starting.get(p + 1)
    if m is not None and not m.possessive:
        j = m.last
    else:
        m = None
        j = p
        while j < min(p + 6, qt) and ctx.kind(j) == "word" and not is_participle(words, ctx.low(j)):
            low = ctx.low(j)
            if (low in g.prepositions and low not in words.np_joiners) or (
                    low in g.np_stop and low not in words.np_joiners) or ctx.cue_at(j) > 0:
                return None
            j += 1
        if j == p or ctx.low(j - 1) in words.np_joiners:
            return None
    if j >= qt or ctx.kind(j) != "word" or not is_participle(words, ctx.low(j)):
        return None
    return m if m is not None else ad_hoc_description(ctx, p, j)


def _as_name_put_it(ctx: Context, first: int, qt: int) -> Mention | None:
    """``As Doe put it, the plan is "a mess"``: an opening as-clause names the source."""
    words = attribution_words(ctx.lexicon)
    if ctx.low(first) not in words.as_clause_openers:
        return None
    m = ctx.mention_starting.get(first + 1)
    if m is None or m.possessive:
        m = _name_after_modifiers(ctx, first + 1, qt)
    if m is None or m.kind == "pronoun":
        return None
    j = skip_adverbs(ctx, m.last)
    end = ctx.cue_at(j)
    if end < 0:
        return None
    while end < qt and ctx.kind(end) == "word" and end - j < 4:
        end += 1  # "put it", "noted at the time"
    return m if end < qt and ctx.word(end) == "," else None


_CLAUSE_MARKS = frozenset({",", ";", "—", "–", "--"})
_ASIDE_TOKENS = 24  # tokens of an aside between a subject and its verb
_DASH_MARKS = frozenset({"—", "–", "--"})
_ASIDE_CLOSERS = {
    ",": frozenset({","}) | _DASH_MARKS,
    "(": frozenset({")"}),
    "—": _DASH_MARKS,
    "–": _DASH_MARKS,
    "--": _DASH_MARKS,
}
_GIVE_UP = Mention(-1, -1, -1, -1, "", "pronoun", "", None, False, "unknown")


def _subject_at(ctx: Context, p: int, qt: int, *, at_start: bool) -> Mention | None:
    """The mention opening a clause at token ``p`` when a verb-like word follows it.

    Returns ``_GIVE_UP`` for a subject that names nobody (an expletive ``it``).
    """
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    for _ in range(3):  # "And yet he", "But when she"
        low = ctx.low(p)
        if p in ctx.mention_starting or ctx.kind(p) != "word":
            break
        if low in words.clause_joiners or low in g.subordinators or low in g.adverbs:
            p += 1
    if not at_start and ctx.low(p) in g.prepositions and p not in ctx.mention_starting:
        # "and by late afternoon the fans chanted …": past a short adverbial phrase
        p = next((j for j in range(p + 2, min(p + 5, qt))
                  if ctx.low(j) in words.articles or j in ctx.mention_starting), qt)
    if ctx.low(p) in words.articles and p + 1 in ctx.mention_starting:
        p += 1
    if p >= qt:
        return None
    low = ctx.low(p)
    pronoun = next((low[: -len(c)] for c in words.subject_contractions if low.endswith(c)),
                   None) if ends_with(words.subject_contractions, low, longer_than=0) else None
    if (pronoun is not None and pronoun in g.subject_pronouns
            and pronoun not in words.impersonal_pronouns):
        tok = ctx.tokens[p]  # "he's predicting": the pronoun inside a contraction
        end = tok.start + len(pronoun)
        return Mention(p, p + 1, tok.start, end, ctx.text[tok.start : end], "pronoun",
                       pronoun, None, False, "unknown")
    m = ctx.mention_starting.get(p)
    if m is None and at_start:
        m = _name_after_modifiers(ctx, p, qt)
    if m is None:
        return _determiner_phrase(ctx, p, qt)
    if m.possessive:
        return _possessor_of_speech(ctx, m, qt)
    if m.kind == "pronoun" and ctx.low(m.first) in words.impersonal_pronouns:
        return _GIVE_UP
    if at_start and ctx.word(m.first)[:1].isupper() and (
            is_participle(words, ctx.low(m.first)) or ctx.low(m.first) in ctx.lexicon.cue_forms):
        return None  # "Citing the attack, …": a participle, not a name
    j, named = _skip_aside(ctx, m.last, qt)
    if m.kind == "description" and named is not None:
        m = named  # "A former senator -- Jane Doe, who …-- said": the name
    if _passive(ctx, j):
        return _GIVE_UP  # "Doe was called \"a liar\"": the subject was named, it did not speak
    j = skip_adverbs(ctx, j)
    if j >= qt:
        return None
    w = ctx.word(j)
    if at_start and w in _CLAUSE_MARKS:
        return m  # a subject with a long aside: "Doe, in the middle of a tour …, hammered"
    if ctx.kind(j) != "word" or not w[:1].islower():
        return None
    low = w.lower()
    if (low in g.prepositions or low in g.determiners or low in words.clause_joiners
            or low in words.relative_pronouns):
        return None
    return m


def _passive(ctx: Context, j: int) -> bool:
    """Tell whether the verb at token ``j`` is passive ("was called", "has been described")."""
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    for _ in range(3):  # "has also been", "will be"
        if ctx.low(j) in words.passive_auxiliaries or ctx.kind(j) != "word":
            break
        if ctx.low(j) not in g.adverbs:
            return False
        j += 1
    if ctx.low(j) not in words.passive_auxiliaries:
        return False
    low = ctx.low(j + 1)
    if low in g.adverbs:
        low = ctx.low(j + 2)
    return low in words.naming_verbs or ends_with(words.past_participle_endings, low,
                                                  longer_than=3)


def _in_headline(ctx: Context, qt: int) -> bool:
    """Tell whether token ``qt`` lies in a headline: a first paragraph with no full stop."""
    if ctx.paragraph[qt] != 0 or ctx.quotes[ctx.tokens[qt].quote].text.rstrip()[-1:] in ".!?":
        return False
    for k in range(max(0, qt - _WINDOW), min(qt + _WINDOW, len(ctx.tokens))):
        if ctx.kind(k) == "para":
            return k > qt
        if ctx.word(k) in (".", "!", "?"):
            return False
    return False


def _possessor_of_speech(ctx: Context, m: Mention, qt: int) -> Mention | None:
    """``Doe's boldest claim is that …``: the possessor of a speech or document noun.

    Up to three words after the possessive ``m``, the last a speech noun
    (``claim``, ``remark``) or a document noun (``brief``, ``letter``); a
    possessed thing (``Doe's plan``) names nobody.
    """
    words = attribution_words(ctx.lexicon)
    for j in range(m.last, min(m.last + 3, qt)):
        if ctx.kind(j) != "word" or not ctx.word(j)[:1].islower():
            return None
        low = ctx.low(j)
        if low in words.speech_nouns or low in words.document_nouns:
            return m._replace(possessive=False)
    return None


def _subject_after_opening_phrase(ctx: Context, qt: int) -> Mention | None:
    """``Citing their "reveries," Doe urged …``: a quote in a phrase that opens the sentence.

    When nothing before the quote is a clause's subject, the subject of the
    main clause after the opening phrase speaks: the first comma after the quote
    (within ``_WINDOW`` tokens of its sentence) followed by a name or pronoun and
    a verb that reads surely as one (a cue, a past form, an auxiliary).
    """
    tokens = ctx.tokens
    stop = min(min(ctx.sentence_stop(qt), qt + _WINDOW), len(tokens))
    for j in range(qt, stop):
        tok = tokens[j]
        if tok.kind == "para" or tok.text in (";", ":"):
            return None
        if tok.text == ",":
            after = j + 1
        elif tok.kind == "quote" and _quote_ends_with_comma(ctx, j):
            after = j + 2 if ctx.kind(j + 1) == "mark" else j + 1
        else:
            continue
        m = _subject_at(ctx, after, stop, at_start=False)
        if m is not None and m is not _GIVE_UP and m.kind in ("name", "pronoun") and (
                _reads_as_verb(ctx, skip_adverbs(ctx, m.last))):
            return m
    return None


def _reads_as_verb(ctx: Context, j: int) -> bool:
    """Tell whether token ``j`` is surely a verb: a cue, a past form or an auxiliary."""
    words = attribution_words(ctx.lexicon)
    low = ctx.low(j)
    return ctx.kind(j) == "word" and (
        ctx.cue_at(j) > 0 or low in words.tense_auxiliaries
        or ends_with(words.past_endings, low, longer_than=3))


def _determiner_phrase(ctx: Context, p: int, qt: int) -> Mention | None:
    """A determiner and up to four words at ``p`` before a verb: ``A volunteer emailed``.

    The verb must read as one: a cue, a past form, or a word after an auxiliary
    of having, doing or a modal (``The report has good news``); never a form of
    "be" (``The plan was "a disaster"`` names nobody).
    """
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    if ctx.low(p) not in g.np_determiners or ctx.low(p) in words.demonstratives:
        return None
    for e in range(p + 2, min(p + 7, qt)):
        w = ctx.low(e - 1)
        joiner = e - 1 > p + 1 and w in words.np_joiners  # "a lot of people", "one of the aides"
        if ctx.kind(e - 1) != "word" or ctx.cue_at(e - 1) > 0 or (not joiner and (
                w in g.np_stop or w in g.modifier_stop or w in g.prepositions)):
            return None
        if joiner or ctx.low(e) in words.np_joiners:
            continue
        j = e
        auxiliary = False
        for _ in range(3):
            low = ctx.low(j)
            negated = ends_with(words.negation_endings, low)  # "didn't like"
            adverb = low in g.adverbs or ends_with(words.adverb_endings, low, longer_than=4)
            if ctx.kind(j) != "word" or not (negated or adverb):
                break
            auxiliary = auxiliary or low in words.tense_auxiliaries or negated
            if low in words.passive_auxiliaries:
                return None
            j += 1
        if j >= qt or ctx.kind(j) != "word" or not ctx.word(j)[:1].islower():
            continue
        low = ctx.low(j)
        if low in g.np_stop or low in g.prepositions:
            continue
        verb = ctx.lexicon.cue_forms.get(low)
        if ((ctx.cue_at(j) > 0 and (verb is None or verb.lemma != low or auxiliary))
                or (auxiliary and j > e)
                or ends_with(words.past_endings, low, longer_than=3)):
            return ad_hoc_description(ctx, p, e)
    return None


def _name_after_modifiers(ctx: Context, p: int, qt: int) -> Mention | None:
    """A name after up to three capitalised or role words at ``p`` ("Ohio senator Jane Doe")."""
    roles = ctx.lexicon.role_forms
    j = p + 1 if ctx.low(p) in attribution_words(ctx.lexicon).articles else p
    while j < min(p + 5, qt):
        m = ctx.mention_starting.get(j)
        if m is not None and m.possessive:
            j = m.last  # "The Ledger's Ana Ruiz"
            continue
        if m is not None:
            return m if j > p and m.kind == "name" else None
        w = ctx.word(j)
        if ctx.kind(j) != "word" or not (w[:1].isupper() or w.lower() in roles):
            return None
        j += 1
    return None


def _skip_aside(ctx: Context, k: int, qt: int) -> tuple[int, Mention | None]:
    """Skip an aside starting at token ``k``; return the token after it and a name opening it.

    Asides: ``, the mayor,``, ``-- Doe, who … --``, ``(D-Ohio)``, ``which collects …,``.
    """
    opener = ctx.word(k)
    words = attribution_words(ctx.lexicon)
    relative = ctx.low(k) in words.relative_pronouns and ctx.low(k) != "that"
    if opener not in _ASIDE_CLOSERS and not relative:
        return k, None
    closers = _ASIDE_CLOSERS[opener] if not relative else frozenset({","})
    named = ctx.mention_starting.get(k + 1)
    for j in range(k + 1, min(k + _ASIDE_TOKENS, qt)):
        if ctx.kind(j) in ("para", "quote") or ctx.word(j) in (".", ";", "!", "?"):
            break
        if ctx.word(j) in closers and j > k + 1:
            return j + 1, named if named is not None and named.kind == "name" else None
    return k, None
