package io.lanyard.platform.apidocs;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What each service's OpenAPI document says about itself; {@code servers} empty means the URL it was fetched from. */
@ConfigurationProperties("lanyard.api-docs")
public record ApiDocsProperties(@DefaultValue("1.1") String version,
                                @DefaultValue("Lanyard maintainers") String contactName,
                                @DefaultValue("https://github.com/lanyard-conf/lanyard") String contactUrl,
                                @DefaultValue("Apache-2.0") String licenseName,
                                @DefaultValue("https://www.apache.org/licenses/LICENSE-2.0") String licenseUrl,
                                @DefaultValue List<String> servers) {
}
