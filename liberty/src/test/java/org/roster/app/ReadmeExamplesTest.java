package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.roster.app.ReadmeExamples.Example;

class ReadmeExamplesTest {

    @Test
    void onlyCurlAndLdapsearchCommandsOfCodeBlocksAreExamplesWithTheirCommentsSetApart() {
        List<Example> examples = ReadmeExamples.parse("""
                Run `curl -s localhost:9080/not-in-a-block` here.

                ```sh
                export HTTP_PORT=9090
                curl -s -u admin:admin localhost:9080/api/runs   # runs, newest first
                # a comment alone
                mvn -P run package
                ```
                """);

        assertThat(examples).containsExactly(
                new Example(5, "curl -s -u admin:admin localhost:9080/api/runs", "runs, newest first", false));
    }

    @Test
    void blocksOtherThanShellAreNotRead() {
        List<Example> examples = ReadmeExamples.parse("""
                ```
                a tree's notes, where an apostrophe is no quote
                ```

                ```sql
                -- curl localhost:9080/api/runs
                ```
                """);

        assertThat(examples).isEmpty();
    }

    @Test
    void anExampleIndentedInAListIsFoundWithItsLine() {
        List<Example> examples = ReadmeExamples.parse("""
                - **A directory**:

                  ```sh
                  ldapsearch -x -H ldap://localhost:10389 -b dc=example,dc=org '(uid=p000100)'
                  ```
                """);

        assertThat(examples).containsExactly(new Example(4,
                "ldapsearch -x -H ldap://localhost:10389 -b dc=example,dc=org '(uid=p000100)'", "", false));
    }

    @Test
    void aQuotedBodySpanningLinesAndAContinuedLineEachStayOneExample() {
        List<Example> examples = ReadmeExamples.parse("""
                ```sh
                curl -s localhost:9080/api/sources -d '{
                  "id": "hr", "note": "# not a comment"}'
                curl -s -XPOST \\
                  localhost:9080/api/sources/hr/test
                ```
                """);

        assertThat(examples).extracting(Example::line).containsExactly(2, 4);
        assertThat(examples.get(0).command()).endsWith("\"# not a comment\"}'").contains("\n");
        assertThat(examples.get(0).comment()).isEmpty();
        assertThat(examples.get(1).command()).isEqualTo("curl -s -XPOST \\\n  localhost:9080/api/sources/hr/test");
    }

    @Test
    void everyExampleOfABlockWithAPlaceholderIsMarkedSoAndAStatusCommentIsAnExpectedRefusal() {
        List<Example> examples = ReadmeExamples.parse("""
                ```sh
                curl -s localhost:9080/api/sources -d '{"secrets": {"password": "…"}}'
                curl -s -XPOST localhost:9080/api/sources/hr/test
                ```

                ```sh
                curl -s -XPOST localhost:9080/api/runs   # 409: a run is under way
                ```
                """);

        assertThat(examples).extracting(Example::withPlaceholder).containsExactly(true, true, false);
        assertThat(examples).extracting(Example::expectedStatus).containsExactly(0, 0, 409);
    }

    @Test
    void aQuoteLeftOpenIsAMistakeNamingItsLine() {
        assertThatThrownBy(() -> ReadmeExamples.parse("""
                ```sh
                curl -s -d '{"dryRun": true} localhost:9080/api/runs
                ```
                """)).hasMessageContaining("line 2");
    }
}
