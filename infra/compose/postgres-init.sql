-- Runs once, when the postgres volume is new: one database per service, all owned by the compose user.
-- Each service's Flyway creates its own tables at start-up.
CREATE DATABASE registration;
CREATE DATABASE volunteering;
CREATE DATABASE dinners;
CREATE DATABASE sprints;
