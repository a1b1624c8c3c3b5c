package io.lanyard.platform.messaging;

/** A consumed record that cannot become an integration event; it is parked, never retried blindly. */
public class UndecodableRecordException extends Exception {

    private final ParkingReason reason;

    public UndecodableRecordException(ParkingReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public ParkingReason reason() {
        return reason;
    }
}
