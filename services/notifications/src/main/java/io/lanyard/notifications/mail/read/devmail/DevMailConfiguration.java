package io.lanyard.notifications.mail.read.devmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.lanyard.notifications.mail.write.MailProperties;

/**
 * The dev profile's mail server: an embedded GreenMail SMTP server that accepts every mail for anyone, and the mail
 * sender pointed at it instead of {@code spring.mail.*}. {@code GET /dev/mail} lists what it received. The port is
 * fixed for the context's life, so the server can be stopped and started again (as tests do to see sends fail)
 * without the sender losing it. With {@code lanyard.notifications.mail.embedded-server=false} the dev profile sends
 * through {@code spring.mail.*} like production (compose's demo: Mailpit).
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
@ConditionalOnBooleanProperty(name = DevMailConfiguration.EMBEDDED_SERVER, matchIfMissing = true)
class DevMailConfiguration {

    static final String EMBEDDED_SERVER = "lanyard.notifications.mail.embedded-server";

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail devMailServer(MailProperties properties) {
        int port = properties.devSmtpPort() == 0 ? freePort() : properties.devSmtpPort();
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** The same type as Spring Boot's own sender, so that what keys on it (its health contributor) sees it here too. */
    @Bean
    JavaMailSenderImpl devMailSender(GreenMail devMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(devMailServer.getSmtp().getBindTo());
        sender.setPort(devMailServer.getSmtp().getPort());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "5000");
        return sender;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the dev SMTP server", e);
        }
    }
}
