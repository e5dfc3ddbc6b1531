package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped pack loads, compiles and keeps the ids the desks and the integration rely on. */
class DefaultRulePackTest {

    @Test
    void shouldLoadAndCompileTheDefaultPack() throws Exception {
        List<WatchRule> rules = RuleFiles.loadDefault();

        RuleFiles.validate(rules);
        assertThat(rules).extracting(WatchRule::id).containsExactly(
                "drone-training", "cartel-recruitment", "cartel-military-recruitment", "cartel-drone-attacks", "drone-smuggling",
                "foreign-fighters", "counter-drone");
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.languages()).as(r.id() + " applies to every language").isEmpty();
            assertThat(r.title()).isNotEqualTo(r.id());
            assertThat(r.description()).isNotBlank();
            assertThat(RuleFiles.origin(r)).hasValueSatisfying(o -> assertThat(o).startsWith("classpath:/rules/default/" + r.id() + ".yaml:"));
        });
    }

    @Test
    void shouldRegisterTheDefaultPackInAMatcher() throws Exception {
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher()) {
            matcher.register(RuleFiles.loadDefault());
            assertThat(matcher.rules()).hasSize(7);
        }
    }
}
