package io.lanyard.notifications.webhook.write;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The guard's classification, without DNS beyond the local name: literal addresses and localhost. */
class ReceiverAddressesTest {

    private static ReceiverAddresses guard(boolean allowPrivate, String... allowed) {
        return new ReceiverAddresses(new WebhooksProperties(allowPrivate, List.of(allowed), Duration.ofSeconds(15),
                List.of(Duration.ofSeconds(5)), Duration.ofSeconds(60), Duration.ofSeconds(1), 4));
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1/in, a loopback",
            "http://10.0.0.1/in, a private",
            "http://169.254.169.254/latest/meta-data/, a link-local",
            "'http://[::1]/in', a loopback",
            "http://localhost/in, a loopback",
            "http://172.31.255.255/in, a private",
            "http://192.168.0.1/in, a private",
            "'http://[fc00::1]/in', a private",
            "'http://[fe80::1]/in', a link-local",
            "'http://[::ffff:127.0.0.1]/in', a loopback",
            "http://224.0.0.251/in, a multicast",
            "http://0.0.0.0/in, an unspecified",
            "http://100.100.100.200/in, a private"})
    void refuses_addresses_inside_the_network(String url, String kind) {
        assertThatThrownBy(() -> guard(false).check(URI.create(url)))
                .isInstanceOf(ReceiverAddresses.RefusedReceiverException.class)
                .hasMessageContaining("resolves to")
                .hasMessageContaining(kind + " address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/in", "http://10.0.0.1/in", "http://[::1]/in", "http://localhost/in"})
    void the_dev_switch_allows_them(String url) {
        assertThatCode(() -> guard(true).check(URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void an_allowed_range_opens_only_itself() throws Exception {
        ReceiverAddresses guard = guard(false, "10.1.2.0/24");

        guard.check(URI.create("http://10.1.2.3/in"));
        assertThatThrownBy(() -> guard.check(URI.create("http://10.1.3.3/in")))
                .isInstanceOf(ReceiverAddresses.RefusedReceiverException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/in", "http://8.8.8.8:8080/in", "https://[2606:4700::1111]/in"})
    void public_addresses_pass(String url) {
        assertThatCode(() -> guard(false).check(URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        assertThatThrownBy(() -> guard(false).check(URI.create("http://no-such-host.invalid/in")))
                .hasMessageContaining("does not resolve");
    }
}
