"""The built-in attribution rules, in the order the sieve tries them.

Each rule looks at one quote in a prepared :class:`~quoteattr.attribution.context.Context`
and either returns a :class:`~quoteattr.attribution.context.Decision` (who is named where,
by which cue, how sure) or ``None``. The first rule that fires decides. A rule
is named after the pattern it recognises, and that name is what results report.

Example:
    >>> [rule.name for rule in BUILTIN_RULES][:3]
    ['quoted_name_as_saying', 'quote_comma_name_said', 'quote_comma_said_name']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from quoteattr.attribution.clauses import (
    attribution_ends,
    noun_phrase_after,
    noun_phrase_before,
    noun_phrase_opening_sentence,
    skip_adverbs,
    skip_aside,
    skip_listener,
    speaker_mention_at,
    subject_before,
)
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.continuation import (
    continues_previous_quote,
    name_said_period_quote,
    reported_speech_then_quote,
    reported_speech_then_quote_paragraph,
)
from quoteattr.attribution.governed import (
    document_owner,
    name_called_x_quote,
    name_issued_document_quote,
    name_verb_x_as_quote,
    possessor_speech_noun_quote,
    quote_as_name_said,
)
from quoteattr.attribution.layouts import (
    headline_name_quote,
    name_clause_colon_quote,
    said_name_colon_quote,
    speaker_label_colon_quote,
)
from quoteattr.attribution.prose import main_clause_start, subject_partial_quote
from quoteattr.attribution.windows import any_within, word_positions
from quoteattr.attribution.words import (
    attribution_words,
    ends_with,
    first_after,
    first_from,
    is_participle,
    is_passive,
)
from quoteattr.text.mentions import Mention

__all__ = ["BUILTIN_RULES", "Rule", "RuleFunction"]

RuleFunction = Callable[[Context, int], "Decision | None"]

_DASHES = frozenset({"—", "–", "-", "--", "―"})
_COMMA_LIKE = frozenset({",", '"', "”", "'", "’"})
"""Tokens after which a clause of attribution may follow a quote's sentence part."""
@dataclass(frozen=True)
class Rule:
    """One named step of the attribution sieve.

    A rule written in Python is a function ``func(ctx, quote_index)`` that
    looks at quote ``ctx.quotes[quote_index]`` (its token is
    ``ctx.tokens[ctx.quote_token[quote_index]]``) and returns a
    :class:`~quoteattr.attribution.context.Decision` naming the speaker's mention, or
    ``None`` to let the next rule try. :class:`~quoteattr.attribution.context.Context`
    offers ``word(i)``, ``kind(i)``, ``cue_at(i)``, ``same_sentence(i, j)``,
    ``span(first, last)``, ``mention_starting``, ``mention_ending`` and the
    decisions already taken for earlier quotes. A declarative alternative is
    :class:`~quoteattr.attribution.patterns.PatternRule`.

    Attributes:
        name: Stable name reported in results (``Quote.rule``).
        description: The pattern, as a reader would write it.
        func: ``func(context, quote_index) -> Decision | None``.

    Example:
        >>> from quoteattr import attribute
        >>> def quote_then_says_name(ctx, qi):
        ...     k = ctx.quote_token[qi] + 2  # after the closing mark
        ...     m = ctx.mention_starting.get(k + 1)
        ...     if ctx.word(k) == "says" and m is not None:
        ...         return Decision("quote_then_says_name", 0.9, m, ctx.span(k, k + 1))
        ...     return None
        >>> rule = Rule("quote_then_says_name", '"Q" says NAME', quote_then_says_name)
        >>> attribute('"We will not back down." says Ivan.', rules=[rule]).quotes[0].speaker.name
        'Ivan'
    """

    name: str
    description: str
    func: RuleFunction

    def __reduce__(self) -> tuple[type[Rule], tuple[str, str, RuleFunction]]:
        # pickled by its fields: a compiled build's frozen class takes no setattr
        return Rule, (self.name, self.description, self.func)


def _after_quote(ctx: Context, qi: int) -> int:
    """Index of the first token after a quote, its closing mark and commas."""
    tokens = ctx.tokens
    count = len(tokens)
    k = ctx.quote_token[qi] + 1
    if k < count and tokens[k].kind == "mark":
        k += 1
    while k < count and tokens[k].text == ",":
        k += 1
    return k


def _before_quote(ctx: Context, qi: int) -> int:
    """Index of the last token before a quote's opening mark."""
    k = ctx.quote_token[qi] - 1
    if k >= 0 and ctx.tokens[k].kind == "mark":
        k -= 1
    return k


def _quote_ends_sentence(ctx: Context, qi: int) -> bool:
    inner = ctx.quotes[qi].text.rstrip()
    return inner.endswith((".", "!", "?", "…")) and not inner.endswith((",",))


def _quote_closes_clause(ctx: Context, qi: int) -> bool:
    """A quote that ends with punctuation inside its marks or is followed by a comma."""
    inner = ctx.quotes[qi].text.rstrip()
    if inner.endswith((",", ".", "!", "?", "…", "—", "-", ";", ":")):
        return True
    k = ctx.quote_token[qi] + 1
    if ctx.kind(k) == "mark":
        k += 1
    return ctx.word(k) in (",", "—", "–")


def _fragment_ends_sentence(ctx: Context, qi: int) -> bool:
    """A quoted fragment inside its sentence whose own full stop ends that sentence."""
    q = ctx.quotes[qi]
    if q.kind != "partial" or q.text.rstrip()[-1:] not in (".", "!", "?"):
        return False
    b = _before_quote(ctx, qi)
    return (b >= 0 and ctx.kind(b) not in ("para", "quote") and ctx.word(b) != ":"
            and ctx.same_sentence(b, ctx.quote_token[qi]))


def quote_comma_name_said(ctx: Context, qi: int) -> Decision | None:
    """``"Q," NAME said`` (with an aside or adverb between name and verb)."""
    k = _after_quote(ctx, qi)
    if not _cue_candidate_within(ctx, k + 1, k + 32):
        return None  # no cue verb can follow within the clause
    tokens = ctx.tokens
    if k >= len(tokens):
        return None
    tok = tokens[k]  # 1 <= k: after the quote's token
    if tok.kind != "word" or tokens[k - 1].kind == "para" or ctx.cue_any[k] > 0:
        return None
    words = attribution_words(ctx.lexicon)
    if tok.low in words.passive_auxiliaries:
        return None  # '"Q," is one common saying': a predicate, not a speaker
    if _fragment_ends_sentence(ctx, qi):
        return None  # 'calling him "a failed candidate." Roe fired back': a new sentence
    if tok.low in words.clause_joiners:
        return None  # 'a plea for a "cleaner harbor," and she thanked ...': a clause of its own
    closed = _quote_closes_clause(ctx, qi)
    # the first cue within 13 tokens, before the sentence, paragraph or next quote ends
    relative = words.relative_pronouns
    for j in ctx.cues_within(k + 1, _clause_stop(ctx, k, k + 32)):
        end = ctx.cue_at(j)
        if end < 0:
            continue
        m = subject_before(ctx, j) or noun_phrase_before(ctx, j)
        if m is not None and m.first > k and ctx.low(m.first) in relative:
            continue  # '"Q," Doe, who has proposed a repeal, said': the aside's own verb
        if m is None or m.first < k:
            return None
        after = skip_listener(ctx, j, end)
        if m.first > k and not _leads_to_appositive(ctx, k, m):
            return None
        subordinators = words.grammar.subordinators
        if any(ctx.tokens[t].low in subordinators for t in range(k, m.first)):
            return None  # '"That was a bargain," when Roe mocked him'
        ends = attribution_ends(ctx, end) or attribution_ends(ctx, after)
        closes = ctx.cue_at(j, weak=False) > 0 and ends and ctx.kind(after) != "mark"
        if (ctx.quotes[qi].text[:1].islower() and not closes
                and name_said_partial_quote(ctx, qi) is not None):
            return None  # 'said she would "guard our coast," the crowd applauded'
        if _quote_ends_sentence(ctx, qi) and not ends:
            return None
        if not closed and (m.first != k or j != m.last or not ends):
            return None  # '"bring our case" to the judges who ruled': prose goes on
        confidence = 0.9 if m.kind == "pronoun" else 0.95
        return Decision("quote_comma_name_said", confidence, m, ctx.span(j, end))
    return None


def _cue_candidate_within(ctx: Context, first: int, stop: int) -> bool:
    """Tell whether a cue may start at a token from ``first`` up to ``stop`` (one bisection)."""
    found = ctx.cue_candidates
    k = first_from(found, first)
    return k < len(found) and found[k] < stop


def _leads_to_appositive(ctx: Context, k: int, m: Mention) -> bool:
    """Tell whether tokens ``k`` up to mention ``m`` are words of one noun phrase.

    Plain words, or a mention opening at ``k`` (with up to three lower-case role
    words after it) and a comma right before a name: ``Google's chief
    executive, Jane Doe, told``; ``Ms. Doe's spokesman, Tom Roe, wrote``.
    """
    if ctx.word(m.first - 1) != ",":
        return all(ctx.kind(t) == "word" for t in range(k, m.first))
    lead = ctx.mention_starting.get(k)
    if m.kind != "name" or lead is None or lead.last > m.first - 1:
        return False  # "At a rally in Dayton, Doe …": a phrase, not a noun phrase
    tail = range(lead.last, m.first - 1)  # "Ms. Doe's spokesman, …": role words
    return len(tail) <= 3 and all(ctx.word(t).islower() for t in tail)


def _clause_stop(ctx: Context, k: int, limit: int) -> int:
    """Where a clause that starts after token ``k`` must stop.

    That is the first token up to ``limit`` that is a break, a quote or a
    quotation mark, or outside ``k``'s sentence (``limit`` or the token count
    when there is none).
    """
    tokens = ctx.tokens
    stop = min(min(limit, len(tokens)), ctx.sentence_stop(k))
    if stop > k + 1 and tokens[stop - 1].kind == "para":
        stop -= 1  # a break ends its sentence as its last token
    quote = ctx.next_quote_token(k)
    if quote - 1 > k and tokens[quote - 1].kind == "mark":
        quote -= 1  # the next quote's opening mark
    return min(stop, quote)


def quote_comma_said_name(ctx: Context, qi: int) -> Decision | None:
    """``"Q," said NAME``."""
    words = attribution_words(ctx.lexicon)
    k = _after_quote(ctx, qi)
    end = ctx.cue_at(k)
    if end < 0:
        return _quote_unlisted_verb_name(ctx, qi, k)
    if ctx.kind(k - 1) == "para" or is_participle(words, ctx.low(end - 1)):
        return None
    m = speaker_mention_at(ctx, end) or noun_phrase_after(ctx, end)
    if m is not None and m.kind == "description" and ctx.word(m.last) == ",":
        named = speaker_mention_at(ctx, m.last + 1)
        if named is not None and named.kind == "name":
            m = named  # 'said the spokeswoman, Jane Doe': the name
    skip = end
    while m is None and skip < end + 3 and ctx.kind(skip) == "word":
        if ctx.low(skip) in words.grammar.np_stop:
            break
        skip += 1
        m = speaker_mention_at(ctx, skip)
    if m is None or (m.kind == "pronoun"
                     and ctx.low(m.first) in attribution_words(ctx.lexicon).impersonal_pronouns):
        return None
    return Decision("quote_comma_said_name", 0.95, document_owner(ctx, m), ctx.span(k, end))


def _quote_unlisted_verb_name(ctx: Context, qi: int, k: int) -> Decision | None:
    """``"Q!" beamed Jane Doe.``: an unlisted past-tense verb between a quote and a name.

    The quote opens its sentence and closes its clause inside its marks; the
    verb (lower case, a ``past_endings`` ending) follows it; a name follows the
    verb and ends the sentence or starts an aside.
    """
    words = attribution_words(ctx.lexicon)
    if ctx.kind(k) != "word" or not ctx.word(k).islower() or ctx.kind(k - 1) == "para":
        return None
    if not ends_with(words.past_endings, ctx.low(k), longer_than=3):
        return None
    if not ctx.quotes[qi].text.rstrip().endswith((",", "!", "?")):
        return None
    qt = ctx.quote_token[qi]
    b = _before_quote(ctx, qi)
    if not (b < 0 or ctx.kind(b) == "para" or not ctx.same_sentence(b, qt)):
        return None  # a quote inside a sentence: the verb may be the sentence's own
    m = speaker_mention_at(ctx, k + 1)
    if m is None or m.kind != "name":
        return None
    after = ctx.word(m.last)
    if ctx.kind(m.last) in ("para", "end") or after in (".", ",", "!", "?", ";"):
        return Decision("quote_comma_said_name", 0.75, m, ctx.span(k, k + 1))
    return None


def quoted_name_as_saying(ctx: Context, qi: int) -> Decision | None:
    """``X quoted NAME as saying "Q"`` or ``"Q," X quoted NAME as saying``."""
    words = attribution_words(ctx.lexicon)
    qt = ctx.quote_token[qi]
    best: Decision | None = None
    verbs = word_positions(ctx, words.quoting_verbs)
    found = verbs[first_from(verbs, qt - 25) : first_from(verbs, qt + 26)]
    for i in found:
        if not ctx.same_sentence(i, qt):
            continue
        m = speaker_mention_at(ctx, i + 1)
        if m is None:
            continue
        j = m.last
        if ctx.low(j) in words.quoted_as_links and ctx.low(j + 1) in words.quoted_as_forms:
            start, _ = ctx.span(i, i + 1)
            _, end = ctx.span(j + 1, j + 2)
            best = Decision("quoted_name_as_saying", 0.95, m, (start, end))
            break
    return best


def name_said_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME said: "Q"``, ``NAME said "Q"``, ``NAME told X: "Q"``, ``But he added: "Q"``.

    The colon may close the paragraph before the quote's paragraph.
    """
    b = _before_quote(ctx, qi)
    if ctx.kind(b) == "para" and ctx.word(b - 1) == ":":
        b -= 1  # 'NAME said:' closing a paragraph, the quote opening the next
    punct = ctx.word(b)
    colon = punct in (":", ",")
    k = b - 1 if colon else b
    if ctx.kind(k) in ("para", "end", "quote"):
        return None
    # scan back over a short object or adverbial ("told the OSCE conference")
    window = 10 if colon else 1
    if not _cue_candidate_within(ctx, k - window + 1, k + 1):
        return None  # no cue verb in reach
    tokens = ctx.tokens
    cues = ctx.cue_any if colon else ctx.cue_strong
    for c in range(k, max(k - window, -1), -1):  # 0 <= c <= k < len(tokens)
        tok = tokens[c]
        if tok.kind in ("para", "quote", "mark") or tok.text in (".", ";", "!", "?"):
            return None
        end = cues[c]
        if end < 0 or end - 1 > k:
            continue
        m = subject_before(ctx, c)
        if m is None and colon:
            m = noun_phrase_before(ctx, c)
        if m is None:
            if ctx.low(c - 1) in attribution_words(ctx.lexicon).coordinators:
                continue  # "and added:" inherits below
            return None
        return Decision("name_said_colon_quote", 0.9, document_owner(ctx, m), ctx.span(c, end))
    return None


def according_to_name(ctx: Context, qi: int) -> Decision | None:
    """``"Q," according to NAME`` or ``According to NAME, "Q"``.

    The phrases are the language's ``according_to`` function words.
    """
    qt = ctx.quote_token[qi]
    phrases = ctx.lexicon.grammar.according_to_phrases
    heads = word_positions(ctx, _heads(phrases))
    if not any_within(ctx, _heads(phrases), qt - 29, qt + 30):
        return None  # no phrase's first word near the quote
    # up to 29 tokens after the quote, within its sentence and before the next
    # quote that is not a fragment of the sentence ('"A" and "B," according to
    # the report' gives both to the report); then up to 29 tokens before it
    stop = min(min(qt + 30, len(ctx.tokens)),
               min(ctx.sentence_stop(qt), _next_whole_quote(ctx, qt)))
    first = max(qt - 29, ctx.sentence_first(qt))
    found = heads[first_from(heads, qt + 1) : first_from(heads, stop)]
    found += reversed(heads[first_from(heads, first) : first_from(heads, qt)])
    for i in found:
        for phrase in phrases:
            if ctx.tokens[i].low != phrase[0] or any(
                ctx.low(i + n) != w for n, w in enumerate(phrase[1:], 1)
            ):
                continue
            after = i + len(phrase)
            m = speaker_mention_at(ctx, after) or noun_phrase_after(ctx, after)
            if m is not None:
                return Decision("according_to_name", 0.85, m, ctx.span(i, after))
            break
    return None


_LAST_HEADS: Final[list[tuple[tuple[tuple[str, ...], ...], frozenset[str]]]] = []
"""The phrases asked for last and their first words (a lexicon's, asked for on every quote)."""


def _heads(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The first words of phrases."""
    last = _LAST_HEADS
    if last and last[0][0] is phrases:
        return last[0][1]
    heads = frozenset(phrase[0] for phrase in phrases)
    last[:] = [(phrases, heads)]
    return heads


def _next_whole_quote(ctx: Context, qt: int) -> int:
    """The first quote token after ``qt`` that is not a partial quote, or the token count."""
    k = ctx.next_quote_token(qt)
    for _ in range(8):  # a sentence holds a few fragments at most
        q = ctx.tokens[k].quote if k < len(ctx.tokens) else -1
        if not (0 <= q < len(ctx.quotes)) or ctx.quotes[q].kind != "partial":
            return k
        k = ctx.next_quote_token(k)
    return k


def quote_dash_name(ctx: Context, qi: int) -> Decision | None:
    """``"Q" — NAME``: a sign-off after a dash."""
    k = ctx.quote_token[qi] + 1
    if ctx.kind(k) == "mark":
        k += 1
    if ctx.word(k) not in _DASHES:
        return None
    j = k + 1
    while ctx.word(j) in _DASHES:
        j += 1
    m = speaker_mention_at(ctx, j)
    if m is None or m.kind == "pronoun":
        return None
    return Decision("quote_dash_name", 0.85, m, ctx.span(k, j))


def name_said_partial_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME said he had heard "Q"``: a quote inside reported speech."""
    words = attribution_words(ctx.lexicon)
    qt = ctx.quote_token[qi]
    if not _cue_candidate_within(ctx, qt - 59, qt):
        return None  # no cue before the quote in reach
    # back to the sentence's start, at most 59 tokens: only cue tokens can match;
    # not into a subordinate clause the quote's main clause follows
    first = max(qt - 59, ctx.sentence_first(qt))
    if not _cue_candidate_within(ctx, first, qt):
        return None  # no cue in the quote's sentence before it
    first = main_clause_start(ctx, first, qt)
    tokens = ctx.tokens
    forms = ctx.lexicon.cue_forms
    for c in reversed(ctx.cues_within(first, qt)):  # 0 <= c < qt
        low = tokens[c].low
        before = tokens[c - 1] if c else None
        # an aspect verb ("would continue \"to …\"") speaks only before a colon, a
        # comma or "that" ("she continued: …", "he continues that …")
        verb = forms.get(low)
        if (verb is not None and verb.lemma in words.aspect_verbs
                and tokens[c + 1].low not in words.speech_noun_links
                and tokens[c + 1].text not in (":", ",")):
            continue
        end = ctx.cue_any[c] if qt - c <= 8 else ctx.cue_strong[c]
        if end < 0 or (before is not None and before.kind == "word"
                       and before.low in words.infinitive_markers):
            continue
        if low in words.naming_verbs and is_passive(
                words, before.low if before is not None else "", low):
            continue  # "was called": its subject was named, it did not speak
        m = subject_before(ctx, c) or noun_phrase_opening_sentence(ctx, c)
        if m is None:
            continue
        if m.kind == "pronoun":
            outer = _outer_attribution(ctx, first, m)
            if outer is not None:
                return outer
        return Decision("name_said_partial_quote", 0.8, document_owner(ctx, m),
                        ctx.span(c, end))
    return None


def _outer_attribution(ctx: Context, first: int, m: Mention) -> Decision | None:
    """``She said she recalls …"Q"``: the attribution that reports a pronoun's clause.

    A strong cue at most eight tokens before the pronoun ``m`` (its sentence from
    token ``first``), with a subject that is a name or description or the same
    pronoun, reports the clause ``m`` opens; it is the quote's attribution.
    """
    for c in reversed(ctx.cues_within(max(first, m.first - 8), m.first)):
        end = ctx.cue_at(c, weak=False)
        if end < 0 or end > m.first:
            continue
        if any(ctx.cue_at(k) > 0 for k in ctx.cues_within(end, m.first)):
            return None
        joiners = attribution_words(ctx.lexicon).clause_joiners
        if any(ctx.low(k) in joiners for k in range(end, m.first)):
            return None  # "Doe says, but she cautions …": a clause of its own
        outer = subject_before(ctx, c)
        if outer is None or outer.possessive or outer.kind not in ("name", "pronoun"):
            return None
        if outer.kind == "pronoun" and ctx.low(outer.first) != ctx.low(m.first):
            return None  # "He said she would …": two people
        return Decision("name_said_partial_quote", 0.8, outer, ctx.span(c, end))
    return None


def quote_then_name_said_later(ctx: Context, qi: int) -> Decision | None:
    """``… "Q" …, NAME said.``: a cue later in the same sentence, after the quote."""
    words = attribution_words(ctx.lexicon)
    qt = ctx.quote_token[qi]
    tokens = ctx.tokens
    # up to 39 tokens, before the sentence or paragraph ends
    stop = min(min(qt + 40, len(tokens)), ctx.sentence_stop(qt))
    breaks = ctx.breaks
    n = first_after(breaks, qt)
    if n < len(breaks) and breaks[n] < stop:
        stop = breaks[n]
    for k in range(qt + 1, stop):
        before = tokens[k - 1]
        if before.text not in _COMMA_LIKE and before.kind not in ("mark", "quote"):
            continue
        inverted = ctx.cue_at(k, weak=False)
        if inverted > 0 and not is_participle(words, ctx.low(k)):
            # "…, said Nargis Kassenova, an expert."
            m = speaker_mention_at(ctx, inverted)
            if m is not None and m.kind != "pronoun":
                return Decision("quote_then_name_said_later", 0.7, m, ctx.span(k, inverted))
        found = _said_after(ctx, ctx.mention_starting.get(k))
        if found is None:  # "…, DFA spokesman Neil Sroka said": a name after its role
            found = _said_after(ctx, _name_after_role(ctx, k))
        if found is not None:
            return found
    return None


def _said_after(ctx: Context, m: Mention | None) -> Decision | None:
    """``NAME said.``: a subject ``m`` whose cue (after asides and adverbs) ends the attribution."""
    if m is None or m.possessive:
        return None
    j = skip_adverbs(ctx, skip_aside(ctx, m.last))
    end = ctx.cue_at(j)
    if end > 0 and (attribution_ends(ctx, end)
                    or attribution_ends(ctx, skip_listener(ctx, j, end))):
        return Decision("quote_then_name_said_later", 0.7, m, ctx.span(j, end))
    return None


def _name_after_role(ctx: Context, k: int) -> Mention | None:
    """A name after up to three words ending in a role noun at token ``k``.

    ``Republican candidate Ben Carson``, ``DFA spokesman Neil Sroka``: the words
    before the role are its modifiers.
    """
    tokens = ctx.tokens
    starting = ctx.mention_starting
    for j in range(k + 1, min(k + 4, len(tokens))):  # 0 <= k < j
        before = tokens[j - 1]
        if before.kind != "word":
            return None
        m = starting.get(j)
        if m is not None:
            if m.kind == "name" and before.low in ctx.lexicon.role_forms:
                return m
            if j > k + 1:
                return None  # a mention among the modifiers: not one noun phrase
    return None


BUILTIN_RULES: tuple[Rule, ...] = (
    Rule("quoted_name_as_saying", 'X quoted NAME as saying "Q"', quoted_name_as_saying),
    Rule("quote_comma_name_said", '"Q," NAME said', quote_comma_name_said),
    Rule("quote_comma_said_name", '"Q," said NAME', quote_comma_said_name),
    Rule("quote_as_name_said", '"Q," as NAME put it', quote_as_name_said),
    Rule("name_issued_document_quote", 'NAME issued a statement saying "Q"',
         name_issued_document_quote),
    Rule("name_said_colon_quote", 'NAME said: "Q" / NAME told X: "Q"', name_said_colon_quote),
    Rule("said_name_colon_quote", 'Added NAME: "Q"', said_name_colon_quote),
    Rule("speaker_label_colon_quote", 'NAME, Affiliation: "Q" (a label opening its line)',
         speaker_label_colon_quote),
    Rule("quote_dash_name", '"Q" — NAME', quote_dash_name),
    Rule("according_to_name", '"Q," according to NAME', according_to_name),
    Rule("quote_then_name_said_later", '… "Q" …, NAME said.', quote_then_name_said_later),
    Rule("name_called_x_quote", 'NAME called X "Q" / described X as "Q"', name_called_x_quote),
    Rule("name_verb_x_as_quote", 'NAME defended X as "Q" (a quoted complement)',
         name_verb_x_as_quote),
    Rule("possessor_speech_noun_quote", 'her remark that "Q" / NAME\'s "Q" promise',
         possessor_speech_noun_quote),
    Rule("name_said_partial_quote", 'NAME said he had heard "Q"', name_said_partial_quote),
    Rule("name_clause_colon_quote", 'NAME leaned in and boomed: "Q" (a sentence about NAME)',
         name_clause_colon_quote),
    Rule("headline_name_quote", "NAME slams 'Q' plan (a headline's opening subject)",
         headline_name_quote),
    Rule("continues_previous_quote", "a quote right after an attributed quote keeps its speaker",
         continues_previous_quote),
    Rule("name_said_period_quote", 'NAME said in a statement. "Q"', name_said_period_quote),
    Rule("reported_speech_then_quote", 'NAME argued that … . "Q"', reported_speech_then_quote),
    Rule("reported_speech_then_quote_paragraph", 'NAME said … . ¶ "Q" (a quote paragraph)',
         reported_speech_then_quote_paragraph),
    Rule("subject_partial_quote", 'NAME believes in a city that "Q" (the clause subject)',
         subject_partial_quote),
)
