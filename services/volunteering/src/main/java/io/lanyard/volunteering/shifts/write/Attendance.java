package io.lanyard.volunteering.shifts.write;

public enum Attendance { PRESENT, NO_SHOW }
