package io.lanyard.registration.conference.read.organizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.directory.Organizers.KnownConference;
import io.lanyard.registration.RegistrationTestSupport;
import io.lanyard.testsupport.ServiceTest;

/** Registration's own directory keeps what the other services replicate: the conference's dates and time zone. */
@ServiceTest(properties = "spring.config.name=registration")
class ConferenceProjectionTest extends RegistrationTestSupport {

    @Autowired
    Organizers organizers;

    @Test
    void a_created_conference_is_in_the_directory_with_its_dates_and_time_zone() {
        UUID conference = createConference(organizerToken("olivia"));

        assertThat(organizers.conference(conference)).contains(new KnownConference(conference, "PyCon US 2027",
                LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 22), "America/Los_Angeles"));
        assertThat(organizers.isOrganizer(conference, "olivia")).isTrue();
    }
}
