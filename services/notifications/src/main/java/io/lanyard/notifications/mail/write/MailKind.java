package io.lanyard.notifications.mail.write;

/** The moments an attendee is mailed; each has its templates under {@code templates/mail/<kind in kebab case>}. */
public enum MailKind {
    REGISTRATION_CONFIRMED,
    DINNER_SEAT_HELD,
    DINNER_SEAT_PROMOTED,
    DINNER_TICKET_CONFIRMED,
    DINNER_HOLD_EXPIRED,
    SHIFT_REMINDER,
    SPRINT_REMOVED;

    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
