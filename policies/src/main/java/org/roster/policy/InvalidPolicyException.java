package org.roster.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file that can't be accepted, with every problem found and where it is.
 *
 * <pre>{@code
 * try {
 *     PolicyParser.parse("mine.yaml", text);
 * } catch (InvalidPolicyException e) {
 *     e.problems().forEach(p -> System.out.println(p)); // mine.yaml:4:3: unknown field "foo" ...
 * }
 * }</pre>
 */
public final class InvalidPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in a policy file.
     *
     * @param source  the file or name the text came from
     * @param line    1-based line
     * @param column  1-based column
     * @param message what is wrong, in words a policy author can act on
     */
    public record Problem(String source, int line, int column, String message) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public InvalidPolicyException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }
}
