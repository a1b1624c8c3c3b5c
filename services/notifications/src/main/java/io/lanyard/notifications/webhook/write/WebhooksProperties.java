package io.lanyard.notifications.webhook.write;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lanyard.platform.personaldata.NotPersonalData;

/**
 * @param allowPrivate     receivers may be on loopback, link-local, private, multicast or unspecified addresses
 *                         ({@code LANYARD_WEBHOOKS_ALLOW_PRIVATE}); only the dev profile sets it, for local receivers
 * @param allowedAddresses address ranges ({@code 10.1.2.0/24}, {@code 127.0.0.2/32}) allowed although private: an
 *                         operator's own receiver inside the network, without opening every internal address
 * @param timeout          how long a receiver has to answer one delivery
 * @param retryPauses      the pauses between attempts; their sum (about three days) is how long a delivery is tried
 * @param lease            how long a claimed delivery is kept from other instances; outlasts one attempt
 *                         (connecting and being answered, each within the timeout)
 * @param pollInterval     how often each instance looks for due deliveries
 * @param concurrency      deliveries in flight at once per instance (each receiver has at most one of them)
 */
@ConfigurationProperties("lanyard.webhooks")
public record WebhooksProperties(
        @DefaultValue("false") boolean allowPrivate,
        @NotPersonalData("CIDR ranges of the operator's own receivers, not a person's address")
        @DefaultValue List<String> allowedAddresses,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h", "14h", "14h", "16h"}) List<Duration> retryPauses,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("16") int concurrency) {

    public WebhooksProperties {
        // an attempt may take the timeout to connect and the timeout again to be answered
        if (!lease.minus(timeout.multipliedBy(2)).isPositive()) {
            throw new IllegalArgumentException("lanyard.webhooks.lease (" + lease
                    + ") must outlast twice lanyard.webhooks.timeout (" + timeout + "): a delivery still in flight"
                    + " when its lease runs out could be sent a second time at once");
        }
    }
}
