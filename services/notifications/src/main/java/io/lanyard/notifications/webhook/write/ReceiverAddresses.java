package io.lanyard.notifications.webhook.write;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The guard against server-side request forgery: a webhook makes this service send requests to an address an
 * organizer chose, and from inside the network that could be the cloud's metadata endpoint, a database's admin port
 * or the service itself. So the receiver's host is resolved and every address it resolves to must be a public one,
 * unless private ones are allowed ({@code lanyard.webhooks.allow-private}) or the address is in a range an operator
 * allowed. Asked at registration and again before each delivery, since what a name resolves to can change.
 */
@Component
public class ReceiverAddresses {

    /** Why a receiver may not be called; the message names the address and what kind it is. */
    public static class RefusedReceiverException extends Exception {
        RefusedReceiverException(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final List<IpAddressMatcher> allowed;

    public ReceiverAddresses(WebhooksProperties properties) {
        this.allowPrivate = properties.allowPrivate();
        this.allowed = properties.allowedAddresses().stream().map(IpAddressMatcher::new).toList();
    }

    /** Resolves {@code url}'s host; refuses it when an address it resolves to is not one to call. */
    public void check(URI url) throws RefusedReceiverException {
        String host = url.getHost();
        if (host == null) {
            throw new RefusedReceiverException("the URL names no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedReceiverException(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = restrictedKind(address);
            if (kind.isPresent() && !allowPrivate && !isAllowed(address)) {
                throw new RefusedReceiverException(host + " resolves to " + address.getHostAddress() + ", "
                        + kind.get() + " address; webhooks are sent only to public addresses");
            }
        }
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(range -> range.matches(address.getHostAddress()));
    }

    /** What sort of address no webhook is sent to, if {@code address} is one. */
    static Optional<String> restrictedKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedOrReserved(address)) {
            return Optional.of("a private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
            return Optional.of("an IPv4-compatible");
        }
        return Optional.empty();
    }

    /** fc00::/7, IPv6's private range, which {@link InetAddress#isSiteLocalAddress} (fec0::/10) does not cover. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64/10 (carrier-grade NAT, inside many clouds) and 0/8 (this network), which Java calls public. */
    private static boolean isSharedOrReserved(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 4) {
            return false;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || first == 100 && second >= 64 && second < 128;
    }

    /** Only absolute http and https URLs name a receiver. */
    static Optional<String> malformed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials; deliveries are signed instead");
        }
        return Optional.empty();
    }
}
