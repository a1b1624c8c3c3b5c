package io.lanyard.volunteering.shifts;

public enum Attendance { PRESENT, NO_SHOW }
