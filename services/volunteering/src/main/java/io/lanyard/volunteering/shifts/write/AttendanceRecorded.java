package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

import io.lanyard.platform.personaldata.NotPersonalData;

/** {@code hoursWorked} is the shift's length when present and zero for a no-show. */
public record AttendanceRecorded(UUID shiftId, UUID conferenceId, UUID attendeeId, Attendance status,
                                 double hoursWorked,
                                 @NotPersonalData("an organizer's subject, who recorded it") String recordedBy) {
}
