package io.newswatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    static Config with(List<Map<String, Object>> tokens) {
        return Config.load(null, Map.of(), AlertsConfig.KEYS).with(AlertsConfig.AUTH_TOKENS, tokens, "test");
    }

    @Test
    void shouldFindTheHolderOfATokenByItsSha256AndNobodyForAnyOtherToken() {
        String token = AccessTokens.newToken();
        AccessTokens tokens = AccessTokens.fromConfig(with(List.of(
                Map.of("name", "vera", "role", "viewer", "sha256", AccessTokens.sha256Hex("something else")),
                Map.of("name", "ana", "role", "Analyst", "sha256", AccessTokens.sha256Hex(token).toUpperCase()))));
        assertThat(tokens.find(token)).hasValueSatisfying(h -> {
            assertThat(h.name()).isEqualTo("ana");
            assertThat(h.role()).isEqualTo(Role.ANALYST);
            assertThat(h.toString()).doesNotContain(AccessTokens.sha256Hex(token));
        });
        assertThat(tokens.find(token + "x")).isEmpty();
        assertThat(tokens.find("")).isEmpty();
        assertThat(tokens.find(null)).isEmpty();
        assertThat(tokens.find("x".repeat(10_000))).isEmpty();
        assertThat(token).startsWith("nw_").hasSize(46);
        assertThat(AccessTokens.newToken()).isNotEqualTo(token);
    }

    @Test
    void shouldRefuseABadEntryNamingItsFieldWithoutRepeatingTheDigest() {
        String bad = "not-a-digest-but-maybe-a-pasted-token";
        assertThatThrownBy(() -> AccessTokens.fromConfig(with(List.of(Map.of("name", "ana", "role", "viewer", "sha256", bad)))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.auth.tokens[0].sha256").hasMessageNotContaining(bad);
        assertThatThrownBy(() -> AccessTokens.fromConfig(with(List.of(Map.of("name", "ana", "role", "root", "sha256", "a".repeat(64))))))
                .hasMessageContaining("alerts.auth.tokens[0].role").hasMessageContaining("viewer, analyst or admin");
        assertThatThrownBy(() -> AccessTokens.fromConfig(with(List.of(Map.of("name", "ana", "role", "viewer", "sha256", "a".repeat(64)),
                Map.of("name", "ana", "role", "admin", "sha256", "b".repeat(64)))))).hasMessageContaining("[1].name 'ana' is used twice");
        assertThatThrownBy(() -> AccessTokens.fromConfig(with(List.of(Map.of("name", "ana", "role", "viewer", "sha256", "a".repeat(64), "token", "x")))))
                .hasMessageContaining("unknown field 'token'");
        assertThatThrownBy(() -> AccessTokens.fromConfig(with(List.of(Map.of("name", "<b>", "role", "viewer", "sha256", "a".repeat(64))))))
                .hasMessageContaining("[0].name");
    }

    @Test
    void shouldGiveEachRoleWhatTheRolesBelowItMayDo() {
        assertThat(Role.ADMIN.covers(Role.ANALYST)).isTrue();
        assertThat(Role.ANALYST.covers(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.covers(Role.ANALYST)).isFalse();
        assertThat(Role.ANALYST.covers(Role.ADMIN)).isFalse();
    }

    @Test
    void shouldExpireASessionUnusedForItsTtlAndCheckItsCsrfToken() {
        Instant[] now = {Instant.parse("2026-03-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Sessions sessions = new Sessions(Duration.ofHours(1), clock);
        Sessions.Session s = sessions.open(new AccessTokens.Holder("ana", Role.ANALYST, new byte[32]));
        assertThat(s.id()).isNotEqualTo(s.csrf());
        assertThat(Sessions.csrfMatches(s, s.csrf())).isTrue();
        assertThat(Sessions.csrfMatches(s, s.csrf() + "x")).isFalse();
        assertThat(Sessions.csrfMatches(s, null)).isFalse();
        now[0] = now[0].plus(Duration.ofMinutes(50));
        assertThat(sessions.find(s.id())).isPresent(); // used: the hour starts again
        now[0] = now[0].plus(Duration.ofMinutes(50));
        assertThat(sessions.find(s.id())).isPresent();
        now[0] = now[0].plus(Duration.ofMinutes(61));
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find("forged")).isEmpty();
    }
}
