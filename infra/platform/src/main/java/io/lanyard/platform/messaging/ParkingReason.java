package io.lanyard.platform.messaging;

/** Why a consumed record was parked in the dead-letter table instead of taking effect. */
public enum ParkingReason {
    MALFORMED,
    UNKNOWN_TYPE,
    /** A known type on a topic other than its owner's: forged, or misrouted by a broken producer. */
    FOREIGN_TYPE,
    FUTURE_VERSION,
    HANDLER_FAILED
}
