package io.lanyard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

    private final CurrencyCode.Validator validator = new CurrencyCode.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "JPY", "CHF"})
    void accepts_an_iso_4217_currency(String code) {
        assertThat(validator.isValid(code, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "eur", "EURO", "EU", "", "E1R", "€"})
    void refuses_what_is_not_one(String code) {
        assertThat(validator.isValid(code, null)).isFalse();
    }
}
