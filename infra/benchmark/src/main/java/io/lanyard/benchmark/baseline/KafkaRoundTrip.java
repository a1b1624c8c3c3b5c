package io.lanyard.benchmark.baseline;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.load.Latency;
import io.lanyard.benchmark.report.Report;

/**
 * Kafka alone: a record produced with the platform publisher's settings ({@code acks=all}, idempotent,
 * {@code linger.ms=2}) and consumed by a consumer with the platform consumer's fetch settings, timed from send to
 * poll. Once one at a time, then at the propagation scenario's rate, which is the reference for its target.
 */
final class KafkaRoundTrip {

    private static final String TOPIC = "lanyard.benchmark.round-trip";
    private static final int PARTITIONS = 6;

    private KafkaRoundTrip() {
    }

    static void run(Bench bench) throws Exception {
        String bootstrap = bench.infrastructure().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Report report = bench.report();
        int rate = bench.options().propagationRate();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
             Receiver receiver = new Receiver(bootstrap)) {
            // warm the connection, metadata and the idempotent producer id
            Latency warm = new Latency();
            int warmUp = Math.min(200, bench.options().kafkaPings());
            receiver.expect(warm, warmUp);
            for (int i = 0; i < warmUp; i++) {
                producer.send(record(i)).get();
            }
            receiver.awaitExpected(Duration.ofSeconds(30));

            Latency sequential = new Latency();
            int pings = bench.options().kafkaPings();
            for (int i = 0; i < pings; i++) {
                receiver.expect(sequential, 1);
                producer.send(record(i));
                receiver.awaitExpected(Duration.ofSeconds(30));
            }
            report.info(BaselineScenario.NAME, "Kafka round trip p50, one at a time", sequential.p50(), "ms");
            report.info(BaselineScenario.NAME, "Kafka round trip p99, one at a time", sequential.p99(), "ms");

            Latency atRate = new Latency();
            Duration duration = bench.options().propagationDuration();
            int records = (int) (rate * duration.toSeconds());
            receiver.expect(atRate, records);
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                producer.send(record(i));
            }
            boolean complete = receiver.awaitExpected(Duration.ofSeconds(60));
            report.info(BaselineScenario.NAME, "Kafka round trip p50 at " + rate + " records/s", atRate.p50(), "ms");
            report.info(BaselineScenario.NAME, "Kafka round trip p99 at " + rate + " records/s", atRate.p99(), "ms");
            bench.kafkaRoundTripP99AtRate(atRate.p99());
            report.note(BaselineScenario.NAME, String.format(Locale.ROOT, "Kafka: %d sequential round trips, then "
                            + "%d records at %d/s over %d partitions (%s); keyed by a rotating conference-like key.",
                    pings, records, rate, PARTITIONS, complete ? "all received" : "NOT all received within 60 s"));
        }
    }

    private static ProducerRecord<String, byte[]> record(int i) {
        ByteBuffer value = ByteBuffer.allocate(320);
        value.putLong(System.nanoTime());
        return new ProducerRecord<>(TOPIC, "conference-" + (i % 64), value.array());
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Polls every partition from its end and records each value's age, counting down what it was told to expect. */
    private static final class Receiver implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong remaining = new AtomicLong();
        private final Semaphore arrived = new Semaphore(0);
        private final CountDownLatch assigned = new CountDownLatch(1);
        private volatile Latency target;
        private volatile int expected;

        Receiver(String bootstrap) throws InterruptedException {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark-round-trip",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            thread = Thread.ofPlatform().name("benchmark-kafka-receiver").daemon().start(() -> {
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long sent = ByteBuffer.wrap(record.value()).getLong();
                        Latency into = target;
                        if (into != null) {
                            into.record(System.nanoTime() - sent);
                        }
                        if (remaining.decrementAndGet() >= 0) {
                            arrived.release();
                        }
                    }
                }
            });
            if (!assigned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the round-trip consumer got no partitions");
            }
        }

        void expect(Latency into, int records) {
            arrived.drainPermits();
            remaining.set(records);
            expected = records;
            target = into;
        }

        boolean awaitExpected(Duration timeout) throws InterruptedException {
            return arrived.tryAcquire(expected, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
