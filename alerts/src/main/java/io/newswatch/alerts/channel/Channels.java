package io.newswatch.alerts.channel;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.net.EgressGuard;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the channels of {@code alerts.channels}: the one place where configuration becomes channels.
 *
 * <p>Every entry is checked before anything is sent: unknown fields, a missing URL, a webhook secret that is not
 * {@code whsec_}+base64, an address that is not an address, and a URL that the egress guard refuses (loopback,
 * private, link-local and metadata addresses unless {@code alerts.egressAllow} admits them) each stop start-up
 * with a {@link ConfigException} naming the key, e.g. {@code alerts.channels[1].url}. Secret values never appear
 * in a message.
 */
public final class Channels {
    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> COMMON = Set.of("id", "type", "since", "updates", "timeout", "maxAttempts", "backoff", "backoffMax");

    /** A channel and how it is delivered to. */
    public record Configured(ChannelSpec spec, AlertChannel channel) {
    }

    private Channels() {
    }

    /**
     * The configured channels, validated. Resolves webhook host names once, to apply the egress guard.
     *
     * @throws ConfigException naming the first bad key
     */
    public static List<Configured> fromConfig(Config config, Clock clock) {
        EgressGuard guard;
        try {
            guard = EgressGuard.allowing(config.get(AlertsConfig.EGRESS_ALLOW));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.origin(AlertsConfig.EGRESS_ALLOW) + ": invalid value for '" + AlertsConfig.EGRESS_ALLOW.name()
                    + "': " + e.getMessage());
        }
        List<Map<String, Object>> entries = config.get(AlertsConfig.CHANNELS);
        List<Configured> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigRecord r = new ConfigRecord(config, AlertsConfig.CHANNELS.name() + "[" + i + "]", entries.get(i));
            Configured c = build(r, guard, clock);
            if (!ids.add(c.spec().id())) {
                throw r.fail("id", "channel id '" + c.spec().id() + "' is used twice");
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static Configured build(ConfigRecord r, EgressGuard guard, Clock clock) {
        String id = r.required("id");
        if (!ID.matcher(id).matches()) {
            throw r.fail("id", "'" + id + "' must be 1-64 chars of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        String type = r.required("type");
        ChannelSpec spec = new ChannelSpec(id, type, r.instant("since"), r.bool("updates", true),
                r.duration("timeout", Duration.ofSeconds(10), Duration.ofMillis(100)), r.integer("maxAttempts", 8, 1, 100),
                r.duration("backoff", Duration.ofSeconds(1), Duration.ofMillis(10)), r.duration("backoffMax", Duration.ofMinutes(5), Duration.ofMillis(10)));
        AlertChannel channel = switch (type) {
            case "log" -> {
                r.only(COMMON);
                yield new LogChannel(id);
            }
            case "webhook" -> {
                r.only(union(COMMON, "url", "secret", "secrets"));
                List<String> secrets = new ArrayList<>();
                if (r.has("secret")) {
                    secrets.add(r.string("secret", null));
                }
                secrets.addAll(r.list("secrets"));
                if (secrets.isEmpty()) {
                    throw r.fail("secret", "a webhook needs a signing secret (secret: whsec_..., or secrets: [...] while rotating)");
                }
                WebhookSigner signer;
                try {
                    signer = WebhookSigner.of(secrets);
                } catch (IllegalArgumentException e) {
                    throw r.fail(r.has("secret") ? "secret" : "secrets", e.getMessage());
                }
                yield new WebhookChannel(id, endpoint(r, id, guard, spec.timeout()), signer, clock);
            }
            case "slack" -> {
                r.only(union(COMMON, "url"));
                yield SlackChannel.of(id, endpoint(r, id, guard, spec.timeout()));
            }
            case "teams" -> {
                r.only(union(COMMON, "url"));
                yield TeamsChannel.of(id, endpoint(r, id, guard, spec.timeout()));
            }
            case "email" -> {
                r.only(union(COMMON, "host", "port", "starttls", "trustCertificates", "username", "password", "from", "to"));
                String username = r.string("username", null);
                String password = r.string("password", null);
                if (username != null && password == null) {
                    throw r.fail("password", "a password is required with a username (e.g. password: ${env:SMTP_PASSWORD})");
                }
                List<String> to = r.list("to");
                if (to.isEmpty()) {
                    throw r.fail("to", "at least one recipient is required");
                }
                List<InternetAddress> recipients = new ArrayList<>();
                for (String t : to) {
                    recipients.add(address(r, "to", t));
                }
                String trust = r.string("trustCertificates", null);
                yield new EmailChannel(id, r.required("host"), r.integer("port", 587, 1, 65535), r.bool("starttls", true),
                        trust == null ? null : TrustedCertificates.socketFactory(r, "trustCertificates", trust), username, password,
                        address(r, "from", r.required("from")), recipients, spec.timeout());
            }
            default -> throw r.fail("type", "'" + type + "' is not a channel type (webhook, slack, teams, email, log)");
        };
        return new Configured(spec, channel);
    }

    private static HttpEndpoint endpoint(ConfigRecord r, String id, EgressGuard guard, Duration timeout) {
        String text = r.required("url");
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw r.fail("url", "not a URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw r.fail("url", "must be an http or https URL");
        }
        EgressGuard.Decision d = guard.check(url);
        if (d.verdict() == EgressGuard.Decision.Verdict.REFUSED) {
            throw r.fail("url", d.reason() + " (refused by the egress guard; admit it with alerts.egressAllow if it is meant)");
        } else if (d.verdict() == EgressGuard.Decision.Verdict.UNRESOLVABLE) {
            LOG.warn("channel {}: {}; deliveries will retry until it resolves", id, d.reason());
        }
        return new HttpEndpoint(id, url, timeout, guard);
    }

    private static InternetAddress address(ConfigRecord r, String field, String text) {
        try {
            InternetAddress a = new InternetAddress(text, true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw r.fail(field, "'" + text + "' is not an email address");
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(List.of(more));
        return s;
    }
}
