package io.lanyard.volunteering.shifts;

import java.util.UUID;

record ShiftAttendanceNoted(UUID scheduleId, UUID shiftId, Attendance status) {
}
