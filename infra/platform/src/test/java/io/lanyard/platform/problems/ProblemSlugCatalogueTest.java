package io.lanyard.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.lanyard.platform.web.Problems;

/**
 * The catalogue is the one list of slugs: every slug the contract (docs/api.md) promises is in it with the status
 * the contract gives, and every entry is a well-formed, unique slug. A refusal can only be made from an entry, so a
 * service cannot answer a slug the documents do not list.
 */
class ProblemSlugCatalogueTest {

    private static final Path CONTRACT = Path.of("../../docs/api.md");
    /** "409 `sold-out`/`already-registered`", "422 `not-registered`", "(400)" after a slug, "(all 409)" after a list. */
    private static final Pattern STATUS_THEN_SLUGS = Pattern.compile("\\b([45]\\d\\d) ((?:`[a-z-]+`/?)+)");
    private static final Pattern SLUG_THEN_STATUS = Pattern.compile("`([a-z-]+)` \\(([45]\\d\\d)\\)");
    private static final Pattern LIST_THEN_ALL = Pattern.compile("((?:`[a-z-]+`,\\s*)+`[a-z-]+`) \\(all ([45]\\d\\d)\\)");
    private static final Pattern SLUG = Pattern.compile("`([a-z-]+)`");

    @Test
    void every_slug_the_contract_names_is_in_the_catalogue_with_its_status() throws IOException {
        Map<String, Integer> promised = promisedSlugs(Files.readString(CONTRACT));
        assertThat(promised).as("slugs found in the contract").containsKeys("sold-out", "not-registered",
                "validation-failed", "sprint-full");

        Map<String, Integer> catalogue = new LinkedHashMap<>();
        Arrays.stream(ProblemSlug.values()).forEach(s -> catalogue.put(s.slug(), Problems.status(s).value()));
        assertThat(catalogue).containsAllEntriesOf(promised);
    }

    @Test
    void contract_slugs_are_marked_as_the_contracts() throws IOException {
        Map<String, Integer> promised = promisedSlugs(Files.readString(CONTRACT));
        for (ProblemSlug slug : ProblemSlug.values()) {
            if (promised.containsKey(slug.slug())) {
                assertThat(slug.origin()).as(slug.slug()).isEqualTo(ProblemSlug.Origin.CONTRACT);
            }
        }
    }

    @Test
    void every_entry_is_a_unique_kebab_case_slug() {
        assertThat(ProblemSlug.values()).extracting(ProblemSlug::slug)
                .doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void a_refusal_answers_with_its_catalogue_entry() {
        Refusal refusal = new NotRegisteredException("a1");
        assertThat(refusal.slug()).isEqualTo(ProblemSlug.NOT_REGISTERED);
        assertThat(Problems.status(refusal.slug()).value()).isEqualTo(422);
        assertThat(Problems.problem(refusal.slug(), refusal.getMessage()).getType())
                .hasToString("urn:lanyard:problem:not-registered");
    }

    /** Only the slugs of the contract's part that is built so far: the v1.1 section's arrive with their rules. */
    static Map<String, Integer> promisedSlugs(String contract) {
        String text = contract.substring(0, v11Start(contract));
        Map<String, Integer> slugs = new LinkedHashMap<>();
        Matcher statusThenSlugs = STATUS_THEN_SLUGS.matcher(text);
        while (statusThenSlugs.find()) {
            int status = Integer.parseInt(statusThenSlugs.group(1));
            Matcher slug = SLUG.matcher(statusThenSlugs.group(2));
            while (slug.find()) {
                slugs.put(slug.group(1), status);
            }
        }
        Matcher slugThenStatus = SLUG_THEN_STATUS.matcher(text);
        while (slugThenStatus.find()) {
            slugs.put(slugThenStatus.group(1), Integer.parseInt(slugThenStatus.group(2)));
        }
        Matcher list = LIST_THEN_ALL.matcher(text.replaceAll("\\s+", " "));
        while (list.find()) {
            Matcher slug = SLUG.matcher(list.group(1));
            while (slug.find()) {
                slugs.put(slug.group(1), Integer.parseInt(list.group(2)));
            }
        }
        return slugs;
    }

    private static int v11Start(String contract) {
        int v11 = contract.indexOf("# Contract v1.1");
        return v11 < 0 ? contract.length() : v11;
    }
}
