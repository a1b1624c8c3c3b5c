package io.lanyard.notifications.mail.write;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from                the sender of every mail, an RFC 5322 address ({@code Name <address>} or a bare one)
 * @param shiftReminderBefore how long before a shift's start its volunteers are reminded
 * @param retryPauses         the pauses after each failed send; after the last one's attempt fails, the mail is
 *                            {@code FAILED}. The default tries for about a day: an SMTP relay that is down for hours
 *                            still gets the mail out, one that refuses it keeps refusing.
 * @param pollInterval        how often the sender looks for due mail
 * @param lease               how long a claimed mail is kept from other instances; longer than one SMTP session
 * @param batchSize           how many mails one poll claims at most
 * @param staleAfter          a fact older than this when it arrives calls for no mail: a notifications service
 *                            deployed for the first time reads the topics from their beginning, and must not mail
 *                            every attendee about everything that ever happened to them
 * @param devSmtpPort         (dev profile) the port of the embedded SMTP server; 0 picks a free one
 */
@ConfigurationProperties("lanyard.notifications.mail")
public record MailProperties(
        @DefaultValue("Lanyard <notifications@lanyard.localhost>") String from,
        @DefaultValue("12h") Duration shiftReminderBefore,
        @DefaultValue({"1m", "5m", "30m", "2h", "8h", "12h"}) List<Duration> retryPauses,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20") int batchSize,
        @DefaultValue("1d") Duration staleAfter,
        @DefaultValue("0") int devSmtpPort) {
}
