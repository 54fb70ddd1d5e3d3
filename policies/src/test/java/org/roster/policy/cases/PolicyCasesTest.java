package org.roster.policy.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.ScopeRule;
import org.roster.policy.VisibilityRule;

/**
 * Runs every case file under {@code policies/cases/}: one test per case, named by the case.
 *
 * <p>A compliance officer adds cases by adding YAML, not Java; {@code policies/README.md} says how.
 */
class PolicyCasesTest {

    /** Surefire runs with the module's directory as {@code basedir}; an IDE may run from anywhere. */
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path CASES = MODULE.resolve("cases");

    @TestFactory
    Stream<DynamicNode> everyCaseInEveryCaseFileHolds() {
        List<Path> files = caseFiles();
        assertThat(files).as("case files under %s", CASES).isNotEmpty();
        return files.stream().map(file -> {
            String shown = shown(file);
            URI uri = file.toUri();
            try {
                CaseFile cases = CaseFile.read(file, shown);
                return dynamicContainer(shown, uri, cases.cases().stream().map(c -> dynamicTest(c.name(),
                        URI.create(uri + "?line=" + c.line()), c::check)));
            } catch (InvalidCaseFileException e) {
                return dynamicTest(shown + " is a well-formed case file", uri,
                        () -> fail(shown + " can't be read as a case file:\n" + e.getMessage()));
            }
        });
    }

    /**
     * A rule nobody wrote a case for is a rule nobody checked. The cap is left out: a case file
     * decides one viewer and one contact at a time, and the Java tests cover it.
     */
    @Test
    void everyRuleOfEveryBundledPolicyDecidesAtLeastOneCase() {
        Map<String, Set<String>> decidedBy = new HashMap<>();
        for (Path file : caseFiles()) {
            CaseFile cases;
            try {
                cases = CaseFile.read(file, shown(file));
            } catch (InvalidCaseFileException e) {
                continue; // the factory above reports it, once
            }
            for (PolicyCase c : cases.cases()) {
                Set<String> rules = decidedBy.computeIfAbsent(cases.policy().name(), k -> new HashSet<>());
                c.expect().rule().ifPresent(rules::add);
                c.expect().withheld().ifPresent(w -> rules.addAll(w.values()));
            }
        }
        for (String name : Policies.BUNDLED) {
            Policy policy = Policies.bundled(name);
            Set<String> missing = new TreeSet<>(rulesOf(policy));
            missing.removeAll(decidedBy.getOrDefault(policy.name(), Set.of()));

            assertThat(missing).as("rules of the bundled policy %s that no case in %s expects", name, CASES).isEmpty();
        }
    }

    private static List<String> rulesOf(Policy policy) {
        List<String> rules = new ArrayList<>();
        policy.scope().stream().map(ScopeRule::id).forEach(rules::add);
        policy.visibility().stream().map(VisibilityRule::id).forEach(rules::add);
        rules.add(Policy.OPT_OUT_RULE);
        rules.add("fields");
        if (policy.consent().required()) {
            rules.add(Policy.CONSENT_RULE);
        }
        if (!policy.phones().equals(Policy.PhoneAcceptance.ANY)) {
            rules.add(Policy.PHONES_RULE);
        }
        return rules;
    }

    private static List<Path> caseFiles() {
        if (!Files.isDirectory(CASES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(CASES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    // a policy of one's own, for cases to name, sits beside them as NAME.policy.yaml
                    .filter(f -> !f.getFileName().toString().matches(".*\\.policy\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as a person at the repository's root would name it: {@code policies/cases/default.yaml}. */
    private static String shown(Path file) {
        Path root = MODULE.getParent() == null ? MODULE : MODULE.getParent();
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
