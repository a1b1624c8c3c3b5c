package io.lanyard.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the services a test JVM started once its tests are done, before the JVM exits. At the exit the embedded
 * PostgreSQL and Kafka stop in shutdown hooks of their own, which run alongside Spring's: a context still closing
 * then retries against a database and a broker that are gone, and a test JVM took more than surefire's 30 s to exit.
 */
public class ContextsCloseFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        EmbeddedInfrastructure.closeWhatUsesIt();
    }
}
