"""What the words at a position of a document are, for the claim rules.

:class:`WordReader` answers the word-level questions the claim rules ask
around a cue: is there a cue verb at this token and does it report clauses
(``verb_at``, ``clause_cue``), is it a noun by its neighbours, where do
adverbs and time phrases before or after it end, do these tokens hold a
finite verb. :class:`~quoteattr.claims.scanner.Scanner` adds the clause
boundaries. Rules read tokens directly (``ctx.tokens[i]``) where an index is
known to lie in the text, and :data:`NO_TOKEN` outside it.

Example:
    >>> from quoteattr.language.claim_frames import load_claim_frames, load_claim_words
    >>> from quoteattr.attribution.context import build_context
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> ctx = build_context("Doe said on Monday that it was over.", [], load_lexicon())
    >>> read = WordReader(ctx, load_claim_frames(), load_claim_words())
    >>> read.verb_at(1)[0].lemma, read.skip_time(2), read.that_ahead(2)
    ('say', 4, 5)
"""

from __future__ import annotations

from typing import Final, NamedTuple

from quoteattr.attribution.context import Context
from quoteattr.attribution.reported import ReportedSpeechWords
from quoteattr.claims.positions import After, AtOrBefore, phrases_by_first
from quoteattr.language.claim_frames import ClaimFrames, ClaimWords, Frame, Joint
from quoteattr.language.lexicon import CueVerb, Lexicon, RoleNoun, Stance
from quoteattr.language.wordlists import load_word_lists
from quoteattr.text.tokens import Token

__all__ = [
    "NO_FRAMES",
    "NO_TOKEN",
    "SENTENCE_ENDS",
    "THAT_FRAME",
    "CueWord",
    "WordReader",
    "WordSets",
]

NO_TOKEN: Final = Token(0, 0, "", "end")
"""What a rule reads outside the token list: no text, kind ``end`` (as ``Context.kind``)."""

NO_FRAMES: Final[frozenset[str]] = frozenset()
"""The frames of a cue verb that ``claim_frames.json`` does not list."""

THAT_FRAME: Final = frozenset({"that"})
"""A clause after "that": the frame every cue verb takes unless it names ("called it a sham")."""

_NAMING: Final = frozenset({"naming", "naming_as"})

_CLAUSE_FRAMES: Final = frozenset({"clause", "clause_checked"})

_SENTENCE_STOPS: Final = frozenset({".", ";", ":", "!", "?"})

SENTENCE_ENDS: Final = _SENTENCE_STOPS - {":"}
"""Punctuation after which no content of a cue follows in its sentence (a colon may open one)."""


def _plain_mention_ends(ctx: Context, t: int) -> bool:
    """Tell whether a mention that is no possessive ends right before token t."""
    m = ctx.mention_ending.get(t)
    return m is not None and not m.possessive


class WordSets:
    """The claim words of :class:`ClaimWords`, as plain attributes of the same names.

    The rules read these lists for every token they look at; a field of a
    validated model is read through pydantic's attribute hook each time, one of
    this class directly (a slot of the compiled build).
    """

    complementizers: frozenset[str]
    subject_pronouns: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    time_words: frozenset[str]
    time_openers: frozenset[str]
    time_nouns: frozenset[str]
    continuers: frozenset[str]
    relatives: frozenset[str]
    hard_punctuation: frozenset[str]
    trimmed_punctuation: frozenset[str]
    coordinators: frozenset[str]
    attribution_openers: frozenset[str]
    coordinated_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    not_time_adverbs: frozenset[str]
    bare_subject_stop: frozenset[str]
    quantity_words: frozenset[str]
    quantity_joints: frozenset[str]
    question_words: frozenset[str]
    finite_auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    listener_objects: frozenset[str]
    object_pronouns: frozenset[str]
    quoting_forms: frozenset[str]
    quoting_joints: frozenset[str]
    source_prepositions: frozenset[str]
    source_postpositions: frozenset[str]
    sign_offs: frozenset[str]
    as_words: frozenset[str]
    reflexives: frozenset[str]
    participle_endings: frozenset[str]
    past_endings: frozenset[str]
    adverb_endings: frozenset[str]
    plural_endings: frozenset[str]
    subjunctive_endings: frozenset[str]
    genitive_determiners: frozenset[str]
    relatives_after_comma: frozenset[str]
    relative_subjects: frozenset[str]
    with_words: frozenset[str]
    noun_homographs: frozenset[str]
    label_connectors: frozenset[str]
    label_listener_words: frozenset[str]
    label_stop_words: frozenset[str]
    noun_cues: dict[str, Stance]
    noun_topic_cues: dict[str, Stance]
    document_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    topic_prepositions: frozenset[str]
    light_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    agent_prepositions: frozenset[str]
    possessive_determiners: frozenset[str]
    possessive_endings: frozenset[str]
    negation_endings: frozenset[str]
    non_plural_endings: frozenset[str]
    comparatives: frozenset[str]
    phrasal_particles: frozenset[str]
    stances: dict[str, Stance]

    def __init__(self, words: ClaimWords) -> None:
        """Copy every field of ``words`` (a new field of ClaimWords must be declared above)."""
        for name in type(words).model_fields:
            setattr(self, name, getattr(words, name))


class CueWord:
    """A cue verb of the lexicon, with its lemma and weakness as plain attributes.

    The rules read both for every cue they try; a field of the validated
    :class:`~quoteattr.language.lexicon.CueVerb` costs pydantic's attribute hook
    each time.
    """

    def __init__(self, verb: CueVerb) -> None:
        """Keep ``verb`` and read its lemma and weakness once."""
        self.verb = verb
        self.lemma: str = verb.lemma
        self.weak: bool = verb.weak


class _Fixed(NamedTuple):
    """What a reader derives from its word lists alone, the same for every document."""

    time_adverbs: frozenset[str]
    subjunctive: frozenset[str]
    participle_endings: tuple[str, ...]
    past_endings: tuple[str, ...]
    adverb_endings: tuple[str, ...]
    plural_endings: tuple[str, ...]
    subjunctive_endings: tuple[str, ...]
    possessive_endings: tuple[str, ...]
    negation_endings: tuple[str, ...]
    non_plural_endings: tuple[str, ...]
    source_firsts: frozenset[str]
    withholding: frozenset[str]
    joining_words: frozenset[str]
    never: frozenset[str]
    listener_verbs: frozenset[str]
    joints: dict[Frame, Joint]
    clause_after_comma: bool
    nouns_capitalised: bool
    spaced_negations: tuple[str, ...]
    spaced_hedges: tuple[tuple[str, str, bool], ...]
    adverbs: frozenset[str]
    subordinators: frozenset[str]
    trailers: frozenset[str]
    not_names: frozenset[str]
    introducers: frozenset[str]
    cue_forms: dict[str, CueVerb]
    cue_words: dict[str, CueWord]
    title_words: frozenset[str]
    role_forms: dict[str, RoleNoun]
    org_words: frozenset[str]
    phrase_heads: frozenset[str]
    negation_firsts: frozenset[str]
    hedge_firsts: frozenset[str]
    said_frames: dict[str, frozenset[str]]
    clause_lemmas: frozenset[str]
    homograph_heads: dict[str, str]
    asking_forms: frozenset[str]
    word_sets: WordSets


_FIXED: Final[dict[tuple[int, int, int], tuple[Lexicon, ClaimFrames, ClaimWords, _Fixed]]] = {}


def _fixed(lexicon: Lexicon, frames: ClaimFrames, words: ClaimWords) -> _Fixed:
    """The word-list facts of a lexicon, frames and words (derived once per three)."""
    key = (id(lexicon), id(frames), id(words))
    known = _FIXED.get(key)
    if known is not None and known[0] is lexicon and known[1] is frames and known[2] is words:
        return known[3]
    reported = load_word_lists(ReportedSpeechWords, lexicon.language)

    def endings(listed: frozenset[str]) -> tuple[str, ...]:
        return tuple(listed) or ("\0",)

    fixed = _Fixed(
        time_adverbs=lexicon.grammar.adverbs - words.not_time_adverbs,
        subjunctive=reported.subjunctive if reported is not None else frozenset(),
        participle_endings=endings(words.participle_endings),
        past_endings=endings(words.past_endings),
        adverb_endings=endings(words.adverb_endings),
        plural_endings=endings(words.plural_endings),
        subjunctive_endings=endings(words.subjunctive_endings),
        possessive_endings=endings(words.possessive_endings),
        negation_endings=endings(words.negation_endings),
        non_plural_endings=endings(words.non_plural_endings),
        source_firsts=frozenset(p.split()[0] for p in words.source_prepositions),
        withholding=frozenset(h.text for h in frames.hedges if h.withholds),
        joining_words=words.coordinators | words.attribution_openers,
        never=frames.never,
        listener_verbs=frames.listener_verbs,
        joints=frames.joints,
        clause_after_comma=frames.clause_after_comma,
        nouns_capitalised=frames.nouns_capitalised,
        spaced_negations=tuple(f" {neg} " for neg in frames.negations),
        spaced_hedges=tuple((f" {h.text} ", h.text, h.negates) for h in frames.hedges),
        adverbs=lexicon.grammar.adverbs,
        subordinators=lexicon.grammar.subordinators,
        trailers=lexicon.grammar.trailers,
        not_names=lexicon.grammar.not_names,
        introducers=lexicon.grammar.introducers,
        cue_forms=lexicon.cue_forms,
        cue_words=_cue_words(lexicon),
        title_words=lexicon.title_words,
        role_forms=lexicon.role_forms,
        org_words=lexicon.org_words,
        negation_firsts=frozenset(neg.split(" ")[0] for neg in frames.negations),
        hedge_firsts=frozenset(h.text.split(" ")[0] for h in frames.hedges),
        homograph_heads=_homograph_heads(lexicon, words),
        asking_forms=frozenset(
            form for form, verb in lexicon.cue_forms.items() if verb.stance == "asks"
        ),
        word_sets=WordSets(words),
        clause_lemmas=frozenset(
            lemma for lemma, listed in frames.by_lemma.items()
            if not listed.isdisjoint(_CLAUSE_FRAMES)
        ),
        said_frames={
            lemma: listed | THAT_FRAME if listed.isdisjoint(_NAMING) else listed
            for lemma, listed in frames.by_lemma.items()
        },
        phrase_heads=frozenset(
            lemma[:i] for lemma in frames.by_lemma for i, ch in enumerate(lemma) if ch == " "
        ),
    )
    if len(_FIXED) >= 16:
        _FIXED.clear()
    _FIXED[key] = (lexicon, frames, words, fixed)
    return fixed


def _cue_words(lexicon: Lexicon) -> dict[str, CueWord]:
    """Each cue form's verb as a :class:`CueWord` (one per verb)."""
    by_verb: dict[int, CueWord] = {}
    found: dict[str, CueWord] = {}
    for form, verb in lexicon.cue_forms.items():
        word = by_verb.get(id(verb))
        if word is None:
            word = by_verb[id(verb)] = CueWord(verb)
        found[form] = word
    return found


def _homograph_heads(lexicon: Lexicon, words: ClaimWords) -> dict[str, str]:
    """The first word of each cue lemma that is also a noun ("state"), or ``""``."""
    found: dict[str, str] = {}
    for verb in lexicon.cue_forms.values():
        head = verb.lemma.split(" ", 1)[0]
        found[verb.lemma] = head if head in words.noun_homographs else ""
    return found


class WordReader:
    """The words of a document around a cue, read for the claim rules."""

    def __init__(self, ctx: Context, frames: ClaimFrames, words: ClaimWords) -> None:
        """Keep the document and the word lists, with the sentence starts."""
        self.ctx = ctx
        self.frames = frames
        fixed = _fixed(ctx.lexicon, frames, words)
        self.words = fixed.word_sets
        """The claim words, read as plain attributes."""
        self.frames_by_lemma = frames.by_lemma
        """The frames of each cue lemma (``frames.frames_of`` without a call)."""
        self._verbs: list[tuple[CueWord, int] | None] = [None] * len(ctx.tokens)
        """The cue verb at each token, once read (:meth:`verb_at`)."""
        self._verbs_read: list[bool] = [False] * len(ctx.tokens)
        self._adverbs_back: dict[int, int] = {}
        self._times: dict[int, int] = {}
        self._clause_cues: dict[int, tuple[str, int] | None] = {}
        self.time_adverbs = fixed.time_adverbs
        self.subjunctive = fixed.subjunctive
        self.participle_endings = fixed.participle_endings
        self.past_endings = fixed.past_endings
        self.adverb_endings = fixed.adverb_endings
        self.plural_endings = fixed.plural_endings
        self.subjunctive_endings = fixed.subjunctive_endings
        self.possessive_endings = fixed.possessive_endings
        self.negation_endings = fixed.negation_endings
        self.non_plural_endings = fixed.non_plural_endings
        self.source_firsts = fixed.source_firsts
        """First words of the source prepositions ("according" of "according to")."""
        self.withholding = fixed.withholding
        """The hedges that withhold the claim ("declined to say")."""
        self.joining_words = fixed.joining_words
        """Coordinators and attribution openers: words that may end a content."""
        self.spaced_negations = fixed.spaced_negations
        """The frames' negations, each between spaces (to find in words joined by spaces)."""
        self.spaced_hedges = fixed.spaced_hedges
        """The frames' hedges in order: each between spaces, as printed, and whether it negates."""
        self.negation_firsts = fixed.negation_firsts
        self.hedge_firsts = fixed.hedge_firsts
        """The first words of the negations and of the hedges: words without them hold none."""
        # the frames' settings and the lexicon's lists, read once (each attribute of a
        # validated model costs a look-up every time)
        self.never = fixed.never
        self.listener_verbs = fixed.listener_verbs
        self.joints = fixed.joints
        self.clause_after_comma = fixed.clause_after_comma
        self.comma_ends_content = frames.comma_ends_content
        self.nouns_capitalised = fixed.nouns_capitalised
        # the lexicon's lists, read once (an attribute of the lexicon costs a look-up each time)
        self.adverbs = fixed.adverbs
        self.subordinators = fixed.subordinators
        self.trailers = fixed.trailers
        self.not_names = fixed.not_names
        self.introducers = fixed.introducers
        self.cue_forms = fixed.cue_forms
        self.cue_words = fixed.cue_words
        """The cue forms' verbs, with lemma and weakness as plain attributes."""
        self.title_words = fixed.title_words
        self.role_forms = fixed.role_forms
        self.org_words = fixed.org_words
        self.phrase_heads = fixed.phrase_heads
        self.said_frames = fixed.said_frames
        self.clause_lemmas = fixed.clause_lemmas
        self.homograph_heads = fixed.homograph_heads
        self.asking_forms = fixed.asking_forms
        """The cue forms whose verb asks ("ask", "asked"): a question may follow them."""
        """The first word of each cue lemma if it is also a noun ("state"), else ``""``."""
        """The cue lemmas whose frames report a clause."""
        """The frames of each listed cue lemma, with "that" unless the lemma names."""
        """Each start of a framed lemma of several words, up to a space ("call" of "call for")."""
        n = len(ctx.tokens)
        self.n = n
        starts = ctx.sentence_starts if n else [0]
        self.sent_first = AtOrBefore(starts, 0, ctx.sentence)
        self.sent_end = After(starts, n, ctx.sentence)

    def source_phrase_end(self, k: int) -> int:
        """One past a source preposition ("according to", "laut") starting at token ``k``, or -1."""
        return self.phrase_end(k, self.words.source_prepositions)

    def verb_at(self, c: int) -> tuple[CueWord, int] | None:
        """The cue verb starting at token c (weak ones too) and its end, or ``None``."""
        if not 0 <= c < self.n:
            return None  # no token: no cue
        ctx = self.ctx
        end = ctx.cue_any[c]
        if end < 0:
            return None  # most tokens: no cue form starts here
        if self._verbs_read[c]:  # read per token in a list: no int boxed for a dict key
            return self._verbs[c]
        found: tuple[CueWord, int] | None = None
        form = ctx.tokens[c].low if end == c + 1 else " ".join([t.low for t in ctx.tokens[c:end]])
        verb = self.cue_words.get(form)
        if verb is not None:
            lemma = verb.lemma
            if lemma not in self.never and not self.noun_sense(c, lemma):
                found = verb, end
        self._verbs[c] = found
        self._verbs_read[c] = True
        return found

    def clause_cue(self, c: int) -> tuple[str, int] | None:
        """The lemma and end of a cue verb at c that reports clauses, or ``None``."""
        clause_cues = self._clause_cues
        if c in clause_cues:
            return clause_cues[c]
        found = self.verb_at(c)
        cue: tuple[str, int] | None = None
        if found is not None and not found[0].weak:
            lemma = found[0].lemma
            if lemma in self.clause_lemmas:
                cue = lemma, found[1]
        clause_cues[c] = cue
        return cue

    def noun_sense(self, c: int, lemma: str) -> bool:
        """Tell whether a cue form at c is a noun by its neighbours.

        After a possessive ("Kaine's remark"), and a bare form before a title
        ("Ohio state Rep. Doe").
        """
        ctx = self.ctx
        toks = ctx.tokens
        n = self.n
        before = toks[c - 1] if 0 < c <= n else NO_TOKEN
        after = toks[c + 1] if -1 <= c < n - 1 else NO_TOKEN
        if before.text.endswith(self.possessive_endings):
            return True  # "Kaine's remark"
        low = toks[c].low if 0 <= c < n else ""
        if after.low in self.words.relatives and not low.endswith(self.past_endings):
            return True  # "the states where it is legal"
        head = self.homograph_heads.get(lemma)  # "point" of "point to"
        if head is None:  # a lemma of no cue form
            head = lemma.split(" ", 1)[0]
            head = head if head in self.words.noun_homographs else ""
        if head and self._noun_position(c, head):
            return True  # "three states are", "a red state like", "talking points to"
        if low != lemma:
            return False
        nxt = after.text
        titles = self.title_words
        return bool(nxt) and (nxt in titles or f"{nxt}." in titles)

    def _noun_position(self, c: int, lemma: str) -> bool:
        """Tell whether a bare or -s form at c stands where a noun does, not a verb."""
        ctx = self.ctx
        low = ctx.low(c)
        if low != lemma and not (low.startswith(lemma) and low.endswith(self.plural_endings)):
            return False
        prev = ctx.word(c - 1)
        plow = prev.lower()
        if ctx.kind(c - 1) != "word":
            return False
        if prev[:1].isdigit() or plow in self.words.quantity_words:
            return True  # "three states"
        if plow.endswith(self.participle_endings) and (
            prev.islower() or self.sent_first[c - 1] == c - 1
        ):
            return True  # "talking points", "Sticking points to": a participle before a noun
        if ctx.mention_ending.get(c) is not None or plow in self.words.subject_pronouns:
            return False  # "Ohio states", "they state"
        if prev[:1].isupper():
            return ctx.word(c + 1)[:1].isupper()  # "Battleground state Florida"
        words = self.words
        return not (
            plow in self.adverbs
            or plow in words.coordinators
            or plow in words.relatives
            or plow.endswith(self.adverb_endings)
            or plow.endswith(self.plural_endings)  # "officials state"
        )

    def skip_adverbs_back(self, c: int) -> int:
        """The first of up to three adverbs or auxiliaries right before token c ("also has")."""
        known = self._adverbs_back.get(c)
        if known is None:
            known = self._adverbs_back[c] = self._skip_adverbs_back(c)
        return known

    def _skip_adverbs_back(self, c: int) -> int:
        """:meth:`skip_adverbs_back`, computed."""
        toks = self.ctx.tokens
        adverbs = self.adverbs
        j = c
        for _ in range(3):
            if not 0 < j <= self.n:
                break
            tok = toks[j - 1]
            w = tok.low
            if tok.kind == "word" and (
                w in adverbs or (w.endswith(self.adverb_endings) and len(w) > 4)
            ):
                j -= 1
            else:
                break
        return j

    def skip_trailers(self, k: int) -> int:
        """The first comma or sentence end at or after token k (at most 20 tokens on)."""
        if k < 0:
            return k  # outside the text: no word
        toks = self.ctx.tokens
        for j in range(k, min(k + 20, self.n)):
            tok = toks[j]
            if tok.text == "," or tok.kind != "word":
                return j
        return k

    def past_form(self, low: str) -> bool:
        """Tell whether the lower-case word ``low`` reads as a past form: "broke", "improved".

        An irregular past from the word lists, or a word of five letters or more
        with a past ending (not "bed" or "need").
        """
        return low in self.words.irregular_past or (
            len(low) > 4 and low.endswith(self.past_endings)
        )

    def has_subjunctive(self, first: int, last: int) -> bool:
        """Tell whether tokens first..last hold a verb in the mood of reported speech ("sei")."""
        ctx = self.ctx
        pronouns = self.words.subject_pronouns
        for t in range(first, min(last, first + 40)):
            w = ctx.low(t)
            if w in self.subjunctive:
                return True
            if ctx.low(t - 1) in pronouns and w.endswith(self.subjunctive_endings) and t > first:
                return True
        return False

    def has_finite_verb(self, first: int, last: int) -> bool:
        """Tell whether tokens first..last hold a finite verb, so that they make a clause."""
        ctx = self.ctx
        words = self.words
        toks = ctx.tokens
        strong = ctx.cue_strong
        finite, irregular = words.finite_auxiliaries, words.irregular_past
        subjunctive, pronouns = self.subjunctive, words.subject_pronouns
        for t in range(max(first, 0), min(min(last, first + 25), self.n)):
            tok = toks[t]
            if tok.kind != "word":
                continue
            w = tok.low
            if w in finite or w in irregular or w in subjunctive:
                return True
            if t == first:
                continue  # the tests below read the word before
            before = toks[t - 1] if t > 0 else NO_TOKEN
            plow = before.low
            if plow in pronouns and w.endswith(self.subjunctive_endings):
                return True  # "man schätze", "er habe"
            if strong[t] > 0:
                return True
            if (
                len(w) > 4
                and w.endswith(self.past_endings)
                and plow not in words.comparatives  # "better than expected results"
            ):
                return True
            if (
                len(w) > 3
                and w.endswith(self.plural_endings)
                and not w.endswith(self.non_plural_endings)
                and plow not in words.determiners
                and not before.text[:1].isdigit()
                and before.kind == "word"
                and (_plain_mention_ends(ctx, t) or plow in pronouns)
            ):
                return True  # "Russia wants", "he says"
        return False

    def phrase_end(self, k: int, phrases: frozenset[str]) -> int:
        """One past the longest of ``phrases`` (words split by spaces) at token k, or -1."""
        by_first = phrases_by_first(phrases)
        ctx = self.ctx
        for parts in by_first.get(ctx.low(k), ()):
            if all(ctx.low(k + j) == w for j, w in enumerate(parts)):
                return k + len(parts)
        return -1

    def participle_reports(self, end: int) -> bool:
        """Tell whether a participle without a comma reports speech ("claiming that ...")."""
        return self.that_ahead(end, limit=6) > 0

    def after_listener(self, k: int) -> int:
        """Skip the listener after "told" ("told reporters", "told the OSCE conference")."""
        ctx = self.ctx
        m = ctx.mention_starting.get(k)
        if m is not None:
            return self.skip_time(m.last)
        if ctx.low(k) in self.words.listener_objects:
            return self.skip_time(k + 1)
        j = self.that_ahead(k)
        return j - 1 if j > 0 else -1

    def joint_ahead(
        self, k: int, stop: int, joints: tuple[str, ...], stops: tuple[str, ...]
    ) -> int:
        """The token of a joint word ("of", "a", "to") after an object starting at k, or -1."""
        ctx = self.ctx
        for j in range(k + 1, stop):
            w = ctx.low(j)
            if w in joints:
                return j
            if ctx.kind(j) != "word" or w in stops or ctx.cue_at(j, weak=False) > 0:
                return -1
        return -1

    def second_object(self, k: int) -> bool:
        """Tell whether an object pronoun at k has a second object ("denied him a photograph")."""
        ctx = self.ctx
        words = self.words
        if ctx.low(k) not in words.object_pronouns or ctx.kind(k + 1) != "word":
            return False
        nxt = ctx.low(k + 1)
        return nxt not in words.prepositions and nxt not in words.continuers

    def skip_time(self, k: int) -> int:
        """Skip adverbs and time expressions after a cue ("said Wednesday", "said last week")."""
        known = self._times.get(k)
        if known is None:
            known = self._times[k] = self._skip_time(k)
        return known

    def _skip_time(self, k: int) -> int:
        """:meth:`skip_time`, computed."""
        ctx = self.ctx
        toks = ctx.tokens
        words = self.words
        for _ in range(4):
            if not 0 <= k < self.n:
                break
            tok = toks[k]
            if tok.kind != "word":
                break
            w = tok.low
            if (
                w in words.time_words
                or w in self.time_adverbs
                or (w.endswith(self.adverb_endings) and len(w) > 4)
            ):
                k += 1
                if w in words.time_words and ctx.low(k) in words.time_nouns:
                    k += 1  # "Wednesday night"
            elif w in words.time_openers and ctx.low(k + 1) in words.time_nouns:
                k += 2  # "last week", "on Thursday"
            else:
                break
        return k

    def that_ahead(self, k: int, limit: int = 12) -> int:
        """After a prepositional phrase ("said in a statement that"), the token after "that"."""
        toks = self.ctx.tokens
        strong = self.ctx.cue_strong
        complementizers = self.words.complementizers
        for j in range(max(k, 0), min(k + limit, self.sent_end[k] if k < self.n else k)):
            tok = toks[j]
            if tok.kind == "para" or tok.text in _SENTENCE_STOPS:
                return -1
            if j == k and tok.kind in ("quote", "mark"):
                return -1  # 'said "…"': a quote, not a phrase before "that"
            if tok.low in complementizers:
                return j + 1
            if strong[j] > 0:
                return -1
        return -1
