package io.lanyard.platform.operations;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators list the read models and rebuild one from the event store. */
@RestController
@RequestMapping("/admin/read-models")
@PreAuthorize("hasRole('OPERATOR')")
class ReadModelController {

    private final ReadModelReplay replay;

    ReadModelController(ReadModelReplay replay) {
        this.replay = replay;
    }

    @GetMapping
    List<ReadModelReplay.ReadModel> listReadModels() {
        return replay.list();
    }

    @PostMapping("/{name}/replay")
    ReadModelReplay.Replayed replayReadModel(@PathVariable String name) throws NotReplayableException {
        return replay.replay(name);
    }
}
