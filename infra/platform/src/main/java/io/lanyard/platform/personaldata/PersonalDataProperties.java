package io.lanyard.platform.personaldata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cachedKeys how many persons' keys an instance keeps in memory
 * @param keyCacheTtl how long a cached key is trusted: an erasure made through another instance of the service
 *                    takes effect here after at most this long (the erasing instance forgets its copy at once, but a
 *                    read that loaded the key just before the erasure committed may cache it again, for as long)
 */
@ConfigurationProperties("lanyard.personal-data")
public record PersonalDataProperties(
        @DefaultValue("10000") long cachedKeys,
        @DefaultValue("60s") Duration keyCacheTtl) {
}
