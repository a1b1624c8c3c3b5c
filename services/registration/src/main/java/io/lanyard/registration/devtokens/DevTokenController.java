package io.lanyard.registration.devtokens;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.security.DevTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Mints tokens every service accepts, in the dev profile only; elsewhere this endpoint does not exist. */
@RestController
@Profile("dev")
class DevTokenController {

    record TokenRequest(@NotBlank @Size(max = 200) String subject,
                        List<@NotBlank @Pattern(regexp = "[A-Z_]{1,50}") String> roles) {
    }

    private final DevTokens tokens;

    DevTokenController(DevTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/dev/tokens")
    Map<String, String> mintDevToken(@Valid @RequestBody TokenRequest request) {
        return Map.of("token", tokens.mint(request.subject(), request.roles() == null ? List.of() : request.roles()));
    }
}
