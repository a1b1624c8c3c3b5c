package io.lanyard.notifications.mail.automation.sendmail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import io.lanyard.notifications.mail.write.MailKind;

/**
 * The Mustache templates under {@code templates/mail/}: for each kind a subject, a plain-text body and an HTML body
 * ({@code <kind>.subject|txt|html.mustache}; partials start with {@code _}). All are compiled at start-up, so a
 * missing or broken template stops the service instead of a mail. Only the HTML is escaped as HTML.
 */
class MailTemplates {

    private static final String FOLDER = "templates/mail/";

    /** A mail's three parts, rendered. */
    record Rendered(String subject, String text, String html) {
    }

    private record Parts(Template subject, Template text, Template html) {
    }

    private final Map<MailKind, Parts> parts = new EnumMap<>(MailKind.class);

    MailTemplates() {
        Mustache.Compiler text = Mustache.compiler().escapeHTML(false).withLoader(MailTemplates::load);
        Mustache.Compiler html = Mustache.compiler().withLoader(MailTemplates::load);
        for (MailKind kind : MailKind.values()) {
            parts.put(kind, new Parts(compile(text, kind, "subject"), compile(text, kind, "txt"),
                    compile(html, kind, "html")));
        }
    }

    Rendered render(MailKind kind, Map<String, ?> model) {
        Parts templates = parts.get(kind);
        // a subject is one line whatever the names in it hold: a line break would start the mail's headers anew
        String subject = templates.subject().execute(model).strip().replaceAll("[\\r\\n]+", " ");
        return new Rendered(subject, templates.text().execute(model), templates.html().execute(model));
    }

    private static Template compile(Mustache.Compiler compiler, MailKind kind, String part) {
        try (Reader reader = load(kind.template() + "." + part)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the " + part + " template of " + kind, e);
        }
    }

    private static Reader load(String name) throws IOException {
        return new InputStreamReader(new ClassPathResource(FOLDER + name + ".mustache").getInputStream(),
                StandardCharsets.UTF_8);
    }
}
