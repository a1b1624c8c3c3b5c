package io.lanyard.platform.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.platform.web.NotFoundException;

/**
 * Rebuilds a read model from the event store. Read models here are subscribing processors, updated in each
 * command's transaction, so there is no token to reset; instead one database transaction
 * <ol>
 *   <li>locks the read model's tables in {@code EXCLUSIVE} mode: reads go on (and see the old rows until the end),
 *       but every command that would write them waits, so no event is applied twice or missed;</li>
 *   <li>empties the tables and calls the handlers' {@code @ResetHandler}s;</li>
 *   <li>reads every event in the store in global order, in the same transaction, and gives each one the group's
 *       handlers can handle to them, as the subscribing processor would have; their writes to the tables are
 *       deferred and sent as JDBC batches ({@link WriteBehind}), and the store is read 1,000 events per query, so
 *       that the replay does not wait for one round trip per event;</li>
 *   <li>commits. A handler that fails rolls everything back: the read model is as it was.</li>
 * </ol>
 * Events whose commands were still open when the lock was taken are not in the store yet; those commands apply them
 * to the rebuilt tables themselves once the lock is gone.
 */
public class ReadModelReplay {

    public record ReadModel(String name, String processor, boolean replayable, List<String> tables) {
    }

    public record Replayed(String name, List<String> tables, long eventsRead, long eventsApplied, Duration took) {
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final Supplier<EventStorageEngine> events;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private volatile Map<String, List<String>> tablesByGroup;
    private volatile EventStorageEngine engine;

    /**
     * @param events    the event store as the replay reads it, built at the first replay
     * @param batchSize how many of the handlers' writes wait before they are sent as JDBC batches
     */
    public ReadModelReplay(ApplicationContext context, EventProcessingConfiguration processing,
                           Supplier<EventStorageEngine> events, DataSource dataSource, JdbcClient jdbc,
                           TransactionTemplate transactions, Clock clock, int batchSize) {
        this.context = context;
        this.processing = processing;
        this.events = events;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public List<ReadModel> list() {
        return processing.eventProcessors().values().stream()
                .map(processor -> describe(processor.getName(), processor))
                .sorted(Comparator.comparing(ReadModel::name))
                .toList();
    }

    public Replayed replay(String name) throws NotReplayableException {
        EventProcessor processor = processing.eventProcessorByProcessingGroup(name)
                .or(() -> processing.eventProcessor(name))
                .orElseThrow(() -> new NotFoundException("read model", name));
        ReadModel readModel = describe(name, processor);
        if (!(processor instanceof SubscribingEventProcessor subscribing)) {
            throw new NotReplayableException(name, "it is a streaming processor with a token of its own");
        }
        if (readModel.tables().isEmpty()) {
            throw new NotReplayableException(name, "its handlers declare no @ReadModelTables");
        }
        EventHandlerInvoker handlers = ((AbstractEventProcessor) subscribing).eventHandlerInvoker();
        if (!handlers.supportsReset()) {
            throw new NotReplayableException(name, "its handlers disallow replays");
        }
        Instant started = clock.instant();
        AtomicLong read = new AtomicLong();
        AtomicLong applied = new AtomicLong();
        AtomicReference<WriteBehind.Written> writes = new AtomicReference<>();
        transactions.executeWithoutResult(status -> {
            String tables = String.join(", ", readModel.tables());
            jdbc.sql("lock table " + tables + " in exclusive mode").update();
            // Emptied in reverse: a table the handlers write later may reference one they write earlier.
            readModel.tables().reversed().forEach(table -> jdbc.sql("delete from " + table).update());
            inUnitOfWork(null, handlers::performReset);
            WriteBehind.Written written = WriteBehind.during(dataSource, readModel.tables(), batchSize, () -> {
                try (Stream<? extends TrackedEventMessage<?>> stream = engine().readEvents(null, false)) {
                    stream.forEach(event -> {
                        read.incrementAndGet();
                        if (handlers.canHandle(event, Segment.ROOT_SEGMENT)) {
                            inUnitOfWork(event, () -> handlers.handle(event, Segment.ROOT_SEGMENT));
                            applied.incrementAndGet();
                        }
                    });
                }
            });
            writes.set(written);
        });
        Replayed replayed = new Replayed(name, readModel.tables(), read.get(), applied.get(),
                Duration.between(started, clock.instant()));
        log.info("Read model {} rebuilt from the event store: {} of {} events applied to {} in {}, "
                        + "their {} writes sent in {} batches", name, replayed.eventsApplied(), replayed.eventsRead(),
                readModel.tables(), replayed.took(), writes.get().writes(), writes.get().batches());
        return replayed;
    }

    private EventStorageEngine engine() {
        EventStorageEngine known = engine;
        if (known == null) {
            known = events.get();
            engine = known;
        }
        return known;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void inUnitOfWork(EventMessage<?> event, Work work) {
        EventMessage<?> message = event != null ? event : GenericEventMessage.asEventMessage("read model reset");
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
            work.run();
            return null;
        });
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("a handler failed during the replay", cause);
        }
    }

    private ReadModel describe(String name, EventProcessor processor) {
        List<String> tables = tablesByGroup().getOrDefault(name, List.of());
        boolean replayable = processor instanceof SubscribingEventProcessor && !tables.isEmpty();
        return new ReadModel(name, processor.getName(), replayable, tables);
    }

    private Map<String, List<String>> tablesByGroup() {
        Map<String, List<String>> known = tablesByGroup;
        if (known == null) {
            Map<String, Set<String>> collected = new TreeMap<>();
            for (Object bean : context.getBeansWithAnnotation(ReadModelTables.class).values()) {
                Class<?> type = AopUtils.getTargetClass(bean);
                ReadModelTables declared = AnnotatedElementUtils.findMergedAnnotation(type, ReadModelTables.class);
                String group = Optional
                        .ofNullable(AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class))
                        .map(ProcessingGroup::value)
                        .orElse(type.getPackageName());
                for (String table : declared.value()) {
                    if (!TABLE.matcher(table).matches()) {
                        throw new IllegalStateException(type.getName() + " names an invalid table: " + table);
                    }
                    collected.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(table);
                }
            }
            Map<String, List<String>> result = new TreeMap<>();
            collected.forEach((group, tables) -> result.put(group, new ArrayList<>(tables)));
            known = Map.copyOf(result);
            tablesByGroup = known;
        }
        return known;
    }
}
