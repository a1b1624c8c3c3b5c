package io.lanyard.platform.personaldata;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The check that keeps a new event from storing a person's data in the clear: a field whose name says it may be a
 * person's (a name, an e-mail address, a token subject, dietary requirements, a phone number) must be marked
 * {@link PersonalData} or {@link NotPersonalData}, and a type with personal data must name its {@link DataSubject}.
 * Services run it over their domain events and aggregates in their architecture tests.
 */
public final class PersonalDataRules {

    private static final Set<String> PERSONAL_WORDS = Set.of("name", "email", "mail", "subject", "dietary",
            "phone", "address", "cancelledby", "checkedinby");

    private PersonalDataRules() {
    }

    /** What is wrong with {@code type}, one line per problem; empty when it is marked as it must be. */
    public static List<String> violations(Class<?> type) {
        List<String> problems = new ArrayList<>();
        for (Field field : PersonalFields.fields(type)) {
            boolean decided = field.isAnnotationPresent(PersonalData.class)
                    || field.isAnnotationPresent(NotPersonalData.class)
                    || field.isAnnotationPresent(DataSubject.class);
            if (!decided && looksPersonal(field.getName())) {
                problems.add(type.getName() + "." + field.getName()
                        + " looks like personal data: mark it @PersonalData, or @NotPersonalData(\"why not\")");
            }
        }
        PersonalFields shape = PersonalFields.of(type);
        if (!shape.marked().isEmpty() && shape.subject().isEmpty()) {
            problems.add(type.getName() + " has @PersonalData but no @DataSubject naming whose it is");
        }
        return problems;
    }

    private static boolean looksPersonal(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        return PERSONAL_WORDS.stream().anyMatch(lower::contains);
    }
}
