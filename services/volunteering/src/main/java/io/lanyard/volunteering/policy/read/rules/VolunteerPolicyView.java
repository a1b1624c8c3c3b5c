package io.lanyard.volunteering.policy.read.rules;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.volunteering.policy.write.VolunteerPolicySet;
import io.lanyard.volunteering.shifts.write.VolunteerRules;
import io.lanyard.volunteering.shifts.write.VolunteerRulesSource;

/**
 * The policy in force, written in the transaction that set it, so the first sign-up after a change obeys it.
 * Days for the daily maximum are counted in the conference's time zone, which the platform's directory replica
 * keeps in {@code known_conference}.
 */
@Component
@ProcessingGroup("volunteer-policy-view")
@ReadModelTables("volunteer_policy_view")
class VolunteerPolicyView implements VolunteerRulesSource {

    private final JdbcClient jdbc;

    VolunteerPolicyView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VolunteerPolicySet event) {
        jdbc.sql("""
                        insert into volunteer_policy_view (conference_id, max_hours_per_day, min_rest_minutes,
                                                           no_show_limit)
                        values (?, ?, ?, ?)
                        on conflict (conference_id) do update
                        set max_hours_per_day = excluded.max_hours_per_day,
                            min_rest_minutes = excluded.min_rest_minutes,
                            no_show_limit = excluded.no_show_limit""")
                .params(event.conferenceId(), event.maxHoursPerDay(), event.minRestMinutes(), event.noShowLimit())
                .update();
    }

    @Override
    public VolunteerRules rulesFor(UUID conferenceId) {
        ZoneId zone = jdbc.sql("select time_zone from known_conference where conference_id = ?")
                .param(conferenceId)
                .query(String.class)
                .optional()
                .map(VolunteerPolicyView::zoneOrNull)
                .orElse(null);
        return jdbc.sql("select * from volunteer_policy_view where conference_id = ?")
                .param(conferenceId)
                .query((rs, n) -> {
                    double maxHours = rs.getDouble("max_hours_per_day");
                    Duration maxPerDay = rs.wasNull() ? null : Duration.ofSeconds(Math.round(maxHours * 3600));
                    int restMinutes = rs.getInt("min_rest_minutes");
                    Duration minRest = rs.wasNull() ? null : Duration.ofMinutes(restMinutes);
                    return new VolunteerRules(maxPerDay, minRest, rs.getInt("no_show_limit"), zone);
                })
                .optional()
                .orElseGet(() -> VolunteerRules.defaults(zone));
    }

    private static ZoneId zoneOrNull(String timeZone) {
        try {
            return timeZone == null ? null : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
