package io.newswatch.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.DeliveryException;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;
import io.newswatch.model.topic.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed JSON webhook. The body is a CloudEvents 1.0 structured-mode envelope ({@code specversion}, {@code id},
 * {@code source}, {@code type} {@code io.newswatch.alert.raised|updated|digest}, {@code subject} the alert id,
 * {@code time}, {@code data}); {@code data} is the alert as on {@code newswatch.alerts} plus {@code outletCount},
 * {@code languageCount} and {@code followUp}, or for a digest the policy, window and alerts.
 *
 * <p>Headers follow Standard Webhooks 1.0: {@code webhook-id} is the notice's delivery id, the same on every
 * retry and after a restart (the receiver's idempotency key); {@code webhook-timestamp} is the attempt's Unix time
 * and {@code webhook-signature} signs {@code id.timestamp.body} with every configured secret.
 */
final class WebhookChannel implements AlertChannel {
    static final String SOURCE = "/newswatch/alerts";
    private final String id;
    private final HttpEndpoint endpoint;
    private final WebhookSigner signer;
    private final Clock clock;

    WebhookChannel(String id, HttpEndpoint endpoint, WebhookSigner signer, Clock clock) {
        this.id = id;
        this.endpoint = endpoint;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public void deliver(Notice n) throws DeliveryException {
        byte[] body = body(n);
        long ts = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", n.deliveryId());
        headers.put("webhook-timestamp", Long.toString(ts));
        headers.put("webhook-signature", signer.sign(n.deliveryId(), ts, body));
        endpoint.post(body, headers);
    }

    static byte[] body(Notice n) {
        ObjectNode env = Json.mapper().createObjectNode();
        env.put("specversion", "1.0");
        env.put("id", n.deliveryId());
        env.put("source", SOURCE);
        env.put("type", switch (n.kind()) {
            case ALERT -> "io.newswatch.alert.raised";
            case UPDATE -> "io.newswatch.alert.updated";
            case DIGEST -> "io.newswatch.alert.digest";
        });
        env.put("datacontenttype", "application/json");
        if (n.kind() == Notice.Kind.DIGEST) {
            env.put("subject", n.policy());
            env.put("time", n.windowEnd().toString());
            ObjectNode data = env.putObject("data");
            data.put("policy", n.policy());
            data.put("windowStart", n.windowStart().toString());
            data.put("windowEnd", n.windowEnd().toString());
            data.put("count", n.alerts().size());
            ArrayNode alerts = data.putArray("alerts");
            n.alerts().forEach(a -> alerts.add(alertNode(a)));
        } else {
            Alert a = n.alert();
            env.put("subject", a.alertId());
            if (a.updatedAt() != null) {
                env.put("time", a.updatedAt().toString());
            }
            env.set("data", alertNode(a));
        }
        try {
            return Json.mapper().writeValueAsBytes(env);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write webhook body: " + e.getMessage(), e);
        }
    }

    private static ObjectNode alertNode(Alert a) {
        ObjectNode node = Json.mapper().valueToTree(a);
        node.put("outletCount", a.outlets().size());
        node.put("languageCount", a.languages().size());
        node.put("followUp", a.isUpdate());
        return node;
    }

    @Override
    public void close() {
        endpoint.close();
    }

    @Override
    public String toString() {
        return "webhook " + id + " -> " + endpoint.host();
    }
}
