package org.roster.records;

import java.util.List;
import java.util.Optional;

/**
 * The directory entries a signed-in person can be matched to: by their entry's id, or by the
 * address on it.
 *
 * <pre>{@code
 * Optional<String> self = identities.employeeWithId("p12");
 * List<String> candidates = identities.employeesWithMail("ana.ruiz@example.org", 2);
 * }</pre>
 */
public interface SignInIdentities {

    /** The id of the entry with this id, if there is one. */
    Optional<String> employeeWithId(String id);

    /**
     * The ids of entries whose address is {@code mail} ignoring case, at most {@code atMost} of
     * them; {@code mail} is given in lower case.
     */
    List<String> employeesWithMail(String mail, int atMost);
}
