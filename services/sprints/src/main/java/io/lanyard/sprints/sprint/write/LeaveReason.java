package io.lanyard.sprints.sprint.write;

public enum LeaveReason {
    /** The participant withdrew. */
    WITHDREW,
    /** The sprint's leader or an organizer took the participant off the list. */
    REMOVED,
    /** Registration cancelled the attendee, so they give up every sprint's days that had not begun. */
    REGISTRATION_CANCELLED
}
