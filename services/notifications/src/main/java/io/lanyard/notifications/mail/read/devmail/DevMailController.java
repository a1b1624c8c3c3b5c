package io.lanyard.notifications.mail.read.devmail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What the dev profile's SMTP server received for an address, oldest first; no authentication, dev profile only. */
@RestController
@Profile("dev")
@ConditionalOnBooleanProperty(name = DevMailConfiguration.EMBEDDED_SERVER, matchIfMissing = true)
class DevMailController {

    record ReceivedMail(String to, String subject, String body, Instant receivedAt) {
    }

    private final GreenMail server;

    DevMailController(GreenMail devMailServer) {
        this.server = devMailServer;
    }

    @GetMapping("/dev/mail")
    List<ReceivedMail> listDevMail(@RequestParam("to") String to) throws MessagingException, IOException {
        List<ReceivedMail> received = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            Optional<String> recipient = recipients(message).stream()
                    .filter(address -> address.equalsIgnoreCase(to.strip())).findFirst();
            if (recipient.isPresent()) {
                Date at = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
                received.add(new ReceivedMail(recipient.get(), message.getSubject(), plainText(message).orElse(""),
                        at == null ? null : at.toInstant()));
            }
        }
        received.sort(Comparator.comparing(ReceivedMail::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return received;
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return to == null ? List.of() : Arrays.stream(to)
                .map(address -> address instanceof InternetAddress internet ? internet.getAddress() : address.toString())
                .toList();
    }

    /** The plain-text alternative of a multipart mail, or the body of a plain one. */
    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> text = plainText(child);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}
