"""quoteattr.testing: assert_attributed, explain and the rule-set fixture (#6)."""

from __future__ import annotations

import re

import pytest

from quoteattr import load_lexicon
from quoteattr.attribution.rulesets import builtin_rules, parse_rules
from quoteattr.language.lexicon import CueVerb
from quoteattr.testing import assert_attributed, explain, trace_rules

pytest_plugins = ["pytester"]

SENTENCE = '"We heard nothing new," the Kremlin tooted on Tuesday.'


def test_issue_6_house_style_verb_and_speaker_alias_in_a_few_lines() -> None:
    """Issue 6 acceptance: extend the cue verbs and add a speaker alias, then check.

    "quipped" is already a built-in cue (lemma "quip"), so it cannot show an
    extension at work; the house-style verb here is "tooted" (lemma "toot"),
    which the built-in lexicon lacks. "quipped" is checked as well, with the
    same alias, to show both work together.
    """
    lex = load_lexicon().extend(
        cue_verbs=[CueVerb(lemma="toot")],
        aliases=[{"text": "the Kremlin", "name": "Vladimir Putin", "kind": "person"}],
    )
    q = assert_attributed(SENTENCE, quote="nothing new", speaker="Vladimir Putin",
                          rule="quote_comma_name_said", lexicon=lex)
    assert q.cue is not None and q.cue.text == "tooted"
    assert q.speaker is not None and q.speaker.kind == "person"
    assert_attributed(SENTENCE.replace("tooted", "quipped"), quote="nothing new",
                      speaker="Vladimir Putin", rule="quote_comma_name_said", lexicon=lex)


def test_issue_6_without_the_extension_that_rule_does_not_attribute_it() -> None:
    with pytest.raises(AssertionError) as info:
        assert_attributed(SENTENCE, quote="nothing new", speaker="Vladimir Putin",
                          rule="quote_comma_name_said")
    trials = {t.rule: t for t in trace_rules(SENTENCE, "nothing new")}
    assert trials["quote_comma_name_said"].decision is None
    assert re.search(r"quote_comma_name_said +no match", str(info.value))


def test_the_same_extension_as_a_rule_set() -> None:
    house = parse_rules({"lexicon": {
        "cue_verbs": [{"lemma": "toot"}],
        "aliases": [{"text": "the Kremlin", "name": "Vladimir Putin", "kind": "person"}]}})
    assert_attributed(SENTENCE, quote="nothing new", speaker="Vladimir Putin",
                      rule="quote_comma_name_said", rules=house)


def test_failure_message_shows_quotes_found_and_every_rule_tried() -> None:
    text = '"We heard nothing new," Lavrov said. "Talks go on," an aide added.'
    with pytest.raises(AssertionError) as info:
        assert_attributed(text, quote="nothing new", speaker="Sergei Lavrov")
    message = str(info.value)
    lines = message.splitlines()
    assert lines[0] == ("quote 'nothing new' was attributed to 'Lavrov' by rule "
                        "'quote_comma_name_said'; expected 'Sergei Lavrov'")
    assert "quotes found (2):" in message
    assert "-> 'Lavrov' by quote_comma_name_said (0.95), cue 'said'" in message
    assert "-> 'an aide' by quote_comma_name_said" in message
    assert "rules tried on quote [0] 'We heard nothing new,', in order:" in message
    assert " 1. quoted_name_as_saying" in message
    assert "DECIDED   'Lavrov' (mention 'Lavrov', cue 'said', 0.95)" in message
    assert "(not used: an earlier rule decided)" in message
    numbered = [ln for ln in lines if ln[:5].strip().rstrip(".").isdigit()]
    assert len(numbered) == len(builtin_rules())  # every built-in rule, in sieve order


def test_missing_quote_and_unattributed_quote_are_reported() -> None:
    with pytest.raises(AssertionError, match="no quote contains 'absent'"):
        assert_attributed('"We heard nothing new," Lavrov said.', quote="absent", speaker="X")
    with pytest.raises(AssertionError, match="was not attributed"):
        assert_attributed('"We heard nothing new."', quote="nothing", speaker="X")
    assert_attributed('"We heard nothing new."', quote="nothing", speaker=None)


def test_explain_without_a_quote_lists_what_was_found() -> None:
    assert explain("No quotes here.") == "quotes found: none"


def test_rule_set_fixture_loads_the_file_named_in_the_ini(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["quoteattr.pytest_plugin"]')
    pytester.makeini("[pytest]\nquoteattr_rules = house.toml\n")
    pytester.makefile(".toml", house='[lexicon]\ncue_verbs = [{lemma = "toot"}]\n')
    pytester.makepyfile('''
        from quoteattr.testing import assert_attributed

        def test_tooted(quoteattr_rules):
            assert_attributed('"We heard nothing new," Lavrov tooted.', quote="nothing",
                              speaker="Lavrov", rules=quoteattr_rules)

        def test_same_object(quoteattr_rules, request):
            assert quoteattr_rules is request.getfixturevalue("quoteattr_rules")
    ''')
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_rule_set_fixture_reports_an_invalid_file(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["quoteattr.pytest_plugin"]')
    pytester.makefile(".json", bad='{"remove": ["quote_dash_nam"]}')
    pytester.makepyfile("def test_x(quoteattr_rules):\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider",
                                "-o", "quoteattr_rules=bad.json")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*did you mean 'quote_dash_name'*"])
