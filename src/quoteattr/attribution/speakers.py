"""Make speakers one within a document and resolve pronouns and descriptions.

"Lavrov", "Sergei Lavrov", "Russia's Sergei Lavrov" and "Russian Foreign
Minister Sergei Lavrov" are one speaker, named by the fullest form, with the
role kept apart. "he" is the person the text last made the subject of a
sentence; "the foreign minister" is the person the text introduced in that role.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from quoteattr.attribution.clauses import relative_antecedent
from quoteattr.attribution.context import Context
from quoteattr.attribution.entities import Entity
from quoteattr.attribution.words import attribution_words
from quoteattr.language.cache import per_object
from quoteattr.language.lexicon import Lexicon
from quoteattr.language.names import Gender, PersonNames, load_person_names
from quoteattr.models import SpeakerKind
from quoteattr.text.mentions import Mention, name_reader
from quoteattr.text.names import NameReader, printed
from quoteattr.text.normalize import fold
from quoteattr.text.noun_phrases import noun_phrases

__all__ = ["Entity", "SpeakerIndex"]


def _is_initial(word: str) -> bool:
    core = word.rstrip(".")
    return len(core) == 1 and core.isalpha() and core.isupper()


_GENDERED: Final = ("masculine", "feminine")


def _fold(name: str) -> str:
    """:func:`fold`, at once for ASCII (no diacritics to drop): the common case."""
    return name.lower() if name.isascii() else fold(name)


_NAMED: Final = frozenset({"name", "body", "country"})
"""Mention kinds that name their speaker."""

_MAX_ROLES: Final = 20_000
"""Printed roles whose words are kept per lexicon (the cache is cleared when full)."""

_MAX_NAMES: Final = 20_000
"""Printed person names whose facts are kept per name list (the cache is cleared when full)."""

_Facts = tuple[tuple[str, ...], str, "str | None", "str | None", "Gender | None", bool]
"""A person name's folded words, surname, given name, ``"given surname"`` key, gender, and
whether an honorific told the gender."""



@per_object
def _name_cache(names: PersonNames) -> dict[str, _Facts]:
    """The facts of each printed name (printed without honorific) already read with ``names``."""
    return {}


@per_object
def _titled_name_cache(names: PersonNames) -> dict[tuple[str, str], _Facts]:
    """The facts of each printed name and its honorific already read with ``names``."""
    return {}


@per_object
def _role_cache(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """The words of each printed role already read with ``lexicon``, shared by documents."""
    return {}


_TAG_OPENERS: Final = ("(", ",")
"""Marks that open a party-and-state tag after a name ("Jane Doe (D-Ohio)", "Doe, R-Fla.,")."""

_RECENT: Final = 8
"""Per surname, how many people are compared with a mention (bounds the work per mention)."""


def _compatible(entity: Entity, gender: Gender | None) -> bool:
    return gender in (None, "either") or entity.gender in (None, "either", gender)


def _contradicts(entity: Entity, gender: Gender | None) -> bool:
    """A gender that the entity's strong evidence (honorific, pronoun) rules out."""
    return entity.gender_known and not _compatible(entity, gender)


class SpeakerIndex:
    """Every named source of a document, with look-ups for pronouns and roles.

    A person is known by given name and surname: "Alice Smith" and "Robert
    Smith" are two people, "Donald J. Trump" and "Donald Trump" one. A mention
    of the surname alone ("Smith", "Mrs. Smith") is the person of that surname
    the text mentioned last (of the honorific's gender, where it tells one).
    Each mention compares itself with at most a few people of its surname, so
    the work stays linear in the number of mentions.
    """

    def __init__(self, ctx: Context) -> None:
        """Group the document's name mentions into entities."""
        self.ctx = ctx
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._of_mention: dict[int, Entity] = {}
        self._personlike: dict[str, bool] = {}
        self._bodies = ctx.lexicon.body_names
        self._mention_firsts: list[int] | None = None
        """The mentions' first tokens, built when a pronoun outside every mention needs them."""
        self._names = load_person_names(ctx.lexicon.language)
        self._nouns = noun_phrases(ctx.lexicon)
        self._described_by: dict[str, list[Entity]] = {}
        """Per role word, the people it describes, latest last (bounded)."""
        self._by_surname: dict[str, list[Entity]] = {}
        """Per folded surname, the people of that surname, last mentioned last (bounded)."""
        self._name_words: dict[str, tuple[str, ...]] = {}
        self._roles = _role_cache(ctx.lexicon)
        self._facts = _name_cache(self._names)
        self._titled_facts = _titled_name_cache(self._names)
        reader = self._reader = name_reader(ctx.lexicon)
        self._demonyms = reader.demonym_countries
        self._body_nouns = reader.body_nouns
        """"committee", "party": a body whose name holds one is "the committee", "the party"."""
        self.comparisons = 0
        """How many people mentions were compared with (linear in the mentions: a test counts)."""
        previous: Mention | None = None
        previous_entity: Entity | None = None
        tags = bool(self._names.party_letters)
        tokens = ctx.tokens
        count = len(tokens)
        of_mention = self._of_mention
        for m in ctx.mentions:
            kind = m.kind
            if kind in _NAMED:
                if kind != "body" and m.speaker_kind == "person":
                    entity = self._person_for(m)
                else:
                    entity = self._entity_for_name(m)
                of_mention[m.start] = entity
                previous, previous_entity = m, entity
                last = m.last
                if (tags and last < count and tokens[last].text in _TAG_OPENERS
                        and entity.kind == "person"):
                    self._describe_party(reader, entity, last + 1)
                continue
            if kind == "pronoun":
                previous = None
                continue
            if (
                m.kind == "description"
                and previous is not None
                and previous_entity is not None
                and previous_entity.kind == "person"
                and m.first == previous.last + 1
                and ctx.word(previous.last) == ","
            ):
                # "Jane Doe, the Ohio Democrat, said": the appositive describes her
                described = m.text.split(None, 1)
                articles = attribution_words(ctx.lexicon).articles
                if len(described) == 2 and described[0].lower() in articles:
                    self._describe(previous_entity, self._role_words(described[1]))
            elif m.kind == "description" and m.speaker_kind == "organisation":
                self._proper_body(m)
            previous = None

    def _entity_for_name(self, m: Mention) -> Entity:
        if m.kind == "body":
            key = _fold(self._bodies.get(m.name, m.name))
        elif m.speaker_kind == "person":
            return self._person_for(m)
        else:
            key = _fold(m.name)
        entity = self._by_key.get(key)
        if entity is None or (entity.kind != m.speaker_kind and m.speaker_kind != "person"):
            entity = Entity(key=key, name=m.name, kind=m.speaker_kind)
            if m.kind == "body":
                entity.name = self._bodies.get(m.name, m.name)
                # "the House Ethics Committee" is "the committee" later on
                nouns = frozenset(m.name.lower().split()) & self._body_nouns
                if nouns:
                    self._describe(entity, nouns)
            self._by_key[key] = entity
            self.entities.append(entity)
        entity.add(m)
        return entity

    def _person_for(self, m: Mention) -> Entity:
        """The person a name mention stands for: by given name and surname, or surname alone."""
        name = m.name
        honorific = m.honorific
        if honorific is None:
            facts = self._facts.get(name)
        else:
            facts = self._titled_facts.get((name, honorific))
        if facts is None:
            facts = self._name_facts(m)
        words, surname, given, full_key, gender, known = facts
        self._name_words[name] = words
        same = self._by_surname.get(surname)
        if same is None:
            same = self._by_surname[surname] = []
        entity: Entity | None = None
        if full_key is not None:
            entity = self._by_key.get(full_key)
            if entity is None:
                for cand in reversed(same):
                    self.comparisons += 1
                    if cand.given is None and not _contradicts(cand, gender) and (
                        _compatible(cand, gender) or not known
                    ):
                        entity = cand  # "Lavrov" earlier, "Sergei Lavrov" now
                        break
                    if len(cand.words) > len(words) and cand.words[-len(words):] == words:
                        entity = cand  # "Wasserman Schultz" after "Debbie Wasserman Schultz"
                        break
        else:
            # "Mr. Graham" after "Lindsey Graham": a given name's gender is a
            # tie-breaker among people of the surname, never a reason to part them
            fallback: Entity | None = None
            for cand in reversed(same):
                self.comparisons += 1
                if _compatible(cand, gender):
                    entity = cand
                    break
                if fallback is None and not _contradicts(cand, gender) and not (
                    known and cand.gender_known
                ):
                    fallback = cand
            entity = entity or fallback
        if entity is None:
            entity = Entity(key=full_key or surname, name=name, kind="person")
            self.entities.append(entity)
        if full_key is not None and entity.given is None:
            entity.given = given
            self._by_key[full_key] = entity
        if len(words) > len(entity.words):
            entity.words = words
        if gender is not None and gender != "either" and (
            (known and not entity.gender_known) or entity.gender in (None, "either")
        ):
            entity.gender = gender
            entity.gender_known = entity.gender_known or known
        role = m.role
        if role:
            self._describe(entity, self._role_words(role))
        entity.add(m)
        if same and same[-1] is entity:
            return entity
        if entity in same:
            same.remove(entity)
        same.append(entity)
        if len(same) > _RECENT:
            del same[0]
        return entity

    def _name_facts(self, m: Mention) -> _Facts:
        """What a person's name and honorific tell, read once per printed form and name list."""
        names = self._names
        suffixes = names.suffixes
        folded: list[str] = []
        for w in m.name.replace(".", ". ").split():
            if w.lower() not in suffixes and not _is_initial(w):
                folded.append(_fold(w))
        words = tuple(folded) if folded else (_fold(m.name),)
        surname = words[-1]
        given = words[0] if len(words) > 1 and words[0] not in names.particles else None
        gender = names.gender_of_honorific(m.honorific.lower()) if m.honorific else None
        known = gender is not None
        if gender is None and given is not None:
            gender = names.gender_of_given_name(given)
        full_key = f"{given} {surname}" if given is not None else None
        facts = (words, surname, given, full_key, gender, known)
        if m.honorific is None:
            cache = self._facts
            if len(cache) >= _MAX_NAMES:
                cache.clear()
            cache[m.name] = facts
        else:
            titled = self._titled_facts
            if len(titled) >= _MAX_NAMES:
                titled.clear()
            titled[(m.name, m.honorific)] = facts
        return facts

    def _proper_body(self, m: Mention) -> None:
        """``The House Ethics Committee``: a body named with its article is "the committee"."""
        if m.last - m.first < 3 or not self.ctx.word(m.last - 1)[:1].isupper():
            return  # "the committee", "the campaign's top aide"
        words = m.text.split()
        joiners = self.ctx.lexicon.grammar.name_connectors
        if len(words) < 3 or not all(
            w[:1].isupper() or w in joiners or w in self._names.body_name_joiners
            for w in words[1:]
        ):
            return  # "The House Ethics Committee", "the Bank of Ohio Group"
        nouns = frozenset(w.lower() for w in words[1:]) & self._body_nouns
        if not nouns:
            return
        entity = self._anonymous(m)
        self._of_mention[m.start] = entity
        entity.record(m)
        self._describe(entity, nouns)

    def _describe_party(self, reader: NameReader, entity: Entity, i: int) -> None:
        """``Jane Doe (D-Ohio)``, ``John Roe, R-Fla.,``: the tag's party and state describe them."""
        ctx = self.ctx
        if i >= len(ctx.tokens) or ctx.tokens[i].text[1:2] != "-":
            return
        end = reader.party_tag_end(ctx.text, ctx.tokens, i)
        if end < 0:
            return
        found = reader.party_tag(printed(ctx.text, ctx.tokens[i].start, ctx.tokens[end - 1].end))
        if found is not None:
            party, place = found
            self._describe(entity, frozenset((party, *place.split())))

    def _role_words(self, role: str) -> frozenset[str]:
        """The lower-case words of a printed role, with each title's role noun (sen. -> senator)."""
        known = self._roles.get(role)
        if known is not None:
            return known
        table = self._names.title_roles
        prefixes = self.ctx.lexicon.grammar.role_prefixes
        words: list[str] = []
        for word in role.lower().replace(".", ". ").replace(",", " ").split():
            if "-" in word:
                prefix, _, rest = word.partition("-")
                if prefix in prefixes:
                    words.append(prefix)  # "then-secretary of state": "then", "secretary", ...
                    words.append(rest)
                    continue
            words.append(word)
        found: set[str] = set()
        inside: set[int] = set()
        """Words inside a title of several words that names another role ("vice president")."""
        for k in range(len(words)):
            for size in (3, 2):
                noun = table.get(" ".join(words[k : k + size])) if k + size <= len(words) else None
                if noun is not None:
                    found.add(noun)
                    if " " in noun:
                        inside.update(range(k + 1, k + size))
        for k, word in enumerate(words):
            if k in inside:
                continue  # "president" of "vice president" is no president
            stem = word.rstrip(".")
            found.add(word)
            found.add(stem)
            noun = table.get(word)
            if noun is not None:
                found.add(noun)
            noun = table.get(stem + ".")  # "Sen" printed without its stop
            if noun is not None:
                found.add(noun)
        for word in words:  # German compounds: "Bundeskanzlerin" is a "Kanzlerin"
            head = self._nouns.compound_head(word)
            if head is not None:
                found.add(head)
        parties = self._names.party_names
        found.update([parties[word] for word in found if word in parties])
        general = self._names.general_roles
        if general:  # "the Republican lawmaker" for "Sen. Jane Doe"
            for word in [w for w in found if w in general]:
                found |= general[word]
        if len(self._roles) >= _MAX_ROLES:
            self._roles.clear()
        result = self._roles[role] = frozenset(found)
        return result

    def entity_of(self, m: Mention) -> Entity:
        """Return the entity a speaker mention stands for, resolving pronouns and roles."""
        found = self._of_mention.get(m.start)
        if found is not None:
            return found
        if m.kind == "pronoun":
            found = self._antecedent(m)
        elif m.kind == "description":
            found = self._role_holder(m)
        if found is None:
            found = self._anonymous(m)
        self._of_mention[m.start] = found
        found.record(m)
        return found

    def _anonymous(self, m: Mention) -> Entity:
        key = "desc:" + _fold(m.text) if m.kind != "pronoun" else f"pron:{m.start}"
        entity = self._by_key.get(key)
        if entity is None:
            name = m.text
            kind: SpeakerKind = m.speaker_kind if m.kind != "pronoun" else "unknown"
            entity = Entity(key=key, name=name, kind=kind)
            self._by_key[key] = entity
            self.entities.append(entity)
        if m.text not in entity.aliases:
            entity.aliases.append(m.text)
        return entity

    def _antecedent(self, m: Mention) -> Entity | None:
        """The person a pronoun refers to: the latest sentence subject before it."""
        ctx = self.ctx
        word = m.text.lower()
        lex = ctx.lexicon
        if word in lex.grammar.unresolved_pronouns:
            return None
        if word in attribution_words(lex).person_relatives:
            before = relative_antecedent(ctx, m.first)
            return self.entity_of(before) if before is not None else None
        pronoun = lex.pronoun_forms.get(word)
        plural = pronoun is not None and pronoun.number == "plural"
        # a pronoun of either number (German "sie": she or they) may stand for a body
        either = pronoun is not None and pronoun.number == "any"
        gender = pronoun.gender if pronoun is not None and pronoun.gender in _GENDERED else None
        sent = ctx.sentence[m.first]
        para = ctx.paragraph[m.first]
        best_any: Entity | None = None
        soft_any: Entity | None = None
        soft_subject: Entity | None = None
        """The nearest subject whose given name suggests the other gender."""
        agreeing_object: Entity | None = None
        """The nearest person of the pronoun's gender after a preposition or verb."""
        index = ctx.mention_covering[m.first]
        if index < 0:  # a pronoun the mention pass does not list ("her remark")
            if self._mention_firsts is None:
                self._mention_firsts = [x.first for x in ctx.mentions]
            index = bisect_left(self._mention_firsts, m.first)
        for k in range(index - 1, max(index - 40, -1), -1):
            cand = ctx.mentions[k]
            if ctx.paragraph[cand.first] < para - 3:
                break
            group = cand.speaker_kind in ("collective", "organisation", "country")
            if cand.possessive or (cand.kind == "description" and cand.speaker_kind not in (
                "anonymous", "collective") and not (either and group)):
                continue
            if plural != group and not either:
                continue
            many = plural or (either and group)
            if cand.kind == "pronoun":
                if cand.text.lower() != word:
                    continue
                ent = self._of_mention.get(cand.start)
                if ent is None or ent.kind == "unknown":
                    continue
            else:
                ent = self.entity_of(cand) if cand.kind == "description" else (
                    self._of_mention.get(cand.start))
            if ent is None or (not many and ent.kind != "person" and ent.kind != "anonymous"):
                continue
            if not many and not self._looks_like_person(ent, cand):
                continue  # "Ankara and Moscow were restarting …": a place, not "he"
            subject = self._is_subject(cand) and ctx.sentence[cand.first] <= sent
            if gender is not None and ent.gender in _GENDERED and ent.gender != gender:
                ent = self._namesake(cand, ent, gender)
            if gender is not None and ent.gender in _GENDERED and ent.gender != gender:
                if ent.gender_known:
                    continue  # "she" is not Mr. Smith, nor the man called "he" before
                # "he" after "Lindsey Graham": a given name's gender breaks ties
                # between candidates, and never leaves the pronoun unresolved
                if subject and soft_subject is None:
                    soft_subject = ent
                elif soft_any is None and not self._after_preposition(cand):
                    soft_any = ent
                continue
            if subject:
                return self._agreed(ent, gender)
            if best_any is None and not self._after_preposition(cand):
                best_any = ent
            elif agreeing_object is None and gender is not None and ent.gender == gender:
                agreeing_object = ent  # "Jane Doe met Tom Roe. His call for ..."
        found = best_any or (soft_subject and agreeing_object) or soft_subject or soft_any
        return self._agreed(found, gender) if found is not None else None

    def _namesake(self, m: Mention, ent: Entity, gender: str) -> Entity:
        """For a surname alone, the person of that surname whose gender agrees, else ``ent``.

        "Clinton" is the Clinton mentioned last; a "she" that stands for it is
        the woman among the people of that surname ("For her part, Clinton ...").
        """
        words = self._name_words.get(m.name)
        if m.kind != "name" or words is None or len(words) != 1:
            return ent
        for other in reversed(self._by_surname.get(words[0], ())):
            self.comparisons += 1
            if other is not ent and other.gender == gender:
                return other
        return ent

    @staticmethod
    def _agreed(ent: Entity, gender: str | None) -> Entity:
        """Record that a gendered pronoun stands for ``ent``: strong evidence of its gender."""
        if ent.kind == "person" and not ent.gender_known and gender is not None:
            if gender == "masculine":
                ent.gender, ent.gender_known = "masculine", True
            elif gender == "feminine":
                ent.gender, ent.gender_known = "feminine", True
        return ent

    def _looks_like_person(self, ent: Entity, m: Mention) -> bool:
        """A full name, a title or role, a description, or the subject of a speech verb."""
        known = self._personlike.get(ent.key)
        if known is None:
            known = self._personlike[ent.key] = self._person_evidence(ent)
        return known

    def _person_evidence(self, ent: Entity) -> bool:
        if ent.kind == "anonymous" or ent.gender is not None:
            return True  # a description, a given name or an honorific ("Mrs. Roe")
        ctx = self.ctx
        grammar = ctx.lexicon.grammar
        for x in ent.mentions:
            if (
                x.kind == "name"
                and ctx.low(x.first - 1) in grammar.noun_markers
                and not ctx.word(x.last)[:1].islower()
            ):
                return False  # "at the Ohio Expo Arena.", "the Glass-Steagall Act": a thing
        words = ent.name.split()
        if words and words[-1].lower() in self._names.non_person_heads:
            return False  # "the Democratic National Convention", "Ohio Expo Arena"
        reader = self._reader
        if ent.role and not (self._role_words(ent.role) - reader.parties).isdisjoint(
            reader.title_like
        ):
            return True  # "Sen. Roe", "union spokesman Roe" (not "Ohio" nor "Democratic")
        if len(words) > 1 and not all(w.isupper() for w in words):
            return True  # a full name ("FULL TEXT" is a heading)
        if ent.name.lower().endswith(self._names.non_name_endings):
            return False  # "Disenchantment runs deep", "Staying home ...": no surname
        for x in ent.mentions:
            if x.kind != "name":
                continue
            if ctx.cue_at(x.last) > 0:
                return True
            nxt = ctx.low(x.last)
            opens = x.first == 0 or not ctx.same_sentence(x.first - 1, x.first)
            if opens and self._finite_verb(nxt) and nxt not in grammar.non_subject_followers:
                return True  # "Lavrov met …", not "Ankara and Moscow …" nor "Come again?"
        return False

    def _finite_verb(self, low: str) -> bool:
        """Whether a lower-case word after a sentence's first name reads as its verb.

        A cue verb, an auxiliary, a headline verb (``met``, ``took``) or a
        word in -s or -ed: "Lavrov met", "Roe has", not "Come again?",
        "Contrast that with", "Practice kindness".
        """
        grammar = self.ctx.lexicon.grammar
        return (
            low in self.ctx.lexicon.cue_forms
            or low in self._names.headline_verbs
            or (
                low in grammar.clause_words
                and low not in grammar.subject_pronouns
                and low not in grammar.noun_markers
            )
            or (low.endswith(("s", "ed")) and not low.endswith("ss"))
        )

    def _after_preposition(self, m: Mention) -> bool:
        k = m.first - 1
        return self.ctx.low(k) in self.ctx.lexicon.grammar.non_subject_after

    def _is_subject(self, m: Mention) -> bool:
        """A mention followed by a cue verb, or first in its sentence, not after a preposition."""
        ctx = self.ctx
        k = m.last
        adverbs = ctx.lexicon.grammar.subject_adverbs
        while ctx.word(k) in (",",) or (ctx.kind(k) == "word" and ctx.low(k) in adverbs):
            if ctx.word(k) == ",":
                break
            k += 1
        if ctx.cue_at(k) > 0:
            return True
        if self._after_preposition(m):
            return False
        first_in_sentence = True
        for j in range(m.first - 1, max(m.first - 12, -1), -1):
            if ctx.sentence[j] != ctx.sentence[m.first]:
                break
            idx = ctx.mention_covering[j]
            if idx >= 0 and not ctx.mentions[idx].possessive:
                first_in_sentence = False
                break
        return first_in_sentence

    def _role_holder(self, m: Mention) -> Entity | None:
        """The named person the text introduced in the role a definite description names.

        "the senator" is the person last mentioned before it whose role or
        appositive says senator ("Sen. Jane Doe", "Jane Doe, a senator");
        "the Ohio Democrat" must also agree on every place and party word.
        """
        words = m.text.split()
        if len(words) < 2 or words[0].lower() not in self.ctx.lexicon.grammar.definite_determiners:
            return None
        if (
            not self._nouns.active  # German capitalises every noun
            and words[-1][:1].isupper()
            and words[-1].lower() not in self._names.parties
        ):
            return None  # "the Royal Bank Group": a name, not a role (but "the Ohio Democrat")
        lows = [w.lower().strip(",") for w in words[1:]]
        names = self._names
        for k in range(1, len(lows)):
            if lows[k] in names.role_postmodifiers:
                # "the secretary of state" is the secretary; "the head of the party" the head
                phrase = names.title_roles.get(" ".join(lows[k - 1 :]))
                lows = [*lows[: k - 1], phrase] if phrase else lows[:k]
                break
        head = lows[-1]
        if len(lows) > 1 and " " in names.title_roles.get(" ".join(lows[-2:]), ""):
            head = names.title_roles[" ".join(lows[-2:])]  # "the vice president"
            lows = lows[:-1]
        # every place, party, nationality and "former" must agree: "the Ohio
        # Democrat", "the Russian leader", "the former governor"
        strict = [self._strict_word(w) for w in lows[:-1]]
        best: Entity | None = None
        best_at = -1
        for entity in self._described_by.get(head, ()):
            self.comparisons += 1
            if any(need and entity.described.isdisjoint(need) for need in strict):
                continue
            found = entity.ordered_starts
            k = bisect_left(found, m.start)
            if k and found[k - 1] > best_at:
                best, best_at = entity, found[k - 1]
        return best

    def _strict_word(self, low: str) -> frozenset[str]:
        """The words a person's description must hold for a modifier to agree, or none.

        A place or party must be printed with the person, a nationality as itself
        or its country, "former" as "former" or "then".
        """
        names = self._names
        if low in names.places or low in names.parties:
            return frozenset((low,))
        country = self._demonyms.get(low)
        if country is not None:
            return frozenset((low, country))
        if low in self.ctx.lexicon.grammar.role_prefixes:
            return self.ctx.lexicon.grammar.role_prefixes
        return frozenset()

    def _describe(self, entity: Entity, words: frozenset[str]) -> None:
        """Add words that describe a person, and index the person under each."""
        described = entity.described
        if words <= described:
            return  # (a role printed again: mostly)
        described_by = self._described_by
        for word in words:
            if word in described:
                continue
            holders = described_by.get(word)
            if holders is None:
                holders = described_by[word] = []
            holders.append(entity)
            if len(holders) > _RECENT:
                del holders[0]
        described |= words
