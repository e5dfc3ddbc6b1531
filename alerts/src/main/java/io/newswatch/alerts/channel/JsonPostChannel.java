package io.newswatch.alerts.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.DeliveryException;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.topic.Json;
import java.util.Map;
import java.util.function.Function;

/**
 * A channel that posts one JSON message per notice to an HTTP endpoint, the message built by a function of the
 * notice (Slack's Block Kit, Teams' Adaptive Card). The endpoint does the egress check, timeouts and the status
 * handling. Thread-safe when the endpoint is.
 */
final class JsonPostChannel implements AlertChannel {
    private final String id;
    private final HttpEndpoint endpoint;
    private final Function<Notice, ObjectNode> message;

    JsonPostChannel(String id, HttpEndpoint endpoint, Function<Notice, ObjectNode> message) {
        this.id = id;
        this.endpoint = endpoint;
        this.message = message;
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public void deliver(Notice n) throws DeliveryException {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(message.apply(n));
        } catch (JsonProcessingException e) {
            throw new DeliveryException("channel " + id + ": cannot write message: " + e.getMessage(), false, e);
        }
        endpoint.post(body, Map.of());
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
