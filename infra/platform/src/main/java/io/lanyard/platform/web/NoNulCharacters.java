package io.lanyard.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL text cannot hold a NUL character. A string with one is refused while the request body is read
 * (400 malformed-request) instead of failing deep in a transaction.
 */
public class NoNulCharacters extends SimpleModule {

    public NoNulCharacters() {
        super("lanyard-no-nul-characters");
        addDeserializer(String.class, new Deserializer());
    }

    private static final class Deserializer extends StdDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, "text may not contain NUL characters");
            }
            return value;
        }
    }
}
