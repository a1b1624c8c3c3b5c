package io.lanyard.notifications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.testsupport.ServiceTestSupport;

/**
 * What the notifications tests share: the service started once against the shared embedded PostgreSQL and Kafka
 * ({@code @ServiceTest(properties = "spring.config.name=notifications")} on every test class, so all of them share
 * one cached context), conferences and attendees set up through registration's topic, and the service's database.
 */
public abstract class NotificationsTestSupport extends ServiceTestSupport {

    @Autowired
    protected JdbcClient jdbc;
}
