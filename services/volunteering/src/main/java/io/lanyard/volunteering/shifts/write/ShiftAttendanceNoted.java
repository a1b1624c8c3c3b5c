package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

record ShiftAttendanceNoted(UUID scheduleId, UUID shiftId, Attendance status) {
}
