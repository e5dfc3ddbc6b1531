package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The concurrency bound itself is observed against a real server in {@link ConditionalFetcherIT}. */
class HostPermitsTest {

    @Test
    void shouldForgetAHostOnceItsLastLeaseIsClosed() throws InterruptedException {
        HostPermits permits = new HostPermits(2, 4);

        HostPermits.Lease a1 = permits.acquire("news.example");
        HostPermits.Lease a2 = permits.acquire("NEWS.example");
        HostPermits.Lease b = permits.acquire("other.example");
        assertThat(permits.hostsTracked()).isEqualTo(2);
        assertThat(permits.globalAvailable()).isEqualTo(1);

        a1.close();
        assertThat(permits.hostsTracked()).isEqualTo(2);
        a2.close();
        b.close();
        assertThat(permits.hostsTracked()).isZero();
        assertThat(permits.globalAvailable()).isEqualTo(4);
    }

    @Test
    void shouldReleaseOnlyOnceWhenALeaseIsClosedTwice() throws InterruptedException {
        HostPermits permits = new HostPermits(1, 1);
        HostPermits.Lease lease = permits.acquire("news.example");

        lease.close();
        lease.close();

        assertThat(permits.globalAvailable()).isEqualTo(1);
        assertThat(permits.hostsTracked()).isZero();
    }

    @Test
    void shouldHoldNothingWhenInterruptedWhileWaiting() throws InterruptedException {
        HostPermits permits = new HostPermits(1, 1);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> permits.acquire("news.example")).isInstanceOf(InterruptedException.class);
        assertThat(permits.hostsTracked()).isZero();
        assertThat(permits.globalAvailable()).isEqualTo(1);
    }

    @Test
    void shouldRejectNonPositiveLimits() {
        assertThatThrownBy(() -> new HostPermits(0, 4))
                .hasMessage("permits must be > 0, were perHost 0, global 4");
    }
}
