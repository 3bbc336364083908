"""Rule sets and declarative pattern rules (#6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from quoteattr import attribute, builtin_rules, rule_names
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.patterns import PatternRule
from quoteattr.attribution.rules import BUILTIN_RULES, Rule
from quoteattr.attribution.rulesets import RuleSet, RuleSetError, load_rules, parse_rules

TOML = '''
description = "House style"
remove = ["quote_dash_name"]
rules = ["name_posted_colon_quote", "*"]

[[patterns]]
name = "name_posted_colon_quote"
description = 'NAME posted on X: "Q"'
confidence = 0.9
pattern = [{SPEAKER = true}, {CUE = true}, {TEXT = ":"}, {QUOTE = true}]

[lexicon]
cue_verbs = [{lemma = "post on x", forms = ["posted on X", "posts on X"]}]
'''


def test_builtin_rules_are_listed_by_name_in_order() -> None:
    assert rule_names() == [r.name for r in builtin_rules()]
    assert rule_names()[0] == "quoted_name_as_saying"


def test_pattern_rule_matches_after_the_quote() -> None:
    rule = PatternRule(name="quote_dash_name_2", pattern=[
        {"QUOTE": True}, {"TEXT": ["—", "–"]}, {"SPEAKER": ["name"]}]).to_rule()
    q = attribute('"We will win." — Boris Johnson', rules=[rule]).quotes[0]
    assert (q.speaker.name if q.speaker else None, q.rule, q.confidence) == (
        "Boris Johnson", "quote_dash_name_2", 0.8)


def test_pattern_rule_matches_before_the_quote_with_a_multi_word_cue() -> None:
    rs = load_rules_from(TOML, "house.toml")
    q = attribute('Medvedev posted on X: "Nothing new under the sun."', rules=rs).quotes[0]
    assert q.rule == "name_posted_colon_quote"
    assert q.speaker is not None and q.speaker.name == "Medvedev"
    assert q.cue is not None and q.cue.text == "posted on X"


def test_skip_and_optional_elements() -> None:
    rule = PatternRule(name="quote_so_name", pattern=[
        {"QUOTE": True}, {"TEXT": ",", "OP": "?"}, {"LOWER": "so", "IS_CUE": True},
        {"SKIP": 2}, {"SPEAKER": True}]).to_rule()
    for text in ('"We will see about that", so the minister Lavrov.',
                 '"We will see about that" so Lavrov.'):
        q = attribute(text, rules=[rule]).quotes[0]
        assert q.speaker is not None and q.speaker.name == "Lavrov", text
        assert q.cue is not None and q.cue.text == "so"
    assert attribute('"We will see about that", so far so good.',
                     rules=[rule]).quotes[0].speaker is None


def test_pattern_never_matches_across_a_paragraph() -> None:
    rule = PatternRule(name="q_name", pattern=[{"QUOTE": True}, {"SKIP": 3},
                                               {"SPEAKER": True}]).to_rule()
    text = '"We will see about that."\n\nLavrov left.'
    assert attribute(text, rules=[rule]).quotes[0].speaker is None


def test_a_python_function_is_a_rule() -> None:
    def first_name_in_text(ctx: Context, qi: int) -> Decision | None:
        m = next((m for m in ctx.mentions if m.kind == "name"), None)
        return None if m is None else Decision("ignored", 0.5, m)

    rule = Rule("first_name_in_text", "the first name of the text", first_name_in_text)
    q = attribute('Lavrov arrived. "We will see about that."', rules=[rule]).quotes[0]
    assert (q.speaker.name if q.speaker else None, q.rule, q.confidence) == (
        "Lavrov", "first_name_in_text", 0.5)



@pytest.mark.parametrize(
    ("confidence", "cue", "message"),
    [
        (1.5, None, "confidence must be a number from 0 to 1"),
        (-0.1, None, "confidence must be a number from 0 to 1"),
        (float("nan"), None, "confidence must be a number from 0 to 1"),
        (0.5, (-3, 2), "offsets into the text are 0 or more"),
    ],
)
def test_a_python_rule_that_returns_impossible_values_is_told_what_to_return(
    confidence: float, cue: tuple[int, int] | None, message: str
) -> None:
    def careless(ctx: Context, qi: int) -> Decision | None:
        m = next((m for m in ctx.mentions if m.kind == "name"), None)
        return None if m is None else Decision("careless", confidence, m, cue)

    rule = Rule("careless", "returns what no quote can hold", careless)
    with pytest.raises(ValueError, match=message):
        attribute('Lavrov arrived. "We will see about that."', rules=[rule])

def load_rules_from(text: str, name: str, tmp: Path | None = None) -> RuleSet:
    import tempfile

    folder = Path(tempfile.mkdtemp()) if tmp is None else tmp
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def test_toml_and_json_give_the_same_rule_set(tmp_path: Path) -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    from_toml = load_rules_from(TOML, "house.toml", tmp_path)
    from_json = load_rules_from(json.dumps(tomllib.loads(TOML)), "house.json", tmp_path)
    assert from_toml.rule_names() == from_json.rule_names()
    assert from_toml.rule_names()[0] == "name_posted_colon_quote"
    assert "quote_dash_name" not in from_toml.rule_names()
    assert len(from_toml.rule_names()) == len(BUILTIN_RULES)


def test_order_star_and_default_order() -> None:
    rs = parse_rules({"rules": ["quote_comma_said_name", "*", "quoted_name_as_saying"]})
    names = rs.rule_names()
    assert names[0] == "quote_comma_said_name" and names[-1] == "quoted_name_as_saying"
    assert sorted(names) == sorted(rule_names())
    added = parse_rules({"patterns": [{"name": "q_dash", "pattern": [
        {"QUOTE": True}, {"TEXT": "—"}, {"SPEAKER": True}]}]})
    assert added.rule_names() == [*rule_names(), "q_dash"]


def test_invalid_rule_file_raises_one_error_naming_file_rule_and_each_problem(
    tmp_path: Path,
) -> None:
    """Issue 6 acceptance: one error with the file, the rule and every problem."""
    bad = {
        "language": "en",
        "rules": ["quote_coma_said_name", "*"],
        "remove": ["quote_dash_name"],
        "patterns": [
            {"name": "name_posted_colon_quote", "confidence": 1.5,
             "pattern": [{"speaker": True}, {"CUE": True}, {"TEXT": ":", "OP": "*"},
                         {"QUOTE": True}]},
            {"name": "second_rule", "pattern": [{"QUOTE": True}, {"LOWER": "Says"}]},
        ],
        "lexicon": {"cue_verb": [{"lemma": "toot"}]},
        "colour": "blue",
    }
    path = tmp_path / "house.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(RuleSetError) as info:
        load_rules(path)
    message = str(info.value)
    assert str(path) in message.splitlines()[0]
    for expected in [
        "unknown field 'colour'",
        "rule 'name_posted_colon_quote': confidence",
        "rule 'name_posted_colon_quote': pattern.0.speaker: unknown key (hint: keys are "
        "upper case, as in spaCy's Matcher: 'SPEAKER')",
        "rule 'name_posted_colon_quote': pattern.2.OP",
        "{'SKIP': n}",
        "rule 'second_rule': pattern.1: LOWER values are lower case: 'Says'",
        "rule 'second_rule'",  # and no SPEAKER
        "exactly one SPEAKER",
        "rules: unknown rule 'quote_coma_said_name' (hint: did you mean "
        "'quote_comma_said_name'?)",
        "lexicon: unknown lexicon list(s) ['cue_verb']",
        "did you mean 'cue_verbs'?",
    ]:
        assert expected in message, (expected, message)
    assert len(info.value.problems) >= 8


def test_errors_for_unknown_language_duplicates_and_unlisted_rules() -> None:
    with pytest.raises(RuleSetError) as info:
        parse_rules({"language": "ger", "rules": ["*", "*"], "patterns": [
            {"name": "a", "pattern": [{"QUOTE": True}, {"SPEAKER": True}]},
            {"name": "a", "pattern": [{"QUOTE": True}, {"SPEAKER": True}]},
            {"name": "quote_dash_name", "pattern": [{"QUOTE": True}, {"SPEAKER": True}]}]})
    text = str(info.value)
    assert "no built-in lexicon for 'ger'" in text
    assert "'*' is listed twice" in text
    assert "rule 'a': defined twice" in text
    assert "rule 'a': defined but not in rules" in text
    assert "rule 'quote_dash_name': a built-in rule has this name" in text


def test_a_callable_is_referenced_by_import_path() -> None:
    rs = parse_rules({"rules": ["dash"], "callables": [
        {"name": "dash", "function": "quoteattr.attribution.rules:quote_dash_name"}]},
        trust_code=True)
    q = attribute('"We will win." — Boris Johnson', rules=rs).quotes[0]
    assert q.rule == "dash"
    with pytest.raises(RuleSetError, match=r"cannot use function 'nowhere\.at_all:f'"):
        parse_rules({"callables": [{"name": "x", "function": "nowhere.at_all:f"}]},
                    trust_code=True)


def test_unknown_file_type_and_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match="name the file"):
        load_rules_from("{}", "rules.yaml", tmp_path)
    with pytest.raises(RuleSetError, match="not valid TOML"):
        load_rules_from("rules = [", "rules.toml", tmp_path)


def test_pattern_rule_model_rejects_what_the_matcher_cannot_run() -> None:
    with pytest.raises(ValidationError):
        PatternRule(name="x", pattern=[{"QUOTE": True}, {"SPEAKER": True, "OP": "?"}])
    with pytest.raises(ValidationError):
        PatternRule(name="x", pattern=[{"QUOTE": True}, {"SKIP": 11}, {"SPEAKER": True}])


def test_the_prepared_document_is_frozen_for_rules() -> None:
    import dataclasses

    from quoteattr.options import resolve_options
    from quoteattr.pipeline import prepare

    ctx = prepare('"We will win," Jane Doe said.', resolve_options()).context
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.tokens = []  # type: ignore[misc]
    said = ctx.positions("said")[0]
    assert ctx.cue_at(said) == said + 1  # the cue tables were filled while building
