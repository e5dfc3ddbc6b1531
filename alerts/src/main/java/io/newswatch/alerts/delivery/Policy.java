package io.newswatch.alerts.delivery;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.channel.ConfigRecord;
import io.newswatch.config.Config;
import io.newswatch.model.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A routing policy ({@code alerts.policies[]}): which alerts go to which channels, and how often. An alert matches
 * when every criterion that is set holds: its rule is in {@code rules}, its severity in {@code severities}, its
 * language in {@code languages}, and one of its entities in {@code entities}. A matching alert goes to the
 * policy's {@code channels}, at most {@code throttle.max} per {@code throttle.window} (tumbling windows of stream
 * time); the rest of a window is rolled into one digest at its end, never dropped. With {@code digest: hourly}
 * or {@code daily} every matching alert goes into that digest only. Immutable.
 *
 * @param id          the policy's name (in digests and logs)
 * @param channels    channel ids it sends to
 * @param rules       rule ids, empty = any
 * @param severities  severities, lower case, empty = any
 * @param languages   language codes, empty = any
 * @param entities    entity ids, empty = any
 * @param throttleMax alerts per window sent one by one; 0 = no throttle
 * @param window      the throttle window
 * @param digestEvery {@code 1h} or {@code 1d} for a digest-only policy, else {@code null}
 */
public record Policy(String id, Set<String> channels, Set<String> rules, Set<String> severities, Set<String> languages, Set<String> entities,
                     int throttleMax, Duration window, Duration digestEvery) {

    public Policy {
        channels = Set.copyOf(channels);
        rules = Set.copyOf(rules);
        severities = Set.copyOf(severities);
        languages = Set.copyOf(languages);
        entities = Set.copyOf(entities);
    }

    /** Whether {@code a} is one of this policy's alerts. */
    public boolean matches(Alert a) {
        return (rules.isEmpty() || rules.contains(a.ruleId()))
                && (severities.isEmpty() || (a.severity() != null && severities.contains(a.severity().toLowerCase(Locale.ROOT))))
                && (languages.isEmpty() || (a.lang() != null && languages.contains(a.lang())))
                && (entities.isEmpty() || a.entities().stream().anyMatch(e -> entities.contains(e.id())));
    }

    /**
     * The policies of {@code alerts.policies}, checked against the channel ids.
     *
     * @throws io.newswatch.config.ConfigException naming the bad key
     */
    public static List<Policy> fromConfig(Config config, Set<String> channelIds) {
        List<Map<String, Object>> entries = config.get(AlertsConfig.POLICIES);
        List<Policy> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigRecord r = new ConfigRecord(config, AlertsConfig.POLICIES.name() + "[" + i + "]", entries.get(i));
            r.only(Set.of("id", "channels", "rules", "severities", "languages", "entities", "throttle", "digest"));
            String id = r.string("id", "policy-" + (i + 1));
            if (!ids.add(id)) {
                throw r.fail("id", "policy id '" + id + "' is used twice");
            }
            List<String> channels = r.list("channels");
            if (channels.isEmpty()) {
                throw r.fail("channels", "a policy needs at least one channel id");
            }
            for (String c : channels) {
                if (!channelIds.contains(c)) {
                    throw r.fail("channels", "no channel with id '" + c + "' (channels: " + channelIds.stream().sorted().toList() + ")");
                }
            }
            int max = 0;
            Duration window = Duration.ofHours(1);
            ConfigRecord throttle = r.child("throttle");
            if (throttle != null) {
                throttle.only(Set.of("max", "window"));
                max = throttle.integer("max", 10, 1, 1_000_000);
                window = throttle.duration("window", Duration.ofHours(1), Duration.ofSeconds(1));
            }
            String digest = r.string("digest", null);
            Duration every = null;
            if (digest != null) {
                every = switch (digest.toLowerCase(Locale.ROOT)) {
                    case "hourly" -> Duration.ofHours(1);
                    case "daily" -> Duration.ofDays(1);
                    default -> throw r.fail("digest", "'" + digest + "' must be hourly or daily");
                };
            }
            out.add(new Policy(id, Set.copyOf(channels), Set.copyOf(r.list("rules")),
                    Set.copyOf(r.list("severities").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()), Set.copyOf(r.list("languages")),
                    Set.copyOf(r.list("entities")), max, window, every));
        }
        return List.copyOf(out);
    }
}
