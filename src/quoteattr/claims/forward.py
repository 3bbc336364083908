"""Claim rules for a content printed after its cue: ``NAME says (that) CLAUSE`` and kin.

A cue verb takes its content in the frames that ``claim_frames.json`` lists
for it: a clause (``says the jet crossed``, ``insisted that ...``), an object
and "of" or "for" (``accused Turkey of ...``), a naming (``branded the
incident a war crime``), an infinitive (``vowed to ...``), an object and an
infinitive (``urged the council to ...``), a noun phrase (``called for
unity``, ``denied the report``), a stance and its topic (``expressed concern
that ...``), a question (``asked whether ...``) or words
after a colon (``told reporters: the deal is off``). The complement is checked
before the cue counts (a sense check): a bare clause needs a finite verb, so
``confirmed 68 nominees`` and ``announced her campaign`` are no claims, and a
noun-phrase frame takes no second object (``denied him a photograph``).

The source is the cue's subject, the subject of a coordinated or participial
cue's sentence (``said it was over and warned rivals to ...``, ``..., saying
...``), a group (``Many economists say``) or the person quoted (``quoted NAME
as saying``).

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.cue.text, c.text) for c in find_claims(
    ...     "Doe said the plan was over and warned rivals to stay away.")]
    [('Doe', 'said', 'the plan was over'), ('Doe', 'warned', 'rivals to stay away')]
"""

from __future__ import annotations

import unicodedata
from typing import Final

from quoteattr.attribution.clauses import speaker_mention_at
from quoteattr.claims.base import Found, content_from
from quoteattr.claims.reading import NO_TOKEN, SENTENCE_ENDS, THAT_FRAME
from quoteattr.claims.scanner import Scanner
from quoteattr.claims.sources import (
    description,
    document_issuer,
    quote_char,
    source_of_cue,
    with_subject,
)

__all__ = ["name_said_clause", "quoted_name_as_saying_clause"]


def quoted_name_as_saying_clause(scan: Scanner, i: int) -> Found | None:
    """``X quoted NAME as saying (that) CLAUSE``: the source is the one quoted."""
    ctx = scan.ctx
    words = scan.words
    if ctx.low(i) not in words.quoting_forms:
        return None
    m = speaker_mention_at(ctx, i + 1)
    if m is None:
        return None
    joint = scan.phrase_end(m.last, words.quoting_joints)
    if joint < 0:
        return None
    k = joint
    if ctx.low(k) in words.complementizers:
        k += 1
    elif not scan.opens_clause(k, loose=True):
        return None
    lemma = ctx.lexicon.cue_lemma(ctx.low(joint - 1)) or ctx.low(joint - 1)
    return content_from(scan, "quoted_name_as_saying_clause", 0.85, m, (i, joint), lemma, k)


def _cue(scan: Scanner, c: int) -> tuple[int, str, frozenset[str]] | None:
    """The end, lemma and frames of a claim cue at token c."""
    ctx = scan.ctx
    found = scan.verb_at(c)
    if found is None:
        return None
    verb, end = found
    lemma = verb.lemma
    if lemma in scan.phrase_heads:  # no phrase of frames starts with most lemmas
        phrase = f"{lemma} {ctx.low(end)}"
        phrase_frames = scan.frames_by_lemma.get(phrase)
        if phrase_frames:  # "call on", "call for", "point to": the particle is part of the cue
            return end + 1, phrase, phrase_frames
    said = scan.said_frames.get(lemma)
    if said is None:  # a lemma the frames do not list
        if verb.weak:
            return None  # a weak cue reports a claim only in the frames the data lists for it
        return end, lemma, THAT_FRAME
    return end, lemma, said


def name_said_clause(scan: Scanner, c: int) -> Found | None:
    """``NAME says (that) CLAUSE`` and the other frames of a cue verb after its source.

    The content is found first and the source only then, the dearer look-up.
    """
    ctx = scan.ctx
    cue = _cue(scan, c)
    if cue is None:
        return None
    end, lemma, frames = cue
    toks = ctx.tokens
    prev = toks[c - 1].low if c > 0 else ""  # c, a cue, lies in the text
    participle = toks[c].low.endswith(scan.participle_endings)
    if participle and prev in scan.words.passive_auxiliaries:
        participle = False  # "are urging": a finite verb in the progressive
    elif not participle and prev in scan.words.passive_auxiliaries:
        return None  # "has been said", "was told"
    with_source = with_subject(scan, c) if participle and prev != "," else None
    if (
        participle
        and prev != ","
        and with_source is None
        and not (prev in scan.words.document_nouns and document_issuer(scan, c - 1))
        and not scan.participle_reports(end)
    ):
        return None  # "Speaking before …, Putin …"; "as saying"; not "issued a statement saying"
    content = _content_after(scan, end, lemma, frames, participle)
    if content is None and "clause" in frames and not participle:
        content = _relative_gap(scan, c, end)  # "rules that the mayor said cut delays"
    if content is None:
        return None
    rule, confidence, first, min_tokens, last = content
    infinitive = scan.joints.get("infinitive")
    if rule == "name_called_for_np" and infinitive and prev in infinitive.joints:
        return None  # "not authorized to discuss the case", "working to discuss": no report
    m = with_source or source_of_cue(scan, c, participle)
    if m is not None and ctx.low(m.first) in scan.words.complementizers and m.last - m.first > 1:
        m = description(scan, m.first + 1, m.last)  # "data that officials said ...": no "that"
    if m is None or m.possessive:
        return None  # "what he has to say"
    return content_from(
        scan, rule, confidence, m, (c, end), lemma, first, min_tokens, last=last
    )


def _content_after(
    scan: Scanner, end: int, lemma: str, frames: frozenset[str], participle: bool
) -> tuple[str, float, int, int, int] | None:
    """Rule name, confidence, first token, minimum length and end (or -1) of the content."""
    if scan.clause_after_comma:
        return _content_after_comma(scan, end, frames)
    ctx = scan.ctx
    words = scan.words
    toks = ctx.tokens
    n = scan.n
    k = scan.skip_time(end)
    if 0 <= k < n and toks[k].text == "," and ("clause" in frames or "that" in frames):
        k = _after_aside(scan, k, say="clause" in frames)  # "said, however, that ..."
    tok_k = toks[k] if 0 <= k < n else NO_TOKEN
    low_k = tok_k.low
    stop = min(k + 10, scan.sent_end[k] if k < n else k)
    if stop <= k + 1 and (
        k >= n or tok_k.kind == "para" or (low_k in SENTENCE_ENDS and tok_k.kind == "punct")
    ):
        return None  # 'Doe said.': the sentence ends after the cue, no frame has its words
    clause = "clause" in frames or "clause_checked" in frames
    if clause or "that" in frames:
        start = k
        if lemma in scan.listener_verbs and low_k not in words.complementizers:
            start = scan.after_listener(k)
            if start < 0 and low_k in words.determiners:  # "told the AP his firm ..."
                start = _after_named_listener(scan, k + 1)
        tok = toks[start] if 0 <= start < n else NO_TOKEN
        if start >= 0 and tok.text == ":" and ctx.kind(start + 1) == "word":
            # "told reporters: the deal is off"
            return "name_said_colon_clause", 0.8, start + 1, 4, scan.sent_end[start]
        low = tok.low
        asks = lemma in scan.asking_forms
        say = "clause" in frames
        if start < 0:
            pass
        elif low in words.prepositions and not _quantity_at(scan, start):
            ahead = scan.that_ahead(start)
            if ahead < 0 and say and _pronoun_clause_ahead(scan, start):
                pass  # "said for some firms it will take days": the clause after a phrase
            else:
                start = ahead
        elif say and low in scan.subordinators:
            if not scan.has_finite_verb(start, scan.content_end(start)):
                start = -1  # "said if he could", not "said if asked"
        elif say and tok.kind in ("mark", "quote") and _quote_opens_clause(scan, start):
            pass  # 'said "walkaway" deals were used before': a mixed claim
        elif low in words.complementizers:
            # "endorsed that view.": "that" determines a noun and no clause follows
            start = -1 if _determines_noun(scan, start) else start + 1
        elif asks and low in words.question_words:
            pass  # "asked whether the deal was off"
        elif asks and _question_after_object(scan, start) > 0:
            start = _question_after_object(scan, start)  # "asked the minister why …"
        elif not scan.opens_clause(start, loose=clause) and not (
            clause and _quantity_at(scan, start)  # "said about half of the rise was ..."
        ) and not (say and _plural_subject(scan, start)):
            start = _that_after_name(scan, start)  # "told KTVA's \"Sunday Forum\" that …"
        elif (
            ("clause" not in frames or participle)
            and low not in words.subject_pronouns
            and not scan.has_finite_verb(start, scan.content_end(start))
        ):
            start = -1  # "confirmed 68 nominees", "announced her campaign", ", adding a plug"
        if start >= 0:
            if start < n and toks[start].kind in ("mark", "quote"):
                return None  # a direct quote
            if _holds_content(scan, start):
                rule = "comma_saying_clause" if participle else "name_said_clause"
                return rule, 0.85 if participle else 0.9, start, 4, -1
    joints = scan.joints
    for frame, rule, conf in _OBJECT_FRAMES:
        if frame in frames and frame in joints and low_k not in words.prepositions:
            j = scan.joint_ahead(k, stop, joints[frame].joints, joints[frame].stops)
            if j > 0:
                return rule, conf, k, j - k + 3, -1
            p = _bare_predicate(scan, k) if frame == "naming" else -1
            if p > 0:  # "called them liars", "called the charges false"
                return rule, 0.7, k, p - k + 1, -1
    if "infinitive" in frames and "infinitive" in joints:
        marker = joints["infinitive"].joints
        if low_k in marker and ctx.kind(k + 1) == "word":
            return "name_vowed_to_vp", 0.85, k + 1, 4, -1
    if (
        "object_infinitive" in frames
        and "object_infinitive" in joints
        and low_k not in words.prepositions
    ):
        joint = joints["object_infinitive"]
        j = scan.joint_ahead(k, min(stop, k + 8), joint.joints, joint.stops)
        if j > 0 and ctx.kind(j + 1) == "word":
            return "name_urged_x_to_vp", 0.8, k, j - k + 3, -1
    if "object_about" in frames and "object_about" in joints and ctx.kind(k) == "word":
        # "expressed concern that ...", "voiced support for ...": a stance and its topic
        joint = joints["object_about"]
        j = scan.joint_ahead(k, min(stop, k + 6), joint.joints, joint.stops)
        if j > k and ctx.kind(j + 1) == "word" and low_k not in words.prepositions:
            return "name_called_for_np", 0.7, k, j - k + 3, -1
    if (
        "noun_object" in frames
        and (ctx.kind(k) == "word" or _sum_at(scan, k))
        and low_k not in words.prepositions
        and (low_k not in words.complementizers or _determines_noun(scan, k))
        and not scan.second_object(k)
    ):
        return "name_called_for_np", 0.7, k, 4, -1
    return None


_OBJECT_FRAMES: Final[list[tuple[str, str, float]]] = [
    ("object_of", "name_accused_x_of_y", 0.85),
    ("object_for", "name_accused_x_of_y", 0.85),
    ("naming", "name_branded_x_a_y", 0.8),
    ("naming_as", "name_branded_x_a_y", 0.8),
]
"""The frames of an object and a joint word: their frame, rule and confidence, in order."""


def _holds_content(scan: Scanner, k: int) -> bool:
    """Tell whether a content starting at token k holds anything (``content_end(k) > k``).

    A content runs at least to the token after its start and is trimmed only
    of punctuation and breaks at its end: one starting at a word holds it,
    without finding where it ends (the rule may still find no source).
    """
    if 0 <= k < scan.n:
        tok = scan.ctx.tokens[k]
        if tok.kind != "para" and tok.text not in scan.words.trimmed_punctuation:
            return True
    return scan.content_end(k) > k


def _after_named_listener(scan: Scanner, k: int) -> int:
    """The token after a name at k that a clause follows ("told the AP his firm ..."), or -1.

    Not a name that a noun runs on from ("told a Senate panel the ...").
    """
    ctx, words = scan.ctx, scan.words
    m = ctx.mention_starting.get(k)
    if m is None or ctx.kind(m.last) != "word":
        return -1
    after = ctx.word(m.last)
    low = after.lower()
    opens = (
        low in words.determiners
        or low in words.subject_pronouns
        or low in words.complementizers
        or low in words.possessive_determiners
        or after[0].isupper()
    )
    return scan.skip_time(m.last) if opens else -1


def _determines_noun(scan: Scanner, k: int) -> bool:
    """Tell whether "that" at k is followed by one to three words, no verb, and the sentence end."""
    ctx = scan.ctx
    j = k + 1
    while j < k + 5 and ctx.kind(j) == "word":
        j += 1
    ends = ctx.kind(j) in ("para", "end") or (
        ctx.kind(j) == "punct" and not ctx.same_sentence(j, j + 1)
    )
    return k + 1 < j <= k + 4 and ends and not scan.has_finite_verb(k + 1, j)


def _plural_subject(scan: Scanner, k: int) -> bool:
    """Tell whether a bare plural at k is a subject before its verb: "said parents still want".

    The word after the plural (adverbs aside) is lower case and no preposition,
    determiner, conjunction or participle: "said parents want ...", not "said
    taxes on imports", "cited studies showing".
    """
    ctx, words = scan.ctx, scan.words
    low = ctx.low(k)
    role = scan.role_forms.get(low)
    plural = (role is not None and role.plural == low) or (  # "said people want"
        len(low) > 3
        and low.endswith(scan.plural_endings)
        and not low.endswith(scan.non_plural_endings)
    )
    if ctx.kind(k) != "word" or not ctx.word(k).islower() or not plural:
        return False
    j = k + 1
    while j < k + 3 and (ctx.low(j) in scan.adverbs or ctx.low(j).endswith(
            scan.adverb_endings)):
        j += 1
    w = ctx.word(j)
    nxt = w.lower()
    return (
        ctx.kind(j) == "word"
        and w.islower()
        and nxt not in words.prepositions
        and nxt not in words.determiners
        and nxt not in words.continuers
        and nxt not in words.coordinators
        and nxt not in words.complementizers
        and nxt not in words.relatives
        and not nxt.endswith(scan.participle_endings)
        and ctx.same_sentence(k, j)
    )


def _after_aside(scan: Scanner, comma: int, *, say: bool) -> int:
    """Where a reported clause starts after a comma that follows its cue, else ``comma``.

    "said, however, that ...", "said, in a statement, that ...": an aside of up
    to five words between commas, then "that". After "say", also a clause with
    its own subject and finite verb: "I said, look, we have to change" (speech
    reported without quotation marks, as transcripts print it).
    """
    ctx, words = scan.ctx, scan.words
    for j in range(comma + 1, min(comma + 7, scan.n)):
        if ctx.kind(j) != "word" or not ctx.same_sentence(comma, j):
            if ctx.word(j) == "," and j > comma + 1 and ctx.low(j + 1) in words.complementizers:
                return j + 1
            break
    if say:
        k = comma + 1
        while k < comma + 5 and ctx.word(k + 1) == ",":
            k += 2  # "said, look, we ...", "said, hey, you ..."
        if (
            ctx.low(k) in words.subject_pronouns or ctx.low(k) in words.determiners
        ) and scan.has_finite_verb(k, scan.content_end(k)):
            return k
    return comma


def _relative_gap(
    scan: Scanner, c: int, end: int
) -> tuple[str, float, int, int, int] | None:
    """The content of a cue inside a relative clause whose subject it reports.

    "new rules that the mayor said cut waiting times", "a fee which the board
    says covers repairs": a relative, a short source, the cue, then straight
    away the verb of the reported clause, whose subject is the relative's noun.
    """
    ctx = scan.ctx
    k = end if _finite_at(scan, end) else scan.skip_time(end)  # "said last year cut ..."
    if ctx.kind(k) != "word" or not _finite_at(scan, k) or not ctx.same_sentence(c, k):
        return None
    words = scan.words
    for r in range(c - 1, max(c - 6, scan.sent_first[c] - 1), -1):
        if ctx.low(r) in words.relatives or ctx.low(r) in words.complementizers:
            return ("name_said_clause", 0.75, k, 3, -1) if r < c - 1 else None
        if ctx.kind(r) != "word" or ctx.cue_at(r) > 0:
            return None
    return None


def _finite_at(scan: Scanner, k: int) -> bool:
    """Tell whether the word at k reads as a finite verb: "would", "improved", "includes"."""
    low, words = scan.ctx.low(k), scan.words
    return (
        low in words.finite_auxiliaries
        or scan.past_form(low)
        or (len(low) > 4 and low.endswith(scan.plural_endings) and scan.ctx.kind(k + 1) == "word")
    )


def _bare_predicate(scan: Scanner, k: int) -> int:
    """The predicate after a short object of a naming verb without "a" or "an", or -1.

    "called them liars", "called himself pro-choice", "called the charges
    false": an object pronoun, or a determiner and one noun, then a lower-case
    word that is no preposition, particle, adverb, time word or conjunction
    ("called them back", "called the police again" name nothing).
    """
    ctx, words = scan.ctx, scan.words
    if ctx.low(k) in words.determiners:  # "her" too: "called her mother yesterday"
        p = k + 2 if ctx.kind(k + 1) == "word" and ctx.word(k + 1).islower() else -1
    elif ctx.low(k) in words.object_pronouns:
        p = k + 1
    else:
        return -1
    w = ctx.word(p)
    low = w.lower()
    if p < 0 or ctx.kind(p) != "word" or not w.islower() or not ctx.same_sentence(k, p):
        return -1
    if (
        low in words.prepositions
        or low in words.continuers
        or low in words.determiners
        or low in words.time_words
        or low in words.object_pronouns
        or low in words.phrasal_particles
        or low in scan.adverbs
        or low in words.finite_auxiliaries
        or low.endswith(scan.adverb_endings)
    ):
        return -1
    return p


def _sum_at(scan: Scanner, k: int) -> bool:
    """Tell whether a currency sign and a number start at k ("called for $1 trillion")."""
    sign = scan.ctx.word(k)
    return (
        len(sign) == 1
        and unicodedata.category(sign) == "Sc"
        and scan.ctx.word(k + 1)[:1].isdigit()
    )


def _that_after_name(scan: Scanner, k: int) -> int:
    """The token after "that" when only a name, a title in quotes or a time stands before it.

    "told KTVA's "Sunday Forum" that ...", "said Wednesday night that ...";
    not "waved a flag that was later confiscated" (a relative "that").
    """
    toks = scan.ctx.tokens
    words = scan.words
    titled = False  # inside the marks of a quoted title, a term: 'told NBC's "Meet the Press"'
    j, stop = k, min(k + 10, scan.n)
    while j < stop:
        tok = toks[j] if j >= 0 else NO_TOKEN
        low, kind = tok.low, tok.kind
        named = kind == "word" and (
            titled or tok.text[:1].isupper() or low in words.time_words
            or low in words.time_nouns
        )
        if kind == "punct" and quote_char(tok.text):
            titled = not titled
        elif low in words.complementizers and not titled:
            return j + 1 if j > k else -1
        elif not named and kind not in ("quote", "mark"):
            after = scan.skip_time(j)  # "on Sunday"
            if after == j:
                return -1
            j = after
            continue
        j += 1
    return -1


def _question_after_object(scan: Scanner, k: int) -> int:
    """The question word after the object of "asked" ("asked the minister why ..."), or -1."""
    ctx = scan.ctx
    m = ctx.mention_starting.get(k)
    j = m.last if m is not None else k
    if m is None:
        while j < k + 4 and ctx.kind(j) == "word" and ctx.low(j) not in scan.words.question_words:
            if ctx.cue_at(j, weak=False) > 0 or ctx.low(j) in scan.words.prepositions:
                return -1
            j += 1
    return j if j > k and ctx.low(j) in scan.words.question_words else -1


def _quantity_at(scan: Scanner, k: int) -> bool:
    """Tell whether a preposition at k opens a quantity ("about half of", "over 300")."""
    ctx = scan.ctx
    nxt = ctx.low(k + 1)
    return ctx.low(k) in scan.words.quantity_words and (
        nxt in scan.words.quantity_words or nxt[:1].isdigit()
    )


def _pronoun_clause_ahead(scan: Scanner, k: int) -> bool:
    """Tell whether a phrase at k is followed by a subject pronoun and its finite verb."""
    ctx = scan.ctx
    for j in range(k + 1, min(k + 8, scan.sent_end[k] if k < scan.n else k)):
        if ctx.kind(j) != "word":
            return False
        if ctx.low(j) in scan.words.subject_pronouns:
            return scan.has_finite_verb(j, j + 3)
    return False


def _quote_opens_clause(scan: Scanner, k: int) -> bool:
    """Tell whether a quote at token k opens a clause that goes on after it."""
    ctx = scan.ctx
    j = k + 1 if ctx.kind(k) == "mark" else k
    if ctx.kind(j) != "quote":
        return False
    j += 1
    if ctx.kind(j) == "mark":
        j += 1
    return ctx.kind(j) == "word" and ctx.same_sentence(k, j)


_COMMA_WINDOW: Final = 14
"""Tokens between a cue and the comma (or colon) that opens its content."""


def _content_after_comma(
    scan: Scanner, end: int, frames: frozenset[str]
) -> tuple[str, float, int, int, int] | None:
    """The content after the first comma or colon that follows a cue and its complements.

    German: ``sagte auf Anfrage, dass ...``; ``sagte, die Lage sei ernst``;
    ``fragte, ob ...``; ``forderte den Verband auf, ein Zeichen zu setzen``;
    ``veranschaulichte die Lage: ...``.
    """
    ctx = scan.ctx
    words = scan.words
    stop = min(end + _COMMA_WINDOW, scan.sent_end[end] if end < scan.n else end)
    for j in range(end, stop):
        w = ctx.word(j)
        kind = ctx.kind(j)
        if w == ":":
            if ctx.kind(j + 1) != "word":
                return None  # a direct quote follows
            return "name_said_colon_clause", 0.8, j + 1, 4, scan.sent_end[j]
        if w == ",":
            k = j + 1
            low = ctx.low(k)
            if ctx.kind(k) != "word":
                return None
            if low in words.complementizers:
                return "name_said_clause", 0.9, k + 1, 4, -1
            if low in words.question_words:
                return "name_said_clause", 0.85, k, 4, -1
            infinitive = scan.joints.get("object_infinitive")
            content_end = scan.content_end(k)
            if "object_infinitive" in frames and infinitive is not None and any(
                ctx.low(t) in infinitive.joints for t in range(k, content_end)
            ):
                return "name_urged_x_to_vp", 0.8, k, 4, -1
            if low in words.relatives_after_comma and not ctx.word(k + 1)[:1].isupper():
                return None  # "sagt Lukschy, der an der Serie beteiligt war": a relative clause
            if "clause" in frames and scan.has_subjunctive(k, content_end):
                return "name_said_clause", 0.85, k, 4, -1  # "sagte, die Lage sei ernst"
            return None
        if kind in ("quote", "mark", "para", "end") or w in (".", "!", "?", ";"):
            return None
        if j > end and ctx.cue_at(j, weak=False) > 0:
            return None
    return None
