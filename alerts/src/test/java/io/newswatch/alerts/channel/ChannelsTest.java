package io.newswatch.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.TopicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channel configuration is refused at start-up with the key named; the delivery ITs in the app module use it for real. */
class ChannelsTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    Config load(String yaml, Map<String, String> env) throws Exception {
        Path f = dir.resolve("newswatch.yaml");
        Files.writeString(f, yaml);
        List<io.newswatch.config.ConfigKey<?>> keys = new ArrayList<>(TopicKeys.KEYS);
        keys.addAll(AlertsConfig.KEYS);
        return Config.load(f, env, keys);
    }

    @Test
    void shouldBuildEveryChannelTypeWithSecretsFromTheEnvironment() throws Exception {
        Config c = load("""
                alerts:
                  egressAllow: [127.0.0.0/8]
                  channels:
                    - id: desk-hook
                      type: webhook
                      url: http://127.0.0.1:9/hook
                      secret: ${env:HOOK_SECRET}
                    - {id: slack, type: slack, url: "http://127.0.0.1:9/slack"}
                    - {id: teams, type: teams, url: "http://127.0.0.1:9/teams"}
                    - id: mail
                      type: email
                      host: smtp.example.org
                      username: desk
                      password: ${env:SMTP_PASSWORD}
                      from: newswatch@example.org
                      to: [desk@example.org, lead@example.org]
                    - {id: log, type: log}
                """, Map.of("HOOK_SECRET", SECRET, "SMTP_PASSWORD", "s3cret-pw"));
        List<Channels.Configured> channels = Channels.fromConfig(c, Clock.systemUTC());
        assertThat(channels).extracting(ch -> ch.spec().id()).containsExactly("desk-hook", "slack", "teams", "mail", "log");
        assertThat(AlertsConfig.CHANNELS.type().print(c.get(AlertsConfig.CHANNELS))).doesNotContain(SECRET, "s3cret-pw", "/hook")
                .contains("****");
        channels.forEach(ch -> ch.channel().close());
    }

    @Test
    void shouldRefuseABadSecretNamingTheKey() throws Exception {
        Config c = load("""
                alerts:
                  channels:
                    - {id: hook, type: webhook, url: "https://hooks.example.org/x", secret: "not-a-secret-value"}
                """, Map.of());
        assertThatThrownBy(() -> Channels.fromConfig(c, Clock.systemUTC())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'alerts.channels[0].secret'").hasMessageContaining("whsec_").hasMessageNotContaining("not-a-secret-value")
                .hasMessageContaining("newswatch.yaml:");
    }

    @Test
    void shouldRefuseAPrivateAddressNamingTheKey() throws Exception {
        Config c = load("""
                alerts:
                  channels:
                    - {id: ok, type: log}
                    - {id: hook, type: slack, url: "http://10.1.2.3/services/T/B/X"}
                """, Map.of());
        assertThatThrownBy(() -> Channels.fromConfig(c, Clock.systemUTC())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'alerts.channels[1].url'").hasMessageContaining("private").hasMessageContaining("alerts.egressAllow");
    }

    @Test
    void shouldRefuseAnUnsetEnvironmentVariableAndAnUnknownField() throws Exception {
        assertThatThrownBy(() -> load("""
                alerts:
                  channels:
                    - {id: hook, type: webhook, url: "https://hooks.example.org/x", secret: "${env:MISSING_SECRET}"}
                """, Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("alerts.channels[0].secret")
                .hasMessageContaining("MISSING_SECRET");
        Config c = load("""
                alerts:
                  channels:
                    - {id: log, type: log, colour: red}
                """, Map.of());
        assertThatThrownBy(() -> Channels.fromConfig(c, Clock.systemUTC())).hasMessageContaining("unknown key 'alerts.channels[0].colour'");
    }
}
