package io.lanyard.dinners.seating.read.dinners;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.web.NotFoundException;

@RestController
class DinnerQueryController {

    private final Organizers organizers;
    private final DinnerView view;

    DinnerQueryController(Organizers organizers, DinnerView view) {
        this.organizers = organizers;
        this.view = view;
    }

    @GetMapping("/conferences/{conferenceId}/dinners/{dinnerId}")
    DinnerView.DinnerSummary getDinner(@PathVariable UUID conferenceId, @PathVariable UUID dinnerId) {
        return view.find(conferenceId, dinnerId).orElseThrow(() -> new NotFoundException("dinner", dinnerId));
    }

    @GetMapping("/conferences/{conferenceId}/dinners")
    List<DinnerView.DinnerSummary> listDinners(@PathVariable UUID conferenceId) {
        organizers.requireConference(conferenceId);
        return view.all(conferenceId);
    }
}
