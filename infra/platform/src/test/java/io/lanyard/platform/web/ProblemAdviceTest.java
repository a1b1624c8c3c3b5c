package io.lanyard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.lanyard.platform.axon.AggregateBusyException;

class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void a_command_turned_away_by_a_full_queue_is_a_503_that_says_when_to_come_back_in_whole_seconds() {
        ResponseEntity<ProblemDetail> answer = advice.other(new CommandExecutionException("refused",
                new AggregateBusyException(100, Duration.ofMillis(1500))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(Problems.PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:lanyard:problem:service-unavailable");
    }
}
