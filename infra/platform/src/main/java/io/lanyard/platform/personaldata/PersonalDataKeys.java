package io.lanyard.platform.personaldata;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each person's data key, in the service's own {@code personal_data_key} table: created on first use, cached, and
 * destroyed by an erasure, which leaves a row without a key so that the person's data is never encrypted again
 * under a new one. The keys are read and written in the caller's transaction (the event store's, when an event
 * is serialized): a key created by a transaction that rolls back is never cached, so nothing is ever encrypted
 * under a key that the table does not keep.
 */
public class PersonalDataKeys {

    private static final int KEY_BYTES = 32;

    /** A person's key, or the knowledge that it was destroyed. */
    private record KeyState(SecretKey key) {
        static final KeyState ERASED = new KeyState(null);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, KeyState> cache;

    public PersonalDataKeys(JdbcClient jdbc, Clock clock, PersonalDataProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cachedKeys())
                .expireAfterWrite(properties.keyCacheTtl())
                .build();
    }

    /** The key to encrypt the subject's data with, created now if they have none; empty once they were erased. */
    public Optional<SecretKey> keyForWriting(String subject) {
        KeyState cached = cache.getIfPresent(subject);
        if (cached != null) {
            return Optional.ofNullable(cached.key());
        }
        Optional<KeyState> stored = load(subject);
        if (stored.isPresent()) {
            return Optional.ofNullable(stored.get().key());
        }
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        // Two transactions creating one person's key at once: the second waits for the first and keeps its key.
        jdbc.sql("insert into personal_data_key (subject, data_key, created_at) values (?, ?, ?) "
                        + "on conflict (subject) do nothing")
                .params(subject, fresh, Timestamp.from(clock.instant()))
                .update();
        return Optional.ofNullable(load(subject).orElseThrow().key());
    }

    /** The key to decrypt the subject's data with; empty when it was destroyed (or never existed). */
    public Optional<SecretKey> keyForReading(String subject) {
        KeyState cached = cache.getIfPresent(subject);
        if (cached != null) {
            return Optional.ofNullable(cached.key());
        }
        return load(subject).map(KeyState::key);
    }

    /**
     * Destroys the subject's key: their data, wherever it was written under it, can no longer be read.
     *
     * @return whether this erased anything; false when the subject was already erased
     */
    public boolean destroy(String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        int erased = jdbc.sql("update personal_data_key set data_key = null, erased_at = ? "
                        + "where subject = ? and erased_at is null")
                .params(now, subject)
                .update();
        int tombstone = erased > 0 ? 0 : jdbc.sql("insert into personal_data_key (subject, data_key, created_at, "
                        + "erased_at) values (?, null, ?, ?) on conflict (subject) do nothing")
                .params(subject, now, now)
                .update();
        cache.put(subject, KeyState.ERASED);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    // a reader may have cached the key between the update and the commit; a rollback keeps it
                    cache.invalidate(subject);
                }
            });
        }
        return erased + tombstone > 0;
    }

    /** Whether the subject's key was destroyed. */
    public boolean isErased(String subject) {
        KeyState cached = cache.getIfPresent(subject);
        if (cached != null) {
            return cached.key() == null;
        }
        return load(subject).map(state -> state.key() == null).orElse(false);
    }

    private Optional<KeyState> load(String subject) {
        Optional<KeyState> stored = jdbc.sql("select data_key from personal_data_key where subject = ?")
                .param(subject)
                .query((rs, n) -> {
                    byte[] key = rs.getBytes("data_key");
                    return key == null ? KeyState.ERASED : new KeyState(new SecretKeySpec(key, "AES"));
                })
                .optional();
        stored.ifPresent(state -> cacheOnceCommitted(subject, state));
        return stored;
    }

    /**
     * A row read inside a transaction may be that transaction's own uncommitted key; it is cached only once the
     * transaction commits.
     */
    private void cacheOnceCommitted(String subject, KeyState state) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.put(subject, state);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.asMap().putIfAbsent(subject, state);
            }
        });
    }
}
