package io.lanyard.registration.tickets;

import io.lanyard.platform.web.Refusal;

public class SoldOutException extends Refusal {

    SoldOutException() {
        super("sold-out", "no tickets of this type are left");
    }
}
