package io.lanyard.platform.messaging;

/** Why a consumed record was parked in the dead-letter table instead of taking effect. */
public enum ParkingReason {
    MALFORMED,
    UNKNOWN_TYPE,
    FUTURE_VERSION,
    HANDLER_FAILED
}
