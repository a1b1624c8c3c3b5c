package io.lanyard.volunteering.shifts.write;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.MovedTypes;

/**
 * Shifts' events and snapshots written before this package existed are stored under
 * {@code io.lanyard.volunteering.shifts}; they are read as the classes they are now. Whoever moves or renames one of
 * these classes again adds its old name here.
 */
@Configuration(proxyBeanMethods = false)
class MovedShiftTypes {

    @Bean
    MovedTypes shiftsStoredUnderOldNames() {
        return MovedTypes.of("io.lanyard.volunteering.shifts", Shift.class, VolunteerSchedule.class,
                ShiftScheduled.class, VolunteerSignedUp.class, VolunteerWithdrew.class, AttendanceRecorded.class,
                ShiftBooked.class, ShiftReleased.class, ShiftAttendanceNoted.class, VolunteerScheduleClosed.class);
    }
}
