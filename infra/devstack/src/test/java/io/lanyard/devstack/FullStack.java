package io.lanyard.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.notifications.NotificationsApplication;
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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.values().forEach(RunningService::close)));
        }
        return services;
    }

    static RunningService service(String name) {
        return services().get(name);
    }
}
