package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A policy prints the same in every process. A run judges what it may skip by a digest of that
 * print (the policy it plans and reads by): printed in another order after a restart, every entry
 * would be read again in full and every viewer planned again.
 */
class PolicyPrintTest {

    /** Prints the bundled policies, in a process of its own. */
    public static final class Print {
        public static void main(String[] args) {
            for (String name : Policies.BUNDLED) {
                System.out.println(Policies.bundled(name));
            }
        }
    }

    @Test
    void everyBundledPolicyPrintsTheSameInThreeProcesses() throws Exception {
        // the JDK orders its immutable sets by a seed drawn anew in every process
        String first = printedInANewProcess();

        assertThat(first).contains("regulated").isNotBlank();
        assertThat(printedInANewProcess()).isEqualTo(first);
        assertThat(printedInANewProcess()).isEqualTo(first);
        assertThat(first).isEqualTo(printedHere());
    }

    @Test
    void setsPrintInTheirFieldsOrderOrSorted() {
        Policy regulated = Policies.bundled("regulated");

        assertThat(regulated.fields()).containsExactly(PersonField.GIVEN_NAME, PersonField.SURNAME,
                PersonField.DISPLAY_NAME, PersonField.MOBILE, PersonField.DEPARTMENT, PersonField.TITLE);
        assertThat(regulated.phones().regions()).containsExactly("AT", "CH", "DE");
    }

    private static String printedHere() {
        StringBuilder printed = new StringBuilder();
        for (String name : Policies.BUNDLED) {
            printed.append(Policies.bundled(name)).append(System.lineSeparator());
        }
        return printed.toString();
    }

    private static String printedInANewProcess() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Print.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
