package io.lanyard.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keeps_what_it_holds_through_garbage_collections_that_clear_weak_references() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        WeakReference<Object> cached = cacheSomethingOnlyTheCacheHolds(cache);

        // System.gc() is only a request: go on asking until a collection has cleared an unreachable object
        WeakReference<Object> unreachable = new WeakReference<>(new Object());
        await("a collection that clears weak references").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    System.gc();
                    return unreachable.get() == null;
                });

        assertThat(cached.get()).as("the cached value, referenced by the cache alone").isNotNull();
        assertThat(cache.containsKey("segment-1")).isTrue();
        assertThat((Object) cache.get("segment-1")).isSameAs(cached.get());
    }

    /** In a method of its own, so that no local variable of the test keeps the value reachable. */
    private static WeakReference<Object> cacheSomethingOnlyTheCacheHolds(BoundedAggregateCache cache) {
        Object value = new Object();
        cache.put("segment-1", value);
        return new WeakReference<>(value);
    }

    @Test
    void holds_no_more_than_its_size_and_tells_listeners_what_it_dropped() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<Object> expired = new CopyOnWriteArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });

        IntStream.range(0, 50).forEach(i -> cache.put("segment-" + i, i));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            long held = IntStream.range(0, 50).filter(i -> cache.containsKey("segment-" + i)).count();
            assertThat(held).isLessThanOrEqualTo(10);
            assertThat(expired).hasSize(50 - (int) held);
        });
    }

    @Test
    void tells_listeners_of_creation_update_read_and_removal() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<String> seen = new CopyOnWriteArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key + "=" + value);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key + "=" + value);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                seen.add("read " + key + "=" + value);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        cache.<String, Integer>get("a");
        cache.<Integer>computeIfPresent("a", v -> v + 1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        registration.cancel();
        cache.put("b", 1);

        assertThat(seen).containsExactly("created a=1", "updated a=2", "read a=2", "updated a=3", "removed a");
    }
}
