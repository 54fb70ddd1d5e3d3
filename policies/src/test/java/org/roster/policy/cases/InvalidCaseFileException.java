package org.roster.policy.cases;

import java.util.List;

/**
 * A case file that can't be read, with every problem found, each as {@code file:line:column: what}.
 *
 * <pre>{@code
 * try {
 *     CaseFile.read(Path.of("cases/default.yaml"), "policies/cases/default.yaml");
 * } catch (InvalidCaseFileException e) {
 *     e.problems().forEach(System.out::println); // policies/cases/default.yaml:7:5: unknown key "visble" ...
 * }
 * }</pre>
 */
public final class InvalidCaseFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidCaseFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order of the file. */
    public List<String> problems() {
        return problems;
    }
}
