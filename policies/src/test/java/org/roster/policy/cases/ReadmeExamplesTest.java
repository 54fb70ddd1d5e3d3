package org.roster.policy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Policy;
import org.roster.policy.PolicyParser;

/** The examples in {@code policies/README.md} are what a policy owner copies: they must be true. */
class ReadmeExamplesTest {

    private static final Path README = Path.of(System.getProperty("basedir", "."), "README.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theFullPolicyExampleIsAValidPolicy() throws IOException, InvalidPolicyException {
        String example = blocks().stream().filter(b -> b.startsWith("policy: regulated") && b.contains("fields:"))
                .findFirst().orElseThrow();

        Policy policy = PolicyParser.parse("README.md", example);

        assertThat(policy.scope()).hasSize(2);
        assertThat(policy.cap()).contains(new Policy.Cap(150));
    }

    @Test
    void everyCaseFileExampleHolds() throws IOException, InvalidCaseFileException {
        List<String> examples = blocks().stream().filter(b -> b.contains("\ncases:")).toList();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);

        for (String example : examples) {
            for (PolicyCase c : CaseFile.parse("README.md", example, README.getParent()).cases()) {
                c.check();
            }
        }
    }

    private static List<String> blocks() throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
