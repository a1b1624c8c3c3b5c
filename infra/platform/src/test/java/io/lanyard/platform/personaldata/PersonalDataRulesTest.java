package io.lanyard.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PersonalDataRulesTest {

    record SpeakerInvited(UUID speakerId, String name, String email) {
    }

    record SpeakerMarked(@DataSubject UUID speakerId, @PersonalData String name, @PersonalData String email,
                         @NotPersonalData("the talk's") String talkName) {
    }

    record NoSubject(@PersonalData String dietaryRequirements) {
    }

    @Test
    void refuses_a_personal_looking_component_that_is_not_marked() {
        assertThat(PersonalDataRules.violations(SpeakerInvited.class))
                .anyMatch(v -> v.contains("SpeakerInvited.name"))
                .anyMatch(v -> v.contains("SpeakerInvited.email"))
                .noneMatch(v -> v.contains("speakerId"));
    }

    @Test
    void accepts_components_marked_either_way() {
        assertThat(PersonalDataRules.violations(SpeakerMarked.class)).isEmpty();
    }

    @Test
    void refuses_personal_data_without_a_subject() {
        assertThat(PersonalDataRules.violations(NoSubject.class)).singleElement().asString()
                .contains("no @DataSubject");
    }
}
