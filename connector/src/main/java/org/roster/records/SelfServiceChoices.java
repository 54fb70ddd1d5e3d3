package org.roster.records;

import java.time.Instant;
import java.util.Optional;

/**
 * A port: the choices employees make on their own page (opt out, opt in where the policy asks for
 * consent), which the next run carries out. A change joins the caller's unit of work, so it commits
 * with the audit record of it.
 *
 * <pre>{@code
 * SelfServiceChoices.Choice now = choices.choose("p000100", true, null, clock.instant());
 * }</pre>
 */
public interface SelfServiceChoices {

    /** The employee's choice, or empty when they never made one. */
    Optional<Choice> choice(String employeeId);

    /**
     * Records a choice; a null leaves that part as it was (neither, for an employee who never chose).
     *
     * @return the choice as it now stands
     */
    Choice choose(String employeeId, Boolean optedOut, Boolean optedIn, Instant at);

    /** An employee's choice and when it was last made. */
    record Choice(boolean optedOut, boolean optedIn, Instant updatedAt) {
    }
}
