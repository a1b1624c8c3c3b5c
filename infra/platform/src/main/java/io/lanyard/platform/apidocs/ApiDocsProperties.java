package io.lanyard.platform.apidocs;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each service's OpenAPI document says about itself; {@code servers} empty means the URL it was fetched from.
 * The contact and the licence are the deployment's to state ({@code LANYARD_APIDOCS_CONTACTURL},
 * {@code LANYARD_APIDOCS_LICENSENAME}, …): the defaults claim nothing. A licence names an SPDX identifier or a URL,
 * never both (OpenAPI 3.1); the identifier, SPDX's {@code NOASSERTION} by default, is left out when a URL is given.
 */
@ConfigurationProperties("lanyard.api-docs")
public record ApiDocsProperties(@DefaultValue("1.1") String version,
                                @DefaultValue("Lanyard maintainers") String contactName,
                                String contactUrl,
                                @DefaultValue("not stated; ask the operator of this deployment") String licenseName,
                                String licenseUrl,
                                @DefaultValue("NOASSERTION") String licenseIdentifier,
                                @DefaultValue List<String> servers) {
}
