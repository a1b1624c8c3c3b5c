package io.lanyard.benchmark.replay;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.QuotaSegmentOpened;
import io.lanyard.registration.registrations.write.SeatSold;

/**
 * Registration's registration and quota views, rebuilt into fresh tables. Rows are gathered for the processor's
 * whole batch and written with one JDBC batch per table when the batch's transaction commits: a rebuild that
 * wrote each event with its own statement would spend its time in round trips to PostgreSQL.
 */
final class RegistrationViewRebuild {

    private static final String BATCH = RegistrationViewRebuild.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    RegistrationViewRebuild(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static final class Batch {
        final List<Object[]> registrations = new ArrayList<>();
        final List<Object[]> openedSegments = new ArrayList<>();
        final Map<UUID, Integer> seatsSold = new HashMap<>();
    }

    @EventHandler
    void on(QuotaSegmentOpened e) {
        batch().openedSegments.add(new Object[] {e.segmentId(), e.ticketTypeId(), e.allotment()});
    }

    @EventHandler
    void on(SeatSold e) {
        batch().seatsSold.merge(e.segmentId(), 1, Integer::sum);
    }

    @EventHandler
    void on(AttendeeRegistered e) {
        batch().registrations.add(new Object[] {e.attendeeId(), e.conferenceId(), e.ticketTypeId(), e.subject(),
                e.name(), e.email(), Timestamp.from(e.registeredAt())});
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> write(batch));
            return batch;
        });
    }

    private void write(Batch batch) {
        if (!batch.openedSegments.isEmpty()) {
            jdbc.batchUpdate("insert into rebuilt_quota_segment_view (segment_id, ticket_type_id, allotment, sold) "
                    + "values (?, ?, ?, 0)", batch.openedSegments);
        }
        if (!batch.seatsSold.isEmpty()) {
            List<Object[]> sold = new ArrayList<>();
            batch.seatsSold.forEach((segment, seats) -> sold.add(new Object[] {seats, segment}));
            jdbc.batchUpdate("update rebuilt_quota_segment_view set sold = sold + ? where segment_id = ?", sold);
        }
        if (!batch.registrations.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into rebuilt_registration_view (attendee_id, conference_id, ticket_type_id, subject, name,
                        email, status, checked_in, registered_at)
                    values (?, ?, ?, ?, ?, ?, 'CONFIRMED', false, ?)""", batch.registrations);
        }
    }
}
