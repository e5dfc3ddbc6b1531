package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.config.Config;
import io.newswatch.model.topic.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, messages that say what to fix, and scan's output. No broker. */
class NewswatchCliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Newswatch.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void shouldPrintVersionAndHelpWithExitZero() {
        assertThat(run("--version").code()).isZero();
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run", "ingest", "process", "alerts", "scan");
    }

    @Test
    void shouldPrintANewTokenAndTheConfigEntryThatAdmitsItByItsHash() throws Exception {
        Result r = run("tokens", "new", "ana", "--role", "analyst");
        assertThat(r.code()).isZero();
        String token = r.out().lines().filter(l -> l.startsWith("token: ")).findFirst().orElseThrow().substring(7);
        assertThat(r.out()).contains("- {name: ana, role: analyst, sha256: " + AccessTokens.sha256Hex(token) + "}");
        assertThat(r.out().lines().filter(l -> l.contains(token)).count()).as("the token is printed once").isEqualTo(1);
        // the printed entry is a valid config that admits that token
        Path cfg = dir.resolve("tokens.yaml");
        Files.writeString(cfg, r.out().substring(r.out().indexOf("alerts:")));
        Config c = AllKeys.load(cfg, Map.of());
        assertThat(AccessTokens.fromConfig(c).find(token)).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("ana"));

        assertThat(run("tokens", "new", "ana", "--role", "root").code()).isEqualTo(2);
        assertThat(run("tokens", "new", "ana", "--role", "root").err()).contains("viewer, analyst or admin");
        assertThat(run("tokens", "new", "<ana>", "--role", "viewer").code()).isEqualTo(2);
        assertThat(run("tokens", "new", "ana").code()).isEqualTo(2);
    }

    @Test
    void shouldExitTwoOnUsageErrors() {
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("scan").code()).isEqualTo(2);
    }

    @Test
    void shouldExitTwoNamingTheKeyAndPositionOfABadConfig() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "alerts:\n  http:\n    prot: 8080\n");
        Result r = run("--config", cfg.toString(), "config");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:3:5: unknown key 'alerts.http.prot'", "did you mean 'alerts.http.port'?");
    }

    @Test
    void shouldExitTwoNamingTheKeyOfAValueOutOfRangeOrAnAlias() throws Exception {
        Path overflow = dir.resolve("overflow.yaml");
        Files.writeString(overflow, "topics:\n  dlq:\n    retention: 99999999999999999d\n");
        Path alias = dir.resolve("alias.yaml");
        Files.writeString(alias, "topics:\n  prefix: &p news\nalerts:\n  applicationId: *p\n");

        Result r = run("--config", overflow.toString(), "config");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("overflow.yaml:3:5: invalid value for 'topics.dlq.retention' (duration): out of range: '99999999999999999d'");
        Result a = run("--config", alias.toString(), "config");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("alias.yaml:4:18: YAML aliases (*p) are not supported");
    }

    @Test
    void shouldRefuseToRunAServiceWithoutKafka() throws Exception {
        Path cfg = dir.resolve("empty.yaml");
        Files.writeString(cfg, "");
        Result r = run("--config", cfg.toString(), "process");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no Kafka cluster configured", "--bootstrap-servers");
    }

    @Test
    void shouldRefuseToStartAlertsWithABadWebhookSecretNamingTheKeyButNotTheSecret() throws Exception {
        Path cfg = dir.resolve("alerts.yaml");
        Files.writeString(cfg, """
                alerts:
                  channels:
                    - id: desk-hook
                      type: webhook
                      url: https://hooks.example.org/newswatch
                      secret: "sk_live_not-a-webhook-secret"
                """);
        // the cluster address is never dialled: the channels are checked before any topic is touched
        Result r = run("--config", cfg.toString(), "alerts", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("configuration error", "alerts.yaml:", "'alerts.channels[0].secret'", "whsec_")
                .doesNotContain("sk_live_not-a-webhook-secret");
    }

    @Test
    void shouldRefuseToRunWithAPrivateWebhookAddressBeforeStartingTheBroker() throws Exception {
        Path cfg = dir.resolve("run.yaml");
        Path brokerData = dir.resolve("kafka");
        Files.writeString(cfg, """
                broker: {dataDir: %s, port: 0, controllerPort: 0}
                alerts:
                  channels:
                    - {id: log, type: log}
                    - id: desk-hook
                      type: webhook
                      url: http://10.1.2.3/hooks/newswatch
                      secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                """.formatted(brokerData));
        Result r = run("--config", cfg.toString(), "run");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("configuration error", "run.yaml:", "'alerts.channels[1].url'", "10.1.2.3", "alerts.egressAllow");
        assertThat(brokerData).doesNotExist();
    }

    @Test
    void shouldRejectAnInvalidRuleWithItsIdAndPosition() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                rules:
                  - id: broken-rule
                    query: 'drone AND (training OR'
                """);
        Result r = run("rules", "validate", rules.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken-rule", "rules.yaml:");
    }

    @Test
    void shouldScanTheDemoPagesIntoStoriesDuplicatesAndMatches() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String page : List.of("international-legion-latin-american-fpv-drone-pilots", "cartel-fears-latin-american-drone-pilots-ukraine",
                "legion-internacional-voluntarios-latinoamericanos-pilotos-drones-fpv", "kingsmere-harbour-festival-drone-light-show")) {
            Path f = dir.resolve(page + ".html");
            try (InputStream in = NewswatchCliTest.class.getResourceAsStream("/demo/pages/" + page + ".html")) {
                Files.write(f, in.readAllBytes());
            }
            files.add(f);
        }
        List<String> args = new ArrayList<>(List.of("scan"));
        files.forEach(f -> args.add(f.toString()));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        assertThat(lines).hasSize(4);
        JsonNode original = lines.get(0);
        JsonNode copy = lines.get(1);
        JsonNode spanish = lines.get(2);
        JsonNode lightShow = lines.get(3);
        for (JsonNode l : lines) {
            assertThat(l.fieldNames()).toIterable().containsExactly("file", "id", "title", "lang", "rules", "entities", "duplicateOf", "storyId");
        }
        assertThat(original.get("rules").findValuesAsText("id")).contains("drone-training");
        assertThat(original.get("entities").findValuesAsText("id")).isNotEmpty();
        assertThat(copy.get("duplicateOf").asText()).isEqualTo(original.get("id").asText());
        assertThat(spanish.get("lang").asText()).isEqualTo("es");
        assertThat(spanish.get("storyId").asText()).isEqualTo(original.get("storyId").asText());
        assertThat(spanish.get("duplicateOf").isNull()).isTrue();
        assertThat(lightShow.get("rules")).isEmpty();
        assertThat(lightShow.get("storyId").asText()).isNotEqualTo(original.get("storyId").asText());
    }
}
