package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.lanyard.client.dinners.api.DinnersApi;
import io.lanyard.client.dinners.model.NewDinner;
import io.lanyard.client.dinners.model.Payment;
import io.lanyard.client.dinners.model.PaymentAnswer;
import io.lanyard.client.dinners.model.TicketAnswer;
import io.lanyard.client.dinners.model.TicketRequest;
import io.lanyard.client.registration.ApiException;
import io.lanyard.client.registration.api.ConferencesApi;
import io.lanyard.client.registration.api.RegistrationsApi;
import io.lanyard.client.registration.api.TicketTypesApi;
import io.lanyard.client.registration.api.TokensApi;
import io.lanyard.client.registration.model.NewConference;
import io.lanyard.client.registration.model.NewRegistration;
import io.lanyard.client.registration.model.NewTicketType;
import io.lanyard.client.registration.model.Problem;
import io.lanyard.client.registration.model.RegistrationBody;
import io.lanyard.client.registration.model.TokenRequest;
import io.lanyard.client.registration.model.View;
import io.lanyard.client.sprints.api.SprintsApi;
import io.lanyard.client.sprints.model.Attendance;
import io.lanyard.client.sprints.model.NewParticipant;
import io.lanyard.client.sprints.model.NewSprint;
import io.lanyard.client.volunteering.api.ShiftsApi;
import io.lanyard.client.volunteering.model.AttendanceReport;
import io.lanyard.client.volunteering.model.BoardEntry;
import io.lanyard.client.volunteering.model.NewShift;
import io.lanyard.client.volunteering.model.NewVolunteer;
import io.lanyard.testsupport.MovableClock;

/**
 * The README's walk-through, driven only through the Java clients that openapi-generator makes from the committed
 * documents (docs/openapi) at build time: what an integrator's code would do against the four services.
 */
class GeneratedClientWalkthroughTest {

    private static final OffsetDateTime LAST_EVENING = OffsetDateTime.parse("2027-05-22T20:00:00-07:00");

    @Test
    void the_readme_walkthrough_runs_on_the_generated_clients() throws Exception {
        TokensApi tokens = new TokensApi(registration(null));
        String org = tokens.mintDevToken(new TokenRequest().subject("olivia").roles(List.of("ORGANIZER"))).get("token");
        String alice = tokens.mintDevToken(new TokenRequest().subject("alice").roles(List.of())).get("token");
        String bob = tokens.mintDevToken(new TokenRequest().subject("bob").roles(List.of())).get("token");

        // the organizer opens a conference and puts tickets on sale; alice registers herself
        UUID conference = new ConferencesApi(registration(org)).createConference(new NewConference()
                .name("PyCon US 2027").startsOn(LocalDate.parse("2027-05-14")).endsOn(LocalDate.parse("2027-05-22"))
                .timeZone("America/Los_Angeles")).get("id");
        UUID ticketType = new TicketTypesApi(registration(org)).createTicketType(conference, new NewTicketType()
                .name("Individual").priceCents(40000L).currency("USD").quota(3300)).get("id");
        RegistrationsApi alicesRegistrations = new RegistrationsApi(registration(alice));
        UUID attendee = alicesRegistrations.registerAttendee(conference, new NewRegistration()
                .ticketTypeId(ticketType).name("Alice").email("alice@example.org")).getId();
        assertThat(alicesRegistrations.getRegistration(conference, attendee).getStatus())
                .isEqualTo(RegistrationBody.StatusEnum.CONFIRMED);
        assertThat(new TicketTypesApi(registration(alice)).getTicketType(conference, ticketType).getAvailable())
                .isEqualTo(3299);

        // the other services learn of alice through Kafka
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            new io.lanyard.client.volunteering.api.AttendeesApi(volunteering(alice)).getKnownAttendee(conference, attendee);
            new io.lanyard.client.dinners.api.AttendeesApi(dinners(alice)).getKnownAttendee(conference, attendee);
            new io.lanyard.client.sprints.api.AttendeesApi(sprints(alice)).getKnownAttendee(conference, attendee);
        });

        // the organizer checks alice in; a second check-in is a typed, readable refusal
        RegistrationsApi organizersRegistrations = new RegistrationsApi(registration(org));
        organizersRegistrations.checkInAttendee(conference, attendee);
        ApiException twice = catchThrowableOfType(ApiException.class,
                () -> organizersRegistrations.checkInAttendee(conference, attendee));
        assertThat(twice.getCode()).isEqualTo(409);
        assertThat(problem(twice.getResponseBody()).getType())
                .isEqualTo(Problem.TypeEnum.URN_LANYARD_PROBLEM_ALREADY_CHECKED_IN);

        // bob registers and cancels before the conference starts; his seat goes back to the quota
        RegistrationsApi bobsRegistrations = new RegistrationsApi(registration(bob));
        UUID bobsRegistration = bobsRegistrations.registerAttendee(conference, new NewRegistration()
                .ticketTypeId(ticketType).name("Bob").email("bob@example.org")).getId();
        bobsRegistrations.cancelRegistration(conference, bobsRegistration);
        assertThat(bobsRegistrations.getRegistration(conference, bobsRegistration).getStatus())
                .isEqualTo(RegistrationBody.StatusEnum.CANCELLED);
        assertThat(organizersRegistrations.listRegistrations(conference, 0, 20).getTotalElements()).isEqualTo(2);

        // volunteering: a shift, alice signs up once (a second time is refused), she turns up
        UUID shift = new ShiftsApi(volunteering(org)).scheduleShift(conference, new NewShift().title("Bag stuffing")
                .task("bag-stuffing").location("Hall A").startsAt(OffsetDateTime.parse("2027-05-13T17:00:00-07:00"))
                .endsAt(OffsetDateTime.parse("2027-05-13T19:00:00-07:00")).capacity(20)).get("id");
        ShiftsApi alicesShifts = new ShiftsApi(volunteering(alice));
        assertThat(alicesShifts.signUpForShift(conference, shift, new NewVolunteer().attendeeId(attendee))
                .getAttendeeId()).isEqualTo(attendee);
        io.lanyard.client.volunteering.ApiException again = catchThrowableOfType(
                io.lanyard.client.volunteering.ApiException.class,
                () -> alicesShifts.signUpForShift(conference, shift, new NewVolunteer().attendeeId(attendee)));
        assertThat(again.getCode()).isEqualTo(409);
        assertThat(io.lanyard.client.volunteering.JSON.getDefault().getMapper()
                .readValue(again.getResponseBody(), io.lanyard.client.volunteering.model.Problem.class).getType())
                .isEqualTo(io.lanyard.client.volunteering.model.Problem.TypeEnum.URN_LANYARD_PROBLEM_ALREADY_SIGNED_UP);
        assertThat(alicesShifts.listShifts(conference)).filteredOn(entry -> entry.getId().equals(shift))
                .extracting(BoardEntry::getSignedUp, BoardEntry::getFree).containsExactly(tuple(1, 19));
        ShiftsApi organizersShifts = new ShiftsApi(volunteering(org));
        AttendanceReport present = new AttendanceReport().status("PRESENT");
        io.lanyard.client.volunteering.ApiException early = catchThrowableOfType(
                io.lanyard.client.volunteering.ApiException.class,
                () -> organizersShifts.recordShiftAttendance(conference, shift, attendee, present));
        assertThat(early.getCode()).as(early.getResponseBody()).isEqualTo(409);
        assertThat(early.getResponseBody()).contains("urn:lanyard:problem:not-started");
        duringConference("volunteering",
                () -> organizersShifts.recordShiftAttendance(conference, shift, attendee, present));

        // dinners: alice's seat is held until she pays
        DinnersApi organizersDinners = new DinnersApi(dinners(org));
        UUID dinner = organizersDinners.scheduleDinner(conference, new NewDinner().name("Museum dinner")
                .venue("Portland Art Museum").startsAt("2027-05-16T19:00:00-07:00").seats(200).priceCents(9500L)
                .currency("USD")).get("id");
        DinnersApi alicesDinners = new DinnersApi(dinners(alice));
        TicketAnswer ticket = alicesDinners.requestDinnerTicket(conference, dinner, new TicketRequest()
                .attendeeId(attendee).dietaryRequirements(List.of("vegetarian")), "alice-dinner-" + conference);
        assertThat(ticket.getStatus()).isEqualTo(TicketAnswer.StatusEnum.HELD);
        assertThat(alicesDinners.payDinnerTicket(conference, dinner, ticket.getId(),
                new Payment().paymentReference("pay-0001")).getStatus()).isEqualTo(PaymentAnswer.StatusEnum.CONFIRMED);
        assertThat(organizersDinners.listDinnerGuests(conference, dinner).getGuests())
                .singleElement().satisfies(guest -> {
                    assertThat(guest.getAttendeeId()).isEqualTo(attendee);
                    assertThat(guest.getDietaryRequirements()).containsExactly("vegetarian");
                });

        // sprints: a two-day sprint; alice joins the first day and the organizer marks her present on it
        SprintsApi organizersSprints = new SprintsApi(sprints(org));
        UUID sprint = organizersSprints.announceSprint(conference, new NewSprint().project("CPython")
                .description("Core sprint").leaderAttendeeId(attendee).capacity(12)
                .days(List.of("2027-05-20", "2027-05-21"))).getId();
        assertThat(new SprintsApi(sprints(alice)).signUpForSprint(conference, sprint, new NewParticipant()
                .attendeeId(attendee).days(List.of("2027-05-20"))).getDays()).containsExactly(LocalDate.parse("2027-05-20"));
        duringConference("sprints", () -> organizersSprints.recordSprintAttendance(conference, sprint, attendee,
                new Attendance().day("2027-05-20")));
        assertThat(organizersSprints.listSprintParticipants(conference, sprint)).singleElement()
                .satisfies(p -> assertThat(p.getAttendedDays()).containsExactly(LocalDate.parse("2027-05-20")));

        // a moment later alice's itinerary lists her shift, her paid dinner and her sprint day
        io.lanyard.client.registration.api.AttendeesApi itineraries =
                new io.lanyard.client.registration.api.AttendeesApi(registration(alice));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            View itinerary = itineraries.getItinerary(conference, attendee);
            assertThat(itinerary.getShifts()).singleElement().satisfies(s -> assertThat(s.getShiftId()).isEqualTo(shift));
            assertThat(itinerary.getDinnerTickets()).singleElement().satisfies(t -> {
                assertThat(t.getTicketId()).isEqualTo(ticket.getId());
                assertThat(t.getStatus()).isEqualTo("CONFIRMED");
            });
            assertThat(itinerary.getSprints()).singleElement().satisfies(p -> {
                assertThat(p.getSprintId()).isEqualTo(sprint);
                assertThat(p.getDays()).containsExactly("2027-05-20");
            });
        });
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Attendance is taken once the shift or sprint day has begun: the service's clock stands on the last evening. */
    private static void duringConference(String service, Call call) throws Exception {
        MovableClock clock = FullStack.service(service).bean(MovableClock.class);
        clock.moveTo(LAST_EVENING.toInstant());
        try {
            call.run();
        } finally {
            clock.reset();
        }
    }

    private static Problem problem(String body) throws Exception {
        return io.lanyard.client.registration.JSON.getDefault().getMapper().readValue(body, Problem.class);
    }

    private static io.lanyard.client.registration.ApiClient registration(String token) {
        io.lanyard.client.registration.ApiClient client = new io.lanyard.client.registration.ApiClient();
        client.updateBaseUri(baseUri("registration"));
        return token == null ? client : client.setRequestInterceptor(bearer(token));
    }

    private static io.lanyard.client.volunteering.ApiClient volunteering(String token) {
        io.lanyard.client.volunteering.ApiClient client = new io.lanyard.client.volunteering.ApiClient();
        client.updateBaseUri(baseUri("volunteering"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static io.lanyard.client.dinners.ApiClient dinners(String token) {
        io.lanyard.client.dinners.ApiClient client = new io.lanyard.client.dinners.ApiClient();
        client.updateBaseUri(baseUri("dinners"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static io.lanyard.client.sprints.ApiClient sprints(String token) {
        io.lanyard.client.sprints.ApiClient client = new io.lanyard.client.sprints.ApiClient();
        client.updateBaseUri(baseUri("sprints"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static String baseUri(String service) {
        return "http://localhost:" + FullStack.service(service).context().getEnvironment()
                .getRequiredProperty("local.server.port");
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }
}
