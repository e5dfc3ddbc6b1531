package io.newswatch.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void shouldSignTheStandardWebhooksExample() {
        // the example message of the Standard Webhooks reference libraries
        WebhookSigner s = WebhookSigner.of(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThat(s.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldSignWithEverySecretWhileRotating() {
        WebhookSigner s = WebhookSigner.of(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_" + "A".repeat(40)));
        assertThat(s.sign("id", 1L, new byte[0]).split(" ")).hasSize(2).allSatisfy(sig -> assertThat(sig).startsWith("v1,"));
    }

    @Test
    void shouldRefuseAMalformedSecretWithoutRepeatingIt() {
        assertThatThrownBy(() -> WebhookSigner.of(List.of("hunter2-not-a-secret"))).hasMessageContaining("must start with whsec_")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WebhookSigner.of(List.of("whsec_!!!!"))).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> WebhookSigner.of(List.of("whsec_c2hvcnQ="))).hasMessageContaining("24 to 64 bytes");
    }
}
