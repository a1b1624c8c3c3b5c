package io.lanyard.notifications.mail.write;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

import io.lanyard.notifications.NotificationsApplication;
import io.lanyard.platform.outbox.DeliveryQueue;
import io.lanyard.platform.outbox.RetrySchedule;

@Configuration(proxyBeanMethods = false)
class MailOutboxConfiguration {

    /** Claims are this context's own: a second context in the same JVM, or a restarted one, is another owner. */
    @Bean
    MailOutbox mailOutbox(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, IdGenerator ids,
                          MailProperties properties) {
        return new MailOutbox(new DeliveryQueue(MailOutbox.TABLE, jdbc, transactions, clock,
                new RetrySchedule(properties.retryPauses()), properties.lease(),
                NotificationsApplication.NAME + "-mail/" + ids.generateId()), jdbc, ids);
    }

    @Bean
    MailFacts mailFacts(JdbcClient jdbc) {
        return new MailFacts(jdbc);
    }
}
