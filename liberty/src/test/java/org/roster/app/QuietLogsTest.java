package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of the server's first-failure reports count as an expected refusal logged as a failure. */
class QuietLogsTest {

    private static String report(String exception, String dump) {
        return "------Start of DE processing------ = [12/7/26, 20:33:24:603 UTC]\n"
                + "Exception = " + exception + "\n"
                + "Source = com.ibm.ws.uow.UOWManagerImpl.runUnderCurrentUOW\n"
                + "probeid = 1130\n"
                + "Stack Dump = " + dump + "\n"
                + "\tat org.roster.app.http.Problem.conflict(Problem.java:60)\n";
    }

    @Test
    void aProblemAnswerIsARefusal() {
        assertThat(QuietLogs.refusal(report("org.roster.app.http.Problem", "org.roster.app.http.Problem: Version 51 was "
                + "written by compliance; another compliance officer must approve it (four eyes)."))).isPresent();
    }

    @Test
    void aFileNotFoundIsARefusal() {
        assertThat(QuietLogs.refusal(report("jakarta.servlet.ServletException", "jakarta.servlet.ServletException: "
                + "java.io.FileNotFoundException: SRVE0190E: File not found: /favicon.ico"))).isPresent();
    }

    @Test
    void aFailureIsNoRefusal() {
        assertThat(QuietLogs.refusal(report("java.lang.NullPointerException",
                "java.lang.NullPointerException: Cannot invoke \"String.length()\""))).isEmpty();
        assertThat(QuietLogs.refusal("not a report at all")).isEmpty();
    }
}
