package io.lanyard.sprints.sprint.write;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lanyard.platform.web.InvalidRequestException;

/** Days as a request names them: ISO dates, each once, at least one. */
final class RequestedDays {

    private RequestedDays() {
    }

    static List<LocalDate> parse(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidRequestException(field, "name at least one day");
        }
        List<LocalDate> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (String value : values) {
            LocalDate day = parseDay(field, value);
            if (!seen.add(day)) {
                throw new InvalidRequestException(field, day + " is named twice");
            }
            days.add(day);
        }
        return days.stream().sorted().toList();
    }

    static LocalDate parseDay(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field, "a day is missing");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + value + "' is not an ISO date such as 2027-05-20");
        }
    }
}
