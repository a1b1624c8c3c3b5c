package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = "spring.config.name=sprints")
class SprintLeaderHttpTest extends SprintsTestSupport {

    @Test
    void a_leader_runs_a_two_day_sprint_from_announcement_to_the_final_list() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(token("lena"), conference, lena, 3, MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID cyd = attendee(conference, "cyd", "Cyd");
        UUID dan = attendee(conference, "dan", "Dan");

        signedUp(token("ada"), conference, sprint, ada, MONDAY, TUESDAY);
        signedUp(token("bob"), conference, sprint, bob, MONDAY);
        signedUp(token("cyd"), conference, sprint, cyd, MONDAY, TUESDAY);
        assertThat(participantsOn(token("lena"), conference, sprint, MONDAY)).isEqualTo(3);
        assertThat(participantsOn(token("lena"), conference, sprint, TUESDAY)).isEqualTo(2);
        Http.Response full = signUp(token("dan"), conference, sprint, dan, MONDAY, TUESDAY);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("day").asString()).isEqualTo(MONDAY);
        signedUp(token("dan"), conference, sprint, dan, TUESDAY);
        assertThat(participantsOn(token("dan"), conference, sprint, TUESDAY)).isEqualTo(3);

        // Monday morning: Ada and Cyd came, Bob did not.
        clockAt(MONDAY, 9);
        assertThat(attend(token("lena"), conference, sprint, ada, MONDAY).status()).isEqualTo(204);
        assertThat(attend(token("lena"), conference, sprint, cyd, MONDAY).status()).isEqualTo(204);
        // Tuesday morning: Ada and Dan came.
        clockAt(TUESDAY, 9);
        assertThat(attend(token("lena"), conference, sprint, ada, TUESDAY).status()).isEqualTo(204);
        assertThat(attend(token("lena"), conference, sprint, dan, TUESDAY).status()).isEqualTo(204);

        Http.Response list = http().get(participants(conference, sprint), token("lena"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().values().stream().map(this::line).toList()).containsExactly(
                "Ada " + List.of(MONDAY, TUESDAY) + " attended " + List.of(MONDAY, TUESDAY),
                "Bob " + List.of(MONDAY) + " attended " + List.of(),
                "Cyd " + List.of(MONDAY, TUESDAY) + " attended " + List.of(MONDAY),
                "Dan " + List.of(TUESDAY) + " attended " + List.of(TUESDAY));
        assertThat(list.json().get(0).get("attendeeId").asString()).isEqualTo(ada.toString());
    }

    @Test
    void only_the_leader_and_organizers_list_the_participants() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(organizerToken("olivia"), conference, lena, 5, MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);

        assertThat(http().get(participants(conference, sprint), token("lena")).json().size()).isEqualTo(1);
        assertThat(http().get(participants(conference, sprint), organizerToken("olivia")).json().get(0)
                .get("name").asString()).isEqualTo("Ada");

        Http.Response participant = http().get(participants(conference, sprint), token("ada"));
        assertThat(participant.status()).isEqualTo(403);
        assertThat(participant.problem()).isEqualTo("forbidden");
        assertThat(http().get(participants(conference, sprint), organizerToken("oscar")).status()).isEqualTo(403);
        assertThat(http().get(participants(conference, UUID.randomUUID()), token("lena")).status()).isEqualTo(404);
    }

    /**
     * Someone made an organizer a moment ago may reach sprints before registration's {@code OrganizerAdded} does:
     * the replica is held back here (its insert waits for a table lock) until the request has waited a while, and
     * the request, given replication's moment, answers as to an organizer instead of 403.
     */
    @Test
    void an_organizer_made_a_moment_ago_is_given_replications_moment_to_list_the_participants() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        signedUp(token("ada"), conference, sprint, attendee(conference, "ada", "Ada"), MONDAY);

        Http.Response listed = whileTheReplicaIsBehind("conference_organizer",
                () -> RegistrationFeed.organizerAdded(conference, "nora"),
                () -> http().get(participants(conference, sprint), organizerToken("nora")));

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("Ada");
    }

    /**
     * The same for a command: the moment is given before the command's transaction opens (inside one the platform
     * looks once and does not wait, which would hold a pooled connection the whole time), and the transaction then
     * finds the organizer.
     */
    @Test
    void an_organizer_made_a_moment_ago_is_given_replications_moment_to_record_attendance() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);
        clockAt(MONDAY, 9);

        Http.Response recorded = whileTheReplicaIsBehind("conference_organizer",
                () -> RegistrationFeed.organizerAdded(conference, "nora"),
                () -> attend(organizerToken("nora"), conference, sprint, ada, MONDAY));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(204);
        assertThat(attendedDays(conference, sprint, ada)).containsExactly(MONDAY);
    }

    @Test
    void only_the_leader_and_organizers_record_attendance() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(organizerToken("olivia"), conference, lena, 5, MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY, TUESDAY);
        clockAt(MONDAY, 9);

        Http.Response self = attend(token("ada"), conference, sprint, ada, MONDAY);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.problem()).isEqualTo("forbidden");
        assertThat(attendedDays(conference, sprint, ada)).isEmpty();

        assertThat(attend(organizerToken("olivia"), conference, sprint, ada, MONDAY).status()).isEqualTo(204);
        assertThat(attend(token("lena"), conference, sprint, ada, MONDAY).status())
                .as("recording the same morning again").isEqualTo(204);
        assertThat(attendedDays(conference, sprint, ada)).containsExactly(MONDAY);
    }

    @Test
    void attendance_is_not_recorded_before_the_day_has_begun_where_the_conference_is() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(token("lena"), conference, lena, 5, MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY, TUESDAY);

        Http.Response beforeTheSprints = attend(token("lena"), conference, sprint, ada, MONDAY);
        assertThat(beforeTheSprints.status()).as(beforeTheSprints.toString()).isEqualTo(409);
        assertThat(beforeTheSprints.problem()).isEqualTo("not-started");
        assertThat(beforeTheSprints.json().get("day").asString()).isEqualTo(MONDAY);
        assertThat(attendedDays(conference, sprint, ada)).isEmpty();

        // late on Monday in Los Angeles, already Tuesday in UTC
        clockAt(MONDAY, 23);
        Http.Response tomorrow = attend(organizerToken("olivia"), conference, sprint, ada, TUESDAY);
        assertThat(tomorrow.status()).as(tomorrow.toString()).isEqualTo(409);
        assertThat(tomorrow.problem()).isEqualTo("not-started");
        assertThat(attend(token("lena"), conference, sprint, ada, MONDAY).status()).isEqualTo(204);
        assertThat(attendedDays(conference, sprint, ada)).containsExactly(MONDAY);
    }

    @Test
    void attendance_only_on_a_day_the_participant_signed_up_for() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(token("lena"), conference, lena, 5, MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);

        for (Http.Response bad : List.of(
                attend(token("lena"), conference, sprint, ada, TUESDAY),
                attend(token("lena"), conference, sprint, ada, WEDNESDAY),
                attend(token("lena"), conference, sprint, ada, "tomorrow"),
                http().post(participants(conference, sprint) + "/" + ada + "/attendance", token("lena"), Map.of()))) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.problem()).isEqualTo("validation-failed");
        }
        Http.Response stranger = attend(token("lena"), conference, sprint, attendee(conference, "eve", "Eve"), MONDAY);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.problem()).isEqualTo("not-found");
        assertThat(attendedDays(conference, sprint, ada)).isEmpty();
    }

    @Test
    void a_participant_withdraws_and_the_place_is_free_again() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 1,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);
        assertThat(signUp(token("bob"), conference, sprint, bob, MONDAY).problem()).isEqualTo("sprint-full");

        assertThat(http().delete(participants(conference, sprint) + "/" + ada, token("ada")).status()).isEqualTo(204);
        assertThat(participantsOn(token("ada"), conference, sprint, MONDAY)).isZero();
        assertThat(http().get(participants(conference, sprint) + "/" + ada, token("ada")).status()).isEqualTo(404);
        assertThat(http().delete(participants(conference, sprint) + "/" + ada, token("ada")).status())
                .as("withdrawing again").isEqualTo(204);
        signedUp(token("bob"), conference, sprint, bob, MONDAY);
    }

    @Test
    void the_leader_and_organizers_remove_a_participant_but_others_may_not() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(token("lena"), conference, lena, 5, MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);
        signedUp(token("bob"), conference, sprint, bob, MONDAY);

        Http.Response stranger = http().delete(participants(conference, sprint) + "/" + ada, token("bob"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.problem()).isEqualTo("forbidden");
        assertThat(participantsOn(token("bob"), conference, sprint, MONDAY)).isEqualTo(2);

        assertThat(http().delete(participants(conference, sprint) + "/" + ada, token("lena")).status())
                .isEqualTo(204);
        assertThat(http().delete(participants(conference, sprint) + "/" + bob, organizerToken("olivia")).status())
                .isEqualTo(204);
        assertThat(http().get(participants(conference, sprint), token("lena")).json().size()).isZero();
        assertThat(http().delete(participants(conference, UUID.randomUUID()) + "/" + ada, token("lena")).status())
                .isEqualTo(404);
    }

    /**
     * A replay sends the board's writes in batches. From a history where participants sign up, are marked present,
     * withdraw and sign up again (an insert, an update, a delete cascading to the days and an insert of the same
     * rows, which one batch holds) it rebuilds the board the commands built, row for row.
     */
    @Test
    void a_replayed_board_is_the_board_the_commands_built() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(token("lena"), conference, lena, 3, MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        signedUp(token("ada"), conference, sprint, ada, MONDAY, TUESDAY);
        signedUp(token("bob"), conference, sprint, bob, MONDAY);
        clockAt(MONDAY, 9);
        assertThat(attend(token("lena"), conference, sprint, ada, MONDAY).status()).isEqualTo(204);
        assertThat(attend(token("lena"), conference, sprint, bob, MONDAY).status()).isEqualTo(204);
        assertThat(http().delete(participants(conference, sprint) + "/" + ada, token("ada")).status()).isEqualTo(204);
        signedUp(token("ada"), conference, sprint, ada, TUESDAY);
        assertThat(http().delete(participants(conference, sprint) + "/" + bob, token("bob")).status()).isEqualTo(204);
        clockAt(TUESDAY, 9);
        assertThat(attend(token("lena"), conference, sprint, ada, TUESDAY).status()).isEqualTo(204);
        List<String> built = board(conference);

        replaySprintView();

        assertThat(board(conference)).isEqualTo(built);
        assertThat(built).contains("participant day (" + sprint + "," + ada + "," + TUESDAY + ",t)")
                .noneMatch(row -> row.startsWith("participant") && row.contains(bob.toString()));
    }

    /** Every row of the conference's sprints in the board's four tables. */
    private List<String> board(UUID conference) {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("select 'sprint ' || s::text from sprint_view s where conference_id = ? order by 1")
                .param(conference).query(String.class).list());
        for (String table : List.of("sprint_day_view", "sprint_participant_view", "sprint_participant_day_view")) {
            String label = table.replace("sprint_", "").replace("_view", "").replace('_', ' ');
            rows.addAll(jdbc.sql("select '" + label + " ' || t::text from " + table + " t join sprint_view s "
                            + "using (sprint_id) where s.conference_id = ? order by 1")
                    .param(conference).query(String.class).list());
        }
        return rows;
    }

    private Http.Response attend(String token, UUID conference, UUID sprint, UUID attendee, String day) {
        return http().post(participants(conference, sprint) + "/" + attendee + "/attendance", token,
                Map.of("day", day));
    }

    private List<String> attendedDays(UUID conference, UUID sprint, UUID attendee) {
        Http.Response response = http().get(participants(conference, sprint) + "/" + attendee,
                organizerToken("olivia"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("attendedDays").values().stream().map(JsonNode::asString).toList();
    }

    private String line(JsonNode participant) {
        return participant.get("name").asString() + " " + days(participant.get("days")) + " attended "
                + days(participant.get("attendedDays"));
    }

    private static List<String> days(JsonNode days) {
        return days.values().stream().map(JsonNode::asString).toList();
    }
}
