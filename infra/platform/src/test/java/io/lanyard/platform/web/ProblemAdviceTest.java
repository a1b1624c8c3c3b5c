package io.lanyard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

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

    /**
     * A batch's transaction that found every pooled connection busy fails with Spring's
     * {@code CannotCreateTransactionException} around Hikari's timeout: overload, not an outage (seen at 500
     * registrations a second in the benchmark, answered "cannot reach its database").
     */
    @Test
    void a_transaction_that_waited_in_vain_for_a_busy_pool_is_too_busy_not_a_database_outage() {
        ResponseEntity<ProblemDetail> answer = advice.other(new CommandExecutionException("failed",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("lanyard - Connection is not available, request timed "
                                + "out after 5000ms (total=10, active=10, idle=0, waiting=40)"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).contains("too busy");
    }

    @Test
    void a_pool_that_cannot_connect_is_a_database_outage() {
        ResponseEntity<ProblemDetail> answer = advice.other(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("lanyard - Connection is not available, request timed out",
                        new SQLException("Connection refused", "08001"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).contains("cannot reach its database");
    }
}
