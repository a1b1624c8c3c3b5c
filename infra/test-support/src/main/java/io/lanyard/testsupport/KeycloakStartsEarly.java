package io.lanyard.testsupport;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When the tests about to run include a class marked {@link UsesKeycloak}, launches this JVM's Keycloak as they
 * begin, so that the class finds it started, or nearly, instead of waiting out its whole start (tens of seconds,
 * which the JVM's other tests then spend alongside it).
 */
public class KeycloakStartsEarly implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean needed = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(KeycloakStartsEarly::usesKeycloak);
        if (needed) {
            Keycloak.launchInBackground();
        }
    }

    private static boolean usesKeycloak(TestIdentifier test) {
        return test.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getJavaClass().isAnnotationPresent(UsesKeycloak.class))
                .orElse(false);
    }
}
