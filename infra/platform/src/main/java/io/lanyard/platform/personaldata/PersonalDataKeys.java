package io.lanyard.platform.personaldata;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.lanyard.platform.ids.StripedSecureRandom;

/**
 * Each person's data key, in the service's own {@code personal_data_key} table: created on first use, cached, and
 * destroyed by an erasure, which leaves a row without a key so that the person's data is never encrypted again
 * under a new one. The keys are read and written in the caller's transaction (the event store's, when an event
 * is serialized): a key created by a transaction that rolls back is never cached, so nothing is ever encrypted
 * under a key that the table does not keep.
 */
public class PersonalDataKeys {

    private static final int KEY_BYTES = 32;
    /** How many keys a miss reads ahead, in the order they were made. */
    private static final int READ_AHEAD = 500;
    private static final Object READ_AHEAD_RESOURCE = new Object();

    /** A person's key, or the knowledge that it was destroyed. */
    private record KeyState(SecretKey key) {
        static final KeyState ERASED = new KeyState(null);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StripedSecureRandom random = new StripedSecureRandom();
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
        // The insert answers with the key it stored, so a new person's key costs no second read.
        Optional<KeyState> created = jdbc.sql("insert into personal_data_key (subject, data_key, created_at) "
                        + "values (?, ?, ?) on conflict (subject) do nothing returning data_key")
                .params(subject, fresh, Timestamp.from(clock.instant()))
                .query((rs, n) -> state(rs.getBytes("data_key")))
                .optional();
        if (created.isPresent()) {
            cacheOnceCommitted(subject, created.get());
            return Optional.ofNullable(created.get().key());
        }
        return Optional.ofNullable(load(subject).orElseThrow().key());
    }

    /**
     * The key to decrypt the subject's data with; empty when it was destroyed (or never existed). A miss reads the
     * keys made after this one along with it: events are read in the order they were written, and each person's key
     * was made with their first event, so a stream of events (a replay, a processor catching up) finds the next
     * persons' keys already read instead of asking the database once per person.
     */
    public Optional<SecretKey> keyForReading(String subject) {
        // the cache first: an erasure puts its mark there at once, also over a key this transaction read ahead
        KeyState cached = cache.getIfPresent(subject);
        if (cached != null) {
            return Optional.ofNullable(cached.key());
        }
        Map<String, KeyState> readAhead = readAheadInThisTransaction();
        if (readAhead != null && readAhead.containsKey(subject)) {
            return Optional.ofNullable(readAhead.get(subject).key());
        }
        Map<String, KeyState> read = new HashMap<>();
        jdbc.sql("select subject, data_key from personal_data_key where (created_at, subject) >= "
                        + "(select created_at, subject from personal_data_key where subject = ?) "
                        + "order by created_at, subject limit ?")
                .params(subject, READ_AHEAD)
                .query((rs, n) -> read.put(rs.getString("subject"), state(rs.getBytes("data_key"))))
                .list();
        read.forEach((s, state) -> cacheOnceCommitted(s, state));
        if (readAhead != null) {
            readAhead.putAll(read);
        }
        return Optional.ofNullable(read.get(subject)).map(KeyState::key);
    }

    /**
     * Keys read ahead in the current transaction, which may use them at once: what it reads stays valid for it. They
     * join the shared cache only when it commits, like every key read in a transaction.
     */
    private static Map<String, KeyState> readAheadInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, KeyState> bound = (Map<String, KeyState>) TransactionSynchronizationManager
                .getResource(READ_AHEAD_RESOURCE);
        if (bound == null) {
            Map<String, KeyState> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(READ_AHEAD_RESOURCE, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ_AHEAD_RESOURCE);
                }
            });
            return fresh;
        }
        return bound;
    }

    private static KeyState state(byte[] key) {
        return key == null ? KeyState.ERASED : new KeyState(new SecretKeySpec(key, "AES"));
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
                .query((rs, n) -> state(rs.getBytes("data_key")))
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
