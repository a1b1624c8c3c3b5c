package io.lanyard.registration.registrations.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketTypeTest {

    @ParameterizedTest
    @CsvSource({"3300, 8", "200, 4", "7, 3", "1, 1", "401, 8"})
    void a_quota_split_into_segments_adds_up_to_the_quota(int quota, int segments) {
        int[] allotments = IntStream.range(0, segments).map(i -> TicketType.allotment(quota, segments, i)).toArray();
        assertThat(IntStream.of(allotments).sum()).isEqualTo(quota);
        assertThat(IntStream.of(allotments).max().orElseThrow() - IntStream.of(allotments).min().orElseThrow())
                .isLessThanOrEqualTo(1);
    }
}
