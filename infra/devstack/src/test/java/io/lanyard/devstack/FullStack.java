package io.lanyard.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.notifications.NotificationsApplication;
import io.lanyard.platform.messaging.KafkaAccess;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.sprints.SprintsApplication;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.volunteering.VolunteeringApplication;

/** All five services, started once per test JVM for the tests that exercise the whole contract. */
final class FullStack {

    /** Thousands of deliberately unknown ids would each wait out the replication catch-up; keep it short here. */
    private static final String CATCH_UP = "--lanyard.directory.catch-up=200ms";
    private static Map<String, RunningService> services;

    private FullStack() {
    }

    static synchronized Map<String, RunningService> services() {
        if (services == null) {
            String kafka = EmbeddedInfrastructure.kafka().getBrokersAsString();
            Map<String, RunningService> started = new LinkedHashMap<>();
            started.put("registration", RunningService.startWith(RegistrationApplication::application, "full_registration", kafka, CATCH_UP));
            started.put("volunteering", RunningService.startWith(VolunteeringApplication::application, "full_volunteering", kafka, CATCH_UP));
            started.put("dinners", RunningService.startWith(DinnersApplication::application, "full_dinners", kafka, CATCH_UP));
            started.put("sprints", RunningService.startWith(SprintsApplication::application, "full_sprints", kafka, CATCH_UP));
            started.put("notifications", RunningService.startWith(NotificationsApplication::application, "full_notifications", kafka, CATCH_UP));
            services = Map.copyOf(started);
            // closed once the JVM's tests are done, while PostgreSQL and Kafka still run, all at once
            started.values().forEach(EmbeddedInfrastructure::closeAtTheEnd);
        }
        return services;
    }

    /**
     * Waits until every fact of an earlier test has taken its effect in every service (see {@link Settled}), for a
     * test that counts what changes while it runs.
     */
    static void settle() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<JdbcClient> publishers = new ArrayList<>();
        for (KafkaAccess.Grant grant : KafkaAccess.SERVICES) {
            RunningService service = service(grant.principal());
            groups.put(service.context().getEnvironment().getRequiredProperty("lanyard.kafka.group-id"),
                    grant.consumes());
            if (!grant.owns().isEmpty()) {
                publishers.add(service.bean(JdbcClient.class));
            }
        }
        Settled.settle(EmbeddedInfrastructure.kafka().getBrokersAsString(), publishers, groups, Duration.ofSeconds(60));
    }

    static RunningService service(String name) {
        return services().get(name);
    }
}
